@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

/// What a command printed and how it ended.
struct CommandResult {
    var output: String
    var error: String
    var status: Int32?
}

/// A machine with a real root file system and every coreutils program, for running commands
/// as a shell would.
final class CoreutilsHarness {
    let machine: Machine

    /// Built once: every test starts from a copy of the same value.
    static let workstationRoot = RootFileSystems.workstation()

    init(root: Directory = CoreutilsHarness.workstationRoot, hostname: String = "workstation", seed: UInt64 = 7) {
        let programs = ProgramRegistry()
        registerCoreutils(in: programs)
        programs.register("sh", ShellProgram())
        programs.register("bash", ShellProgram())
        machine = Machine(hostname: hostname, loop: EventLoop(seed: seed), fileSystem: FileSystem(root: root),
                          programs: programs, network: Network())
    }

    var fileSystem: FileSystem { machine.fileSystem }

    func write(_ path: String, _ text: String, owner: Credentials = RootFileSystems.learner) throws {
        try fileSystem.writeFile(path, Array(text.utf8), as: owner)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try fileSystem.readFile(path), as: UTF8.self)
    }

    /// Starts a command without running the loop.
    func start(_ arguments: [String], stdin: any ReadableStream = EmptyReader(), stdout: any WritableStream,
               stderr: any WritableStream, user: Credentials = RootFileSystems.learner,
               environment: [String: String] = [:], directory: String = "/home/learner") throws -> SimulatedProcess {
        var variables = ["PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games", "HOME": user.home]
        variables.merge(environment) { $1 }
        return try machine.start(arguments, environment: variables, workingDirectory: directory, user: user,
                                 stdin: stdin, stdout: stdout, stderr: stderr)
    }

    /// Runs a command to completion (or `limit` of virtual time) and collects its output.
    func run(_ arguments: [String], stdin: String = "", user: Credentials = RootFileSystems.learner,
             environment: [String: String] = [:], directory: String = "/home/learner", terminal: Bool = false,
             limit: Duration = .seconds(3600)) throws -> CommandResult {
        let output: any WritableStream = terminal ? CollectingTerminal() : CollectingStream()
        let error = CollectingStream()
        let process = try start(arguments, stdin: BytesReader(stdin), stdout: output, stderr: error, user: user,
                                environment: environment, directory: directory)
        if terminal { process.terminal = "pts/0" }
        machine.loop.run(until: { process.exitStatus != nil }, limit: machine.loop.now + limit)
        let text = (output as? CollectingStream)?.text ?? (output as? CollectingTerminal)?.text ?? ""
        return CommandResult(output: text, error: error.text, status: process.exitStatus)
    }

    /// Runs a command line given as one string split on spaces.
    func run(_ line: String, stdin: String = "", user: Credentials = RootFileSystems.learner) throws -> CommandResult {
        try run(line.split(separator: " ").map(String.init), stdin: stdin, user: user)
    }
}
