import Foundation
import Simulation
import Testing
@testable import JavaScript

/// Seeded fuzzing of node's parser and evaluator: mutated scripts run, fail with a JavaScript
/// error or run out of steps, never crashing.
@Suite struct JavaScriptFuzzTests {
    static let corpus = [
        "var a = [1, [2, [3]]]; console.log(JSON.stringify(a))", "function f(n) { return n < 2 ? n : f(n - 1) + f(n - 2) } f(10)",
        "const o = {a: 1, b: {c: [1, 2]}}; String(o.b.c)", "JSON.parse('{\"a\": [1, 2, {\"b\": null}]}')",
        "let s = `x${1 + 2}y`; s.split('').reverse().join('')", "class A { constructor(x) { this.x = x } get y() { return this.x } }; new A(2).y",
        "try { null.x } catch (e) { e.message }", "[1, 2, 3].map(x => x * 2).filter(x => x > 2).reduce((a, b) => a + b, 0)",
        "var x = (1, 2, (3)); typeof x === 'number' && !!x", "new Date(0).toISOString()", "'abc'.replace(/b/g, 'B')",
    ]
    static let fragments = ["(", ")", "[", "]", "{", "}", "=>", ",", ";", "+", "!", ".", "'", "\"", "`", "${", "new ", "function ",
                            "return ", "1e308", "-0", "JSON.stringify(", "String(", "\n", "/*", "*/", "//"]

    @Test(arguments: 0..<4)
    func mutatedScriptsNeverCrashNode(seed: UInt64) {
        var fuzzer = MutationFuzzer(seed: 2000 + seed, corpus: Self.corpus, fragments: Self.fragments)
        let count = MutationFuzzer.iterations(standard: 40, environment: ProcessInfo.processInfo.environment)
        for _ in 0..<count {
            let source = fuzzer.next()
            let interpreter = Interpreter(stepLimit: 200_000)
            interpreter.standardOutput = { _ in }
            interpreter.standardError = { _ in }
            _ = try? interpreter.runModule(source: source, fileName: "/fuzz.js")
            _ = try? interpreter.runPendingJobs()
        }
    }
}
