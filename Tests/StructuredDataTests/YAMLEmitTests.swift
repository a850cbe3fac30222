import Testing
@testable import StructuredData

@Suite("YAML text")
struct YAMLEmitTests {
    @Test func kubectlPodYAML() throws {
        let pod = try JSONValue.parse("""
            {"kind":"Pod","apiVersion":"v1","metadata":{"name":"kubia-manual","namespace":"default",
            "selfLink":"/api/v1/namespaces/default/pods/kubia-manual","uid":"8a6e1b2e-2131-11e8-9c3e-080027d5c1f4",
            "resourceVersion":"1234","creationTimestamp":"2018-03-06T09:00:00Z","labels":{"rel":"1.0","app":"kubia"}},
            "spec":{"containers":[{"name":"kubia","image":"luksa/kubia","ports":[{"containerPort":8080,"protocol":"TCP"}],
            "resources":{},"terminationMessagePath":"/dev/termination-log","imagePullPolicy":"Always",
            "volumeMounts":[{"name":"default-token-kvcqa","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}]}],
            "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","nodeName":"minikube",
            "securityContext":{},"schedulerName":"default-scheduler"},
            "status":{"phase":"Running","conditions":[{"type":"Initialized","status":"True","lastProbeTime":null,
            "lastTransitionTime":"2018-03-06T09:00:00Z"}],"podIP":"172.17.0.4"}}
            """)
        let expected = """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: 2018-03-06T09:00:00Z
              labels:
                app: kubia
                rel: "1.0"
              name: kubia-manual
              namespace: default
              resourceVersion: "1234"
              selfLink: /api/v1/namespaces/default/pods/kubia-manual
              uid: 8a6e1b2e-2131-11e8-9c3e-080027d5c1f4
            spec:
              containers:
              - image: luksa/kubia
                imagePullPolicy: Always
                name: kubia
                ports:
                - containerPort: 8080
                  protocol: TCP
                resources: {}
                terminationMessagePath: /dev/termination-log
                volumeMounts:
                - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
                  name: default-token-kvcqa
                  readOnly: true
              dnsPolicy: ClusterFirst
              nodeName: minikube
              restartPolicy: Always
              schedulerName: default-scheduler
              securityContext: {}
              terminationGracePeriodSeconds: 30
            status:
              conditions:
              - lastProbeTime: null
                lastTransitionTime: 2018-03-06T09:00:00Z
                status: "True"
                type: Initialized
              phase: Running
              podIP: 172.17.0.4

            """
        #expect(pod.yamlText() == expected)
        // Newer go-yaml quotes timestamps.
        #expect(pod.yamlText(style: .current).contains("  creationTimestamp: \"2018-03-06T09:00:00Z\"\n"))
        // And the YAML reads back as the same data.
        let reread = try JSONValue.parseYAML(expected)
        #expect(reread.yamlText() == expected, "\(reread.jsonText(indent: " "))")
    }

    static let quotingCases: [(String, String)] = [
        ("kubia", "kubia"), ("8080", #""8080""#), ("true", #""true""#), ("True", #""True""#), ("yes", #""yes""#),
        ("on", #""on""#), ("y", #""y""#), ("N", #""N""#), ("", #""""#), ("null", #""null""#), ("~", #""~""#),
        ("*", "'*'"), ("a: b", "'a: b'"), ("a:b", "a:b"), (" lead", "' lead'"), ("trail ", "'trail '"),
        ("-", "'-'"), ("- x", "'- x'"), ("-x", "-x"), ("#c", "'#c'"), ("a #b", "'a #b'"), ("a#b", "a#b"),
        ("1.5", #""1.5""#), ("1e3", #""1e3""#), ("0x1F", #""0x1F""#), ("012", #""012""#), ("09", #""09""#),
        ("1_000", #""1_000""#), ("1:20", #""1:20""#), ("+1", #""+1""#), ("-1", #""-1""#), ("+", "+"), (".5", #"".5""#),
        (".inf", #"".inf""#), (".", "."), ("172.17.0.4", "172.17.0.4"), ("2018-03-06", "2018-03-06"),
        ("'a", "'''a'"), ("a'b", "a'b"), ("tab\there", #""tab\there""#), ("中文", "中文"), ("😀", #""\U0001F600""#),
        ("{a}", "'{a}'"), ("[a]", "'[a]'"), ("a,b", "a,b"), ("@x", "'@x'"), ("%x", "'%x'"), ("!x", "'!x'"),
        ("&x", "'&x'"), ("|", "'|'"), (">", "'>'"), ("?x", "?x"), ("? x", "'? x'"), ("---", "'---'"), ("...", "'...'"),
        ("<<", "<<"), ("a\"b", "a\"b"), ("\"a", "'\"a'"), ("bell\u{7}", #""bell\a""#), ("nbsp\u{A0}x", "nbsp\u{A0}x"),
    ]

    @Test(arguments: quotingCases)
    func quoting(_ string: String, _ expected: String) throws {
        let value: JSONValue = ["k": .string(string)]
        #expect(value.yamlText() == "k: \(expected)\n")
        #expect(try JSONValue.parseYAML(value.yamlText()) == value)
    }

    @Test func keysAreQuotedLikeValues() {
        let value: JSONValue = ["8080": 1, "a b": 2, "": 3]
        #expect(value.yamlText() == "\"\": 3\n\"8080\": 1\na b: 2\n")
    }

    @Test func timestampsQuotedOnlyInCurrentStyle() {
        let value: JSONValue = ["d": "2018-03-06", "t": "2018-03-06 09:00:00", "x": "2018-3-6t9:0:0.5+01:00", "e": "2018-13-01"]
        #expect(value.yamlText() == "d: 2018-03-06\ne: 2018-13-01\nt: 2018-03-06 09:00:00\nx: 2018-3-6t9:0:0.5+01:00\n")
        #expect(value.yamlText(style: .current)
            == "d: \"2018-03-06\"\ne: 2018-13-01\nt: \"2018-03-06 09:00:00\"\nx: \"2018-3-6t9:0:0.5+01:00\"\n")
    }

    @Test func keyOrderFollowsGoYAML() {
        let value: JSONValue = ["item10": 1, "item9": 2, "a_b": 3, "aB": 4, "Z": 5, "b": 6]
        #expect(value.yamlText() == "Z: 5\na_b: 3\naB: 4\nb: 6\nitem9: 2\nitem10: 1\n")
        let padded: JSONValue = ["a10": 1, "a2": 2, "a01": 3, "a1": 4]
        #expect(padded.yamlText() == "a1: 4\na01: 3\na2: 2\na10: 1\n")
    }

    @Test func numbersBooleansAndNull() {
        let value: JSONValue = ["i": -5, "f": 0.5, "big": 1e21, "whole": 3.0, "m": 1_000_000.0, "t": true, "n": nil]
        #expect(value.yamlText() == "big: 1e+21\nf: 0.5\ni: -5\nm: 1e+06\n\"n\": null\nt: true\nwhole: 3\n")
    }

    @Test func nestedSequences() {
        let value: JSONValue = ["a": [[1, 2], ["b": []], [:]]]
        #expect(value.yamlText() == "a:\n- - 1\n  - 2\n- b: []\n- {}\n")
        let root: JSONValue = [["name": "x", "ports": [["p": 1]]], "s"]
        #expect(root.yamlText() == "- name: x\n  ports:\n  - p: 1\n- s\n")
    }

    @Test func multilineStringsEraAndCurrent() {
        let value: JSONValue = ["data": ["conf": "a\nb\n", "short": "x\ny"]]
        #expect(value.yamlText() == "data:\n  conf: 'a\n\n    b\n\n'\n  short: 'x\n\n    y'\n")
        #expect(value.yamlText(style: .current) == "data:\n  conf: |\n    a\n    b\n  short: |-\n    x\n    y\n")
        let spaced: JSONValue = ["s": "  indented\n\nend\n\n"]
        #expect(spaced.yamlText(style: .current) == "s: |2+\n    indented\n\n  end\n\n")
        // Trailing spaces before a newline force double quotes in both styles.
        let trailing: JSONValue = ["s": "a \nb"]
        #expect(trailing.yamlText() == "s: \"a \\nb\"\n")
        #expect(trailing.yamlText(style: .current) == "s: \"a \\nb\"\n")
    }

    @Test func longPlainStringsFoldAtEightyColumns() throws {
        let words = (1...12).map { "word-" + String(repeating: "0", count: 4 - String($0).count) + String($0) }
        let value: JSONValue = ["message": .string(words.joined(separator: " "))]
        let expected = "message: " + words[0..<8].joined(separator: " ") + "\n  " + words[8...].joined(separator: " ") + "\n"
        #expect(value.yamlText() == expected)
        #expect(try JSONValue.parseYAML(expected) == value)
    }

    @Test func longDoubleQuotedStringsFoldWithEscapes() throws {
        let words = (1...12).map { "word-" + String(repeating: "0", count: 4 - String($0).count) + String($0) }
        let value: JSONValue = ["message": .string("\t" + words.joined(separator: " "))]
        let expected = "message: \"\\t" + words[0..<7].joined(separator: " ") + "\n  " + words[7...].joined(separator: " ") + "\"\n"
        #expect(value.yamlText() == expected)
        #expect(try JSONValue.parseYAML(expected) == value)
    }

    @Test func foldsLikeARealKubectlCapture() throws {
        // kubernetes/kubernetes#36222 (kubectl 1.3): a config file that had to be double-quoted, folded after
        // column 80 at a space, continued at the value's indentation. (The issue shows an excerpt, so only the
        // first fold is compared.)
        let file = "###\n# app configuration\n# http://docs.pylonsproject.org/projects/pyramid/en/1.5-branch/narr/environment.html\n"
            + "###\n\n[global]\nenv = INT\n\n[app:main]\nuse = egg:ihm\n\t\n"
        let value: JSONValue = ["apiVersion": "v1", "data": ["int.ini": .string(file)]]
        let expected = #"""
            apiVersion: v1
            data:
              int.ini: "###\n# app configuration\n# http://docs.pylonsproject.org/projects/pyramid/en/1.5-branch/narr/environment.html\n###\n\n[global]\nenv
                = INT\n\n[app:main]\nuse = egg:ihm\n\t\n"
            kind: ConfigMap

            """#
        var withKind = value
        withKind["kind"] = "ConfigMap"
        #expect(withKind.yamlText() == expected)
        #expect(try JSONValue.parseYAML(expected) == withKind)
    }

    @Test func scalarDocuments() {
        #expect(JSONValue.string("hello").yamlText() == "hello\n")
        #expect(JSONValue.object(JSONObject()).yamlText() == "{}\n")
        #expect(JSONValue.array([]).yamlText() == "[]\n")
    }
}
