/// One kubectl subcommand: its help text, flags and what it does.
// @unchecked: the closures are static code that captures nothing.
struct CommandSpec: @unchecked Sendable {
    var name: String
    var aliases: [String] = []
    /// The one-line description of `kubectl --help`.
    var summary: String
    /// The first paragraph of `kubectl <name> --help` (the summary when nil).
    var description: String? = nil
    var examples: String = ""
    /// The text after `Usage:` (`kubectl get [flags] [options]`).
    var usage: String
    var declareFlags: (inout FlagSet) -> Void = { _ in }
    /// Commands under this one (`create configmap`), each with flags of its own.
    var subcommands: [CommandSpec] = []
    /// Whether `subcommands` are all the era's (`rollout`): only then does help list them under
    /// `Available Commands:`, as cobra did for every command that has some.
    var listsSubcommands = false
    var run: (Invocation, ParsedFlags) async throws -> Int32

    /// The subcommand the arguments name and the arguments without its name, as cobra's `Find`
    /// walks down from the command: the first word that is not a flag names it; self when none does.
    func resolved(_ arguments: [String]) -> (command: CommandSpec, arguments: [String], path: String) {
        var parentFlags = FlagSet()
        declareFlags(&parentFlags)
        GlobalFlags.declare(&parentFlags)
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" { break }
            if word.hasPrefix("-"), word.count > 1 {
                // A flag's separate value is not a command name (`-n foo`).
                let name = word.hasPrefix("--") ? String(word.dropFirst(2)) : String(word.dropFirst())
                let flag = word.hasPrefix("--") ? parentFlags.flag(named: name) : name.count == 1 ? name.first.flatMap(parentFlags.flag(shorthand:)) : nil
                if let flag, flag.kind != .bool, !word.contains("=") { index += 1 }
                index += 1
                continue
            }
            guard let child = subcommands.first(where: { $0.name == word || $0.aliases.contains(word) }) else { break }
            var rest = arguments
            rest.remove(at: index)
            let found = child.resolved(rest)
            return (found.command, found.arguments, name + " " + found.path)
        }
        return (self, arguments, name)
    }

    /// The command's flags plus the global ones every command takes.
    var flagSet: FlagSet {
        var flags = FlagSet()
        declareFlags(&flags)
        flags.add("help", "h", .bool, "help for " + name)
        GlobalFlags.declare(&flags)
        return flags
    }

    /// The era's help layout: description, then the usage text.
    var helpText: String {
        // templates.LongDesc trims the text, so a description ending in a list gets one blank line.
        var long = Substring(description ?? summary)
        while long.last?.isNewline == true { long = long.dropLast() }
        return String(long) + usageText
    }

    /// Cobra's usage text as kubectl's templates laid it out: Examples, Options, Usage. Help
    /// prints it after the description; a flag error, after `Error: …`.
    var usageText: String {
        var text = "\n\n"
        if !examples.isEmpty {
            text += "Examples:\n" + examples + "\n\n"
        }
        if listsSubcommands, !subcommands.isEmpty {
            // cobra pads names to the longest sibling's length, at least 11; commands sorted by name.
            let padding = max(11, subcommands.map(\.name.count).max() ?? 0)
            let rows = subcommands.sorted { $0.name < $1.name }.map { command in
                "  " + command.name + String(repeating: " ", count: padding - command.name.count) + " " + command.summary
            }
            text += "Available Commands:\n" + rows.joined(separator: "\n") + "\n\n"
        }
        var flags = FlagSet()
        declareFlags(&flags)
        if !flags.flags.isEmpty {
            text += "Options:\n" + flags.optionsText + "\n"
        }
        text += "Usage:\n  " + usage + "\n\n"
        if listsSubcommands, !subcommands.isEmpty {
            text += "Use \"kubectl <command> --help\" for more information about a given command.\n"
        }
        text += "Use \"kubectl options\" for a list of global command-line options (applies to all commands).\n"
        return text
    }
}

/// The flags every kubectl command accepts (`kubectl options`).
enum GlobalFlags {
    static func declare(_ flags: inout FlagSet) {
        flags.add("namespace", "n", .string, "If present, the namespace scope for this CLI request")
        flags.add("context", nil, .string, "The name of the kubeconfig context to use")
        flags.add("kubeconfig", nil, .string, "Path to the kubeconfig file to use for CLI requests.")
        // A command's own `--server` (`config set-cluster`) shadows the global one, as in cobra.
        if flags.flag(named: "server") == nil {
            flags.add("server", "s", .string, "The address and port of the Kubernetes API server")
        }
        // glog's verbosity: from 6 on, client-go logs each request (`RequestLog`).
        flags.add("v", "v", .int, "log level for V logs")
    }

    /// Global flags that take a value, so that they can precede the command name.
    static let valued: Set<String> = ["-n", "--namespace", "--context", "--kubeconfig", "-s", "--server", "-v", "--v"]
}
