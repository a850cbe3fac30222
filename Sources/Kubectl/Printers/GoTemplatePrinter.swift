import GoTemplates
import StructuredData

/// The `-o go-template=…` / `--template` printer of kubectl 1.8 (pkg/printers/template.go).
struct GoTemplatePrinter {
    let template: GoTemplate
    let text: String
    let allowsMissingKeys: Bool

    /// Parses as `GetStandardPrinter` does: `error parsing template {{.x, template: output:1: unclosed action`.
    init(template text: String, allowsMissingKeys: Bool) throws(KubectlError) {
        guard !text.isEmpty else { throw .message("template format specified but no template given") }
        do {
            template = try GoTemplate(parsing: text, dialect: .kubectl)
        } catch {
            throw .message("error parsing template \(text), \(error.message)")
        }
        self.text = text
        self.allowsMissingKeys = allowsMissingKeys
    }

    /// The output for `object`; on failure kubectl writes a debugging dump to standard output
    /// and returns `error executing template "…": …`.
    func print(_ object: JSONValue) throws(JSONPathPrinter.ExecutionFailure) -> String {
        // kubectl decodes the object into map[string]interface{}, where every number is a float64.
        let object = Self.decoded(object)
        do {
            return try template.render(object, missingKey: allowsMissingKeys ? .noValue : .error)
        } catch {
            let dump = "Error executing template: \(error.message). Printing more information for debugging the template:\n"
                + "\ttemplate was:\n\t\t\(text)\n"
                + "\traw data was:\n\t\t\(object.jsonText(escapesHTML: true))\n"
                + "\tobject given to template engine was:\n\t\t\(GoValueFormatting.plain(object))\n\n"
            throw JSONPathPrinter.ExecutionFailure(
                standardOutput: dump,
                message: "error executing template \(GoValueFormatting.goSyntax(.string(text))): \(error.message)")
        }
    }

    static func decoded(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(.integer(let number)): .number(.double(Double(number)))
        case .array(let items): .array(items.map(decoded))
        case .object(var object):
            {
                for key in object.keys { object[key] = object[key].map(decoded) }
                return .object(object)
            }()
        default: value
        }
    }
}
