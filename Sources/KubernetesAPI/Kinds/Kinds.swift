/// The one list of the kinds the cluster serves. The API server, discovery, kubectl's resource
/// names, `get all`, `scale`, `expose`, the garbage collector and namespace deletion all derive
/// from it; a kind added here and declared in its folder is served everywhere.
public enum Kinds {
    /// Every kind, in the order `kubectl api-resources` would list their groups.
    public static let all: [any KindDeclaration.Type] = [
        ComponentStatus.self, ConfigMap.self, Endpoints.self, Event.self, Namespace.self, Node.self, Pod.self,
        ReplicationController.self, Secret.self, Service.self, DaemonSet.self, Deployment.self, Ingress.self, ReplicaSet.self,
        Job.self, CronJob.self,
    ]

    /// The declaration of a kind name (`Pod`).
    public static func declaration(forKind kind: String) -> (any KindDeclaration.Type)? {
        all.first { $0.resource.kind == kind }
    }

    /// The kinds `kubectl get all` lists, in kubectl 1.8's order.
    public static var inAllCategory: [any KindDeclaration.Type] {
        all.compactMap { kind in kind.allCategoryRank.map { (kind, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The kind a resource name stands for, as discovery and kubectl's RESTMapper resolve it:
    /// plural (`pods`), singular (`pod`), short name (`po`) or kind (`Pod`), optionally
    /// qualified by group (`deployments.extensions`, `deploy.apps`). Nil when nothing matches.
    public static func declaration(forResource text: String) -> (any KindDeclaration.Type)? {
        let lowered = text.lowercased()
        var name = lowered
        var group: String?
        if let dot = lowered.firstIndex(of: ".") {
            name = String(lowered[..<dot])
            group = String(lowered[lowered.index(after: dot)...])
        }
        return all.first { kind in
            let resource = kind.resource
            let names = [resource.name, resource.singularName, resource.kind.lowercased()] + resource.shortNames
            guard names.contains(name) else { return false }
            guard let group else { return true }
            // Deployments and replica sets are served by both `extensions` and `apps` in 1.8.
            let groups = Set(resource.apiVersions.map { $0.contains("/") ? String($0.split(separator: "/")[0]) : "" })
            return groups.contains(group)
        }
    }
}
