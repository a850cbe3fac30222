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

    // Manifests and messages from real reports (aws-samples/aws-workshop-for-kubernetes#357,
    // coreos/container-linux-update-operator#198, brotandgames/ciao#83).
    static let capturedCases: [(String, String)] = [
        ("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: nginx-pod
              labels:
                name: nginx-pod
            spec:
              containers:
            - name: nginx
                image: nginx:latest
                ports:
                - containerPort: 80
            """, "error converting YAML to JSON: yaml: line 8: did not find expected key"),
        ("""
            kind: ReplicaSet
            apiVersion: apps/v1beta2
            metadata:
              name: myrs
            spec:
              replicas:5
              selector:
                matchlabels:
                  app: rsexample
            """, "error converting YAML to JSON: yaml: line 7: mapping values are not allowed in this context"),
        ("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: monitoring
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: ciao
              namespace: monitoring
            data:
              BASIC_AUTH_USERNAME: YWRtaW4=
              BASIC_AUTH_PASSWORD: cGFzc3dvcmQ=
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ciao
              namespace: monitoring
            spec:
              replicas: 1
              template:
                metadata:
              selector:
                  labels:
                    app: ciao
                spec:
                  containers:
                  - image: brotandgames/ciao:latest
                    name: ciao
            """, "error converting YAML to JSON: yaml: line 12: did not find expected key"),
    ]

    @Test(arguments: capturedCases)
    func capturedKubectlErrors(_ manifest: String, _ message: String) {
        do {
            _ = try YAMLDocuments.parse(manifest)
            Issue.record("expected an error")
        } catch {
            #expect(error.kubectlMessage == message)
        }
    }

    @Test func aliasBombsAreRefusedQuickly() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]\n"
        }
        do {
            _ = try YAMLDocuments.parse(text)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "yaml: document contains excessive aliasing")
        }
    }

    @Test func emptyStreamsHaveNoDocuments() throws {
        #expect(try YAMLDocuments.parse("").isEmpty)
        #expect(try YAMLDocuments.parse("---\n# nothing\n---\n\n").isEmpty)
        #expect(try JSONValue.parseYAML("") == .null)
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
