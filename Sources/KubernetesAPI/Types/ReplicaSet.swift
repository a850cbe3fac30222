/// Keeps a number of pods matching a set-based selector running (`ReplicaSet`).
public struct ReplicaSet: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: ReplicaSetSpec?
    public var status: ReplicationControllerStatus?

    public init(apiVersion: String = "apps/v1beta2", metadata: ObjectMeta, spec: ReplicaSetSpec? = nil, status: ReplicationControllerStatus? = nil) {
        self.apiVersion = apiVersion
        self.kind = "ReplicaSet"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "replicasets", singularName: "replicaset", kind: "ReplicaSet", group: "extensions",
        apiVersions: ["extensions/v1beta1", "apps/v1beta2", "apps/v1"], namespaced: true, shortNames: ["rs"])

    public static let selectableFields = ["status.replicas"]

    public func fieldValue(_ field: String) -> String? {
        switch field {
        case "status.replicas": String(status?.replicas ?? 0)
        default: metadataFieldValue(field)
        }
    }
}

/// The desired state of a replica set (`ReplicaSetSpec`).
public struct ReplicaSetSpec: Hashable, Sendable, Codable {
    public var replicas: Int32?
    public var minReadySeconds: Int32?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?

    public init(replicas: Int32? = nil, selector: LabelSelector? = nil, template: PodTemplateSpec? = nil) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
    }
}
