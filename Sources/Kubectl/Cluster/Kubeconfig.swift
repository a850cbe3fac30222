import StructuredData

/// The parts of a kubeconfig file (`~/.kube/config`) kubectl uses to pick its cluster.
struct Kubeconfig {
    struct Cluster { var name: String; var server: String }
    struct Context { var name: String; var cluster: String; var user: String; var namespace: String? }

    var clusters: [Cluster] = []
    var contexts: [Context] = []
    var users: [String] = []
    var currentContext: String = ""
    /// The file as read, for `config view`.
    var document: JSONValue = .null

    init() {}

    /// Reads the YAML text of a kubeconfig.
    init(text: String) throws(YAMLSyntaxError) {
        let value = try JSONValue.parseYAML(text)
        document = value
        currentContext = value["current-context"]?.stringValue ?? ""
        for entry in value["clusters"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue else { continue }
            clusters.append(Cluster(name: name, server: entry["cluster"]?["server"]?.stringValue ?? ""))
        }
        for entry in value["contexts"]?.arrayValue ?? [] {
            guard let name = entry["name"]?.stringValue else { continue }
            let context = entry["context"]
            contexts.append(Context(
                name: name, cluster: context?["cluster"]?.stringValue ?? "", user: context?["user"]?.stringValue ?? "",
                namespace: context?["namespace"]?.stringValue))
        }
        users = (value["users"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    func context(named name: String) -> Context? { contexts.first { $0.name == name } }
    func cluster(named name: String) -> Cluster? { clusters.first { $0.name == name } }
}
