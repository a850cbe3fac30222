import KubernetesAPI
import Testing

struct LabelSelectorMatchingTests {
    @Test(arguments: [
        ("app=kubia", ["app": "kubia"], true),
        ("app=kubia", ["app": "other"], false),
        ("app=kubia", [:], false),
        ("app==kubia", ["app": "kubia", "rel": "beta"], true),
        ("app!=kubia", [:], true),
        ("app!=kubia", ["app": "kubia"], false),
        ("app!=kubia", ["app": "web"], true),
        ("env in (prod,dev)", ["env": "prod"], true),
        ("env in (prod,dev)", ["env": "qa"], false),
        ("env in (prod,dev)", [:], false),
        ("env in (,prod)", ["env": ""], true),
        ("env notin (prod)", [:], true),
        ("env notin (prod)", ["env": "prod"], false),
        ("env notin (prod)", ["env": "qa"], true),
        ("env", ["env": ""], true),
        ("env", [:], false),
        ("!env", [:], true),
        ("!env", ["env": "x"], false),
        ("x>5", ["x": "6"], true),
        ("x>5", ["x": "5"], false),
        ("x>5", ["x": "a"], false),
        ("x>5", [:], false),
        ("x<5", ["x": "-1"], true),
        ("x<5", ["x": "+4"], true),
        ("app=kubia,rel=beta", ["app": "kubia", "rel": "beta"], true),
        ("app=kubia,rel=beta", ["app": "kubia"], false),
        ("", [:], true),
        ("", ["anything": "goes"], true),
    ] as [(String, [String: String], Bool)])
    func matching(selector: String, labels: [String: String], expected: Bool) throws {
        #expect(try Labels.Selector.parse(selector).matches(labels) == expected)
    }

    @Test func nothingMatchesNothing() {
        #expect(!Labels.Selector.nothing.matches([:]))
        #expect(!Labels.Selector.nothing.isEmpty)
        #expect(Labels.Selector.everything.matches(["a": "b"]))
        #expect(Labels.Selector.everything.isEmpty)
    }

    @Test func selectorFromSetIsSortedAndExact() {
        let selector = Labels.Selector(matching: ["rel": "beta", "app": "kubia"])
        #expect(selector.description == "app=kubia,rel=beta")
        #expect(selector.matches(["app": "kubia", "rel": "beta", "extra": "x"]))
        #expect(!selector.matches(["app": "kubia"]))
        #expect(selector.requiredExactValue(for: "app") == "kubia")
        #expect(selector.requiredExactValue(for: "tier") == nil)
    }

    @Test func addingResorts() throws {
        let selector = try Labels.Selector.parse("z=1")
            .adding([try Labels.Requirement(key: "a", operator: .exists, values: [])])
        #expect(selector.description == "a,z=1")
    }

    @Test func requirementValidation() {
        #expect(throws: Labels.SelectorError("for 'in', 'notin' operators, values set can't be empty")) {
            try Labels.Requirement(key: "a", operator: .in, values: [])
        }
        #expect(throws: Labels.SelectorError("exact-match compatibility requires one single value")) {
            try Labels.Requirement(key: "a", operator: .equals, values: ["x", "y"])
        }
        #expect(throws: Labels.SelectorError("for 'Gt', 'Lt' operators, exactly one value is required")) {
            try Labels.Requirement(key: "a", operator: .lessThan, values: [])
        }
    }

    @Test func formatLabels() {
        #expect(Labels.format([:]) == "<none>")
        #expect(Labels.format(["rel": "beta", "app": "kubia"]) == "app=kubia,rel=beta")
    }
}
