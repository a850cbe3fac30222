import Simulation

/// A simulated Linux machine: the learner's workstation, each container, each cluster node.
/// It has a hostname, a file system, a process table and a network stack, and runs programs
/// by what its executable files contain.
public final class Machine {
    public let loop: EventLoop
    public var hostname: String
    public let fileSystem: FileSystem
    public let processes: ProcessTable
    public let programs: ProgramRegistry
    public let networkStack: NetworkStack
    /// The machine whose `ps` also lists this one's processes (a container's Docker host).
    public weak var host: Machine?
    /// The language KubeLab's own notes to the learner are written in (`en`, `zh`): the
    /// course's, not the simulated system's, so no simulated program reads it otherwise.
    public var noteLanguage = "en"

    public init(hostname: String, loop: EventLoop, fileSystem: FileSystem, programs: ProgramRegistry, network: Network) {
        self.hostname = hostname
        self.loop = loop
        self.fileSystem = fileSystem
        self.programs = programs
        self.processes = ProcessTable()
        self.networkStack = NetworkStack(network: network)
        fileSystem.clock = { [unowned loop] in loop.now }
        networkStack.machine = self
    }

    /// The path of the executable `name` would run: `name` itself when it has a slash,
    /// otherwise the first match along `searchPath` (colon-separated).
    public func findExecutable(_ name: String, searchPath: String, workingDirectory: String) -> String? {
        locateExecutable(name, searchPath: searchPath, workingDirectory: workingDirectory)?.absolute
    }

    /// Where `name` is found: its absolute path, and the path as the shell hands it to
    /// execve(2) (`bin/s.sh` through a relative `PATH` entry), which a `#!` interpreter gets.
    func locateExecutable(_ name: String, searchPath: String, workingDirectory: String) -> (absolute: String, executed: String)? {
        if name.contains("/") {
            let path = Paths.normalize(name, relativeTo: workingDirectory)
            return fileSystem.exists(path) ? (path, name) : nil
        }
        // A relative entry is searched from the working directory; an empty one is the directory itself.
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            let executed = Paths.join(directory.isEmpty ? "." : String(directory), name)
            let candidate = Paths.normalize(executed, relativeTo: workingDirectory)
            if let status = try? fileSystem.status(candidate), status.kind == .file, status.isExecutable {
                return (candidate, executed)
            }
        }
        return nil
    }

    /// Starts a process running `arguments[0]`, found along `PATH` when it has no slash.
    ///
    /// What runs depends on the file: a binary runs its registered program, a text file that
    /// starts with `#!` runs its interpreter with the script's path; anything else is ENOEXEC.
    public func start(_ arguments: [String], environment: [String: String], workingDirectory: String,
                      user: Credentials, stdin: any ReadableStream, stdout: any WritableStream,
                      stderr: any WritableStream, parent: SimulatedProcess? = nil) throws(ExecError) -> SimulatedProcess {
        let (program, argv) = try resolveProgram(arguments, environment: environment, workingDirectory: workingDirectory, user: user)
        return launch(program, arguments: argv, environment: environment, workingDirectory: workingDirectory,
                      user: user, stdin: stdin, stdout: stdout, stderr: stderr, parent: parent)
    }

    /// Starts a process that runs `program` directly (PID 1 of a container, the shell of the
    /// REPL), without looking for an executable file.
    public func launch(_ program: any Program, arguments: [String], environment: [String: String], workingDirectory: String,
                       user: Credentials, stdin: any ReadableStream, stdout: any WritableStream,
                       stderr: any WritableStream, parent: SimulatedProcess? = nil) -> SimulatedProcess {
        let process = SimulatedProcess(pid: processes.allocatePID(), parentPID: parent?.pid ?? 0,
                                       arguments: arguments, user: user, machine: self)
        process.terminal = parent?.terminal
        process.cpuAccount = parent?.cpuAccount
        processes.insert(process)
        host?.processes.adoptGuest(process)
        let context = ProgramContext(machine: self, process: process, arguments: arguments, environment: environment,
                                     workingDirectory: workingDirectory, user: user, stdin: stdin, stdout: stdout, stderr: stderr)
        let box = UncheckedSendable((program, context, process))
        loop.spawn {
            let (program, context, process) = box.value
            await SimulatedProcess.$currentBox.withValue(UncheckedSendable(process)) {
                let status: Int32
                do {
                    status = try await program.run(context)
                } catch let terminated as ProcessTerminated {
                    status = terminated.status
                } catch {
                    status = 1
                }
                process.finish(status: process.terminationStatus ?? status)
            }
        }
        return process
    }

    private func resolveProgram(_ arguments: [String], environment: [String: String], workingDirectory: String,
                                user: Credentials, depth: Int = 0) throws(ExecError) -> (any Program, [String]) {
        guard let name = arguments.first, !name.isEmpty else { throw ExecError(code: .ENOENT, path: "") }
        let searchPath = environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        guard let (path, executed) = locateExecutable(name, searchPath: searchPath, workingDirectory: workingDirectory) else {
            throw ExecError(code: .ENOENT, path: name)
        }
        let status: FileStatus
        do { status = try fileSystem.status(path, as: user) } catch { throw ExecError(code: error.code, path: name) }
        guard status.kind != .directory else { throw ExecError(code: .EACCES, path: name) }
        guard status.isExecutable, status.kind == .file else { throw ExecError(code: .EACCES, path: name) }
        let content: FileContent
        do { content = try fileSystem.content(path, as: user) } catch { throw ExecError(code: error.code, path: name) }
        switch content {
        case .program(let programName, _):
            guard let program = programs.program(named: programName) else { throw ExecError(code: .ENOEXEC, path: name) }
            return (program, arguments)
        case .bytes(let bytes):
            guard depth < 4, bytes.starts(with: Array("#!".utf8)) else { throw ExecError(code: .ENOEXEC, path: name) }
            let firstLine = bytes.dropFirst(2).prefix { $0 != 0x0A }
            let words = String(decoding: firstLine, as: UTF8.self).split(separator: " ", maxSplits: 1).map {
                $0.trimmingCharacters(in: " \t\r")
            }
            guard let interpreter = words.first, !interpreter.isEmpty else { throw ExecError(code: .ENOEXEC, path: name) }
            // The script's path as found along PATH, as execve(2) hands it to the interpreter.
            let interpreterArguments = [interpreter] + words.dropFirst().filter { !$0.isEmpty } + [executed] + arguments.dropFirst()
            do {
                return try resolveProgram(interpreterArguments, environment: environment, workingDirectory: workingDirectory,
                                          user: user, depth: depth + 1)
            } catch {
                throw ExecError(code: error.code, path: error.code == .ENOENT ? interpreter : name, interpreterMissing: error.code == .ENOENT)
            }
        }
    }
}

/// Why a program could not be started.
public struct ExecError: Error, Hashable, Sendable {
    public let code: Errno
    public let path: String
    /// The script's `#!` interpreter does not exist ("bad interpreter").
    public var interpreterMissing = false

    public init(code: Errno, path: String, interpreterMissing: Bool = false) {
        self.code = code
        self.path = path
        self.interpreterMissing = interpreterMissing
    }
}

extension StringProtocol {
    package func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
