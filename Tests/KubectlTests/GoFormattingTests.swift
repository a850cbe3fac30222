import Testing
@testable import Kubectl
import StructuredData

struct GoFormattingTests {
    @Test(arguments: [
        (1.0, "1"), (1.5, "1.5"), (-2.25, "-2.25"), (100.0, "100"), (123456.0, "123456"), (1e6, "1e+06"),
        (1234567.0, "1.234567e+06"), (0.0001, "0.0001"), (0.00001, "1e-05"), (1e21, "1e+21"), (0.1, "0.1"),
        (1.6e9, "1.6e+09"), (0.0, "0"),
    ])
    func printVerb(value: Double, expected: String) {
        #expect(GoFloat.shortestG(value) == expected)
    }

    @Test(arguments: [
        (1e6, "1000000"), (1e21, "1e+21"), (1e-7, "1e-7"), (0.000001, "0.000001"), (1.5e300, "1.5e+300"),
        (12345678.9, "12345678.9"), (2.02, "2.02"), (-0.5, "-0.5"), (1e20, "100000000000000000000"),
    ])
    func jsonNumbers(value: Double, expected: String) {
        #expect(GoFloat.json(value) == expected)
    }

    @Test func jsonStringsAreHTMLSafe() {
        #expect(GoValueFormatting.json(["k": "<a&b>\n\u{01}\"\\"]) == #"{"k":"\u003ca\u0026b\u003e\n\u0001\"\\"}"#)
    }

    @Test func plainAndGoSyntax() {
        let value: JSONValue = ["b": [1, "x", nil, 2.5], "a": ["z": true]]
        #expect(GoValueFormatting.plain(value) == "map[a:map[z:true] b:[1 x <nil> 2.5]]")
        #expect(GoValueFormatting.goSyntax(value)
            == #"map[string]interface {}{"a":map[string]interface {}{"z":true}, "b":[]interface {}{1, "x", interface {}(nil), 2.5}}"#)
    }
}
