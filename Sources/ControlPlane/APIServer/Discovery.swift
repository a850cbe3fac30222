import KubernetesAPI

extension APIServer {
    /// The kind a resource name stands for, as discovery resolves what kubectl is given:
    /// plural (`pods`), singular (`pod`), short name (`po`) or kind (`Pod`), optionally
    /// qualified by group (`deployments.extensions`, `deploy.apps`). Nil when nothing matches.
    public static func kind(forResource text: String) -> (any APIObject.Type)? {
        let lowered = text.lowercased()
        var name = lowered
        var group: String?
        if let dot = lowered.firstIndex(of: ".") {
            name = String(lowered[..<dot])
            group = String(lowered[lowered.index(after: dot)...])
        }
        return kinds.first { kind in
            let resource = kind.resource
            let names = [resource.name, resource.singularName, resource.kind.lowercased()] + resource.shortNames
            guard names.contains(name) else { return false }
            guard let group else { return true }
            let groups = Set(resource.apiVersions.map { $0.contains("/") ? String($0.split(separator: "/")[0]) : "" })
            return groups.contains(group)
        }
    }
}
