import Testing
import Kubectl
import StructuredData

/// Cases ported from client-go's own jsonpath tests, on decoded JSON (maps iterate in sorted key order).
struct ClientGoCasesTests {
    static let types: JSONValue = [
        "bools": [true, false, true, false],
        "integers": [1, 2, 3, 4],
        "floats": [1.0, 2.2, 3.3, 4.0],
        "strings": ["one", "two", "three", "four"],
        "interfaces": [true, "one", 1, 1.1],
        "maps": [
            ["name": "one", "value": 1], ["name": "two", "value": 2.02],
            ["name": "three", "value": 3.03], ["name": "four", "value": 4.04],
        ],
    ]

    @Test(arguments: [
        ("{ .bools }", "[true,false,true,false]"),
        ("{ .bools[0] }", "true"),
        ("{ .bools[-1] }", "false"),
        ("{ .bools[0:2] }", "true false"),
        ("{ .bools[:4:2] }", "true true"),
        ("{ .integers }", "[1,2,3,4]"),
        ("{ .integers[-2] }", "3"),
        ("{ .integers[:2] }", "1 2"),
        ("{ .integers[:4:2] }", "1 3"),
        ("{ .floats }", "[1,2.2,3.3,4]"),
        ("{ .floats[0] }", "1"),
        ("{ .floats[-2] }", "3.3"),
        ("{ .floats[:4:2] }", "1 3.3"),
        ("{ .strings }", "[\"one\",\"two\",\"three\",\"four\"]"),
        ("{ .strings[-2] }", "three"),
        ("{ .strings[:4:2] }", "one three"),
        ("{ .interfaces }", "[true,\"one\",1,1.1]"),
        ("{ .interfaces[0:2] }", "true one"),
        ("{ .interfaces[:4:2] }", "true 1"),
        ("{ .maps[0] }", "{\"name\":\"one\",\"value\":1}"),
        ("{ .maps[::2] }", "{\"name\":\"one\",\"value\":1} {\"name\":\"three\",\"value\":3.03}"),
        ("{ .maps[1::2] }", "{\"name\":\"two\",\"value\":2.02} {\"name\":\"four\",\"value\":4.04}"),
    ])
    func typedSlices(template: String, expected: String) throws {
        #expect(try JSONPath(template).execute(on: Self.types) == expected)
    }

    static let store: JSONValue = [
        "Name": "jsonpath",
        "Book": [
            ["Category": "reference", "Author": "Nigel Rees", "Title": "Sayings of the Centurey", "Price": 8.95],
            ["Category": "fiction", "Author": "Evelyn Waugh", "Title": "Sword of Honour", "Price": 12.99],
            ["Category": "fiction", "Author": "Herman Melville", "Title": "Moby Dick", "Price": 8.99],
        ],
        "Bicycle": [["Color": "red", "Price": 19.95, "IsNew": true], ["Color": "green", "Price": 20.01, "IsNew": false]],
        "Labels": ["engieer": 10, "web/html": 15, "k8s-app": 20],
        "Employees": ["jason": "manager", "dan": "clerk"],
    ]

    @Test(arguments: [
        ("hello jsonpath", .null, "hello jsonpath"),
        ("{..}", [1, 2, 3], "[1,2,3]"),
        ("{[?(@<5)]}", [2, 6, 3, 7], "2 3"),
        ("{\"{\"}", .null, "{"),
        ("{[1,3,4]}", [0, 1, 2, 3, 4], "1 3 4"),
        ("{[0:2]}", ["Monday", "Tudesday"], "Monday Tudesday"),
        ("hello {.Name}", store, "hello jsonpath"),
        ("{$.Labels.web/html}", store, "15"),
        ("{$.Employees.jason}", store, "manager"),
        ("{.Labels.k8s-app}", store, "20"),
        ("{.Bicycle[*].Color}", store, "red green"),
        ("{.Book[*].Author}", store, "Nigel Rees Evelyn Waugh Herman Melville"),
        ("{range .Bicycle[*]}{ \"{\" }{ @.* }{ \"} \" }{end}", store, "{red true 19.95} {green false 20.01} "),
        ("{..Price}", store, "19.95 20.01 8.95 12.99 8.99"),
        ("{...Price}", store, "19.95 20.01 8.95 12.99 8.99"),
        ("{.Bicycle}", store, #"[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]"#),
        ("{range .Bicycle[*]}{ @ }{ \" \" }{end}", store,
         #"{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} "#),
        ("{.Book[-1:]}", store, #"{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}"#),
        ("{..Book[2]}", store, #"{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}"#),
        ("{.Bicycle[?(@.IsNew==true)]}", store, #"{"Color":"red","IsNew":true,"Price":19.95}"#),
        ("{.Book[?(@.Price<9.0)].Title}", store, "Sayings of the Centurey Moby Dick"),
        ("{.Book[?(@.Price>=8.99)].Price}", store, "12.99 8.99"),
        ("{.Book[?(@.Category!='fiction')].Author}", store, "Nigel Rees"),
    ] as [(String, JSONValue, String)])
    func storeCases(template: String, input: JSONValue, expected: String) throws {
        #expect(try JSONPath(template).execute(on: input) == expected)
    }

    @Test func missingKeysAllowed() throws {
        #expect(try JSONPath("{.hello}", allowsMissingKeys: true).execute(on: Self.store) == "")
        #expect(try JSONPath("before-{.hello}after", allowsMissingKeys: true).execute(on: Self.store) == "before-after")
    }

    @Test(arguments: [
        ("{hello}", "unrecognized identifier hello"),
        ("{.hello}", "hello is not found"),
        ("{.Labels[0]}", "map[string]interface {} is not array or slice"),
        ("{.Name[0]}", "string is not array or slice"),
        ("{.Book[?(@.Price<>10)]}", "unrecognized filter operator <>"),
        ("{range .Labels.*}{@}{end}{end}", "not in range, nothing to end"),
        ("{end}", "not in range, nothing to end"),
        ("{.Labels[?(@.x)]}", "map[engieer:10 k8s-app:20 web/html:15] is not array or slice and cannot be filtered"),
        ("{.Book[?(@.Price==\"x\")]}", "incompatible types for comparison"),
        ("{.Book[?(@.Price>8)]}", "incompatible types for comparison"),
        ("{.Bicycle[?(@.IsNew<true)]}", "invalid type for comparison"),
        ("{.Book[?(@.Author.x==1)]}", "x is not found"),
        ("{.Book[?(@.*=='x')]}", "can only compare one element at a time"),
        ("{.Book[5]}", "array index out of bounds: index 5, length 3"),
        ("{.Book[0:9]}", "array index out of bounds: index 8, length 3"),
        ("{.Book[0:3:0]}", "step must be > 0"),
    ])
    func evaluationError(template: String, expected: String) {
        #expect(throws: JSONPathError(expected)) { try JSONPath(template).execute(on: Self.store) }
    }

    static let points: JSONValue = [
        ["id": "i1", "x": 4, "y": -5],
        ["id": "i2", "x": -2, "y": -5, "z": 1],
        ["id": "i3", "x": 8, "y": 3],
        ["id": "i4", "x": -6, "y": -1],
        ["id": "i5", "x": 0, "y": 2, "z": 1],
        ["id": "i6", "x": 1, "y": 4],
    ]

    @Test func existsFilterAndBracketKey() throws {
        #expect(try JSONPath("{[?(@.z)].id}").execute(on: Self.points) == "i2 i5")
        #expect(try JSONPath("{[0]['id']}").execute(on: Self.points) == "i1")
        #expect(try JSONPath("{[?(@.x<0)].id}").execute(on: Self.points) == "i2 i4")
        #expect(try JSONPath("{[?(@.y<=-1)].id}").execute(on: Self.points) == "i1 i2 i4")
    }
}
