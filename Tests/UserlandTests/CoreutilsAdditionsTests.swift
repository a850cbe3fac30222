@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

/// `tac`, `expr`, the utilities Debian keeps in /bin, and GNU `sleep`'s operands, as GNU
/// coreutils 8.26 (Debian 9) documents them.
@Suite struct CoreutilsAdditionsTests {
    @Test(arguments: [
        // tac: records end with their newline; a last line without one is glued to the next.
        (["tac"], "a\nb\nc\n", "c\nb\na\n", "", Int32(0)),
        (["tac"], "a\nb", "ba\n", "", 0),
        (["tac", "nope"], "", "", "tac: failed to open 'nope' for reading: No such file or directory\n", 1),
        // expr: the value printed, and status 1 when it is null or 0.
        (["expr", "1", "+", "2"], "", "3\n", "", 0),
        (["expr", "5", "-", "5"], "", "0\n", "", 1),
        (["expr", "7", "/", "2"], "", "3\n", "", 0),
        (["expr", "-7", "%", "3"], "", "-1\n", "", 0),
        (["expr", "2", "*", "3", "+", "1"], "", "7\n", "", 0),
        (["expr", "(", "1", "+", "2", ")", "*", "3"], "", "9\n", "", 0),
        (["expr", "1", "/", "0"], "", "", "expr: division by zero\n", 2),
        (["expr", "a", "+", "1"], "", "", "expr: non-integer argument\n", 2),
        (["expr", "length", "hello"], "", "5\n", "", 0),
        (["expr", "hello", ":", "hel"], "", "3\n", "", 0),
        (["expr", "hello", ":", "h\\(.*\\)o"], "", "ell\n", "", 0),
        (["expr", "hello", ":", "el"], "", "0\n", "", 1),
        (["expr", "hello", ":", "x\\(.*\\)"], "", "\n", "", 1),
        (["expr", "match", "abc", "a."], "", "2\n", "", 0),
        (["expr", "substr", "hello", "2", "3"], "", "ell\n", "", 0),
        (["expr", "index", "hello", "ol"], "", "3\n", "", 0),
        (["expr", "9", "<", "10"], "", "1\n", "", 0),
        (["expr", "b", "<", "a"], "", "0\n", "", 1),
        (["expr", "abc", "=", "abc"], "", "1\n", "", 0),
        (["expr", "", "|", "0"], "", "0\n", "", 1),
        (["expr", "0", "|", "x"], "", "x\n", "", 0),
        (["expr", "1", "&", "0"], "", "0\n", "", 1),
        (["expr", "+", "length"], "", "length\n", "", 0),
        (["expr"], "", "", "expr: missing operand\nTry 'expr --help' for more information.\n", 2),
        (["expr", "1", "+"], "", "", "expr: syntax error: missing argument after '+'\n", 2),
        (["expr", "1", "2"], "", "", "expr: syntax error: unexpected argument '2'\n", 2),
        // The shell's utilities as programs in /bin, found through PATH.
        (["env", "echo", "hi"], "", "hi\n", "", 0),
        (["/bin/echo", "-n", "a"], "", "a", "", 0),
        (["which", "tac", "expr", "echo"], "", "/usr/bin/tac\n/usr/bin/expr\n/bin/echo\n", "", 0),
    ])
    func runsAsGNUCoreutils(_ example: ([String], String, String, String, Int32)) throws {
        let harness = CoreutilsHarness()
        let result = try harness.run(example.0, stdin: example.1)
        #expect(result.output == example.2)
        #expect(result.error == example.3)
        #expect(result.status == example.4)
    }

    @Test func gnuSleepTakesInfinityAndUnits() throws {
        let harness = CoreutilsHarness()
        #expect(try harness.run(["sleep", "99999999999999d"], limit: .seconds(60)).status == nil)
        let forever = try harness.run(["sleep", "infinity"], limit: .seconds(86_400))
        #expect(forever.status == nil)
        #expect(forever.error == "")
        let start = harness.machine.loop.now
        #expect(try harness.run(["sleep", "1.5m"]).status == 0)
        #expect(harness.machine.loop.now - start == .seconds(90))
    }

    @Test func busyboxSleepOfTheEraRefusesInfinity() throws {
        let result = try CoreutilsHarness(root: RootFileSystems.busybox(), hostname: "c0ffee").run(["sleep", "infinity"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("sleep: invalid number 'infinity'\n"))
    }

    @Test func expressionNestingIsBounded() throws {
        let words = ["expr"] + Array(repeating: "(", count: 5_000) + ["1"] + Array(repeating: ")", count: 5_000)
        let result = try CoreutilsHarness().run(words)
        #expect(result.status == 2)
        #expect(result.error == "expr: syntax error: expression too deeply nested\n")
    }
}
