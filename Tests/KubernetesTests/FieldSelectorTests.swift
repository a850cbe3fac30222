import KubernetesAPI
import Testing

struct FieldSelectorTests {
    @Test(arguments: [
        ("", ""),
        ("metadata.name=kubia", "metadata.name=kubia"),
        ("metadata.name==kubia", "metadata.name=kubia"),
        ("status.phase!=Running", "status.phase!=Running"),
        ("b=2,a=1", "a=1,b=2"),
        ("a=b,,c=d", "a=b,c=d"),
        ("a=x\\,y", "a=x\\,y"),
        ("a=x\\=y", "a=x\\=y"),
        ("a=x\\\\y", "a=x\\\\y"),
        ("spec.nodeName=", "spec.nodeName="),
        ("=b", "=b"),
    ])
    func canonicalForm(input: String, expected: String) throws {
        #expect(try Fields.Selector.parse(input).description == expected)
    }

    @Test func unescapedValues() throws {
        let selector = try Fields.Selector.parse("a=x\\,y,b=p\\=q,c=r\\\\s")
        #expect(selector.requirements.map(\.value) == ["x,y", "p=q", "r\\s"])
    }

    @Test(arguments: [
        ("a=b=c", "invalid field selector: unescaped character in value: 61"),
        ("a==b,c", "invalid selector: 'a==b,c'; can't understand 'c'"),
        ("abc", "invalid selector: 'abc'; can't understand 'abc'"),
        ("a!b", "invalid selector: 'a!b'; can't understand 'a!b'"),
        ("a=b\\", "invalid field selector: invalid escape sequence: \\"),
        ("a=b\\x", "invalid field selector: invalid escape sequence: \\x"),
    ])
    func parseError(input: String, expected: String) {
        #expect(throws: Fields.SelectorError(expected)) { try Fields.Selector.parse(input) }
    }

    @Test(arguments: [
        ("status.phase=Running", ["status.phase": "Running"], true),
        ("status.phase=Running", ["status.phase": "Pending"], false),
        ("status.phase!=Running", ["status.phase": "Pending"], true),
        ("spec.nodeName=", [:], true),
        ("spec.nodeName!=", [:], false),
        ("spec.nodeName=minikube,metadata.namespace=default", ["spec.nodeName": "minikube", "metadata.namespace": "default"], true),
        ("spec.nodeName=minikube,metadata.namespace=default", ["spec.nodeName": "minikube", "metadata.namespace": "kube-system"], false),
        ("", ["a": "b"], true),
    ] as [(String, [String: String], Bool)])
    func matching(selector: String, fields: [String: String], expected: Bool) throws {
        let parsed = try Fields.Selector.parse(selector)
        #expect(parsed.matches(fields) == expected)
        #expect(parsed.matches { fields[$0] } == expected)
    }

    @Test func supportedFields() throws {
        let selector = try Fields.Selector.parse("metadata.name=a,spec.foo=b")
        #expect(throws: Fields.SelectorError("field label not supported: spec.foo")) {
            try selector.checkFields(supported: ["metadata.name", "metadata.namespace"])
        }
        #expect(selector.requiredExactValue(for: "metadata.name") == "a")
    }

    @Test func escaping() throws {
        #expect(Fields.escape("a,b=c\\d") == "a\\,b\\=c\\\\d")
        #expect(try Fields.unescape(Fields.escape("a,b=c\\d")) == "a,b=c\\d")
    }
}
