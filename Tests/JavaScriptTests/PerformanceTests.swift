import Testing
import Machine
@testable import JavaScript

@Suite struct PerformanceTests {
    /// A server keeps answering a long run of requests (speed is measured in `Benchmarks/`, not here:
    /// wall-clock limits in unit tests fail on a loaded machine).
    @Test func manyRequestsAreAnswered() {
        let harness = NodeHarness(app: unhealthyApp)
        harness.start()
        let answers = (0..<200).map { _ in harness.request() }
        #expect(answers.count == 200)
        #expect(answers.allSatisfy { !$0.isEmpty })
    }

    @Test func tightLoopsRunToTheirEnd() {
        let interpreter = Interpreter()
        let result = try? interpreter.evaluate("var s = 0; for (var i = 0; i < 100000; i++) { s += i % 7 } s")
        #expect(result.map { if case .number(let n) = $0 { return n == 299_995 } else { return false } } == true)
    }
}

@Suite struct StartupTests {
    /// Every container start makes an interpreter and parses app.js: twenty in a row must all succeed.
    @Test func startingManyInterpretersWorks() throws {
        for _ in 0..<20 {
            let interpreter = Interpreter()
            interpreter.moduleResolver = { _ in .object(interpreter.newObject()) }
            try interpreter.runModule(source: unhealthyApp.replacingOccurrences(of: "var www", with: "// var www")
                                        .replacingOccurrences(of: "www.listen", with: "// www.listen"), fileName: "/app.js")
        }
    }
}
