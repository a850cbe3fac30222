import Kernel

/// The learner's login shell on a machine: one `Shell` whose variables, aliases, functions and
/// working directory live on from one command line to the next, while each line runs as a
/// process of its own (so Ctrl-C ends that line, not the session).
public final class ShellSession {
    public let shell: Shell
    /// The command the last `isComplete` question was about.
    private var typed = CommandAccumulator()

    public init(machine: Machine, user: Credentials, environment: [String: String], workingDirectory: String, name: String = "bash") {
        shell = Shell(machine: machine, user: user, environment: environment, workingDirectory: workingDirectory, name: name)
    }

    /// A program that runs `line` in this session as the process it is launched as; the line's
    /// status is the process's exit status.
    public func program(forLine line: String) -> any Program {
        let shell = self.shell
        return ClosureProgram { context in
            shell.attach(to: context)
            let status = await shell.execute(line)
            if shell.hasExited { await shell.runExitTrap() }
            return shell.exitStatus ?? status
        }
    }

    /// The directory the next line starts in.
    public var workingDirectory: String { shell.workingDirectory }

    /// Whether `source` is a whole command yet (false while a quote, a here-document, a trailing
    /// `|`, `&&` or backslash, or a compound command is still open).
    public func isComplete(_ source: String) -> Bool {
        // The REPL asks again after each line it adds: carry on from the previous question, so
        // the lines of an open here-document are not re-parsed with everything before them.
        if let newline = source.utf8.lastIndex(of: UInt8(ascii: "\n")), typed.isContinued(by: source, at: newline) {
            return typed.append(String(source[source.index(after: newline)...]), aliases: shell.aliases)
        }
        typed = CommandAccumulator()
        return typed.append(source, aliases: shell.aliases)
    }

    /// Set when the learner ran `exit`: the status the session ends with.
    public var exitRequest: Int32? { shell.exitStatus }

    /// The names the shell runs without a file: builtins, functions and aliases, sorted.
    public var builtinNames: [String] {
        Set(Shell.builtinNames).union(shell.functions.keys).union(shell.aliases.keys).sorted()
    }

    /// The primary prompt (`PS1`, by default `\u@\h:\w\$ `), expanded.
    public var prompt: String { shell.prompt() }

    /// The continuation prompt (`PS2`, by default `> `).
    public var continuationPrompt: String { shell.continuationPrompt() }
}
