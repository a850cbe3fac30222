@testable import Kernel
@testable import Shell
import Testing

/// Inputs that took quadratic (or worse) time or unbounded memory (#15): each now finishes
/// quickly, or ends in bash's allocation error.
@Suite struct ShellSlowPathTests {
    /// Wall-clock seconds `body` took (the test bounds the host's work, not simulated time); the
    /// bounds are loose for a loaded machine: before the fixes these took minutes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let elapsed = try ContinuousClock().measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test func replacingEveryMatchOfALongValueIsFast() throws {
        var run: ShellRun?
        let time = try Self.seconds {
            run = try runShell("a=$(printf 'x%.0s' {1..5000}); b=${a//x/yy}; echo ${#b}; c=${a//[x]/z}; echo ${c:0:3}")
        }
        #expect(run?.output == "10000\nzzz\n")
        #expect(time < 30, "took \(time) s")
    }

    @Test(arguments: [("${a//b?/X}", "aXaXab"), ("${a/#ab/X}", "Xcabcab"), ("${a/%[ab]/X}", "abcabcaX"),
                      ("${a//[!a]/.}", "a..a..a."), ("${a//c*/X}", "abX"), ("${a//'?'/X}", "abcabcab")])
    func patternReplacementKeepsBashsMeaning(_ expansion: String, _ expected: String) throws {
        #expect(try runShell("a=abcabcab; echo \(expansion)").output == expected + "\n")
    }

    /// `echo {a,b}{a,b}…` twenty times is a million words; bash 4.4 fails such an allocation.
    @Test func braceExpansionPastTheBudgetFails() throws {
        let word = String(repeating: "{a,b}", count: 20)
        var run: ShellRun?
        let time = try Self.seconds { run = try runShell("echo \(word); echo after $?") }
        #expect(run?.errors == "bash: brace expansion: cannot allocate memory for \(word)\n")
        #expect(run?.output == "" || run?.status == 1)
        #expect(time < 30, "took \(time) s")
        // Nested groups are counted as they grow.
        let nested = "{" + String(repeating: "{a,b}", count: 17) + ",c}"
        #expect(try runShell("echo \(nested)").errors.contains("brace expansion: cannot allocate memory"))
        // Below the budget nothing changes.
        #expect(try runShell("echo {a,b}{1..3}").output == "a1 a2 a3 b1 b2 b3\n")
        #expect(try runShell("echo x{a,{b,c}}y ${HOME}{1,2}").output == "xay xby xcy /root1 /root2\n")
    }

    /// `x=$x$x` in a loop doubled until the host ran out of memory.
    @Test func doublingAValueEndsInAnAllocationFailure() throws {
        let run = try runShell("x=x; while true; do x=$x$x; done; echo never")
        #expect(run.errors == "bash: xmalloc: cannot allocate 4194305 bytes\n")
        #expect(run.output == "")
        #expect(run.status == 1)
        // Exactly the budget is still allowed.
        #expect(try runShell("x=x; for i in {1..20}; do x=$x$x; done; y=$x$x; echo ${#y}").output == "2097152\n")
    }

    @Test func manyUnmatchedBracesAreLinear() throws {
        var run: ShellRun?
        let time = try Self.seconds { run = try runShell("x=$(echo " + String(repeating: "{", count: 100_000) + "); echo ${#x}") }
        #expect(run?.output == "100000\n")
        #expect(time < 30, "took \(time) s")
    }

    /// A pasted manifest in a here-document was re-parsed whole at every line.
    @Test func longHereDocumentsAccumulateInLinearTime() {
        var command = CommandAccumulator()
        var complete = command.append("cat <<-EOF > f.yaml")
        let time = Self.seconds {
            for index in 0..<3_000 where !complete {
                complete = command.append(String(repeating: "  ", count: index % 50) + "key\(index): EOF")
            }
        }
        #expect(!complete)
        #expect(time < 30, "took \(time) s")
        let notYet = command.append("EOF x")
        let ended = command.append("\t\tEOF")
        #expect(!notYet)
        #expect(ended)
    }

    /// The REPL asks the session after each line, with the whole text so far.
    @Test func sessionAnswersLineByLineInLinearTime() throws {
        let session = ShellSession(machine: try makeShellMachine(), user: .root, environment: [:], workingDirectory: "/root")
        var text = "kubectl create -f - <<'EOF'"
        var complete = session.isComplete(text)
        let time = Self.seconds {
            for index in 0..<3_000 where !complete {
                text += "\n" + String(repeating: " ", count: index) + "b:"
                complete = session.isComplete(text)
            }
        }
        #expect(!complete)
        #expect(time < 30, "took \(time) s")
        #expect(session.isComplete(text + "\nEOF"))
        #expect(!session.isComplete("echo 'a"))
        #expect(session.isComplete("echo 'a\nb'"))
        #expect(!session.isComplete("cat <<EOF\nEOF x"))
        #expect(session.isComplete("cat <<EOF\nEOF x\nEOF"))
    }

    @Test func accumulatorAgreesWithTheParser() {
        let commands: [[String]] = [
            ["echo 'a", "b'"], ["cat <<A <<B", "A", "x", "B"], ["if true", "then echo", "fi"],
            ["cat <<EOF | grep x", "line", "EOF"], ["echo $(cat <<E", "hi", "E", ")"], ["echo )"],
        ]
        for lines in commands {
            var command = CommandAccumulator()
            for (index, line) in lines.enumerated() {
                let complete = command.append(line)
                #expect(complete == (ShellParser.parse(command.text) != .incomplete), "\(lines) at \(index)")
                #expect(complete == (index == lines.count - 1), "\(lines) at \(index)")
            }
        }
    }
}
