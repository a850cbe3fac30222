import StructuredData
import Testing
@testable import GoTemplates

/// The kubectl flavour of the engine: Go's messages name the template `output`, and the
/// functions are Go's builtins plus k8s.io/kubernetes pkg/printers' `exists`.
@Suite struct KubectlDialectTests {
    static let data: JSONValue = ["a": ["b": [1, nil], "s": "xy"]]

    @Test(arguments: [
        ("{{exists . \"a\" \"b\" 0}}", "true"),
        ("{{exists . \"a\" \"b\" 1}}", "false"),
        ("{{exists . \"a\" \"b\" 5}}", "false"),
        ("{{exists . \"a\" \"c\"}}", "false"),
        ("{{exists . \"a\" 0}}", "false"),
        ("{{exists . \"a\" \"s\" 1}}", "true"),
        ("{{exists .}}", "true"),
        ("{{if exists . \"a\"}}yes{{end}}", "yes"),
    ])
    func existsFollowsIndexes(_ example: (String, String)) throws {
        #expect(try GoTemplate(parsing: example.0, dialect: .kubectl).render(Self.data) == example.1)
    }

    @Test(arguments: [
        ("{{.x", "template: output:1: unclosed action"),
        ("{{upper .a}}", "template: output:1: function \"upper\" not defined"),
        ("{{json .a}}", "template: output:1: function \"json\" not defined"),
    ])
    func parseErrorsNameTheOutputTemplate(_ example: (String, String)) {
        #expect(throws: TemplateError(message: example.1)) { try GoTemplate(parsing: example.0, dialect: .kubectl) }
    }

    @Test func executionErrorsNameTheOutputTemplate() throws {
        let template = try GoTemplate(parsing: "{{.nope}}", dialect: .kubectl)
        #expect(throws: TemplateError(message: "template: output:1:2: executing \"output\" at <.nope>: map has no entry for key \"nope\"")) {
            try template.render(Self.data, missingKey: .error)
        }
        #expect(try template.render(Self.data) == "<no value>")
    }

    @Test func dockerKeepsItsFunctionsAndItsUnnamedTemplate() throws {
        #expect(try GoTemplate(parsing: "{{upper .a.s}}").render(Self.data) == "XY")
        #expect(throws: TemplateError(message: "template: :1: function \"exists\" not defined")) { try GoTemplate(parsing: "{{exists .}}") }
    }
}
