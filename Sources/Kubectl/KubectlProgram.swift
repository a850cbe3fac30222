import Eras
import Formatting
import KubernetesAPI
import Kernel
import StructuredData

/// The `kubectl` program of its era (the book's: 1.8). It reaches clusters only through the
/// client the `ClusterDirectory` hands out for the kubeconfig's server.
public final class KubectlProgram: Program, @unchecked Sendable {
    // @unchecked: the simulation runs on one event-loop thread; the note set is only touched there.
    let clusters: any ClusterDirectory
    /// The release: its version, commands, generators, printers and modern notes.
    let era: Era
    /// Opens the learner's editor on a file and returns the saved text (nil if the editor failed).
    let editor: ((_ fileName: String, _ contents: [UInt8]) async -> [UInt8]?)?
    private var shownNotes: Set<String> = []
    /// The last kubeconfig parsed, by its bytes: every command reads the file, and parsing
    /// YAML was most of a quick command's time. Keyed by content, so an edit is always seen.
    private var lastKubeconfig: (bytes: [UInt8], config: Kubeconfig)?

    public init(clusters: any ClusterDirectory, era: Era, editor: ((_ fileName: String, _ contents: [UInt8]) async -> [UInt8]?)? = nil) {
        self.clusters = clusters
        self.era = era
        self.editor = editor
    }

    /// One line (once per topic per session) on what today's kubectl does instead. Whether
    /// stderr is a terminal cannot be known here, so it is plain text (no dim escape), on stderr
    /// so that pipelines still see exactly the era's output.
    func note(_ topic: String, _ note: Era.Note, context: ProgramContext) {
        guard context.environment["KUBELAB_MODERN_NOTES"]?.lowercased() != "off" else { return }
        guard shownNotes.insert(topic).inserted else { return }
        if context.machine.noteLanguage == "zh" {
            context.printError("注：" + note.chinese + "\n")
        } else {
            context.printError("note: " + note.english + "\n")
        }
    }

    /// The parsed kubeconfig whose file holds `bytes`.
    func kubeconfig(parsing bytes: [UInt8]) throws(YAMLSyntaxError) -> Kubeconfig {
        if let lastKubeconfig, lastKubeconfig.bytes == bytes { return lastKubeconfig.config }
        let config = try Kubeconfig(text: String(decoding: bytes, as: UTF8.self))
        lastKubeconfig = (bytes, config)
        return config
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let arguments = Array(context.arguments.dropFirst())
        // Global flags may come before the command name (`kubectl -n foo get pods`).
        var index = 0
        var leading: [String] = []
        while index < arguments.count, arguments[index].hasPrefix("-") {
            let word = arguments[index]
            leading.append(word)
            if GlobalFlags.valued.contains(word), index + 1 < arguments.count {
                leading.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        guard index < arguments.count else {
            if leading.contains("--version") {
                return try await dispatch("version", arguments: [], context: context)
            }
            if !leading.isEmpty, !leading.contains("-h"), !leading.contains("--help"), let last = leading.last {
                let message = GlobalFlags.valued.contains(last)
                    ? (last.hasPrefix("--") ? "flag needs an argument: \(last)" : "flag needs an argument: '\(last.dropFirst())' in \(last)")
                    : "unknown flag: \(last)"
                context.printError("Error: \(message)\nRun 'kubectl --help' for usage.\n")
                return 1
            }
            context.print(Commands.rootHelp)
            return 0
        }
        let name = arguments[index]
        let rest = leading + Array(arguments[(index + 1)...])
        return try await dispatch(name, arguments: rest, context: context)
    }

    private func dispatch(_ name: String, arguments: [String], context: ProgramContext) async throws -> Int32 {
        guard let named = Commands.named(name, in: era) else {
            // cobra: `Error: <err>` then `Run …`; the error ends in a line break only with suggestions.
            var text = "Error: unknown command \(goQuoted(name)) for \"kubectl\""
            if let suggestion = SpellingSuggestion.closest(to: name, among: Commands.available(in: era).map(\.name)) {
                text += "\n\nDid you mean this?\n\t\(suggestion)\n"
            }
            text += "\nRun 'kubectl --help' for usage.\n"
            context.printError(text)
            if let later = era.kubectl.notes?.laterCommand[name] { note(name, later, context: context) }
            return 1
        }
        let (command, arguments, _) = named.resolved(arguments)
        let invocation = Invocation(context: context, program: self, commandName: named.name)
        let flags = command.flagSet
        let parsed: ParsedFlags
        do {
            parsed = try flags.parse(arguments)
        } catch {
            // Kubectl 1.8 left flag errors to cobra, which printed the error and then the
            // command's whole usage text; later versions print a one-line hint instead.
            var text = "Error: \(error.message)\n" + command.usageText + "\n"
            if let unknown = error.unknownFlag, let suggestion = SpellingSuggestion.closest(to: unknown, among: flags.longNames) {
                text += "Did you mean \(suggestion)?\n"
            }
            context.printError(text)
            return 1
        }
        if parsed.bool("help") {
            context.print(command.helpText)
            return 0
        }
        invocation.adopt(parsed)
        invocation.commandFlags = flags
        do {
            if Commands.reachesServer(named.name), let error = try await invocation.dialExplicitServer() {
                context.printError(error.text)
                return 1
            }
            return try await command.run(invocation, parsed)
        } catch let error as KubectlError {
            context.printError(error.text)
            return 1
        } catch let error as APIError {
            context.printError(KubectlError.api(error).text)
            return 1
        }
    }

    /// Completion candidates for the word being typed (`words` are the words before it, `words[0]`
    /// being `kubectl`): subcommands, flags, resource types, and names of existing objects when a
    /// client is given (the integrator passes the one the workstation's kubeconfig reaches).
    public func completions(for words: [String], current prefix: String, client: (any KubernetesClient)? = nil, namespace: String = "default",
                            contexts: [String] = []) -> [String] {
        Completion.candidates(for: words, prefix: prefix, client: client, namespace: namespace, era: era, contexts: contexts)
    }

    /// Completions for the learner's shell: object names come from the cluster the kubeconfig
    /// in `user`'s home points at, as the real completion script asks the current context.
    public func completions(for words: [String], current prefix: String, machine: Machine, user: Credentials) -> [String] {
        var client: (any KubernetesClient)?
        var namespace = "default"
        var contexts: [String] = []
        if let bytes = try? machine.fileSystem.readFile(user.home + "/.kube/config", as: user),
           let config = try? Kubeconfig(text: String(decoding: bytes, as: UTF8.self)) {
            contexts = config.contexts.map(\.name)
            if let context = config.context(named: config.currentContext), let cluster = config.cluster(named: context.cluster) {
                client = clusters.client(forServer: cluster.server)
                namespace = context.namespace ?? "default"
            }
        }
        return completions(for: words, current: prefix, client: client, namespace: namespace, contexts: contexts)
    }
}
