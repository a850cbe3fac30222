@testable import Kernel
@testable import Shell
import Simulation

/// Test programs for the shell's tests (the real coreutils live elsewhere).
/// Copies stdin to stdout, as `cat` does with no arguments.
struct CatProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        while let chunk = try await context.stdin.read() {
            try? context.stdout.write(chunk)
        }
        return 0
    }
}

/// Sleeps for its argument's seconds of virtual time.
struct SleepProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        let seconds = Int(context.arguments.dropFirst().first ?? "") ?? 0
        try await context.process.sleep(for: .seconds(seconds))
        return 0
    }
}

struct SortLinesProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        let bytes = try await LineBuffer(context.stdin).readAll()
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").sorted()
        context.print(lines.map { $0 + "\n" }.joined())
        return 0
    }
}

/// `args a b` prints `<a> <b>`: shows how the shell split and quoted.
struct ShowArgumentsProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print(context.arguments.dropFirst().map { "<\($0)>" }.joined(separator: " ") + "\n")
        return 0
    }
}

/// `getenv NAME` prints the variable from its environment, or `unset`.
struct GetEnvironmentProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        let name = context.arguments.dropFirst().first ?? ""
        context.print((context.environment[name] ?? "unset") + "\n")
        return 0
    }
}

/// `status N` exits with N.
struct StatusProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        Int32(context.arguments.dropFirst().first ?? "0") ?? 0
    }
}

/// `pwd-of` prints its working directory (checks the shell passes its cwd).
struct WorkingDirectoryProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print(context.workingDirectory + "\n")
        return 0
    }
}

/// `firstline` prints the first line of stdin and exits without reading the rest.
struct FirstLineProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        if let line = try await LineBuffer(context.stdin).readLine() { context.print(line + "\n") }
        return 0
    }
}

/// A machine with the shell as /bin/sh and /bin/bash and the test programs above.
func makeShellMachine(hostname: String = "test") throws -> Machine {
    let loop = EventLoop(seed: 7)
    let programs = ProgramRegistry()
    let table: [String: any Program] = [
        "sh": ShellProgram(), "bash": ShellProgram(), "cat": CatProgram(), "sleep": SleepProgram(),
        "sort": SortLinesProgram(), "args": ShowArgumentsProgram(), "getenv": GetEnvironmentProgram(),
        "status": StatusProgram(), "pwd-of": WorkingDirectoryProgram(), "firstline": FirstLineProgram(),
    ]
    let fileSystem = FileSystem()
    for directory in ["/bin", "/tmp", "/root", "/dev", "/home/learner"] {
        try fileSystem.createDirectory(directory, intermediates: true)
    }
    try fileSystem.install(.device(.null, FileMetadata(mode: 0o666)), at: "/dev/null")
    for (name, program) in table.merging(ShellUtilityProgram.all, uniquingKeysWith: { first, _ in first }) {
        programs.register(name, program)
        try fileSystem.setContent("/bin/\(name)", .program(name: name, size: 10_000), mode: 0o755)
    }
    return Machine(hostname: hostname, loop: loop, fileSystem: fileSystem, programs: programs, network: Network())
}

/// What a shell run printed and how it ended.
struct ShellRun: Equatable {
    var output: String
    var errors: String
    var status: Int32?
}

/// Runs `bash -c script` (or other arguments) until it ends or `limit` of virtual time passes.
func runShell(_ script: String, input: String = "", arguments: [String]? = nil, on machine: Machine? = nil,
              limit: Duration = .seconds(3600)) throws -> ShellRun {
    let machine = try machine ?? makeShellMachine()
    let output = CollectingStream()
    let errors = CollectingStream()
    let process = try machine.start(arguments ?? ["bash", "-c", script], environment: ["PATH": "/bin", "HOME": "/root"],
                                    workingDirectory: "/root", user: .root, stdin: BytesReader(input),
                                    stdout: output, stderr: errors)
    machine.loop.run(until: { !process.isRunning }, limit: machine.loop.now + limit)
    return ShellRun(output: output.text, errors: errors.text, status: process.exitStatus)
}
