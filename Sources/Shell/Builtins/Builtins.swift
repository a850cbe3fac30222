import Kernel

extension Shell {
    static let builtinNames: Set<String> = [
        "cd", "pwd", "echo", "printf", "export", "unset", "set", "alias", "unalias", "type", "command", "true", "false",
        ":", "test", "[", "exit", "return", "break", "continue", "shift", "read", "trap", "source", ".", "eval", "local",
        "wait", "exec", "kill", "jobs", "fg", "bg", "let", "declare", "typeset", "complete", "compgen", "history",
        "readonly", "mapfile", "readarray",
    ]

    static let keywords: Set<String> = ["if", "then", "else", "elif", "fi", "case", "esac", "for", "while", "until", "do",
                                        "done", "in", "function", "select", "time", "{", "}", "!", "[[", "]]"]

    func isBuiltin(_ name: String) -> Bool { Self.builtinNames.contains(name) }

    /// Runs builtin `arguments[0]` in this shell; nil when there is no such builtin.
    func runBuiltin(_ name: String, arguments: [String], io: ShellIO) async throws -> Int32? {
        let arguments = Array(arguments.dropFirst())
        switch name {
        case ":", "true": return 0
        case "false": return 1
        case "cd": return changeDirectory(arguments, io: io)
        case "pwd":
            try write(workingDirectory + "\n", to: io.stdout)
            return 0
        case "echo": return try echo(arguments, io: io)
        case "printf": return try printf(arguments, io: io)
        case "export": return try export(arguments, io: io)
        case "declare", "typeset": return try declare(arguments, io: io, builtin: name)
        case "readonly": return try readonly(arguments, io: io)
        case "mapfile", "readarray": return try await mapfile(arguments, io: io, builtin: name)
        case "unset": return unset(arguments, io: io)
        case "set": return try set(arguments, io: io)
        case "local": return local(arguments, io: io)
        case "shift": return shift(arguments, io: io)
        case "read": return try await read(arguments, io: io)
        case "let": return try evaluateLet(arguments, io: io)
        case "alias": return try alias(arguments, io: io)
        case "unalias": return unalias(arguments, io: io)
        case "type": return try type(arguments, io: io)
        case "command": return try await command(arguments, io: io)
        case "test": return test(arguments, io: io, command: "test")
        case "[":
            guard arguments.last == "]" else {
                report("[: missing `]'", io: io)
                return 2
            }
            return test(Array(arguments.dropLast()), io: io, command: "[")
        case "exit": return try exit(arguments, io: io)
        case "return": return try returnFromFunction(arguments, io: io)
        case "break", "continue": return try loopControl(name, arguments, io: io)
        case "trap": return try trap(arguments, io: io)
        case "source", ".": return try await nested(name, io: io) { try await source(name, arguments, io: io) }
        case "eval": return try await nested(name, io: io) { try await eval(arguments, io: io) }
        case "wait": return try await wait(arguments, io: io)
        case "exec": return try await exec(arguments, io: io)
        case "kill": return try await kill(arguments, io: io)
        case "jobs": return try listJobs(io: io)
        case "fg": return try await foregroundJob(arguments, io: io)
        case "bg": return backgroundJob(arguments, io: io)
        case "complete": return try complete(arguments, io: io)
        case "compgen": return try await compgen(arguments, io: io)
        case "history": return try history(arguments, io: io)
        default: return nil
        }
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isNameStart else { return false }
        return name.allSatisfy(\.isNameCharacter)
    }

    /// Text safe to read back in: single-quoted unless plain.
    static func quotedForReuse(_ value: String) -> String {
        if !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:,+@%^".contains($0) }) { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: Directories

    func changeDirectory(_ arguments: [String], io: ShellIO) -> Int32 {
        var operands = arguments.filter { $0 != "-L" && $0 != "-P" }
        if operands.first == "--" { operands.removeFirst() }
        var target: String
        var printsDirectory = false
        if let first = operands.first {
            target = first
            if first == "-" {
                guard let previous = variables["OLDPWD"] else {
                    report("cd: OLDPWD not set", io: io)
                    return 1
                }
                target = previous
                printsDirectory = true
            }
        } else {
            guard let home = variables["HOME"] else {
                report("cd: HOME not set", io: io)
                return 1
            }
            target = home
        }
        if target.isEmpty { return 0 }
        let path = Paths.normalize(target, relativeTo: workingDirectory)
        do {
            let status = try machine.fileSystem.status(path, as: user)
            guard status.kind == .directory else {
                report("cd: \(target): Not a directory", io: io)
                return 1
            }
            guard machine.fileSystem.permits(status.metadata, user, 0o1) else {
                report("cd: \(target): Permission denied", io: io)
                return 1
            }
        } catch {
            report("cd: \(target): \(error.code.message)", io: io)
            return 1
        }
        variables["OLDPWD"] = workingDirectory
        workingDirectory = path
        if printsDirectory { try? io.stdout.write(path + "\n") }
        return 0
    }

    // MARK: Output

    func echo(_ arguments: [String], io: ShellIO) throws -> Int32 {
        var newline = true
        var escapes = false
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            guard argument.count > 1, argument.hasPrefix("-"), argument.dropFirst().allSatisfy({ "neE".contains($0) }) else { break }
            for flag in argument.dropFirst() {
                switch flag {
                case "n": newline = false
                case "e": escapes = true
                default: escapes = false
                }
            }
            index += 1
        }
        var text = arguments[index...].joined(separator: " ")
        if escapes {
            let (expanded, stop) = PrintfFormatter.expandEscapes(text)
            text = expanded
            if stop { newline = false }
        }
        try write(newline ? text + "\n" : text, to: io.stdout)
        return 0
    }

    func printf(_ arguments: [String], io: ShellIO) throws -> Int32 {
        var arguments = arguments[...]
        var variable: String?
        if arguments.first == "-v" {
            arguments.removeFirst()
            variable = arguments.popFirst()
        }
        if arguments.first == "--" { arguments.removeFirst() }
        guard let format = arguments.popFirst() else {
            report("printf: usage: printf [-v var] format [arguments]", io: io)
            return 2
        }
        var formatter = PrintfFormatter()
        let output = formatter.format(format, arguments: Array(arguments))
        for error in formatter.errors { report("printf: \(error)", io: io) }
        if let variable {
            setVariable(variable, output)
        } else {
            try write(output, to: io.stdout)
        }
        return formatter.errors.isEmpty ? 0 : 1
    }

    // MARK: Conditions

    func test(_ arguments: [String], io: ShellIO, command: String) -> Int32 {
        var evaluator = TestEvaluator(fileTest: fileTester())
        evaluator.fileCompare = fileComparer()
        do {
            return try evaluator.evaluate(arguments) ? 0 : 1
        } catch {
            report("\(command): \(error.message)", io: io)
            return 2
        }
    }

    func evaluateLet(_ arguments: [String], io: ShellIO) throws -> Int32 {
        guard !arguments.isEmpty else {
            report("let: expression expected", io: io)
            return 1
        }
        var value = 0
        for argument in arguments { value = try evaluateArithmetic(argument) }
        return value != 0 ? 0 : 1
    }
}
