import GoTemplates
import Foundation
import Simulation
import StructuredData
import Testing
@testable import Docker

/// Seeded fuzzing of the formats behind docker and kubectl: JSON, YAML, Go templates, Dockerfile
/// substitutions and image references parse or fail, never crashing.
@Suite struct FormatFuzzTests {
    static let documents = [
        "{\"a\": [1, 2.5e3, \"x\\u00e9\", null, true], \"b\": {\"c\": {}}}",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia\n  labels: {app: kubia}\nspec:\n  containers:\n  - image: luksa/kubia\n    name: kubia\n    ports:\n    - containerPort: 8080\n",
        "- a\n- [b, c]\n- {d: e}\n---\nkey: &x value\nother: *x\n", "{{.Name}} {{range .Config.Env}}{{.}} {{end}}{{if .State.Running}}up{{else}}down{{end}}",
        "${HOME:-/root}/app ${A:+set} $B 'q' \"d\"", "docker.io/library/node:7@sha256:" + String(repeating: "a", count: 64),
    ]
    static let fragments = ["{", "}", "[", "]", ":", ",", "-", "\n", "  ", "\"", "'", "&", "*", "!!", "{{", "}}", "(", ")", "$", "|",
                            "1e999", "9223372036854775808", "\t", "#", "@", "/"]

    @Test(arguments: 0..<4)
    func mutatedDocumentsNeverCrashTheirParsers(seed: UInt64) {
        var fuzzer = MutationFuzzer(seed: 3000 + seed, corpus: Self.documents, fragments: Self.fragments)
        let count = MutationFuzzer.iterations(standard: 60, environment: ProcessInfo.processInfo.environment)
        let data: JSONValue = ["Name": "/kubia", "Config": ["Env": ["A=1"]], "State": ["Running": true]]
        for _ in 0..<count {
            let text = fuzzer.next()
            _ = try? JSONValue.parse(text)
            _ = try? YAMLDocuments.parse(text)
            if let template = try? GoTemplate(parsing: text) { _ = try? template.render(data) }
            _ = try? WordExpander(environment: ["HOME=/root", "A=1"]).expandToWords(text)
            _ = try? ImageReference(parsing: text)
            _ = try? Dockerfile(parsing: "FROM node:7\nENV " + text + "\nRUN " + text)
        }
    }
}
