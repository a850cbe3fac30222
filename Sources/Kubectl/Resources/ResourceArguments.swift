import Formatting
import KubernetesAPI
import Kernel

/// What the learner named on the command line: `pods`, `pods,svc`, `all`, `pod/x`, `pod x y`.
struct ResourceRequest {
    var type: ResourceType
    /// Empty: every object of the type (subject to selectors).
    var names: [String]
}

enum ResourceArguments {
    /// The kinds `all` stands for when kubectl 1.8 walks them unsorted, as `delete` does: the
    /// discovery order of the `all` category (the core group first, then by resource name). The
    /// book's `kubectl delete all --all` deletes pods, then replication controllers, then services.
    static var discoveryAllKinds: [String] {
        let resources = Kinds.inAllCategory.map { $0.resource }
        let core = resources.filter { $0.group.isEmpty }.sorted { $0.name < $1.name }
        let grouped = resources.filter { !$0.group.isEmpty }.sorted { $0.name < $1.name }
        return (core + grouped).map { $0.kind }
    }

    /// Resolves one type word; unknown ones give the server's error plus a suggestion line.
    static func type(_ word: String) throws(KubectlError) -> ResourceType {
        if let type = ResourceTypes.resolve(word) { return type }
        var text = "error: the server doesn't have a resource type \(goQuoted(word))"
        // Plural names first: `podz` is as close to `pod` as to `pods`, and either means the same type.
        let lowered = word.lowercased()
        if let suggestion = SpellingSuggestion.closest(to: lowered, among: ResourceTypes.all.map(\.resource.name))
            ?? SpellingSuggestion.closest(to: lowered, among: ResourceTypes.spellings) {
            text += "\nDid you mean \(goQuoted(suggestion))?"
        }
        throw .raw(text)
    }

    /// Reads `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`.
    /// `all` stands for `allKinds`, by default the order `kubectl get all` prints them in.
    static func parse(_ words: [String], allowAll: Bool = true, allKinds: [String]? = nil) throws(KubectlError) -> [ResourceRequest] {
        guard let first = words.first else { return [] }
        if words.contains(where: { $0.contains("/") }) {
            var requests: [ResourceRequest] = []
            for word in words {
                let parts = word.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw .message("arguments in resource/name form must have a single resource and name")
                }
                let type = try type(String(parts[0]))
                if let index = requests.firstIndex(where: { $0.type.kind == type.kind }) {
                    requests[index].names.append(String(parts[1]))
                } else {
                    requests.append(ResourceRequest(type: type, names: [String(parts[1])]))
                }
            }
            return requests
        }
        var types: [ResourceType] = []
        for word in first.split(separator: ",") {
            if allowAll && word.lowercased() == "all" {
                for kind in allKinds ?? Kinds.inAllCategory.map({ $0.resource.kind }) {
                    if let type = ResourceTypes.all.first(where: { $0.kind == kind }), !types.contains(where: { $0.kind == kind }) {
                        types.append(type)
                    }
                }
                continue
            }
            let type = try type(String(word))
            if !types.contains(where: { $0.kind == type.kind }) { types.append(type) }
        }
        let names = Array(words.dropFirst())
        if !names.isEmpty && types.count > 1 {
            throw .message("you may only specify a single resource type")
        }
        return types.map { ResourceRequest(type: $0, names: names) }
    }

    /// The short form kubectl 1.8 prefixed names with in mixed listings (`po/x`, `svc/y`, `deploy/z`).
    static func shortPrefix(_ type: ResourceType) -> String {
        type.resource.shortNames.first ?? type.resource.name
    }
}
