@testable import ControlPlane
@testable import KubernetesAPI
import StructuredData
import Testing

/// The explain schema and the API types must describe the same fields: a fully populated
/// object built from the schema decodes strictly, encodes back to the same field paths, and
/// every stored property of the types has a schema field.
struct SchemaCoverageTests {
    static let kinds: [String] = APIServer.kinds.map { $0.resource.kind }

    @Test(arguments: kinds)
    func everyServedKindHasASchema(kind: String) {
        #expect(APISchema.definition(forKind: kind) != nil)
    }

    @Test(arguments: kinds)
    func schemaAndTypeAgreeOnEveryField(kind: String) throws {
        let definition = try #require(APISchema.definition(forKind: kind))
        let type = try #require(APIServer.type(forKind: kind))
        let sample = Self.sample(definition)
        let decoded = try Self.decode(type, sample)
        let encoded = try JSONValueEncoder().encode(decoded)
        #expect(Self.paths(encoded).subtracting(Self.paths(sample)).sorted() == [], "fields the type writes that the schema lacks")
        #expect(Self.paths(sample).subtracting(Self.paths(encoded)).sorted() == [], "schema fields the type drops")
        var missing: [String] = []
        Self.checkProperties(of: decoded, against: definition, path: kind, missing: &missing)
        #expect(missing == [], "stored properties without a schema field")
    }

    @Test func requiredMarksFollowTheServersSchema() throws {
        let container = try #require(APISchema.definition(forKind: "Pod")?.field("spec")?.type.objectDefinition?.field("containers"))
        #expect(container.required)
        #expect(container.type.displayName == "[]Object")
        #expect(APISchema.definition(forKind: "Pod")?.field("metadata")?.required == false)
        #expect(APISchema.definition(forKind: "Event")?.field("metadata")?.required == true)
    }

    private static func decode<Object: APIObject>(_ type: Object.Type, _ value: JSONValue) throws -> any APIObject {
        try JSONValueDecoder(rejectsUnknownFields: true).decode(type, from: value)
    }

    /// A value for every field; enumerations get one of their cases.
    static func sample(_ definition: SchemaDefinition) -> JSONValue {
        var object = JSONObject()
        for field in definition.sortedFields {
            object[field.name] = sample(field.type, field: field.name, in: definition.name)
        }
        return .object(object)
    }

    static func sample(_ type: SchemaType, field: String, in owner: String) -> JSONValue {
        switch type {
        case .string:
            if owner == "v1.PodStatus" && field == "phase" { return "Pending" }
            if field == "status" { return "True" }
            return "text"
        case .integer: return 2
        case .boolean: return true
        case .array(let element): return .array([sample(element, field: field, in: owner)])
        case .map(let element): return .object(JSONObject(pairs: [("key", sample(element, field: field, in: owner))]))
        case .definition(let definition):
            switch definition.name {
            case "v1.Time": return "2018-03-06T09:00:00Z"
            case "resource.Quantity": return "100m"
            case "intstr.IntOrString": return 8080
            default: return sample(definition)
            }
        }
    }

    /// Every key path of a JSON value, list elements written as `[]`.
    static func paths(_ value: JSONValue, prefix: String = "") -> Set<String> {
        switch value {
        case .object(let object):
            var result: Set<String> = []
            for (key, nested) in object {
                let path = prefix + "." + key
                result.insert(path)
                result.formUnion(paths(nested, prefix: path))
            }
            return result
        case .array(let elements):
            return elements.reduce(into: Set<String>()) { $0.formUnion(paths($1, prefix: prefix + "[]")) }
        default:
            return []
        }
    }

    /// Walks the stored properties of a decoded value alongside its schema definition.
    static func checkProperties(of value: Any, against definition: SchemaDefinition, path: String, missing: inout [String]) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            guard let field = definition.field(label) else {
                missing.append(path + "." + label)
                continue
            }
            guard let nested = field.type.objectDefinition else { continue }
            for element in unwrapped(child.value) {
                checkProperties(of: element, against: nested, path: path + "." + label, missing: &missing)
            }
        }
    }

    /// The values inside optionals, lists and maps (empty for nil).
    static func unwrapped(_ value: Any) -> [Any] {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { unwrapped($0.value) } ?? []
        case .collection:
            return mirror.children.flatMap { unwrapped($0.value) }
        case .dictionary:
            return mirror.children.flatMap { pair in
                Mirror(reflecting: pair.value).children.dropFirst().flatMap { unwrapped($0.value) }
            }
        default:
            return [value]
        }
    }
}
