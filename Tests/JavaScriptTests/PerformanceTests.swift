import Testing
import Machine
@testable import JavaScript

@Suite struct PerformanceTests {
    /// A server must answer many requests: each must stay far below the 2 ms budget of a command
    /// even in a debug build.
    @Test func manyRequestsAreCheap() {
        let harness = NodeHarness(app: unhealthyApp)
        harness.start()
        let started = ContinuousClock.now
        for _ in 0..<200 { _ = harness.request() }
        let elapsed = ContinuousClock.now - started
        print("200 requests took \(elapsed)")
        #expect(elapsed < .seconds(2))
    }

    @Test func tightLoopsRunFast() {
        let interpreter = Interpreter()
        let started = ContinuousClock.now
        let result = try? interpreter.evaluate("var s = 0; for (var i = 0; i < 100000; i++) { s += i % 7 } s")
        let elapsed = ContinuousClock.now - started
        print("100k iterations took \(elapsed)")
        #expect(result.map { if case .number(let n) = $0 { return n == 299_995 } else { return false } } == true)
        #expect(elapsed < .seconds(3))
    }
}
