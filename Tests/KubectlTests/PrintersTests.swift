import Testing
import Kubectl
import StructuredData

struct JSONPathPrinterTests {
    static let emptyList: JSONValue = [
        "apiVersion": "v1", "items": [], "kind": "List", "metadata": ["resourceVersion": "", "selfLink": ""],
    ]

    @Test func parseErrorsInKubectlWords() {
        #expect(throws: JSONPathError("error parsing jsonpath {.items[}, unterminated array")) {
            try JSONPathPrinter(template: "{.items[}")
        }
        #expect(throws: JSONPathError("jsonpath template format specified but no template given")) {
            try JSONPathPrinter(template: "")
        }
    }

    @Test func missingKeysPrintNothing() throws {
        let printer = try JSONPathPrinter(template: "{.items[*].metadata.name}{.nothing}")
        #expect(try printer.print(Self.emptyList) == "")
    }

    @Test func currentExecutionFailureCarriesTheDump() throws {
        let printer = try JSONPathPrinter(template: "{.items[0].metadata.name}")
        let expected = "error executing jsonpath \"{.items[0].metadata.name}\": Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[0].metadata.name}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"items\":[]interface {}{}, \"kind\":\"List\", \"metadata\":map[string]interface {}{\"resourceVersion\":\"\", \"selfLink\":\"\"}}\n\n\n"
        #expect(throws: JSONPathPrinter.ExecutionFailure(standardOutput: "", message: expected)) {
            try printer.print(Self.emptyList)
        }
    }

    @Test func legacyExecutionFailureDumpsToStandardOutput() throws {
        let printer = try JSONPathPrinter(template: "{.items[0].metadata.name}", generation: .legacy)
        let dump = "Error executing template: array index out of bounds: index 0, length 0. Printing more information for debugging the template:\n\ttemplate was:\n\t\t{.items[0].metadata.name}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{\"apiVersion\":\"v1\", \"items\":[]interface {}{}, \"kind\":\"List\", \"metadata\":map[string]interface {}{\"resourceVersion\":\"\", \"selfLink\":\"\"}}\n\n"
        let message = "error executing jsonpath \"{.items[0].metadata.name}\": array index out of bounds: index 0, length 0\n"
        #expect(throws: JSONPathPrinter.ExecutionFailure(standardOutput: dump, message: message)) {
            try printer.print(Self.emptyList)
        }
    }

    @Test func generationsPrintMapsDifferently() throws {
        let pod: JSONValue = ["metadata": ["name": "kubia", "labels": ["app": "kubia", "rel": "beta"]]]
        #expect(try JSONPathPrinter(template: "{.metadata.labels}").print(pod) == #"{"app":"kubia","rel":"beta"}"#)
        #expect(try JSONPathPrinter(template: "{.metadata.labels}", generation: .legacy).print(pod) == "map[app:kubia rel:beta]")
    }
}

struct CustomColumnsTests {
    static let pod: JSONValue = [
        "metadata": ["name": "kubia", "labels": ["app": "kubia"]],
        "spec": ["containers": [
            ["name": "kubia", "image": "luksa/kubia", "ports": [["containerPort": 8080, "protocol": "TCP"]]],
            ["name": "sidecar", "image": "busybox"],
        ]],
    ]

    @Test func headersAndCells() throws {
        let columns = try CustomColumns(
            spec: "NAME:.metadata.name,IMAGES:.spec.containers[*].image,PORT:{.spec.containers[0].ports[0].containerPort},LABELS:metadata.labels,NODE:.spec.nodeName")
        #expect(columns.headers == ["NAME", "IMAGES", "PORT", "LABELS", "NODE"])
        #expect(columns.columns.map(\.fieldSpec)
            == ["{.metadata.name}", "{.spec.containers[*].image}", "{.spec.containers[0].ports[0].containerPort}",
                "{.metadata.labels}", "{.spec.nodeName}"])
        #expect(try columns.row(for: Self.pod) == ["kubia", "luksa/kubia,busybox", "8080", "map[app:kubia]", "<none>"])
    }

    @Test func evaluationErrorsSurface() throws {
        let columns = try CustomColumns(spec: "X:.spec.containers[5].name")
        #expect(throws: JSONPathError("array index out of bounds: index 5, length 2")) { try columns.row(for: Self.pod) }
    }

    @Test(arguments: [
        ("", "custom-columns format specified but no custom columns given"),
        ("NAME", "unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>"),
        ("NAME:.a:b", "unexpected custom-columns spec: NAME:.a:b, expected <header>:<json-path-expr>"),
        ("NAME:{.a", "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"),
        ("NAME:.items[", "unterminated array"),
    ])
    func specErrors(spec: String, expected: String) {
        #expect(throws: JSONPathError(expected)) { try CustomColumns(spec: spec) }
    }

    @Test(arguments: [
        ("metadata.name", "{.metadata.name}"), (".metadata.name", "{.metadata.name}"), ("{metadata.name}", "{.metadata.name}"),
        ("{.metadata.name}", "{.metadata.name}"), (".", "{..}"), ("{.}", "{..}"), ("..name", "{..name}"), ("", ""),
    ])
    func relaxedExpressions(expression: String, expected: String) throws {
        #expect(try CustomColumns.relaxedExpression(expression) == expected)
    }
}

struct OutputFormatArgumentTests {
    @Test(arguments: [
        ("jsonpath={.items[*].metadata.name}", "", "jsonpath", "{.items[*].metadata.name}"),
        ("jsonpath=", "", "jsonpath", ""),
        ("jsonpath", "{.kind}", "jsonpath", "{.kind}"),
        ("custom-columns=NAME:.metadata.name", "", "custom-columns", "NAME:.metadata.name"),
        ("jsonpath-file=t.txt", "", "jsonpath-file", "t.txt"),
        ("", "{{.kind}}", "template", "{{.kind}}"),
        ("wide", "", "wide", ""),
        ("jsonpath={.a=b}", "", "jsonpath", "{.a=b}"),
    ])
    func splitting(output: String, template: String, format: String, argument: String) {
        let split = OutputFormatArgument(output: output, template: template)
        #expect(split.format == format)
        #expect(split.argument == argument)
    }
}
