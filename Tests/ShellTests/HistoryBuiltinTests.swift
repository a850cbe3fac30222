@testable import Kernel
@testable import Shell
import Simulation
import Testing

/// bash 4.4's `history` builtin on an interactive session's list: a pipeline stage like any
/// builtin, `history N`, `-c`, `-d` and `-s`, with bash's messages.
@Suite struct HistoryBuiltinTests {
    final class ListHistory: Shell.History {
        var entries: [String]
        init(_ entries: [String]) { self.entries = entries }
        func replaceEntries(with entries: [String]) { self.entries = entries }
    }

    /// Runs `line` as the session's latest entry (the REPL adds a line before running it).
    func run(_ line: String, after earlier: [String]) throws -> (ShellRun, [String]) {
        let machine = try makeShellMachine()
        let session = ShellSession(machine: machine, user: .root, environment: ["PATH": "/bin", "HOME": "/root"],
                                   workingDirectory: "/root")
        let history = ListHistory(earlier + [line])
        session.shell.commandHistory = history
        let output = CollectingStream()
        let errors = CollectingStream()
        let process = machine.launch(session.program(forLine: line), arguments: ["-bash"], environment: [:],
                                     workingDirectory: "/root", user: .root, stdin: BytesReader(""), stdout: output, stderr: errors)
        machine.loop.run(until: { !process.isRunning }, limit: machine.loop.now + .seconds(60))
        return (ShellRun(output: output.text, errors: errors.text, status: process.exitStatus), history.entries)
    }

    static let earlier = ["ls", "docker ps", "echo hi"]

    @Test(arguments: [
        ("history", "    1  ls\n    2  docker ps\n    3  echo hi\n    4  history\n", "", Int32(0)),
        ("history 2", "    3  echo hi\n    4  history 2\n", "", 0),
        ("history 0", "", "", 0),
        ("history 99", "    1  ls\n    2  docker ps\n    3  echo hi\n    4  history 99\n", "", 0),
        ("history | cat", "    1  ls\n    2  docker ps\n    3  echo hi\n    4  history | cat\n", "", 0),
        ("history 1 | cat", "    4  history 1 | cat\n", "", 0),
        ("history abc", "", "bash: history: abc: numeric argument required\n", 1),
        ("history 1 2", "", "bash: history: too many arguments\n", 1),
        ("history -z", "", "bash: history: -z: invalid option\n" + Shell.historyUsage + "\n", 2),
        ("history -d 9", "", "bash: history: 9: history position out of range\n", 1),
        ("history -d -1", "", "bash: history: -1: history position out of range\n", 1),
    ])
    func listing(line: String, output: String, errors: String, status: Int32) throws {
        let (run, _) = try run(line, after: Self.earlier)
        #expect(run == ShellRun(output: output, errors: errors, status: status))
    }

    @Test func clearEmptiesTheList() throws {
        let (run, entries) = try run("history -c", after: Self.earlier)
        #expect(run == ShellRun(output: "", errors: "", status: 0))
        #expect(entries.isEmpty)
    }

    @Test func deleteRemovesOneEntry() throws {
        let (_, entries) = try run("history -d 2", after: Self.earlier)
        #expect(entries == ["ls", "echo hi", "history -d 2"])
    }

    @Test func storeReplacesItsOwnLine() throws {
        let (_, entries) = try run("history -s kubectl get pods", after: Self.earlier)
        #expect(entries == ["ls", "docker ps", "echo hi", "kubectl get pods"])
    }

    @Test func aShellWithoutAListPrintsNothing() throws {
        #expect(try runShell("history; history 3") == ShellRun(output: "", errors: "", status: 0))
    }
}

extension HistoryBuiltinTests {
    @Test func anInteractiveShellReadingItsOwnLinesListsThem() throws {
        let run = try runShell("", input: "echo a\n\nhistory | cat\n", arguments: ["bash", "-i"])
        #expect(run.output.contains("    1  echo a\n    2  history | cat\n"))
    }
}
