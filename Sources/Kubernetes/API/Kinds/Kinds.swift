/// The one list of the kinds the cluster serves. The API server, discovery, kubectl's resource
/// names, `get all`, `scale`, `expose`, the garbage collector and namespace deletion all derive
/// from it; a kind added here and declared in its folder is served everywhere.
public enum Kinds {
    /// Every kind, in the order `kubectl api-resources` would list their groups.
    public static let all: [any KindDeclaration.Type] = [
        ComponentStatus.self, ConfigMap.self, Endpoints.self, Event.self, Namespace.self, Node.self, Pod.self,
        ReplicationController.self, Secret.self, Service.self, Deployment.self, Ingress.self, ReplicaSet.self,
    ]

    /// The declaration of a kind name (`Pod`).
    public static func declaration(forKind kind: String) -> (any KindDeclaration.Type)? {
        all.first { $0.resource.kind == kind }
    }

    /// The kinds `kubectl get all` lists, in kubectl 1.8's order.
    public static var inAllCategory: [any KindDeclaration.Type] {
        all.compactMap { kind in kind.allCategoryRank.map { (kind, $0) } }.sorted { $0.1 < $1.1 }.map(\.0)
    }
}
