@testable import Kernel
import Simulation
import Testing

/// Small programs for exercising the process machinery.
struct EchoProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print(context.arguments.dropFirst().joined(separator: " ") + "\n")
        return 0
    }
}

struct CatProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        while let chunk = try await context.stdin.read() {
            try? context.stdout.write(chunk)
        }
        return 0
    }
}

struct SleepProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        let seconds = Int(context.arguments.dropFirst().first ?? "") ?? 0
        try await context.process.sleep(for: .seconds(seconds))
        return 0
    }
}

func makeMachine(seed: UInt64 = 1) throws -> Machine {
    let loop = EventLoop(seed: seed)
    let programs = ProgramRegistry()
    programs.register("echo", EchoProgram())
    programs.register("cat", CatProgram())
    programs.register("sleep", SleepProgram())
    let fileSystem = FileSystem()
    try fileSystem.createDirectory("/bin")
    for name in ["echo", "cat", "sleep"] {
        try fileSystem.setContent("/bin/\(name)", .program(name: name, size: 30_000), mode: 0o755)
    }
    return Machine(hostname: "workstation", loop: loop, fileSystem: fileSystem, programs: programs, network: Network())
}

@Suite struct ProcessTests {
    @Test func runsAProgramFoundAlongThePath() throws {
        let machine = try makeMachine()
        let output = CollectingStream()
        let process = try machine.start(["echo", "hello", "world"], environment: ["PATH": "/bin"], workingDirectory: "/",
                                        user: .root, stdin: EmptyReader(), stdout: output, stderr: output)
        machine.loop.runReady()
        #expect(output.text == "hello world\n")
        #expect(process.exitStatus == 0)
        #expect(machine.processes.count == 0)
    }

    @Test func pipesConnectProcesses() throws {
        let machine = try makeMachine()
        let pipe = BytePipe()
        let output = CollectingStream()
        let environment = ["PATH": "/bin"]
        let reader = try machine.start(["cat"], environment: environment, workingDirectory: "/", user: .root,
                                       stdin: pipe.reader, stdout: output, stderr: output)
        let writer = try machine.start(["echo", "through", "a", "pipe"], environment: environment, workingDirectory: "/",
                                       user: .root, stdin: EmptyReader(), stdout: pipe.writer, stderr: output)
        writer.onExit { _ in pipe.writer.close() }
        machine.loop.runReady()
        #expect(output.text == "through a pipe\n")
        #expect(reader.exitStatus == 0)
    }

    @Test func sleepingTakesVirtualTimeAndAKillInterruptsIt() throws {
        let machine = try makeMachine()
        let sleeper = try machine.start(["sleep", "10"], environment: ["PATH": "/bin"], workingDirectory: "/", user: .root,
                                        stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        machine.loop.advance(by: .seconds(9))
        #expect(sleeper.isRunning)
        machine.loop.advance(by: .seconds(1))
        #expect(sleeper.exitStatus == 0)

        let long = try machine.start(["sleep", "1000"], environment: ["PATH": "/bin"], workingDirectory: "/", user: .root,
                                     stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        machine.loop.advance(by: .seconds(1))
        long.signal(.terminate)
        machine.loop.runReady()
        #expect(long.exitStatus == 143)
        #expect(machine.loop.nextDeadline == nil)
    }

    @Test func signalHandlersRunInsteadOfTheDefaultAction() throws {
        let machine = try makeMachine()
        let process = try machine.start(["sleep", "5"], environment: ["PATH": "/bin"], workingDirectory: "/", user: .root,
                                        stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        var handled = false
        process.signalHandlers[.terminate] = { handled = true }
        process.signal(.terminate)
        machine.loop.runReady()
        #expect(handled)
        #expect(process.isRunning)
        process.signal(.kill)
        machine.loop.runReady()
        #expect(process.exitStatus == 137)
    }

    @Test(arguments: [
        ("nope", Errno.ENOENT),
        ("/etc/motd", Errno.EACCES),
        ("/script-without-interpreter", Errno.ENOENT),
        ("/garbage", Errno.ENOEXEC),
    ])
    func startFailuresReportErrno(command: String, code: Errno) throws {
        let machine = try makeMachine()
        try machine.fileSystem.createDirectory("/etc")
        try machine.fileSystem.writeFile("/etc/motd", Array("hi".utf8))
        try machine.fileSystem.writeFile("/script-without-interpreter", Array("#!/usr/bin/missing\n".utf8), mode: 0o755)
        try machine.fileSystem.writeFile("/garbage", Array("just text".utf8), mode: 0o755)
        #expect(throws: ExecError.self) {
            try machine.start([command], environment: ["PATH": "/bin"], workingDirectory: "/", user: .root,
                              stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        }
        do {
            _ = try machine.start([command], environment: ["PATH": "/bin"], workingDirectory: "/", user: .root,
                                  stdin: EmptyReader(), stdout: DiscardingStream(), stderr: DiscardingStream())
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func scriptsRunThroughTheirInterpreter() throws {
        let machine = try makeMachine()
        try machine.fileSystem.writeFile("/hello.sh", Array("#!/bin/echo from-shebang\n".utf8), mode: 0o755)
        let output = CollectingStream()
        _ = try machine.start(["/hello.sh", "arg"], environment: [:], workingDirectory: "/", user: .root,
                              stdin: EmptyReader(), stdout: output, stderr: output)
        machine.loop.runReady()
        #expect(output.text == "from-shebang /hello.sh arg\n")
    }
}
