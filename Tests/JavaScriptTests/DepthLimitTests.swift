import Testing
@testable import JavaScript

/// Nesting deeper than the thread's stack allows ends in V8's RangeError, never in a crash.
@Suite struct DepthLimitTests {
    static let overflow = "Maximum call stack size exceeded"

    @Test(arguments: [
        "var a = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + ";",
        "var a = " + String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000) + ";",
        String(repeating: "{", count: 10_000) + String(repeating: "}", count: 10_000),
        "var a = " + String(repeating: "!", count: 10_000) + "1;",
    ])
    func deepSourceIsARangeError(_ source: String) {
        let printed = output(of: source)
        #expect(printed.contains(Self.overflow), "\(printed.prefix(200))")
    }

    @Test(arguments: [
        "JSON.parse('['.repeat(10000))",
        "var a = []; for (var i = 0; i < 30000; i++) a = [a]; JSON.stringify(a)",
        "var a = []; for (var i = 0; i < 30000; i++) a = [a]; String(a)",
        "var o = {}; for (var i = 0; i < 30000; i++) o = {o: o}; JSON.stringify(o)",
        "function f(n) { return n === 0 ? 0 : 1 + f(n - 1); } f(1e6)",
    ])
    func deepValuesAreARangeErrorThatCanBeCaught(_ expression: String) {
        let printed = output(of: "try { \(expression); console.log('no error') } catch (e) { console.log(e.name + ': ' + e.message) }")
        #expect(printed == "RangeError: \(Self.overflow)\n", "\(printed.prefix(200))")
    }
}
