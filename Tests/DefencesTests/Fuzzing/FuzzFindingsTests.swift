import Foundation
import Kubectl
import KubernetesAPI
import StructuredData
import Testing

/// Inputs the fuzz targets found, kept as regression tests. Each names the target, seed and
/// input number that found it.
@Suite("Fuzz findings")
struct FuzzFindingsTests {
    /// quantity, seed 1, input 273: a zero with a huge exponent multiplied ~9 billion times (125 s).
    /// Go keeps the exponent as an int32 and the value is zero.
    @Test(arguments: ["0e9223372036", "0E2147483647", "0.000e-2147483648", "1e9223372036854775807", "5e-9223372036", "-0e99999999999"])
    func quantityWithHugeExponent(_ text: String) {
        let clock = ContinuousClock()
        let started = clock.now
        _ = try? Quantity(parsing: text)
        #expect(clock.now - started < .seconds(10), "a hang guard: the bug took 125 s; normal is microseconds")
    }

    @Test func zeroWithHugeExponentIsZero() throws {
        #expect(try Quantity(parsing: "0e9223372036").milliValue == 0)
        #expect(try Quantity(parsing: "0e9223372036").description == "0")
    }

    /// quantity, seed 1, input 7423: `0.9223372036854775808P` printed as `922337203685477580m`,
    /// which did not read back (integer parts were cut at a hundredth of Int64's range).
    @Test func largeQuantityReadsBack() throws {
        let quantity = try Quantity(parsing: "0.9223372036854775808P")
        #expect(try Quantity(parsing: quantity.description) == quantity)
        #expect(try Quantity(parsing: "922337203685477580m").milliValue == 922_337_203_685_477_580)
    }

    /// json, seed 1, input 387: Go's decoder refuses a number past float64
    /// (`json: cannot unmarshal number -1e309 into Go value of type float64`); ours read
    /// infinity and wrote it back as `null`.
    @Test(arguments: [("-1e309", "-1e309"), ("1e400", "1e400"), ("[1e309]", "1e309"),
                      (String(repeating: "9", count: 400), String(repeating: "9", count: 400))])
    func jsonNumberPastFloat64(_ text: String, _ number: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(text) }
        do {
            _ = try JSONValue.parse(text)
        } catch {
            #expect(error.message == "json: cannot unmarshal number \(number) into Go value of type float64")
        }
    }

    /// Go validates the whole text first: a syntax error after a huge number wins.
    @Test func jsonSyntaxErrorBeatsRangeError() throws {
        do {
            _ = try JSONValue.parse("[1e400,]")
            Issue.record("accepted")
        } catch {
            #expect(error.message == "invalid character ']' looking for beginning of value")
        }
        #expect(try JSONValue.parse("1e-400") == .number(.double(0)))
    }
}

/// jsonpath, seed 7, an hour-long run: an index of Int64's maximum overflowed when the parser
/// derived the slice's end (index + 1) and killed the process. Go's int wraps, and the index is
/// then out of bounds.
@Suite("Fuzz findings: JSONPath")
struct JSONPathFuzzFindingsTests {
    @Test(arguments: [
        ("{.items[9223372036854775807]}", "array index out of bounds: index 9223372036854775807, length 2"),
        ("{.items[-9223372036854775808]}", "array index out of bounds: index -9223372036854775806, length 2"),
        ("{.items[0:-9223372036854775808]}", "array index out of bounds: index -9223372036854775807, length 2"),
    ])
    func extremeIndexes(_ expression: String, _ message: String) throws {
        let list = try JSONValue.parse(#"{"items": [1, 2]}"#)
        #expect(throws: JSONPathError(message)) { try JSONPath(expression).execute(on: list) }
    }
}
