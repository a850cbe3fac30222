import Kernel

extension Shell {
    // MARK: Aliases and lookup

    func alias(_ arguments: [String], io: ShellIO) throws -> Int32 {
        let operands = arguments.filter { $0 != "-p" }
        if operands.isEmpty {
            for name in aliases.keys.sorted() {
                try write("alias \(name)=\(Self.singleQuoted(aliases[name] ?? ""))\n", to: io.stdout)
            }
            return 0
        }
        var status: Int32 = 0
        for operand in operands {
            let (name, value) = Self.splitAssignment(operand)
            if let value {
                aliases[name] = value
            } else if let value = aliases[name] {
                try write("alias \(name)=\(Self.singleQuoted(value))\n", to: io.stdout)
            } else {
                report("alias: \(name): not found", io: io)
                status = 1
            }
        }
        return status
    }

    static func singleQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    func unalias(_ arguments: [String], io: ShellIO) -> Int32 {
        if arguments.first == "-a" {
            aliases.removeAll()
            return 0
        }
        guard !arguments.isEmpty else {
            try? io.stderr.write("unalias: usage: unalias [-a] name [name ...]\n")
            return 2
        }
        var status: Int32 = 0
        for name in arguments {
            if aliases.removeValue(forKey: name) == nil {
                report("unalias: \(name): not found", io: io)
                status = 1
            }
        }
        return status
    }

    /// What a command name means here: alias, keyword, function, builtin or file.
    enum CommandKind {
        case alias(String), keyword, function, builtin, file(String)
    }

    func commandKind(_ name: String) -> CommandKind? {
        if let value = aliases[name] { return .alias(value) }
        if Self.keywords.contains(name) { return .keyword }
        if functions[name] != nil { return .function }
        if isBuiltin(name) { return .builtin }
        if let path = resolvedExecutable(name, variables), name.contains("/") || (try? machine.fileSystem.status(path)).isExecutableFile {
            return .file(path)
        }
        return nil
    }

    func type(_ arguments: [String], io: ShellIO) throws -> Int32 {
        var terse = false
        var names: [String] = []
        for argument in arguments {
            if argument == "-t" { terse = true } else if !argument.hasPrefix("-") { names.append(argument) }
        }
        var status: Int32 = 0
        for name in names {
            switch commandKind(name) {
            case .alias(let value)?:
                try write(terse ? "alias\n" : "\(name) is aliased to `\(value)'\n", to: io.stdout)
            case .keyword?:
                try write(terse ? "keyword\n" : "\(name) is a shell keyword\n", to: io.stdout)
            case .function?:
                if terse {
                    try write("function\n", to: io.stdout)
                } else if let body = functions[name] {
                    try write("\(name) is a function\n" + ShellSyntaxPrinter.function(named: name, body) + "\n", to: io.stdout)
                }
            case .builtin?:
                try write(terse ? "builtin\n" : "\(name) is a shell builtin\n", to: io.stdout)
            case .file(let path)?:
                try write(terse ? "file\n" : "\(name) is \(path)\n", to: io.stdout)
            case nil:
                if !terse { report("type: \(name): not found", io: io) }
                status = 1
            }
        }
        return status
    }

    func command(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        guard let first = arguments.first else { return 0 }
        if first == "-v" || first == "-V" {
            var status: Int32 = 0
            for name in arguments.dropFirst() {
                switch commandKind(name) {
                case .alias(let value)?:
                    try write(first == "-v" ? "alias \(name)=\(Self.singleQuoted(value))\n" : "\(name) is aliased to `\(value)'\n", to: io.stdout)
                case .file(let path)?:
                    try write(first == "-v" ? "\(path)\n" : "\(name) is \(path)\n", to: io.stdout)
                case .some:
                    try write("\(name)\n", to: io.stdout)
                case nil:
                    if first == "-V" { report("command: \(name): not found", io: io) }
                    status = 1
                }
            }
            return status
        }
        if isBuiltin(first) { return try await runBuiltin(first, arguments: arguments, io: io) ?? 0 }
        switch startExternal(arguments, environment: exportedEnvironment(), io: io) {
        case .failure(let status): return status
        case .success(let child): return try await waitInForeground(child)
        }
    }

    // MARK: Leaving

    func exit(_ arguments: [String], io: ShellIO) throws -> Int32 {
        if isInteractive { try? io.stderr.write("exit\n") }
        var status = lastStatus
        if let first = arguments.first {
            guard let number = Int(first) else {
                report("exit: \(first): numeric argument required", io: io)
                throw ShellControl.exit(2)
            }
            guard arguments.count == 1 else {
                report("exit: too many arguments", io: io)
                return 1
            }
            status = Int32(truncatingIfNeeded: number & 0xFF)
        }
        throw ShellControl.exit(status)
    }

    func returnFromFunction(_ arguments: [String], io: ShellIO) throws -> Int32 {
        guard functionDepth > 0 || sourceDepth > 0 else {
            report("return: can only `return' from a function or sourced script", io: io)
            return 1
        }
        var status = lastStatus
        if let first = arguments.first {
            guard let number = Int(first) else {
                report("return: \(first): numeric argument required", io: io)
                throw ShellControl.returnFromFunction(2)
            }
            status = Int32(truncatingIfNeeded: number & 0xFF)
        }
        throw ShellControl.returnFromFunction(status)
    }

    func loopControl(_ name: String, _ arguments: [String], io: ShellIO) throws -> Int32 {
        var levels = 1
        if let first = arguments.first {
            guard let number = Int(first), number >= 1 else {
                report("\(name): \(first): loop count out of range", io: io)
                return 1
            }
            levels = number
        }
        guard loopDepth > 0 else {
            report("\(name): only meaningful in a `for', `while', or `until' loop", io: io)
            return 0
        }
        levels = min(levels, loopDepth)
        throw name == "break" ? ShellControl.breakLoop(levels) : ShellControl.continueLoop(levels)
    }

    // MARK: Other scripts

    /// Parses a whole script or `-c` text and runs it; syntax errors are reported as bash
    /// reports them for scripts. Returns the shell's final status (running the EXIT trap).
    public func runScriptSource(_ source: String) async -> Int32 {
        // Command by command, as bash reads a script: what comes before an error runs.
        let engine = ParserEngine(source: source, aliases: aliases, isFinal: true)
        var status: Int32 = 0
        while exitStatus == nil {
            let script: Script?
            do {
                script = try engine.parseNextCommand()
            } catch {
                let syntaxError: ShellSyntaxError
                switch error {
                case .incomplete(let reason): syntaxError = engine.endOfFileError(reason)
                case .syntax(let found): syntaxError = found
                }
                if syntaxError.isExpansionError {
                    // Bash reports a bad substitution when it expands the word, and goes on.
                    currentLine = syntaxError.line
                    report(syntaxError.messages[0], io: io)
                    lastStatus = 1
                    status = 1
                    engine.skip(pastLine: syntaxError.line)
                    continue
                }
                try? io.stderr.write(runsScriptFile ? syntaxError.scriptFileText(scriptName: scriptName)
                                                    : syntaxError.scriptText(shellName: name, scriptName: scriptName == name ? "-c" : scriptName))
                status = 2
                lastStatus = 2
                break
            }
            guard let script else { break }
            status = await run(script)
        }
        if let exitStatus { status = exitStatus }
        await runExitTrap()
        return exitStatus ?? status
    }

    func parseForRun(_ source: String, scriptName: String, io: ShellIO) -> Script? {
        switch ShellParser.parse(source, aliases: aliases, isFinal: true) {
        case .complete(let script):
            return script
        case .error(let error):
            try? io.stderr.write(isInteractive && scriptName == name ? error.interactiveText(shellName: name)
                                                                      : error.scriptText(shellName: name, scriptName: scriptName))
            return nil
        case .incomplete:
            return nil
        }
    }

    func source(_ command: String, _ arguments: [String], io: ShellIO) async throws -> Int32 {
        guard let file = arguments.first else {
            report("\(command): filename argument required", io: io)
            try? io.stderr.write("\(command): usage: \(command) filename [arguments]\n")
            return 2
        }
        var path = Paths.normalize(file, relativeTo: workingDirectory)
        if !file.contains("/") {
            for directory in (variables["PATH"] ?? "").split(separator: ":") {
                let candidate = Paths.join(String(directory), file)
                if (try? machine.fileSystem.status(candidate))?.kind == .file {
                    path = candidate
                    break
                }
            }
        }
        let bytes: [UInt8]
        do {
            bytes = try machine.fileSystem.readFile(path, as: user)
        } catch {
            report("\(file): \(error.code.message)", io: io)
            return 1
        }
        guard let script = parseForRun(String(decoding: bytes, as: UTF8.self), scriptName: file, io: io) else { return 2 }
        let savedParameters = positionalParameters
        if arguments.count > 1 { positionalParameters = Array(arguments.dropFirst()) }
        sourceDepth += 1
        defer {
            sourceDepth -= 1
            if arguments.count > 1 { positionalParameters = savedParameters }
        }
        do {
            return try await runScript(script, io: io)
        } catch ShellControl.returnFromFunction(let status) {
            return status
        }
    }

    func eval(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        let source = arguments.joined(separator: " ")
        guard let script = parseForRun(source, scriptName: name, io: io) else { return 2 }
        return try await runScript(script, io: io)
    }

    func exec(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        guard !arguments.isEmpty else {
            // `exec >file`: the redirections stay for the rest of the shell.
            self.io = io
            return 0
        }
        switch startExternal(arguments, environment: exportedEnvironment(), io: io) {
        case .failure(let status):
            throw ShellControl.exit(status)
        case .success(let child):
            // The program takes the shell's place: it shows as the process, and gets its signals.
            process.arguments = child.arguments
            for signal in [Signal.hangup, .interrupt, .quit, .terminate, .user1, .user2] {
                process.signalHandlers[signal] = { child.signal(signal) }
            }
            throw ShellControl.exit(try await waitInForeground(child))
        }
    }
}

extension FileStatus? {
    var isExecutableFile: Bool {
        guard let status = self else { return false }
        return status.kind == .file && status.isExecutable
    }
}
