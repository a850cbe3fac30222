/// Tab completion of `gcloud` command lines: the command groups and commands the simulated
/// `gcloud` has, then cluster and instance names where a command takes them.
public enum GcloudCompletion {
    static let tree: [String: [String]] = [
        "": ["compute", "container", "version"],
        "container": ["clusters"],
        "container clusters": ["create", "delete", "get-credentials", "list"],
        "compute": ["instances", "ssh"],
        "compute instances": ["list", "reset", "start", "stop"],
    ]

    /// The candidates for `prefix` after `words` (the first is `gcloud`).
    public static func candidates(for words: [String], prefix: String, environment: CloudEnvironment) -> [String] {
        let path = words.dropFirst().filter { !$0.hasPrefix("-") }
        let key = path.joined(separator: " ")
        if let children = tree[key] { return children.filter { $0.hasPrefix(prefix) } }
        var names: [String] = []
        switch key {
        case "container clusters delete", "container clusters get-credentials":
            names = environment.gke.keys.sorted()
        case "compute instances reset", "compute instances start", "compute instances stop", "compute ssh":
            names = environment.gke.keys.sorted().flatMap { environment.gke[$0]?.nodes.map(\.name) ?? [] }
        default:
            return []
        }
        return names.filter { $0.hasPrefix(prefix) }
    }
}
