/// What an executable file does when a process runs it: `ls`, `node`, `sh`, `docker`, …
public protocol Program: Sendable {
    /// Runs to completion and returns the exit status. Waits throw `ProcessTerminated` when
    /// the process is killed; the runner then reports the signal's status.
    func run(_ context: ProgramContext) async throws -> Int32
}

/// The built-in programs a machine's binaries refer to by name (`FileContent.program`).
public final class ProgramRegistry {
    private var programs: [String: any Program] = [:]

    public init() {}

    public func register(_ name: String, _ program: any Program) {
        programs[name] = program
    }

    public func program(named name: String) -> (any Program)? {
        programs[name]
    }

    public var names: [String] { programs.keys.sorted() }
}

/// Everything a running program may use: its arguments, environment, standard streams, and
/// the machine and process it runs on.
public final class ProgramContext {
    public let machine: Machine
    public let process: SimulatedProcess
    /// argv; `arguments[0]` is the name the program was invoked as.
    public var arguments: [String]
    public var environment: [String: String]
    public var workingDirectory: String
    public var user: Credentials
    public var stdin: any ReadableStream
    public var stdout: any WritableStream
    public var stderr: any WritableStream

    public init(machine: Machine, process: SimulatedProcess, arguments: [String], environment: [String: String],
                workingDirectory: String, user: Credentials, stdin: any ReadableStream,
                stdout: any WritableStream, stderr: any WritableStream) {
        self.machine = machine
        self.process = process
        self.arguments = arguments
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.user = user
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
    }

    public var loop: EventLoopReference { machine.loop }

    /// The absolute form of `path` against the working directory.
    public func resolve(_ path: String) -> String {
        Paths.normalize(path, relativeTo: workingDirectory)
    }

    /// Writes to stdout; a reader that went away is not the writer's problem here.
    public func print(_ text: String) {
        try? stdout.write(text)
    }

    /// Writes to stderr.
    public func printError(_ text: String) {
        try? stderr.write(text)
    }

    /// The program's name as invoked, without its directory: what error messages start with.
    public var programName: String {
        Paths.lastComponent(arguments.first ?? "")
    }
}

import Simulation
public typealias EventLoopReference = EventLoop
