import Testing
@testable import StructuredData

@Suite("YAML reading")
struct YAMLParseTests {
    @Test func multiDocumentManifestKeepsOrderAndSkipsEmptyDocuments() throws {
        let text = """
            ---
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: kubia
            spec:
              replicas: 3
            ---
            # only a comment
            ---
            kind: Service
            apiVersion: v1
            spec:
              ports:
              - port: 80
                targetPort: "8080"
            --- \r
            """
        let documents = try YAMLDocuments.parse(text)
        #expect(documents.count == 2)
        #expect(documents[0].objectValue?.keys == ["apiVersion", "kind", "metadata", "spec"])
        #expect(documents[0]["spec"]?["replicas"] == .number(.integer(3)))
        #expect(documents[1].objectValue?.keys == ["kind", "apiVersion", "spec"])
        #expect(documents[1]["spec"]?["ports"] == [["port": 80, "targetPort": "8080"]])
    }

    static let typingCases: [(String, JSONValue)] = [
        ("8080", 8080), ("\"8080\"", "8080"), ("'8080'", "8080"), ("yes", true), ("No", false), ("on", true),
        ("OFF", false), ("y", true), ("true", true), ("~", nil), ("null", nil), ("", nil), ("1.5", 1.5),
        ("0x1F", 31), ("012", 10), ("09", 9.0), ("1_000", 1000), ("-0b101", -5), ("+7", 7), (".5", 0.5),
        ("1e3", 1000.0), ("2018-03-06", "2018-03-06"), ("2018-03-06T09:00:00Z", "2018-03-06T09:00:00Z"),
        ("1:20", "1:20"), ("nan", "nan"), ("kubia", "kubia"), ("!!str 80", "80"), ("!!int \"80\"", 80),
        ("|\n  a\n  b", "a\nb\n"), ("'it''s'", "it's"), ("\"\\t\\u00e9\"", "\té"), ("9223372036854775807", 9_223_372_036_854_775_807),
    ]

    @Test(arguments: typingCases)
    func scalarTypingFollowsGoYAMLVersion2(_ text: String, _ expected: JSONValue) throws {
        #expect(try JSONValue.parseYAML("v: " + text + "\n")["v"] == expected)
    }

    @Test func nonStringKeysBecomeStrings() throws {
        let value = try JSONValue.parseYAML("1: a\ntrue: b\nyes: c\n1.5: d\n")
        #expect(value.objectValue?.keys == ["1", "true", "1.5"])
        #expect(value["true"] == "c")
    }

    @Test func anchorsAliasesAndMerges() throws {
        let text = """
            base: &base
              image: luksa/kubia
              port: 8080
            first:
              <<: *base
              port: 9090
            list: [*base, {name: x}]
            """
        let value = try JSONValue.parseYAML(text)
        #expect(value["first"] == ["image": "luksa/kubia", "port": 9090])
        #expect(value["list"] == [["image": "luksa/kubia", "port": 8080], ["name": "x"]])
    }

    @Test func jsonManifestsAreReadAsAStream() throws {
        let documents = try YAMLDocuments.parse(" {\"kind\": \"Pod\"}\n{\"kind\": \"Service\"}")
        #expect(documents == [["kind": "Pod"], ["kind": "Service"]])
        #expect(throws: YAMLSyntaxError.self) { try YAMLDocuments.parse("{\n\"kind\": Pod}") }
        do {
            _ = try YAMLDocuments.parse("{\n\"kind\": Pod}")
        } catch {
            #expect(error.message == "json: line 2: invalid character 'P' looking for beginning of value")
            #expect(error.kubectlMessage == error.message)
        }
    }

    static let errorCases: [(String, String, Int, Int)] = [
        ("apiVersion: v1\nkind: Pod\nmetadata: name: kubia\n", "yaml: line 3: mapping values are not allowed in this context", 0, 1),
        ("a: 1\n---\nb: 2\nc: d: e\n", "yaml: line 2: mapping values are not allowed in this context", 1, 3),
        ("spec:\n\tcontainers: []\n", "yaml: line 2: found character that cannot start any token", 0, 1),
        // Parser errors name the 0-based line of the token after the mistake (a go-yaml v2 quirk).
        ("a:\n  b: 1\n c: 2\n", "yaml: line 2: did not find expected key", 0, 1),
        ("a: [1, 2\nb: 3\n", "yaml: line 1: did not find expected ',' or ']'", 0, 1),
        ("a: \"unterminated\n", "yaml: line 2: found unexpected end of stream", 0, 1),
        ("a: *nothing\n", "yaml: unknown anchor 'nothing' referenced", 0, 1),
        ("a: .inf\n", "json: unsupported value: +Inf", 0, 1),
        ("a: 1\na: 2\n", "yaml: unmarshal errors:\n  line 1: key \"a\" already set in map", 0, 1),
    ]

    @Test(arguments: errorCases)
    func errorsInGoYAMLWords(_ text: String, _ message: String, _ documentIndex: Int, _ startLine: Int) {
        #expect(throws: YAMLSyntaxError.self) { try YAMLDocuments.parse(text) }
        do {
            _ = try YAMLDocuments.parse(text)
        } catch {
            #expect(error.message == message)
            #expect(error.documentIndex == documentIndex)
            #expect(error.documentStartLine == startLine)
        }
    }

    @Test func kubectlWording() {
        do {
            _ = try YAMLDocuments.parse("kind: Pod\nmetadata: name: x\n")
            Issue.record("expected an error")
        } catch {
            #expect(error.kubectlMessage == "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context")
        }
    }
}
