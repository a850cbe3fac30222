import Eras
import Formatting
import Kubernetes
import StructuredData

/// The `-o` printers other than tables: yaml, json, name, jsonpath, custom-columns.
enum ObjectOutput {
    case table(wide: Bool)
    case yaml
    case json
    case name
    case jsonPath(JSONPathPrinter)
    case customColumns(CustomColumns)

    /// Reads `-o` (and `--template`) as the era's kubectl does.
    static func parse(_ output: String, template: String = "", command: String, era: Era) throws(KubectlError) -> ObjectOutput {
        let argument = OutputFormatArgument(output: output, template: template)
        switch argument.format {
        case "": return .table(wide: false)
        case "wide": return .table(wide: true)
        case "yaml": return .yaml
        case "json": return .json
        case "name": return .name
        case "jsonpath":
            do {
                return .jsonPath(try JSONPathPrinter(template: argument.argument, generation: .init(era)))
            } catch {
                throw .message(error.message)
            }
        case "custom-columns":
            do {
                return .customColumns(try CustomColumns(spec: argument.argument))
            } catch {
                throw .message(error.message)
            }
        default:
            throw .message("output format \(goQuoted(output)) not recognized")
        }
    }

    var isTable: Bool {
        if case .table = self { return true }
        return false
    }

    /// A list wrapper for several objects, as kubectl printed it.
    static func list(_ items: [JSONValue]) -> JSONValue {
        .object(JSONObject(pairs: [
            ("apiVersion", "v1"), ("items", .array(items)), ("kind", "List"),
            ("metadata", .object(JSONObject(pairs: [("resourceVersion", ""), ("selfLink", "")]))),
        ]))
    }

    /// `pods/kubia-x`: kubectl 1.8 named objects by their plural resource.
    static func name(of object: any APIObject) -> String {
        Swift.type(of: object).resource.name + "/" + object.name
    }

    /// The text for objects that are printed together (one object, or a List).
    func render(_ objects: [any APIObject], asList: Bool, invocation: Invocation) throws(KubectlError) -> String {
        let values = objects.map { ObjectOutput.withTypeMeta($0) }
        let document = asList || values.count != 1 ? ObjectOutput.list(values) : values[0]
        switch self {
        case .yaml:
            return document.yamlText(style: invocation.era.kubectl.yamlStyle)
        case .json:
            return document.jsonText(indent: "    ") + "\n"
        case .name:
            return objects.map { ObjectOutput.name(of: $0) + "\n" }.joined()
        case .jsonPath(let printer):
            do {
                return try printer.print(document)
            } catch {
                invocation.print(error.standardOutput)
                throw .message(error.message.hasSuffix("\n") ? String(error.message.dropLast()) : error.message)
            }
        case .customColumns(let columns):
            var rows = [columns.headers]
            for value in values {
                do {
                    rows.append(try columns.row(for: value))
                } catch {
                    throw .message(error.message)
                }
            }
            return TabWriter.format(rows, with: invocation.era.kubectl.tables)
        case .table:
            return ""
        }
    }

    /// The object with `apiVersion` and `kind` filled in, as the server returns it.
    static func withTypeMeta(_ object: any APIObject) -> JSONValue {
        var copy = object
        let resource = Swift.type(of: object).resource
        if (copy.apiVersion ?? "").isEmpty { copy.apiVersion = resource.preferredAPIVersion }
        if (copy.kind ?? "").isEmpty { copy.kind = resource.kind }
        return copy.jsonValue
    }
}
