import Kernel
import World

/// Connects the completer to a world: command names from the shell and the workstation's
/// PATH, file names from its file system. Programs add their own sources through
/// `Completer.register(_:forCommand:)`.
public enum CompletionSetup {
    /// The directories whose executables count as commands.
    static let searchPath = ["/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/sbin", "/sbin"]

    /// The session's own commands, which the shell does not know.
    public static let sessionCommands = ["wait"]

    /// A completer that always looks at the session's current world (undo and reset replace it).
    public static func completer(for session: Session) -> Completer {
        completer(world: { session.world }, extraCommands: { session.companion?.commandNames ?? [] })
    }

    public static func completer(world currentWorld: @escaping () -> World, extraCommands: @escaping () -> [String] = { [] }) -> Completer {
        let commandNames = WordListSource {
            let world = currentWorld()
            var names = Set(world.shell.builtinNames + sessionCommands + extraCommands())
            let fileSystem = world.workstation.fileSystem
            for directory in searchPath {
                for name in (try? fileSystem.listDirectory(directory)) ?? [] {
                    if let status = try? fileSystem.status(Paths.join(directory, name)), status.kind == .file, status.isExecutable {
                        names.insert(name)
                    }
                }
            }
            return names.sorted()
        }
        let files = FilePathSource { directory in
            let world = currentWorld()
            let fileSystem = world.workstation.fileSystem
            let home = world.learner.home
            var expanded = directory
            if expanded == "~" || expanded.hasPrefix("~/") { expanded = home + expanded.dropFirst() }
            let path = Paths.normalize(expanded.isEmpty ? "." : expanded, relativeTo: world.shell.workingDirectory)
            let names = (try? fileSystem.listDirectory(path, as: world.learner)) ?? []
            return names.map { name in
                FilePathSource.Entry(name: name, isDirectory: fileSystem.isDirectory(Paths.join(path, name)))
            }
        }
        let completer = Completer(commandNames: commandNames, files: files)
        // Programs' own argument completions (kubectl's), and the aliases learners make of them.
        completer.fallbackSource = { command in
            let world = currentWorld()
            let target = world.shell.aliasTarget(of: command) ?? command
            guard let complete = world.argumentCompletions[target] else { return nil }
            return CompletionFunction { words, prefix in complete([target] + words.dropFirst(), prefix) }
        }
        return completer
    }
}
