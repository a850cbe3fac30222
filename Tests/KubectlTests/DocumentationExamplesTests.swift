import Testing
import Kubectl
import StructuredData

/// The sample document of the Kubernetes documentation's "JSONPath Support" page.
let documentationInput: JSONValue = [
    "kind": "List",
    "items": [
        [
            "kind": "None",
            "metadata": ["name": "127.0.0.1"],
            "status": [
                "capacity": ["cpu": "4"],
                "addresses": [["type": "LegacyHostIP", "address": "127.0.0.1"]],
            ],
        ],
        [
            "kind": "None",
            "metadata": ["name": "127.0.0.2"],
            "status": [
                "capacity": ["cpu": "8"],
                "addresses": [
                    ["type": "LegacyHostIP", "address": "127.0.0.2"],
                    ["type": "another", "address": "127.0.0.3"],
                ],
            ],
        ],
    ],
    "users": [
        ["name": "myself", "user": [:]],
        ["name": "e2e", "user": ["username": "admin", "password": "secret"]],
    ],
]

struct DocumentationExamplesTests {
    /// The page's table, with kubectl's real output where the table simplifies
    /// (the wildcard row prints space-separated names, not a bracketed list).
    @Test(arguments: [
        ("kind is {.kind}", "kind is List", "kind is List"),
        ("{.kind}", "List", "List"),
        ("{['kind']}", "List", "List"),
        ("{$.kind}", "List", "List"),
        ("{..name}", "127.0.0.1 127.0.0.2 myself e2e", "127.0.0.1 127.0.0.2 myself e2e"),
        ("{.items[*].metadata.name}", "127.0.0.1 127.0.0.2", "127.0.0.1 127.0.0.2"),
        ("{.users[0].name}", "myself", "myself"),
        ("{.items[*]['metadata.name', 'status.capacity']}",
         "127.0.0.1 127.0.0.2 {\"cpu\":\"4\"} {\"cpu\":\"8\"}", "127.0.0.1 127.0.0.2 map[cpu:4] map[cpu:8]"),
        ("{.users[?(@.name==\"e2e\")].user.password}", "secret", "secret"),
        ("{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
         "[127.0.0.1, {\"cpu\":\"4\"}] [127.0.0.2, {\"cpu\":\"8\"}] ", "[127.0.0.1, map[cpu:4]] [127.0.0.2, map[cpu:8]] "),
        ("{range .items[*]}{.metadata.name}{'\\t'}{end}", "127.0.0.1\t127.0.0.2\t", "127.0.0.1\t127.0.0.2\t"),
        ("{range .items[*]}{.metadata.name}{\"\\n\"}{end}", "127.0.0.1\n127.0.0.2\n", "127.0.0.1\n127.0.0.2\n"),
        ("{.items[0].status.addresses}", "[{\"address\":\"127.0.0.1\",\"type\":\"LegacyHostIP\"}]",
         "[map[address:127.0.0.1 type:LegacyHostIP]]"),
    ])
    func tableRow(template: String, current: String, legacy: String) throws {
        #expect(try JSONPath(template).execute(on: documentationInput) == current)
        #expect(try JSONPath(template, compositeStyle: .goValue).execute(on: documentationInput) == legacy)
    }

    @Test func currentObjectPrintsTheWholeInput() throws {
        let expected = #"{"items":[{"kind":"None","metadata":{"name":"127.0.0.1"},"status":{"addresses":[{"address":"127.0.0.1","type":"LegacyHostIP"}],"capacity":{"cpu":"4"}}},{"kind":"None","metadata":{"name":"127.0.0.2"},"status":{"addresses":[{"address":"127.0.0.2","type":"LegacyHostIP"},{"address":"127.0.0.3","type":"another"}],"capacity":{"cpu":"8"}}}],"kind":"List","users":[{"name":"myself","user":{}},{"name":"e2e","user":{"password":"secret","username":"admin"}}]}"#
        #expect(try JSONPath("{@}").execute(on: documentationInput) == expected)
        #expect(try JSONPath("{.users[0]}", compositeStyle: .goValue).execute(on: documentationInput)
            == "map[name:myself user:map[]]")
    }
}
