/// A named type of the API schema the server publishes (`v1.PodSpec`, `v1.Time`): either an
/// object with fields or a primitive with its own meaning.
public struct SchemaDefinition: Sendable {
    /// The OpenAPI definition name (`v1.PodSpec`).
    public let name: String
    /// What the type is, in a sentence or three.
    public let description: String
    /// The fields, in no particular order (explain sorts them); empty for primitives.
    public let fields: [SchemaField]
    /// For a primitive definition (`v1.Time` is a string), its JSON type; nil for objects.
    public let primitive: String?

    /// An object type.
    public init(_ name: String, _ description: String, _ fields: [SchemaField]) {
        self.name = name
        self.description = description
        self.fields = fields
        self.primitive = nil
    }

    /// A primitive type with a name of its own (`v1.Time`, `resource.Quantity`).
    public init(_ name: String, primitive: String, _ description: String) {
        self.name = name
        self.description = description
        self.fields = []
        self.primitive = primitive
    }

    /// The field called `name`, if the type has one.
    public func field(_ name: String) -> SchemaField? {
        fields.first { $0.name == name }
    }

    /// The object type reached by following field names (through lists and maps); nil when a
    /// name is unknown or leads to a primitive.
    public func definition(atPath names: [String]) -> SchemaDefinition? {
        var current = self
        for name in names {
            guard let next = current.field(name)?.type.objectDefinition else { return nil }
            current = next
        }
        return current
    }

    /// The field names in the order `kubectl explain` prints them (Go's byte-wise sort).
    public var sortedFields: [SchemaField] {
        fields.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }
}

/// One field of an object type: its JSON name, type, meaning and whether it must be given.
public struct SchemaField: Sendable {
    public let name: String
    public let type: SchemaType
    public let description: String
    public let required: Bool

    public init(_ name: String, _ type: SchemaType, _ description: String, required: Bool = false) {
        self.name = name
        self.type = type
        self.description = description
        self.required = required
    }
}

/// The type of a field: a JSON primitive, a named definition, or a list or map of either.
public indirect enum SchemaType: Sendable {
    case string
    case integer
    case boolean
    case definition(SchemaDefinition)
    case array(SchemaType)
    case map(SchemaType)

    /// The name `kubectl explain` shows in angle brackets (`string`, `Object`, `[]Object`, `map[string]string`).
    public var displayName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .boolean: "boolean"
        case .definition(let definition): definition.primitive ?? "Object"
        case .array(let element): "[]" + element.displayName
        case .map(let element): "map[string]" + element.displayName
        }
    }

    /// The object definition this type leads to through lists and maps, if any.
    public var objectDefinition: SchemaDefinition? {
        switch self {
        case .definition(let definition): definition.primitive == nil ? definition : nil
        case .array(let element), .map(let element): element.objectDefinition
        case .string, .integer, .boolean: nil
        }
    }
}

/// The schema of every kind the simulated server serves, as its OpenAPI document describes them.
public enum APISchema {
    /// The top-level definition of a kind (`Pod`), nil for kinds the schema does not know.
    public static func definition(forKind kind: String) -> SchemaDefinition? {
        Kinds.declaration(forKind: kind)?.schema
    }

    /// `apiVersion`, `kind` and `metadata`, which every kind starts with.
    static func typeAndObjectMeta(required: Bool = false) -> [SchemaField] {
        [
            SchemaField("apiVersion", .string, apiVersionText),
            SchemaField("kind", .string, kindText),
            SchemaField("metadata", .definition(objectMeta), "Standard metadata of the object: its name, namespace, labels, annotations and what the server records about it.", required: required),
        ]
    }

    static let apiVersionText = "The versioned schema this representation of the object follows, as group/version (or just the version for the core group). The server converts what it recognises to its current internal form and may refuse versions it does not know."
    static let kindText = "The REST resource this object represents, in CamelCase. The server can infer it from the endpoint the request went to, and it cannot be changed."
}
