import Docker

/// Tab completion of `docker` command lines, as docker's bash completion offers it: the
/// subcommands, then container names or image names where the subcommand takes them.
public enum DockerCompletion {
    /// Subcommands whose arguments are containers, and whether only running ones.
    static let containerCommands: [String: Bool] = [
        "start": false, "stop": true, "restart": false, "kill": true, "rm": false, "logs": false, "exec": true,
        "inspect": false, "port": true, "top": true, "stats": true, "diff": false,
    ]
    /// Subcommands whose (first) argument is an image.
    static let imageCommands: Set<String> = ["run", "create", "rmi", "history", "tag", "push", "inspect"]

    /// The candidates for the word being typed, `prefix`, after `words` (the first is `docker`).
    public static func candidates(for words: [String], prefix: String, engine: DockerEngine?) -> [String] {
        let arguments = Array(words.dropFirst())
        guard let subcommand = arguments.first(where: { !$0.hasPrefix("-") }) else {
            if prefix.hasPrefix("-") { return ["--help", "--version"].filter { $0.hasPrefix(prefix) } }
            return Commands.allNames.sorted().filter { $0.hasPrefix(prefix) }
        }
        guard let engine, !prefix.hasPrefix("-") else { return [] }
        var names: [String] = []
        if let runningOnly = containerCommands[subcommand] {
            names += engine.containers.filter { !runningOnly || $0.isRunning }.map(\.name)
        }
        let operands = arguments.dropFirst().filter { !$0.hasPrefix("-") }
        if imageCommands.contains(subcommand), operands.isEmpty || subcommand == "rmi" || subcommand == "inspect" {
            // `kubia:latest` is offered as `kubia` too, as docker's bash completion does.
            for tag in engine.tags.keys {
                names.append(tag)
                if tag.hasSuffix(":latest") { names.append(String(tag.dropLast(7))) }
            }
        }
        return Array(Set(names)).sorted().filter { $0.hasPrefix(prefix) }
    }
}
