import Eras
import Formatting
import KubernetesAPI
import StructuredData

/// The `-o` printers other than tables: yaml, json, name, jsonpath, go-template, custom-columns.
enum ObjectOutput {
    case table(wide: Bool)
    case yaml
    case json
    case name
    case jsonPath(JSONPathPrinter)
    case customColumns(CustomColumns)
    case goTemplate(GoTemplatePrinter)

    /// Reads `-o` (and `--template`) as the era's kubectl does.
    /// The `-file` formats read their file through `files` (relative to kubectl's working directory).
    static func parse(_ output: String, template: String = "", command: String, era: Era,
                      allowsMissingKeys: Bool = true, files: Invocation? = nil) throws(KubectlError) -> ObjectOutput {
        let argument = OutputFormatArgument(output: output, template: template)
        /// kubectl 1.8's printers.go: the file's text, or "error reading template …" with Go's wording.
        func fileText(_ noFileMessage: String) throws(KubectlError) -> String {
            guard !argument.argument.isEmpty else { throw .message(noFileMessage) }
            guard let files else { throw .message("error reading template \(argument.argument), open \(argument.argument): no such file or directory") }
            let path = files.context.resolve(argument.argument)
            do {
                let bytes = try files.context.machine.fileSystem.readFile(path, as: files.context.user)
                return String(decoding: bytes, as: UTF8.self)
            } catch {
                let operation = error.code == .EISDIR ? "read" : "open"
                throw .message("error reading template \(argument.argument), \(operation) \(argument.argument): \(error.code.message.lowercased())")
            }
        }
        switch argument.format {
        case "": return .table(wide: false)
        case "wide": return .table(wide: true)
        case "yaml": return .yaml
        case "json": return .json
        case "name": return .name
        case "jsonpath":
            do {
                return .jsonPath(try JSONPathPrinter(template: argument.argument, generation: .init(era), allowsMissingKeys: allowsMissingKeys))
            } catch {
                throw .message(error.message)
            }
        case "go-template", "template":
            return .goTemplate(try GoTemplatePrinter(template: argument.argument, allowsMissingKeys: allowsMissingKeys))
        case "go-template-file", "templatefile":
            let text = try fileText("templatefile format specified but no template file given")
            return .goTemplate(try GoTemplatePrinter(template: text, allowsMissingKeys: allowsMissingKeys))
        case "jsonpath-file":
            let text = try fileText("jsonpath file format specified but no template file given")
            do {
                return .jsonPath(try JSONPathPrinter(template: text, generation: .init(era), allowsMissingKeys: allowsMissingKeys))
            } catch {
                // 1.8 names the file's text as a template here, not as a jsonpath.
                let prefix = "error parsing jsonpath \(text), "
                let cause = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
                throw .message("error parsing template \(text), " + cause)
            }
        case "custom-columns-file":
            let text = try fileText("error reading template , open : no such file or directory")
            do {
                return .customColumns(try CustomColumns(template: text))
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

    var formatName: String {
        switch self {
        case .table(let wide): wide ? "wide" : ""
        case .yaml: "yaml"
        case .json: "json"
        case .name: "name"
        case .jsonPath: "jsonpath"
        case .customColumns: "custom-columns"
        case .goTemplate: "go-template"
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
        case .name:
            return objects.map { ObjectOutput.name(of: $0) + "\n" }.joined()
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
        default:
            return try render(document: document, invocation: invocation)
        }
    }

    /// The text for one document (an object, a List or a kubeconfig) in the generic printers.
    func render(document: JSONValue, invocation: Invocation) throws(KubectlError) -> String {
        switch self {
        case .yaml:
            return document.yamlText(style: invocation.era.kubectl.yamlStyle)
        case .json:
            return document.jsonText(indent: "    ") + "\n"
        case .goTemplate(let printer):
            do {
                return try printer.print(document)
            } catch {
                invocation.print(error.standardOutput)
                throw .message(error.message)
            }
        case .jsonPath(let printer):
            do {
                return try printer.print(document)
            } catch {
                invocation.print(error.standardOutput)
                throw .message(error.message.hasSuffix("\n") ? String(error.message.dropLast()) : error.message)
            }
        case .customColumns(let columns):
            do {
                return TabWriter.format([columns.headers, try columns.row(for: document)], with: invocation.era.kubectl.tables)
            } catch {
                throw .message(error.message)
            }
        case .name, .table:
            throw .message("output format \(goQuoted(self.formatName)) not supported here")
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

extension Commands {
    static let allowMissingTemplateKeysHelp = "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats."
}

extension ParsedFlags {
    /// `--allow-missing-template-keys`, true unless turned off.
    var allowsMissingTemplateKeys: Bool { string("allow-missing-template-keys") != "false" }
}
