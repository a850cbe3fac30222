@testable import Kernel
@testable import Shell
import Simulation
import Testing

@Suite struct ShellProcessTests {
    @Test func trapsRunOnSignals() throws {
        #expect(try runShell("trap 'echo bye' TERM; kill $$; echo after").output == "bye\nafter\n")
        #expect(try runShell("trap 'echo bye' EXIT; echo hi").output == "hi\nbye\n")
        #expect(try runShell("trap 'echo x' INT; trap").output == "trap -- 'echo x' SIGINT\n")

        let machine = try makeShellMachine()
        let output = CollectingStream()
        let process = try machine.start(["sh", "-c", "trap 'echo got TERM; exit 3' TERM; while true; do sleep 1; done"],
                                        environment: ["PATH": "/bin"], workingDirectory: "/", user: .root,
                                        stdin: EmptyReader(), stdout: output, stderr: output)
        machine.loop.advance(by: .seconds(5))
        #expect(process.isRunning)
        process.signal(.terminate)
        machine.loop.advance(by: .seconds(2))
        #expect(output.text == "got TERM\n")
        #expect(process.exitStatus == 3)
    }

    @Test func waitEndsWhenATrappedSignalArrives() throws {
        let machine = try makeShellMachine()
        let output = CollectingStream()
        let process = try machine.start(["sh", "-c", "trap 'echo stopping; exit 0' TERM; sleep 1000 & wait; echo never"],
                                        environment: ["PATH": "/bin"], workingDirectory: "/", user: .root,
                                        stdin: EmptyReader(), stdout: output, stderr: output)
        machine.loop.advance(by: .seconds(3))
        process.signal(.terminate)
        machine.loop.advance(by: .seconds(1))
        #expect(output.text == "stopping\n")
        #expect(process.exitStatus == 0)
    }

    @Test func backgroundJobsAndWait() throws {
        let machine = try makeShellMachine()
        let start = machine.loop.now
        let run = try runShell("sleep 5 & echo started; wait; echo done $!", on: machine)
        #expect(run.output.hasPrefix("started\ndone "))
        #expect(machine.loop.now - start >= .seconds(5))
    }

    @Test func anEndlessLoopCanBeKilled() throws {
        let machine = try makeShellMachine()
        let process = try machine.start(["sh", "-c", "while :; do :; done"], environment: [:], workingDirectory: "/",
                                        user: .root, stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        machine.loop.advance(by: .milliseconds(5))
        #expect(process.isRunning)
        process.signal(.interrupt)
        machine.loop.advance(by: .milliseconds(5))
        #expect(process.exitStatus == 130)
    }
}

/// Runs session lines the way the world does: each line a process of its own on the terminal.
final class SessionDriver {
    let machine: Machine
    let session: ShellSession
    let output = CollectingStream()
    let errors = CollectingStream()
    var current: SimulatedProcess?

    init(environment: [String: String] = ["PATH": "/bin", "HOME": "/root"], workingDirectory: String = "/root") throws {
        machine = try makeShellMachine()
        session = ShellSession(machine: machine, user: .root, environment: environment, workingDirectory: workingDirectory)
    }

    /// Starts `line` and runs it for at most `limit` of virtual time; its status once it ended.
    @discardableResult
    func run(_ line: String, limit: Duration = .seconds(60)) -> Int32? {
        let process = machine.launch(session.program(forLine: line), arguments: ["-bash"], environment: [:],
                                     workingDirectory: session.workingDirectory, user: .root, stdin: EmptyReader(),
                                     stdout: output, stderr: errors)
        process.terminal = "pts/0"
        current = process
        machine.loop.run(until: { !process.isRunning }, limit: machine.loop.now + limit)
        return process.exitStatus
    }
}

@Suite struct ShellSessionTests {
    @Test func keepsStateBetweenLinesAndExpandsAliases() throws {
        let driver = try SessionDriver()
        let session = driver.session
        #expect(session.prompt == "root@test:~# ")
        #expect(!session.isComplete("if true; then"))
        #expect(session.isComplete("echo 'done'"))
        #expect(driver.run("alias k='args -v'; cd /tmp; x=1; f() { :; }") == 0)
        #expect(session.builtinNames.contains("k") && session.builtinNames.contains("f") && session.builtinNames.contains("cd"))
        #expect(driver.run("k $x") == 0)
        #expect(session.prompt == "root@test:/tmp# ")
        #expect(session.workingDirectory == "/tmp")
        #expect(driver.run("nosuch") == 127)
        #expect(driver.run("if then") == 2)
        #expect(driver.run("echo $?") == 0)
        #expect(driver.output.text == "<-v> <1>\n2\n")
        #expect(driver.errors.text == "bash: nosuch: command not found\nbash: syntax error near unexpected token `then'\n")
        #expect(session.exitRequest == nil)
        #expect(driver.run("exit 4") == 4)
        #expect(session.exitRequest == 4)
        #expect(driver.errors.text.hasSuffix("exit\n"))
    }

    @Test func ctrlCStopsTheLineNotTheSession() throws {
        let driver = try SessionDriver()
        #expect(driver.run("while :; do :; done", limit: .milliseconds(5)) == nil)
        driver.current?.signal(.interrupt)
        // A busy loop notices at the end of its time slice.
        driver.machine.loop.advance(by: SimulatedProcess.timeSlice + .milliseconds(5))
        #expect(driver.current?.exitStatus == 130)
        #expect(driver.run("echo $?") == 0)
        #expect(driver.output.text == "130\n")
        #expect(driver.session.exitRequest == nil)
    }

    @Test func trapsMoveWithTheSession() throws {
        let driver = try SessionDriver()
        #expect(driver.run("trap 'echo caught' USR1") == 0)
        #expect(driver.run("kill -USR1 $$; echo after") == 0)
        #expect(driver.output.text == "caught\nafter\n")
    }

    @Test func backgroundJobsAreReported() throws {
        let driver = try SessionDriver()
        driver.run("sleep 5 &")
        let pid = driver.machine.processes.all.first { $0.arguments == ["sleep", "5"] }?.pid
        #expect(driver.errors.text == "[1] \(pid ?? -1)\n")
        driver.machine.loop.advance(by: .seconds(6))
        driver.run("true")
        #expect(driver.errors.text.hasSuffix("[1]+  Done                    sleep 5\n"))
    }

    @Test func interactiveShellReadsStandardInput() throws {
        let run = try runShell("", input: "echo hi\nif true\nthen echo multi; fi\ncd /tmp\nexit 3\necho never\n", arguments: ["bash", "-i"])
        #expect(run.output == "root@test:~# hi\nroot@test:~# > multi\nroot@test:~# root@test:/tmp# ")
        #expect(run.errors == "exit\n")
        #expect(run.status == 3)
        let piped = try runShell("", input: "echo one\necho two", arguments: ["sh"])
        #expect(piped == ShellRun(output: "one\ntwo\n", errors: "", status: 0))
    }
}

@Suite struct ShellRobustnessTests {
    @Test func runawayRecursionEndsInAnError() throws {
        let run = try runShell("f() { f; }; f; echo never")
        #expect(run.errors == "bash: f: maximum function nesting level exceeded (200)\n")
        #expect(run.status == 1)
        #expect(try runShell("x='eval \"$x\"'; eval \"$x\"").status == 1)
    }

    @Test func deeplyNestedInputIsRejected() {
        let source = String(repeating: "( ", count: 1_000) + "true" + String(repeating: " )", count: 1_000)
        guard case .error(let error) = ShellParser.parse(source) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.messages == ["syntax error: nesting too deep"])
    }

    @Test func aWriterEndsWhenItsReaderLeaves() throws {
        let run = try runShell("while :; do echo y; done | firstline; echo after")
        #expect(run == ShellRun(output: "y\nafter\n", errors: "", status: 0))
    }

    @Test func interruptReachesSubshellsAndTheirChildren() throws {
        let driver = try SessionDriver()
        #expect(driver.run("(while :; do :; done); echo no", limit: .milliseconds(3)) == nil)
        driver.current?.signal(.interrupt)
        // A busy loop notices at the end of its time slice.
        driver.machine.loop.advance(by: SimulatedProcess.timeSlice + .milliseconds(3))
        #expect(driver.current?.exitStatus == 130)
        #expect(driver.run("(sleep 100); echo no", limit: .seconds(1)) == nil)
        driver.current?.signal(.interrupt)
        driver.machine.loop.advance(by: .seconds(1))
        #expect(driver.current?.exitStatus == 130)
        #expect(driver.output.text == "")
    }

    @Test func execHandsSignalsToTheProgram() throws {
        let machine = try makeShellMachine()
        let process = try machine.start(["sh", "-c", "exec sleep 100"], environment: ["PATH": "/bin"], workingDirectory: "/",
                                        user: .root, stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        machine.loop.advance(by: .seconds(1))
        #expect(process.arguments == ["sleep", "100"])
        process.signal(.terminate)
        machine.loop.advance(by: .seconds(1))
        #expect(process.exitStatus == 143)
        #expect(machine.processes.count == 0)
    }
}

@Suite struct ShellPipelineProcessTests {
    @Test func externalStagesRunAsTheirOwnProcesses() throws {
        let machine = try makeShellMachine()
        let output = CollectingStream()
        let process = try machine.start(["bash", "-c", "sleep 10 2>&1 | cat; echo done"], environment: ["PATH": "/bin"],
                                        workingDirectory: "/", user: .root, stdin: EmptyReader(), stdout: output, stderr: output)
        machine.loop.advance(by: .seconds(1))
        let commands = machine.processes.all.map(\.arguments)
        #expect(commands == [["bash", "-c", "sleep 10 2>&1 | cat; echo done"], ["sleep", "10"], ["cat"]])
        #expect(machine.processes.all.dropFirst().allSatisfy { $0.parentPID == process.pid })
        machine.loop.advance(by: .seconds(10))
        #expect(output.text == "done\n")
        #expect(process.exitStatus == 0)
    }
}

@Suite struct ShellJobControlTests {
    @Test func listsJobsAndBringsThemToTheForeground() throws {
        let driver = try SessionDriver()
        driver.run("sleep 30 &")
        driver.run("sleep 60 &")
        driver.run("jobs")
        #expect(driver.output.text == "[1]-  Running                 sleep 30 &\n[2]+  Running                 sleep 60 &\n")
        driver.run("kill %1")
        driver.machine.loop.runReady()
        #expect(driver.run("fg") == 0)
        #expect(driver.output.text.hasSuffix("sleep 60\n"))
        #expect(driver.errors.text.contains("[1]-  Terminated              sleep 30\n"))
        #expect(driver.run("fg") == 1)
        #expect(driver.errors.text.hasSuffix("bash: fg: current: no such job\n"))
    }

    @Test func reportsAForegroundCommandKilledBySignal() throws {
        let driver = try SessionDriver()
        #expect(driver.run("sleep 100", limit: .seconds(1)) == nil)
        driver.machine.processes.all.first { $0.arguments == ["sleep", "100"] }?.signal(.kill)
        driver.machine.loop.runReady()
        #expect(driver.current?.exitStatus == 137)
        #expect(driver.errors.text == "Killed\n")
    }
}

@Suite struct ShellScaleTests {
    @Test func readsALongFileLineByLine() throws {
        let machine = try makeShellMachine()
        let lines = (1...5_000).map { "line \($0)\n" }.joined()
        try machine.fileSystem.writeFile("/tmp/big", Array(lines.utf8))
        let run = try runShell("n=0; while read a b; do n=$((n + 1)); last=$b; done < /tmp/big; echo $n $last", on: machine)
        #expect(run.output == "5000 5000\n")
    }

    @Test func parsesALongScript() {
        let source = (1...5_000).map { "echo \($0)" }.joined(separator: "\n") + "\nfi"
        guard case .error(let error) = ShellParser.parse(source) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.line == 5_001)
    }
}
