import Kernel

/// Why a program could not start: the status bash gives it (its message is already printed).
enum StartOutcome {
    case success(SimulatedProcess)
    case failure(Int32)
}

extension Shell {
    static let specialBuiltins: Set<String> = [":", ".", "source", "eval", "exec", "exit", "export", "readonly", "return",
                                               "set", "shift", "trap", "unset", "break", "continue"]

    func runSimple(_ command: SimpleCommand, io: ShellIO) async throws -> Int32 {
        lastSubstitutionStatus = nil
        currentLine = command.line
        let substitutionMark = processSubstitutionFiles.count
        defer { removeProcessSubstitutions(since: substitutionMark) }
        let fields = try await expandCommandWords(command.words)
        var assignments: [(name: String, value: String)] = []
        // Each assignment is expanded after the ones before it took effect (`A=1 B=$A cmd`).
        var outer: [String: String?] = [:]
        for assignment in command.assignments {
            if readonlyNames.contains(assignment.name) {
                report("\(assignment.name): readonly variable", io: io)
                // Outside POSIX mode bash neither runs the command nor leaves the script.
                return 1
            }
            // Array assignments take effect at once, whatever command follows.
            if try await assignArrayParts(assignment) { continue }
            var value = try await expandToString(assignment.value.markingTildes(afterColons: true))
            if assignment.isAppend { value = (variables[assignment.name] ?? "") + value }
            assignments.append((assignment.name, value))
            if outer.index(forKey: assignment.name) == nil { outer[assignment.name] = .some(variables[assignment.name]) }
            variables[assignment.name] = value
        }
        for (name, value) in outer { variables[name] = value }
        traceCommand(assignments.map { "\($0.name)=\(Self.quotedForTrace($0.value))" } + fields.map(Self.quotedForTrace), io: io, quoting: false)
        var redirected = io
        if let status = try await applyRedirections(command.redirections, to: &redirected, reportingTo: io) { return status }
        guard let name = fields.first else {
            for assignment in assignments { setVariable(assignment.name, assignment.value) }
            return lastSubstitutionStatus ?? 0
        }
        if let function = functions[name] {
            return try await withTemporaryAssignments(assignments) {
                try await nested(name, io: redirected) {
                    try await callFunction(function, arguments: Array(fields.dropFirst()), io: redirected)
                }
            }
        }
        if isBuiltin(name) {
            if Self.specialBuiltins.contains(name) {
                for assignment in assignments { setVariable(assignment.name, assignment.value) }
                return try await runBuiltin(name, arguments: fields, io: redirected) ?? 0
            }
            return try await withTemporaryAssignments(assignments) {
                try await runBuiltin(name, arguments: fields, io: redirected) ?? 0
            }
        }
        var environment = exportedEnvironment()
        for assignment in assignments { environment[assignment.name] = assignment.value }
        switch startExternal(fields, environment: environment, io: redirected) {
        case .failure(let status):
            return status
        case .success(let child):
            return try await waitInForeground(child)
        }
    }

    /// Performs `a=(…)`, `a+=(…)`, `a[i]=v` and `a[i]+=v`; false for a scalar assignment.
    func assignArrayParts(_ assignment: Assignment) async throws -> Bool {
        if let elements = assignment.elements {
            var values: [(index: Int?, value: String)] = []
            for element in elements {
                if let arrayIndex = element.arrayIndex {
                    let index = try await subscriptValue(arrayIndex)
                    values.append((index, try await expandToString(element.value.markingTildes(afterColons: true))))
                } else {
                    for field in try await expandWords([element.value]) { values.append((nil, field)) }
                }
            }
            try assignArray(assignment.name, values, append: assignment.isAppend)
            return true
        }
        guard let arrayIndex = assignment.arrayIndex else { return false }
        let index = try await subscriptValue(arrayIndex)
        var value = try await expandToString(assignment.value.markingTildes(afterColons: true))
        if assignment.isAppend { value = (element(assignment.name, at: index) ?? "") + value }
        try setElement(assignment.name, at: index, value)
        return true
    }

    static let declarationBuiltins: Set<String> = ["export", "local", "declare", "typeset", "readonly"]

    /// The command's words; the `name=value` arguments of `export`, `local`, `declare`,
    /// `typeset` and `readonly` expand as assignments do, without splitting or globbing.
    func expandCommandWords(_ words: [Word]) async throws -> [String] {
        guard let first = words.first?.plainText, Self.declarationBuiltins.contains(first), functions[first] == nil else {
            return try await expandWords(words)
        }
        var result = [first]
        for word in words.dropFirst() {
            if case .literal(let text)? = word.parts.first, let equals = text.firstIndex(of: "="),
               Self.isValidName(String(text[..<equals].dropLast(text[..<equals].hasSuffix("+") ? 1 : 0))) {
                result.append(try await expandToString(word.markingTildes(afterColons: true, afterEquals: true)))
            } else {
                result += try await expandWords([word])
            }
        }
        return result
    }

    func withTemporaryAssignments(_ assignments: [(name: String, value: String)], _ body: () async throws -> Int32) async throws -> Int32 {
        guard !assignments.isEmpty else { return try await body() }
        let saved = assignments.map { ($0.name, variables[$0.name], exportedNames.contains($0.name)) }
        var frame: [String: (value: String?, wasExported: Bool)] = [:]
        for (name, value, wasExported) in saved where frame[name] == nil { frame[name] = (value, wasExported) }
        temporaryFrames.append(frame)
        for assignment in assignments { setVariable(assignment.name, assignment.value, export: true) }
        defer {
            temporaryFrames.removeLast()
            for (name, value, wasExported) in saved.reversed() {
                variables[name] = value
                if !wasExported { exportedNames.remove(name) }
            }
        }
        return try await body()
    }

    func waitInForeground(_ child: SimulatedProcess) async throws -> Int32 {
        foreground.append(child)
        defer { foreground.removeAll { $0 === child } }
        let status = try await child.waitForExit()
        if isInterrupted { throw ShellControl.abortLine(status) }
        // Bash tells of a foreground job a signal killed (Ctrl-C and broken pipes go unsaid).
        if isInteractive, let signal = child.terminatingSignal, signal != .interrupt, signal != .pipe {
            try? io.stderr.write(signal.reportText + "\n")
        }
        return status
    }

    /// Starts an external program, printing bash's message when it cannot start.
    func startExternal(_ fields: [String], environment: [String: String], io: ShellIO) -> StartOutcome {
        guard let name = fields.first else { return .failure(0) }
        do {
            let child = try machine.start(fields, environment: environment, workingDirectory: workingDirectory, user: user,
                                          stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, parent: process)
            return .success(child)
        } catch {
            return reportStartFailure(error, fields: fields, environment: environment, io: io, name: name)
        }
    }

    /// Builtins, functions, aliases and the executables along PATH: what a name could have meant.
    func knownCommandNames(_ environment: [String: String]) -> [String] {
        var names = Set(Self.builtinNames).union(functions.keys).union(aliases.keys)
        let searchPath = environment["PATH"] ?? variables["PATH"] ?? ""
        for directory in searchPath.split(separator: ":") {
            for entry in (try? machine.fileSystem.listDirectory(String(directory), as: user)) ?? [] {
                names.insert(entry)
            }
        }
        return names.sorted()
    }

    private func reportStartFailure(_ error: ExecError, fields: [String], environment: [String: String], io: ShellIO,
                                    name: String) -> StartOutcome {
        let path = Paths.normalize(name, relativeTo: workingDirectory)
        switch error.code {
        case .ENOENT where error.interpreterMissing:
            report("\(name): \(error.path): bad interpreter: No such file or directory", io: io)
            return .failure(126)
        case .ENOENT:
            report(name.contains("/") ? "\(name): No such file or directory" : "\(name): command not found", io: io)
            if !name.contains("/"), let suggestion = SpellingSuggestion.closest(to: name, among: knownCommandNames(environment)) {
                try? io.stderr.write("Did you mean '\(suggestion)'?\n")
            }
            return .failure(127)
        case .EACCES:
            if name.contains("/"), machine.fileSystem.isDirectory(path) {
                report("\(name): Is a directory", io: io)
            } else {
                report("\(name): Permission denied", io: io)
            }
            return .failure(126)
        case .ENOEXEC:
            if case .bytes(let bytes)? = try? machine.fileSystem.content(resolvedExecutable(name, environment) ?? path, as: user) {
                return .success(launchScriptFile(bytes, fields: fields, environment: environment, io: io))
            }
            report("\(name): cannot execute binary file: Exec format error", io: io)
            return .failure(126)
        default:
            report("\(name): \(error.code.message)", io: io)
            return .failure(126)
        }
    }

    func resolvedExecutable(_ name: String, _ environment: [String: String]) -> String? {
        machine.findExecutable(name, searchPath: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", workingDirectory: workingDirectory)
    }

    /// A text file without `#!` runs as a shell script in a new shell process, as bash does.
    func launchScriptFile(_ bytes: [UInt8], fields: [String], environment: [String: String], io: ShellIO) -> SimulatedProcess {
        let source = String(decoding: bytes, as: UTF8.self)
        let shellName = name
        let program = ClosureProgram { context in
            let shell = Shell(context: context)
            shell.name = shellName
            shell.scriptName = fields.first ?? shellName
            shell.runsScriptFile = true
            shell.positionalParameters = Array(fields.dropFirst())
            return await shell.runScriptSource(source)
        }
        return machine.launch(program, arguments: [name] + fields, environment: environment, workingDirectory: workingDirectory,
                              user: user, stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, parent: process)
    }

    /// Runs `body` one nesting level deeper; past the limit it reports bash's error instead.
    func nested(_ what: String, io: ShellIO, _ body: () async throws -> Int32) async throws -> Int32 {
        guard nestingDepth < Self.maximumNesting else {
            report("\(what): maximum function nesting level exceeded (\(Self.maximumNesting))", io: io)
            throw isInteractive ? ShellControl.abortLine(1) : ShellControl.exit(1)
        }
        nestingDepth += 1
        defer { nestingDepth -= 1 }
        return try await body()
    }

    func callFunction(_ function: FunctionBody, arguments: [String], io: ShellIO) async throws -> Int32 {
        let savedParameters = positionalParameters
        positionalParameters = arguments
        localFrames.append([:])
        functionDepth += 1
        defer {
            functionDepth -= 1
            positionalParameters = savedParameters
            if let frame = localFrames.popLast() {
                for (name, saved) in frame { restore(name, saved) }
            }
        }
        var redirected = io
        if let status = try await applyRedirections(function.redirections, to: &redirected, reportingTo: io) { return status }
        do {
            return try await runCompound(function.command, io: redirected)
        } catch ShellControl.returnFromFunction(let status) {
            return status
        }
    }

    // MARK: Tracing

    func traceCommand(_ words: [String], io: ShellIO, quoting: Bool = true) {
        guard options.traceCommands, !words.isEmpty else { return }
        let text = quoting ? words.map(Self.quotedForTrace).joined(separator: " ") : words.joined(separator: " ")
        try? io.stderr.write("+ \(text)\n")
    }

    static func quotedForTrace(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+@%^".contains($0) }
        if plain, !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: Redirections

    /// Applies redirections to `io`; returns a status (1) when one failed, after printing why.
    func applyRedirections(_ redirections: [Redirection], to io: inout ShellIO, reportingTo errors: ShellIO) async throws -> Int32? {
        for redirection in redirections {
            let descriptor = redirection.effectiveDescriptor
            switch redirection.kind {
            case .input, .readWrite:
                let path = try await expandToString(redirection.target)
                switch openInput(path, creating: redirection.kind == .readWrite) {
                case .success(let stream): io.inputs[descriptor] = stream
                case .failure(let message):
                    report(message, io: errors)
                    return 1
                }
            case .output, .clobber, .append, .outputAndError, .appendOutputAndError:
                let path = try await expandToString(redirection.target)
                if options.noClobber, redirection.kind == .output || redirection.kind == .outputAndError,
                   (try? machine.fileSystem.status(Paths.normalize(path, relativeTo: workingDirectory), as: user))?.kind == .file {
                    report("\(path): cannot overwrite existing file", io: errors)
                    return 1
                }
                let append = redirection.kind == .append || redirection.kind == .appendOutputAndError
                switch openOutput(path, append: append, io: io) {
                case .success(let stream):
                    if redirection.kind == .outputAndError || redirection.kind == .appendOutputAndError {
                        io.outputs[1] = stream
                        io.outputs[2] = stream
                    } else {
                        io.outputs[descriptor] = stream
                    }
                case .failure(let message):
                    report(message, io: errors)
                    return 1
                }
            case .duplicateOutput, .duplicateInput:
                let target = try await expandToString(redirection.target)
                if target == "-" {
                    io.outputs[descriptor] = nil
                    io.inputs[descriptor] = nil
                    continue
                }
                guard let source = Int(target) else {
                    // `>&$word` expanding to a name sends standard output and error to that file.
                    if redirection.kind == .duplicateOutput, redirection.descriptor == nil {
                        switch openOutput(target, append: false, io: io) {
                        case .success(let stream):
                            io.outputs[1] = stream
                            io.outputs[2] = stream
                            continue
                        case .failure(let message):
                            report(message, io: errors)
                            return 1
                        }
                    }
                    report("\(target): ambiguous redirect", io: errors)
                    return 1
                }
                // Both operators are dup2: `1<&2` and `0>&1` copy whichever way the descriptor is open.
                guard io.outputs[source] != nil || io.inputs[source] != nil else {
                    report("\(source): Bad file descriptor", io: errors)
                    return 1
                }
                if let stream = io.outputs[source] { io.outputs[descriptor] = stream }
                if let stream = io.inputs[source] { io.inputs[descriptor] = stream }
            case .hereString:
                let text = try await expandToString(redirection.target) + "\n"
                io.inputs[descriptor] = PushbackReader(BytesReader(text))
            case .hereDocument:
                let text = try await expandText(redirection.target.parts)
                io.inputs[descriptor] = PushbackReader(BytesReader(text))
            }
        }
        return nil
    }

    enum Opened<Stream> {
        case success(Stream)
        case failure(String)
    }

    func openInput(_ path: String, creating: Bool) -> Opened<any ReadableStream> {
        switch path {
        case "/dev/stdin": return .success(io.stdin)
        case "/dev/null": return .success(EmptyReader())
        default: break
        }
        let absolute = Paths.normalize(path, relativeTo: workingDirectory)
        do {
            if creating, !machine.fileSystem.exists(absolute) { try machine.fileSystem.writeFile(absolute, [], as: user) }
            let bytes = try machine.fileSystem.readFile(absolute, as: user)
            return .success(PushbackReader(BytesReader(bytes)))
        } catch {
            return .failure("\(path): \(error.code.message)")
        }
    }

    func openOutput(_ path: String, append: Bool, io: ShellIO) -> Opened<any WritableStream> {
        switch path {
        case "/dev/stdout": return .success(io.stdout)
        case "/dev/stderr": return .success(io.stderr)
        case "/dev/null" where !machine.fileSystem.exists("/dev/null"): return .success(DiscardingStream())
        default: break
        }
        if path.isEmpty { return .failure(": No such file or directory") }
        let absolute = Paths.normalize(path, relativeTo: workingDirectory)
        if case .device(.null, _)? = try? machine.fileSystem.node(at: absolute) { return .success(DiscardingStream()) }
        do {
            if append {
                try machine.fileSystem.writeFile(absolute, [], append: true, as: user)
            } else {
                try machine.fileSystem.writeFile(absolute, [], as: user)
            }
            return .success(FileOutputStream(fileSystem: machine.fileSystem, path: absolute, user: user))
        } catch {
            return .failure("\(path): \(error.code.message)")
        }
    }

    /// Answers `A -ef B` (the same file once links are followed), `-nt` and `-ot` (modification
    /// times; a missing file is older than an existing one) for `test` and `[[`.
    func fileComparer() -> (String, String, String) -> Bool {
        let fileSystem = machine.fileSystem
        let directory = workingDirectory
        let user = self.user
        return { left, op, right in
            let paths = [left, right].map { Paths.normalize($0, relativeTo: directory) }
            let statuses = paths.map { try? fileSystem.status($0, as: user) }
            switch op {
            case "-ef":
                guard statuses[0] != nil, statuses[1] != nil,
                      let a = try? fileSystem.resolve(paths[0], followFinal: true, as: user),
                      let b = try? fileSystem.resolve(paths[1], followFinal: true, as: user) else { return false }
                return a == b
            case "-nt":
                guard let a = statuses[0] else { return false }
                guard let b = statuses[1] else { return true }
                return a.metadata.modified > b.metadata.modified
            default:
                guard let b = statuses[1] else { return false }
                guard let a = statuses[0] else { return true }
                return a.metadata.modified < b.metadata.modified
            }
        }
    }

    /// Answers `-e -f -d -x -r -w -s -L` for `test` and `[[`.
    func fileTester() -> (String, String) -> Bool {
        let fileSystem = machine.fileSystem
        let directory = workingDirectory
        let user = self.user
        return { op, operand in
            guard !operand.isEmpty else { return false }
            let path = Paths.normalize(operand, relativeTo: directory)
            let follows = op != "-L" && op != "-h"
            guard let status = try? fileSystem.status(path, followSymlinks: follows, as: user) else { return false }
            switch op {
            case "-e", "-a": return true
            case "-f": return status.kind == .file
            case "-d": return status.kind == .directory
            case "-L", "-h": return status.kind == .symlink
            case "-s": return status.size > 0
            case "-c": return status.kind == .device
            case "-r": return fileSystem.permits(status.metadata, user, 0o4)
            case "-w": return fileSystem.permits(status.metadata, user, 0o2)
            case "-x": return user.isRoot ? status.metadata.mode & 0o111 != 0 || status.kind == .directory
                                          : fileSystem.permits(status.metadata, user, 0o1)
            default: return false
            }
        }
    }
}

extension String {
    /// The string with every occurrence of `target` replaced.
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) {
                return index..<self.index(index, offsetBy: target.count)
            }
            index = self.index(after: index)
        }
        return nil
    }
}
