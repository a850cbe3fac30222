import Eras
import KubernetesAPI

/// Tab completion for kubectl command lines.
enum Completion {
    /// Commands whose first argument is a resource type and second an object name.
    static let resourceCommands: Set<String> = ["get", "describe", "delete", "label", "annotate", "expose", "scale", "edit", "explain"]
    /// Commands whose first argument is a pod's name.
    static let podCommands: Set<String> = ["logs", "exec", "port-forward"]

    /// `kubectl config` subcommands, and those whose argument is a context's name.
    static let configCommands = ["current-context", "get-contexts", "use-context", "view"]
    static let contextCommands: Set<String> = ["use-context", "get-contexts"]

    static func candidates(for words: [String], prefix: String, client: (any KubernetesClient)?, namespace: String, era: Era,
                           contexts: [String] = []) -> [String] {
        let arguments = Array(words.dropFirst())
        guard let commandName = arguments.first(where: { !$0.hasPrefix("-") }) else {
            return filter(Commands.available(in: era).map(\.name), prefix)
        }
        guard let command = Commands.named(commandName, in: era) else { return [] }
        if prefix.hasPrefix("-") {
            return filter(command.flagSet.longNames, prefix)
        }
        let positional = arguments.drop { $0 != commandName }.dropFirst().filter { !$0.hasPrefix("-") }
        guard resourceCommands.contains(command.name) else {
            if podCommands.contains(command.name) {
                return positional.isEmpty ? filter(names(of: "pods", client: client, namespace: namespace), prefix) : []
            }
            if command.name == "config" {
                if positional.isEmpty { return filter(configCommands, prefix) }
                return positional.count == 1 && contextCommands.contains(positional[0]) ? filter(contexts, prefix) : []
            }
            if command.name == "completion" {
                return positional.isEmpty ? filter(CompletionScript.Shell.allCases.map(\.rawValue), prefix) : []
            }
            return []
        }
        if command.name == "explain" {
            return positional.isEmpty ? explainCandidates(prefix) : []
        }
        if positional.isEmpty {
            let types = ResourceTypes.all.map(\.resource.name) + (command.name == "get" ? ["all"] : [])
            return filter(types.sorted(), prefix)
        }
        if positional.count >= 1, let typeWord = positional.first {
            return filter(names(of: typeWord, client: client, namespace: namespace), prefix)
        }
        return []
    }

    /// `kubectl explain <TAB>`: resource types; after a dot, the fields of the type reached so far.
    static func explainCandidates(_ prefix: String) -> [String] {
        var words = prefix.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard words.count > 1 else {
            return filter(ResourceTypes.all.map(\.resource.name).sorted(), prefix)
        }
        let partial = words.removeLast()
        guard let type = ResourceTypes.resolve(words[0]), var definition = APISchema.definition(forKind: type.kind) else { return [] }
        for word in words.dropFirst() {
            guard let next = definition.field(word)?.type.objectDefinition else { return [] }
            definition = next
        }
        let base = words.joined(separator: ".") + "."
        return definition.sortedFields.map(\.name).filter { $0.hasPrefix(partial) }.map { base + $0 }
    }

    static func names(of typeWord: String, client: (any KubernetesClient)?, namespace: String) -> [String] {
        guard let client, let type = ResourceTypes.resolve(typeWord) else { return [] }
        let objects = (try? type.list(client, type.namespaced ? namespace : nil, ListOptions())) ?? []
        return objects.map(\.name)
    }

    private static func filter(_ candidates: [String], _ prefix: String) -> [String] {
        candidates.filter { $0.hasPrefix(prefix) }
    }
}
