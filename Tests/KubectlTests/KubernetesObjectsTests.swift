import Testing
import Kubectl
import StructuredData

/// client-go's Kubernetes-shaped cases: node lists, ranges, nested ranges, filters, slices.
struct KubernetesObjectsTests {
    static let nodes: JSONValue = [
        "kind": "List",
        "items": [
            [
                "kind": "None",
                "metadata": ["name": "127.0.0.1", "labels": ["kubernetes.io/hostname": "127.0.0.1"]],
                "status": [
                    "capacity": ["cpu": "4"], "ready": true,
                    "addresses": [["type": "LegacyHostIP", "address": "127.0.0.1"]],
                ],
            ],
            [
                "kind": "None",
                "metadata": ["name": "127.0.0.2", "labels": ["kubernetes.io/hostname": "127.0.0.2"]],
                "status": [
                    "capacity": ["cpu": "8"], "ready": false,
                    "addresses": [
                        ["type": "LegacyHostIP", "address": "127.0.0.2"], ["type": "another", "address": "127.0.0.3"],
                    ],
                ],
            ],
        ],
        "users": [
            ["name": "myself", "user": [:]],
            ["name": "e2e", "user": ["username": "admin", "password": "secret"]],
        ],
    ]

    @Test(arguments: [
        ("{range .items[*]}{.metadata.name}, {end}{.kind}", "127.0.0.1, 127.0.0.2, List"),
        ("{range .items[*]}{.metadata.name}{\"\\t\"}{end}", "127.0.0.1\t127.0.0.2\t"),
        ("{.items[*].status.addresses[*].address}", "127.0.0.1 127.0.0.2 127.0.0.3"),
        ("{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}", "127.0.0.1, 127.0.0.2, 127.0.0.3, "),
        ("{.items[*].metadata.name}", "127.0.0.1 127.0.0.2"),
        ("{.items[*]['metadata.name', 'status.capacity']}", "127.0.0.1 127.0.0.2 {\"cpu\":\"4\"} {\"cpu\":\"8\"}"),
        ("{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}", "[127.0.0.1, {\"cpu\":\"4\"}] [127.0.0.2, {\"cpu\":\"8\"}] "),
        ("{.users[?(@.name==\"e2e\")].user.password}", "secret"),
        ("{.items[0].metadata.labels.kubernetes\\.io/hostname}", "127.0.0.1"),
        ("{.items[?(@.metadata.labels.kubernetes\\.io/hostname==\"127.0.0.1\")].kind}", "None"),
        ("{.items[?(@..ready==true)].metadata.name}", "127.0.0.1"),
        ("{..name}", "127.0.0.1 127.0.0.2 myself e2e"),
        ("{.items[*].status.capacity.cpu}", "4 8"),
        ("{.items[-1].metadata.name}", "127.0.0.2"),
        ("{.items[0].status.ready}", "true"),
        ("{range .items[*]}{.metadata.name}{end}{range .users[*]}{.name}{end}", "127.0.0.1127.0.0.2myselfe2e"),
    ])
    func nodeList(template: String, expected: String) throws {
        #expect(try JSONPath(template).execute(on: Self.nodes) == expected)
    }

    @Test func emptyRanges() throws {
        let empty: JSONValue = ["items": []]
        let plain = try JSONPath("{range .items[*]}{.metadata.name}{end}", allowsMissingKeys: true)
        #expect(try plain.execute(on: empty) == "")
        let nested = try JSONPath(
            "{range .items[*]}{.metadata.name}{\":\"}{range @.spec.containers[*]}{.name}{\",\"}{end}{\"+\"}{end}",
            allowsMissingKeys: true)
        #expect(try nested.execute(on: empty) == "")
        let followed = try JSONPath("{range .items[*]}x{end}after", allowsMissingKeys: true)
        #expect(try followed.execute(on: empty) == "after")
    }

    static let pods: JSONValue = [
        "items": [
            [
                "metadata": ["name": "pod1"],
                "spec": ["containers": [
                    ["name": "foo", "another": [["name": "value1"], ["name": "value2"]]],
                    ["name": "bar", "another": [["name": "value1"], ["name": "value2"]]],
                ]],
            ],
            [
                "metadata": ["name": "pod2"],
                "spec": ["containers": [["name": "baz", "another": [["name": "value1"], ["name": "value2"]]]]],
            ],
        ],
    ]

    @Test(arguments: [
        ("{range .items[*]}{.metadata.name}{\":\"}{range @.spec.containers[*]}{.name}{\",\"}{end}{\"+\"}{end}",
         "pod1:foo,bar,+pod2:baz,+"),
        ("{range .items[*]}{.metadata.name}{\"~\"}{range @.spec.containers[*]}{.name}{\":\"}{range @.another[*]}{.name}{\",\"}{end}{\"+\"}{end}{\"#\"}{end}",
         "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#"),
        ("{range .items[*]}{.metadata.name}{\"\\t\"}{range @.spec.containers[*]}{.name}{\" \"}{end}{\"\\t\"}{range @.spec.containers[*]}{.name}{\" \"}{end}{\"\\n\"}{end}",
         "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n"),
    ])
    func nestedRanges(template: String, expected: String) throws {
        #expect(try JSONPath(template).execute(on: Self.pods) == expected)
    }

    static let annotated: JSONValue = [
        "kind": "List",
        "items": [
            ["kind": "Pod", "metadata": ["name": "pod1", "annotations": ["color": "blue"]]],
            ["kind": "Pod", "metadata": ["name": "pod2"]],
            ["kind": "Pod", "metadata": ["name": "pod3", "annotations": ["color": "green"]]],
            ["kind": "Pod", "metadata": ["name": "pod4", "annotations": ["color": "blue"]]],
        ],
    ]

    @Test func filterOverPartlyMissingKeys() throws {
        let template = "{.items[?(@.metadata.annotations.color==\"blue\")].metadata.name}"
        #expect(try JSONPath(template, allowsMissingKeys: true).execute(on: Self.annotated) == "pod1 pod4")
        #expect(throws: JSONPathError("annotations is not found")) {
            try JSONPath(template).execute(on: Self.annotated)
        }
    }

    @Test func rangeOverFilteredPods() throws {
        let running: JSONValue = [
            "kind": "List",
            "items": [
                ["kind": "Pod", "metadata": ["name": "pod1"], "status": ["phase": "Running"]],
                ["kind": "Pod", "metadata": ["name": "pod2"], "status": ["phase": "Running"]],
                ["kind": "Pod", "metadata": ["name": "pod3"], "status": ["phase": "Running"]],
                ["resourceVersion": "", "selfLink": ""],
            ],
        ]
        let path = try JSONPath(
            "{range .items[?(.status.phase==\"Running\")]}{.metadata.name}{\" is Running\\n\"}{end}", allowsMissingKeys: true)
        #expect(try path.execute(on: running) == "pod1 is Running\npod2 is Running\npod3 is Running\n")
    }

    static let containers: JSONValue = [
        "apiVersion": "v1", "kind": "Pod",
        "spec": ["containers": [
            ["image": "radial/busyboxplus:curl", "name": "fake0"],
            ["image": "radial/busyboxplus:curl", "name": "fake1"],
            ["image": "radial/busyboxplus:curl", "name": "fake2"],
            ["image": "radial/busyboxplus:curl", "name": "fake3"],
            ["image": "radial/busyboxplus:curl", "name": "fake4"],
            ["image": "radial/busyboxplus:curl", "name": "fake5"],
        ]],
    ]

    @Test(arguments: [
        ("[0]", "fake0"), ("[0:0]", ""), ("[0:-1]", "fake0 fake1 fake2 fake3 fake4"), ("[-1]", "fake5"),
        ("[-1:]", "fake5"), ("[-2]", "fake4"), ("[-2:]", "fake4 fake5"), ("[-6]", "fake0"),
        ("[-6:]", "fake0 fake1 fake2 fake3 fake4 fake5"), ("[7:7]", ""), ("[-7:-7]", ""),
        ("[0:]", "fake0 fake1 fake2 fake3 fake4 fake5"), ("[0:6:]", "fake0 fake1 fake2 fake3 fake4 fake5"),
        ("[0:6:1]", "fake0 fake1 fake2 fake3 fake4 fake5"), ("[1:4:2]", "fake1 fake3"), ("[1:4:3]", "fake1"),
        ("[1:4:4]", "fake1"), ("[0:6:2]", "fake0 fake2 fake4"), ("[0:6:3]", "fake0 fake3"), ("[0:6:5]", "fake0 fake5"),
        ("[0:6:6]", "fake0"), ("[*]", "fake0 fake1 fake2 fake3 fake4 fake5"), ("[0,2]", "fake0 fake2"),
        ("[::2]", "fake0 fake2 fake4"), ("[1:3]", "fake1 fake2"), ("[:2]", "fake0 fake1"),
    ])
    func slices(selection: String, expected: String) throws {
        #expect(try JSONPath("{.spec.containers\(selection).name}").execute(on: Self.containers) == expected)
    }

    @Test(arguments: [
        ("[-1:0]", "starting index 5 is greater than ending index 0"),
        ("[-7]", "array index out of bounds: index -1, length 6"),
        ("[3:1]", "starting index 3 is greater than ending index 1"),
        ("[-1:-2]", "starting index 5 is greater than ending index 4"),
        ("[6]", "array index out of bounds: index 6, length 6"),
        ("[0:6:0]", "step must be > 0"),
        ("[0:6:-1]", "step must be > 0"),
    ])
    func sliceErrors(selection: String, expected: String) {
        #expect(throws: JSONPathError(expected)) {
            try JSONPath("{.spec.containers\(selection).name}").execute(on: Self.containers)
        }
    }
}
