import Testing
@testable import StructuredData

@Suite("JSON text")
struct JSONTests {
    @Test func parsesKeepingOrderAndExactIntegers() throws {
        let value = try JSONValue.parse(#"{"b": 1, "a": [true, null, -9007199254740993, 1.5, "x\u00e9\n"], "c": {}}"#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["a"] == [true, nil, .number(.integer(-9_007_199_254_740_993)), 1.5, "xé\n"])
        #expect(value["c"] == .object(JSONObject()))
    }

    @Test(arguments: [
        #"{"kind":"Pod","spec":{"containers":[{"name":"kubia","ports":[{"containerPort":8080}]}]},"n":[]}"#,
        #"[1,-2,0.5,1e-7,1e+21,12345678.9,"\u003cb\u003e \u0026","\u2028",null,false]"#,
        #""\"\\\n\r\t\u0001""#,
    ])
    func compactRoundTrip(_ text: String) throws {
        #expect(try JSONValue.parse(text).jsonText() == text)
    }

    @Test func indentedLikeMarshalIndent() throws {
        let value: JSONValue = ["apiVersion": "v1", "items": [], "metadata": ["labels": ["app": "kubia"], "empty": [:]], "list": [1, [2]]]
        let expected = """
            {
                "apiVersion": "v1",
                "items": [],
                "metadata": {
                    "labels": {
                        "app": "kubia"
                    },
                    "empty": {}
                },
                "list": [
                    1,
                    [
                        2
                    ]
                ]
            }
            """
        #expect(value.jsonText(indent: "    ") == expected)
        #expect(try JSONValue.parse(expected) == value)
    }

    @Test func dockerInspectArray() {
        let value: JSONValue = [["Id": "44d7", "State": ["Running": true]]]
        #expect(value.jsonText(indent: "    ") == "[\n    {\n        \"Id\": \"44d7\",\n        \"State\": {\n            \"Running\": true\n        }\n    }\n]")
    }

    @Test(arguments: [
        (1.0, "1"), (-0.5, "-0.5"), (100.0, "100"), (1e20, "100000000000000000000"), (1e21, "1e+21"),
        (0.000001, "0.000001"), (0.0000001, "1e-7"), (1.5e-10, "1.5e-10"), (123456789.125, "123456789.125"), (0.1, "0.1"),
    ])
    func goFloatFormatting(_ value: Double, _ expected: String) {
        #expect(JSONValue.number(.double(value)).jsonText() == expected)
    }

    @Test func htmlEscapingCanBeTurnedOff() {
        #expect(JSONValue.string("<a&b>").jsonText() == #""\u003ca\u0026b\u003e""#)
        #expect(JSONValue.string("<a&b>").jsonText(escapesHTML: false) == #""<a&b>""#)
    }

    @Test(arguments: [
        ("", "unexpected end of JSON input", 1, 1),
        ("{\"a\":1,}", "invalid character '}' looking for beginning of object key string", 1, 8),
        ("{\"a\" 1}", "invalid character '1' after object key", 1, 6),
        ("{\"a\":1 \"b\"}", "invalid character '\"' after object key:value pair", 1, 8),
        ("[1 2]", "invalid character '2' after array element", 1, 4),
        ("{\n  \"a\": tru\n}", "invalid character '\\n' in literal true (expecting 'e')", 2, 11),
        ("nul", "unexpected end of JSON input", 1, 4),
        ("01", "invalid character '1' after top-level value", 1, 2),
        ("-x", "invalid character 'x' in numeric literal", 1, 2),
        ("1.e5", "invalid character 'e' after decimal point in numeric literal", 1, 3),
        ("1e+", "unexpected end of JSON input", 1, 4),
        ("\"a\tb\"", "invalid character '\\t' in string literal", 1, 3),
        ("\"\\x\"", "invalid character 'x' in string escape code", 1, 3),
        ("\"\\u12G4\"", "invalid character 'G' in \\u hexadecimal character escape", 1, 6),
        ("{'a': 1}", "invalid character '\\'' looking for beginning of object key string", 1, 2),
        ("x", "invalid character 'x' looking for beginning of value", 1, 1),
    ])
    func goSyntaxErrors(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.message == message)
            #expect(error.line == line)
            #expect(error.column == column)
        }
    }

    @Test func surrogatePairsAndLoneSurrogates() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00""#) == "😀")
        #expect(try JSONValue.parse(#""\ud83d x""#) == "\u{FFFD} x")
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let text = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
    }
}
