import KubernetesAPI
import StructuredData
import Testing

struct APILabelSelectorTests {
    @Test func matchLabelsAndExpressionsBecomeOneSortedSelector() throws {
        let labelSelector = LabelSelector(
            matchLabels: ["tier": "web", "app": "kubia"],
            matchExpressions: [
                LabelSelectorRequirement(key: "env", operator: "In", values: ["prod", "dev"]),
                LabelSelectorRequirement(key: "zone", operator: "NotIn", values: ["b"]),
                LabelSelectorRequirement(key: "canary", operator: "DoesNotExist"),
                LabelSelectorRequirement(key: "owner", operator: "Exists"),
            ])
        let selector = try labelSelector.selector()
        #expect(selector.description == "app=kubia,!canary,env in (dev,prod),owner,tier=web,zone notin (b)")
        #expect(selector.matches(["app": "kubia", "tier": "web", "env": "dev", "owner": "me"]))
        #expect(!selector.matches(["app": "kubia", "tier": "web", "env": "dev", "owner": "me", "canary": "1"]))
        #expect(LabelSelector.format(labelSelector) == selector.description)
    }

    @Test func nilSelectsNothingAndEmptySelectsEverything() throws {
        #expect(try LabelSelector.selector(for: nil) == .nothing)
        #expect(try LabelSelector.selector(for: LabelSelector()) == .everything)
        #expect(LabelSelector.format(nil) == "<none>")
        #expect(LabelSelector.format(LabelSelector()) == "<none>")
    }

    @Test(arguments: [
        (LabelSelectorRequirement(key: "a", operator: "Equals", values: ["x"]), "\"Equals\" is not a valid pod selector operator"),
        (LabelSelectorRequirement(key: "a", operator: "In"), "for 'in', 'notin' operators, values set can't be empty"),
        (LabelSelectorRequirement(key: "a", operator: "Exists", values: ["x"]), "values set must be empty for exists and does not exist"),
        (LabelSelectorRequirement(key: "-a", operator: "Exists"), "invalid label key \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
    ])
    func invalidExpressions(requirement: LabelSelectorRequirement, expected: String) {
        let labelSelector = LabelSelector(matchExpressions: [requirement])
        #expect(throws: Labels.SelectorError(expected)) { try labelSelector.selector() }
        #expect(LabelSelector.format(labelSelector) == "<error>")
    }

    @Test func jsonRoundTrip() throws {
        let json: JSONValue = [
            "matchLabels": ["app": "kubia"],
            "matchExpressions": [["key": "env", "operator": "In", "values": ["prod"]]],
        ]
        let labelSelector = try #require(LabelSelector(json: json))
        #expect(labelSelector.matchLabels == ["app": "kubia"])
        #expect(labelSelector.matchExpressions == [LabelSelectorRequirement(key: "env", operator: "In", values: ["prod"])])
        #expect(labelSelector.json == json)
        #expect(LabelSelector(json: ["matchLabels": ["app": 1]]) == nil)
        #expect(LabelSelector(json: "app=kubia") == nil)
    }
}

struct NodeSelectorTests {
    @Test func nodeAffinityTerms() throws {
        let selector = try LabelSelector.nodeSelector([
            LabelSelectorRequirement(key: "gpu", operator: "In", values: ["true"]),
            LabelSelectorRequirement(key: "cores", operator: "Gt", values: ["4"]),
        ])
        #expect(selector.description == "cores>4,gpu in (true)")
        #expect(selector.matches(["gpu": "true", "cores": "8"]))
        #expect(!selector.matches(["gpu": "true", "cores": "4"]))
        #expect(try LabelSelector.nodeSelector([]) == .nothing)
        #expect(throws: Labels.SelectorError("\"Equals\" is not a valid node selector operator")) {
            try LabelSelector.nodeSelector([LabelSelectorRequirement(key: "a", operator: "Equals", values: ["b"])])
        }
    }
}
