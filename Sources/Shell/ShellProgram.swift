import Kernel
import Simulation

/// `/bin/sh` and `/bin/bash`: `sh -c '…' [name args…]`, `sh script.sh args…`, and commands read
/// from stdin — interactively, with a prompt, under `-i` or on a terminal (`docker exec -it … bash`).
public struct ShellProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        // An interactive bash's typical footprint (20 MB virtual, 3 MB resident).
        context.process.setFootprint(virtualKilobytes: 20_240, residentKilobytes: 3_188)
        let shell = Shell(context: context)
        var arguments = context.arguments.dropFirst()
        var command: String?
        var forcesInteractive = false
        var readsStandardInput = false
        while let argument = arguments.first, argument.hasPrefix("-") || argument.hasPrefix("+"), argument.count > 1 {
            arguments.removeFirst()
            if argument == "--" { break }
            if argument.hasPrefix("--") {
                switch argument {
                case "--login", "--norc", "--noprofile", "--posix": continue
                case "--version":
                    context.print("GNU bash, version 4.4.12(1)-release (x86_64-pc-linux-gnu)\n")
                    return 0
                default:
                    context.printError("\(shell.name): \(argument): invalid option\n")
                    return 2
                }
            }
            let enable = argument.hasPrefix("-")
            for letter in argument.dropFirst() {
                switch letter {
                case "c":
                    guard let text = arguments.popFirst() else {
                        context.printError("\(shell.name): -c: option requires an argument\n")
                        return 2
                    }
                    command = text
                case "i": forcesInteractive = enable
                case "s": readsStandardInput = true
                case "l": continue
                case "e": shell.options.exitOnError = enable
                case "x": shell.options.traceCommands = enable
                case "u": shell.options.failOnUnset = enable
                case "f": shell.options.noGlobbing = enable
                case "o":
                    if let option = arguments.popFirst(), !shell.setOption(named: option, enable) {
                        context.printError("\(shell.name): \(option): invalid option name\n")
                        return 2
                    }
                default:
                    context.printError("\(shell.name): -\(letter): invalid option\n")
                    return 2
                }
            }
        }
        if let command {
            if let name = arguments.first { shell.scriptName = name }
            shell.positionalParameters = Array(arguments.dropFirst())
            return await shell.runScriptSource(command)
        }
        if !readsStandardInput, let script = arguments.first {
            shell.scriptName = script
            shell.runsScriptFile = true
            shell.positionalParameters = Array(arguments.dropFirst())
            let path = context.resolve(script)
            let bytes: [UInt8]
            do {
                bytes = try context.machine.fileSystem.readFile(path, as: context.user)
            } catch {
                context.printError("\(shell.name): \(script): \(error.code.message)\n")
                return error.code == .ENOENT ? 127 : 126
            }
            return await shell.runScriptSource(String(decoding: bytes, as: UTF8.self))
        }
        shell.positionalParameters = Array(arguments)
        // bash is interactive when its input is a terminal (`bash < file` and `cmd | bash` are not).
        let inputIsRedirected = (context.stdin as? PushbackReader)?.isRedirection ?? false
        shell.isInteractive = forcesInteractive || (context.process.terminal != nil && !inputIsRedirected)
        return await shell.readCommands()
    }
}

extension Shell {
    /// Reads commands from standard input line by line, with prompts when interactive, until
    /// end of file or `exit`.
    func readCommands() async -> Int32 {
        if isInteractive {
            installInteractiveInterrupt()
            // A shell in a container reads its own lines, so it keeps its own list for `history`.
            if commandHistory == nil { commandHistory = InMemoryHistory() }
        }
        let reader = PushbackReader.wrapping(io.stdin)
        io.inputs[0] = reader
        var pending = ""
        while !hasExited {
            if isInteractive { try? io.stdout.write(pending.isEmpty ? prompt() : continuationPrompt()) }
            let line: (line: [UInt8], terminated: Bool)?
            do {
                line = try await reader.readLine()
            } catch {
                return settle(error)
            }
            guard let line else {
                if !pending.isEmpty {
                    _ = await execute(pending)
                } else if isInteractive {
                    try? io.stderr.write("exit\n")
                }
                break
            }
            pending += (pending.isEmpty ? "" : "\n") + String(decoding: line.line, as: UTF8.self)
            if ShellParser.parse(pending, aliases: aliases) == .incomplete { continue }
            if isInteractive, pending.contains(where: { !$0.isWhitespace }), let commandHistory {
                commandHistory.replaceEntries(with: commandHistory.entries + [pending])
            }
            _ = await execute(pending)
            pending = ""
        }
        await runExitTrap()
        return exitStatus ?? lastStatus
    }

    /// The primary prompt: `PS1`, or bash's `\u@\h:\w\$ ` (`\$ ` for `sh`), with its escapes expanded.
    public func prompt() -> String {
        expandPrompt(variables["PS1"] ?? (name == "bash" ? "\\u@\\h:\\w\\$ " : "\\$ "))
    }

    /// The continuation prompt, `PS2` (`> `).
    public func continuationPrompt() -> String {
        expandPrompt(variables["PS2"] ?? "> ")
    }

    func expandPrompt(_ template: String) -> String {
        var result = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "\\", let escape = characters.next() else {
                result.append(character)
                continue
            }
            switch escape {
            case "u": result += user.userName
            case "h": result += machine.hostname.split(separator: ".").first.map(String.init) ?? machine.hostname
            case "H": result += machine.hostname
            case "w": result += abbreviatedDirectory()
            case "W": result += workingDirectory == "/" ? "/" : (workingDirectory == home(of: "") ? "~" : Paths.lastComponent(workingDirectory))
            case "$": result += user.isRoot ? "#" : "$"
            case "s": result += name
            case "n": result += "\n"
            case "\\": result += "\\"
            case "[", "]": continue
            default:
                result.append("\\")
                result.append(escape)
            }
        }
        return result
    }

    func abbreviatedDirectory() -> String {
        guard let home = home(of: ""), home != "/" else { return workingDirectory }
        if workingDirectory == home { return "~" }
        if workingDirectory.hasPrefix(home + "/") { return "~" + workingDirectory.dropFirst(home.count) }
        return workingDirectory
    }
}

/// One shell builtin as a program of its own: `/bin/echo`, `printf`, `test`, `[` and `pwd`
/// (what `env echo`, `xargs echo` or a BusyBox applet link runs).
public struct ShellUtilityProgram: Program {
    public let name: String

    public init(name: String) {
        self.name = name
    }

    /// The utilities the shell provides as programs, by the name to register them under.
    public static var all: [String: any Program] {
        Dictionary(uniqueKeysWithValues: ["echo", "printf", "test", "[", "pwd"].map { ($0, ShellUtilityProgram(name: $0) as any Program) })
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let shell = Shell(context: context)
        // Messages then read `printf: abc: invalid number`, as the utilities print them.
        shell.name = ""
        let arguments = [name] + context.arguments.dropFirst()
        do {
            return try await shell.runBuiltin(name, arguments: arguments, io: shell.io) ?? 127
        } catch is BrokenPipe {
            return Signal.pipe.exitStatus
        }
    }
}
