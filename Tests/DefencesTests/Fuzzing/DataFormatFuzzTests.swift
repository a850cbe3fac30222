import Docker
import Foundation
import GoTemplates
import Kubectl
import KubernetesAPI
import StructuredData
import Testing

/// Fuzz targets for the data formats: JSON, YAML, image references, quantities, selectors,
/// Go templates and JSONPath. Each input must end in a value or the format's own error; where a
/// value prints back as text, that text must read back as the same value.
@Suite("Fuzzing data formats")
struct DataFormatFuzzTests {
    static let jsonSeeds = [SeedCorpus.podJSON, "[]", "{}", "0", "-1.5e10", "\"a\\u00e9\\n\"", "[1,[2,[3,{\"a\":null}]]]", "true", "{\"a\":[false,1e-7]}"]

    @Test func json() {
        Fuzzer.run(FuzzTarget(
            name: "json", seeds: Self.jsonSeeds,
            tokens: ["{", "}", "[", "]", ",", ":", "\"", "\\u", "\\", "null", "true", "1e", "-", "."],
            nesting: [("[", "]"), ("{\"a\":", "}"), ("[{\"b\":", "}]")]
        ) { text in
            let value = try JSONValue.parse(text)
            // Known finding (FuzzFindingsTests): numbers past float64 are read as infinity.
            guard !Self.hasNonFiniteNumber(value) else { return }
            let written: String = value.jsonText()
            guard let again = try? JSONValue.parse(written), Self.numeric(again) == Self.numeric(value) else {
                throw FuzzTarget.Garbage("the value printed as \(written.debugDescription) does not read back")
            }
        })
    }

    /// The value with every number as a double: `1.5e10` prints as `15000000000`, which reads back as an integer.
    static func numeric(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(.integer(let integer)): .number(.double(Double(integer)))
        case .array(let items): .array(items.map(numeric))
        case .object(let object): .object(JSONObject(pairs: object.map { ($0.key, numeric($0.value)) }))
        default: value
        }
    }

    static func hasNonFiniteNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .number(.double(let double)): !double.isFinite
        case .array(let items): items.contains(where: hasNonFiniteNumber)
        case .object(let object): object.contains { hasNonFiniteNumber($0.value) }
        default: false
        }
    }

    @Test func yaml() {
        let manifests = [
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\nspec:\n  containers:\n  - image: luksa/kubia\n    name: kubia\n    ports:\n    - containerPort: 8080\n      protocol: TCP\n",
            "a: &x [1, 2]\nb: *x\nc:\n  <<: {d: yes}\n---\n- 'q'\n- \"\\u00e9\"\n- |\n  text\n- >-\n  folded\n",
        ]
        Fuzzer.run(FuzzTarget(
            name: "yaml", seeds: manifests + SeedCorpus.lessons,
            tokens: ["- ", ": ", "\n", "  ", "---\n", "&a ", "*a", "<<: ", "{", "}", "[", "]", "|\n", ">-\n", "!!str ", "? ", "'", "\"", "#", "%YAML 1.1\n"],
            nesting: [("[", "]"), ("{a: ", "}"), ("- ", "")],
            maxLength: 8_192
        ) { text in
            _ = try YAMLDocuments.parse(text)
        })
    }

    @Test func imageReferences() {
        Fuzzer.run(FuzzTarget(
            name: "image reference",
            seeds: ["luksa/kubia", "busybox:latest", "localhost:5000/kubia:v1", "gcr.io/google-containers/pause:3.0",
                    "docker.io/library/nginx@sha256:" + String(repeating: "ab", count: 32), "a.b-c_d/e__f:1.0-x"],
            tokens: ["/", ":", "@", "sha256:", ".", "-", "_", "__", "localhost", "docker.io", "library", "A", "5000"]
        ) { text in
            let reference = try ImageReference(parsing: text)
            guard let again = try? ImageReference(parsing: reference.description), again == reference else {
                throw FuzzTarget.Garbage("\(reference.description.debugDescription) does not read back as itself")
            }
        })
    }

    @Test func quantities() {
        Fuzzer.run(FuzzTarget(
            name: "quantity", seeds: ["100m", "64Mi", "1", "0.5", "1.5Gi", "2e3", "-3k", "1E", "500Ki", "0.001"],
            tokens: ["m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "e", "E", "+", "-", ".", "0", "9"]
        ) { text in
            let quantity = try Quantity(parsing: text)
            guard let again = try? Quantity(parsing: quantity.description), again == quantity else {
                throw FuzzTarget.Garbage("\(quantity.description.debugDescription) does not read back as the same quantity")
            }
        })
    }

    @Test func labelSelectors() {
        Fuzzer.run(FuzzTarget(
            name: "label selector",
            seeds: ["app=kubia", "app!=kubia,rel=beta", "env in (prod,devel)", "env notin (prod)", "!app", "app", "creation_method=manual",
                    "app==kubia", "example.com/tier in (a, b ,c)"],
            tokens: [",", "=", "==", "!=", "!", " in ", " notin ", "(", ")", " ", "/", ".", "-", "_", "x"],
            nesting: [("(", ")")]
        ) { text in
            let selector = try Labels.Selector.parse(text)
            guard let again = try? Labels.Selector.parse(selector.description), again == selector else {
                throw FuzzTarget.Garbage("\(selector.description.debugDescription) does not read back as the same selector")
            }
        })
    }

    @Test func fieldSelectors() {
        Fuzzer.run(FuzzTarget(
            name: "field selector",
            seeds: ["status.phase=Running", "metadata.name!=kubia,spec.nodeName==minikube", "a=b\\,c", "x="],
            tokens: [",", "=", "==", "!=", "\\", "\\,", "\\=", "metadata.name", "."]
        ) { text in
            let selector = try Fields.Selector.parse(text)
            guard let again = try? Fields.Selector.parse(selector.description), again == selector else {
                throw FuzzTarget.Garbage("\(selector.description.debugDescription) does not read back as the same selector")
            }
        })
    }

    @Test func goTemplates() throws {
        let pod = try JSONValue.parse(SeedCorpus.podJSON)
        Fuzzer.run(FuzzTarget(
            name: "go template",
            seeds: ["{{.metadata.name}}", "{{range .spec.containers}}{{.name}} {{end}}", "{{if eq .status.phase \"Running\"}}up{{else}}down{{end}}",
                    "{{json .metadata.labels}}", "{{index .metadata.labels \"app\"}}", "{{with .spec}}{{len .containers}}{{end}}",
                    "{{- printf \"%s:%d\" .kind 3 -}}", "{{/* c */}}{{$x := .kind}}{{$x}}", "{{range $i, $c := .spec.containers}}{{$i}}{{end}}"],
            tokens: ["{{", "}}", "{{end}}", "{{else}}", "{{range .}}", "{{if .}}", "{{with .}}", "(", ")", "|", ".", "$", ":=", "\"", "`", "-", " "],
            nesting: [("{{if .}}", "{{end}}"), ("(", ")"), ("{{range .spec.containers}}", "{{end}}"), ("{{with .}}", "{{end}}")]
        ) { text in
            _ = try GoTemplate(parsing: text).render(pod)
        })
    }

    @Test func jsonPath() throws {
        let pod = try JSONValue.parse(SeedCorpus.podJSON)
        Fuzzer.run(FuzzTarget(
            name: "jsonpath",
            seeds: ["{.metadata.name}", "{.spec.containers[*].image}", "{range .spec.containers[*]}{.name}{\"\\n\"}{end}",
                    "{.status.conditions[?(@.type==\"Ready\")].status}", "{.spec.containers[0:2:1].ports[-1].containerPort}",
                    "{..name}", "{$.kind}", "{.metadata.labels['app']}", "{@}"],
            tokens: ["{", "}", "[", "]", "*", ".", "..", "?(", "@", "==", "\"", "'", ":", "-1", "range ", "end", "$", "\\"],
            nesting: [("{range .spec.containers[*]}", "{end}"), ("[", "]"), ("{", "}")]
        ) { text in
            _ = try JSONPath(text).execute(on: pod)
        })
    }
}
