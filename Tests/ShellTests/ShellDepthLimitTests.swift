@testable import Kernel
@testable import Shell
import Simulation
import Testing

/// Nesting deeper than the thread's stack allows ends in bash's error, never in a crash, and
/// the shell goes on with the next command.
@Suite struct ShellDepthLimitTests {
    static func nested(_ open: String, _ inner: String, _ close: String, _ depth: Int) -> String {
        String(repeating: open, count: depth) + inner + String(repeating: close, count: depth)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var script: String
        var error: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "arithmetic parentheses", script: "echo $(( " + nested("(", "1", ")", 2_000) + " ))",
             error: "expression recursion level exceeded"),
        Case(name: "arithmetic unary minus", script: "echo $(( " + String(repeating: "- ", count: 2_000) + "1 ))",
             error: "expression recursion level exceeded"),
        Case(name: "arithmetic assignments", script: "echo $(( " + String(repeating: "a=", count: 2_000) + "1 ))",
             error: "expression recursion level exceeded"),
        Case(name: "nested arithmetic expansions", script: "echo " + nested("$((", "1", "))", 1_000),
             error: "nesting too deep"),
        Case(name: "subshells", script: nested("( ", "echo x", " )", 3_000), error: "nesting too deep"),
        Case(name: "command substitutions", script: "echo " + nested("$(echo ", "x", ")", 3_000), error: "nesting too deep"),
        Case(name: "default-value expansions", script: "echo " + nested("${x:-", "deep", "}", 2_000), error: "nesting too deep"),
        Case(name: "array subscripts", script: "a=(1); echo " + nested("${a[", "0", "]}", 2_000), error: "nesting too deep"),
        Case(name: "arithmetic array subscripts", script: "a=(0); echo $(( " + nested("a[", "0", "]", 2_000) + " ))",
             error: "expression recursion level exceeded"),
        Case(name: "conditional parentheses", script: "[[ " + nested("( ", "a", " )", 3_000) + " ]]", error: "syntax error"),
        Case(name: "test parentheses", script: "[ " + nested("'(' ", "a", " ')'", 3_000) + " ]",
             error: "expression recursion level exceeded"),
        Case(name: "test negations", script: "test " + String(repeating: "! ", count: 3_000) + "a",
             error: "expression recursion level exceeded"),
    ]

    @Test(arguments: cases)
    func deepNestingEndsInAnError(_ example: Case) throws {
        // On a 1 MB stack: the limit follows the stack of the thread the shell runs on.
        let script = example.script
        let run = try SmallStack.run { Result { try runShell(script + "\necho after") } }.get()
        #expect(run.errors.contains(example.error), "\(run.errors.prefix(200))")
        #expect(run.output.hasSuffix("after\n") || run.status != nil)
    }

    /// Random mixes of array syntax parse and run to an answer: an error or a result, never a crash or a hang.
    @Test func fuzzedArraySyntaxNeverCrashes() throws {
        let pieces = ["a=(", ")", "[", "]", "${a[", "${#a[", "${!a[", "}", "@", "*", "$((", "))", "a[", "]=", "+=(", "x", "1",
                      "-1", " ", "\n", "'", "\"", ";", "unset ", "echo ", "declare -p a", "read -a a <<< 'p q'", "i++", ":-", "#", "%", "/"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<150 {
            let script = (0..<(next() % 12 + 1)).map { _ in pieces[next() % pieces.count] }.joined()
            _ = ShellParser.parse(script, isFinal: true)
            let run = try runShell(script + "\necho after", limit: .seconds(60))
            #expect(run.status != nil, "\(script)")
        }
    }

    @Test func nestingBashHandlesStillWorks() throws {
        #expect(try runShell("echo $(( " + Self.nested("(", "1", ")", 200) + " ))").output == "1\n")
        #expect(try runShell("echo " + Self.nested("${x:-", "deep", "}", 100)).output == "deep\n")
        #expect(try runShell(Self.nested("( ", "echo x", " )", 100)).output == "x\n")
    }
}
