import Kernel

/// `env`: prints the environment, or runs a command in a changed one (`NAME=value`, `-i`, `-u`).
public struct EnvironmentProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())[...]
        var environment = context.environment
        while let first = arguments.first, first.hasPrefix("-") {
            if first == "-i" || first == "--ignore-environment" || first == "-" {
                environment = [:]
            } else if first == "-u", arguments.count > 1 {
                arguments = arguments.dropFirst()
                environment[arguments.first ?? ""] = nil
            } else if first == "--" {
                arguments = arguments.dropFirst()
                break
            } else {
                context.complain("invalid option -- '\(first.dropFirst().prefix(1))'")
                context.printUsageHint(flavor: .gnu)
                return 125
            }
            arguments = arguments.dropFirst()
        }
        while let first = arguments.first, let equals = first.firstIndex(of: "="), equals != first.startIndex {
            environment[String(first[..<equals])] = String(first[first.index(after: equals)...])
            arguments = arguments.dropFirst()
        }
        guard !arguments.isEmpty else {
            context.emit(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined())
            return 0
        }
        let process: SimulatedProcess
        do {
            process = try context.machine.start(Array(arguments), environment: environment, workingDirectory: context.workingDirectory,
                                                user: context.user, stdin: context.stdin, stdout: context.stdout,
                                                stderr: context.stderr, parent: context.process)
        } catch {
            context.complain("\(quoted(arguments.first ?? "")): \(error.code.message)")
            return error.code == .ENOENT ? 127 : 126
        }
        return try await process.waitForExit()
    }
}

/// `printenv`: all variables, or the values of the named ones (exit 1 if one is unset).
public struct PrintEnvironmentProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let names = context.arguments.dropFirst()
        guard !names.isEmpty else {
            context.emit(context.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined())
            return 0
        }
        var status: Int32 = 0
        for name in names {
            if let value = context.environment[name] { context.emit(value + "\n") } else { status = 1 }
        }
        return status
    }
}

/// `which`: the path each command would run from, along `PATH`; silent exit 1 if not found.
public struct WhichProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var names = Array(context.arguments.dropFirst())
        let all = names.first == "-a"
        if all { names.removeFirst() }
        let searchPath = context.environment["PATH"] ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
        var status: Int32 = names.isEmpty ? 1 : 0
        for name in names {
            var found: [String] = []
            if name.contains("/") {
                let path = context.resolve(name)
                if let entry = try? context.machine.fileSystem.status(path), entry.kind == .file, entry.isExecutable { found = [name] }
            } else {
                for directory in searchPath.split(separator: ":") {
                    let candidate = Paths.join(String(directory), name)
                    if let entry = try? context.machine.fileSystem.status(candidate), entry.kind == .file, entry.isExecutable {
                        found.append(candidate)
                        if !all { break }
                    }
                }
            }
            if found.isEmpty { status = 1 }
            context.emit(found.map { $0 + "\n" }.joined())
        }
        return status
    }
}
