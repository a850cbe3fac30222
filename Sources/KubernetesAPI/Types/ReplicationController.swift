/// Keeps a number of pods matching an equality selector running (`v1.ReplicationController`).
public struct ReplicationController: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: ReplicationControllerSpec?
    public var status: ReplicationControllerStatus?

    public init(metadata: ObjectMeta, spec: ReplicationControllerSpec? = nil, status: ReplicationControllerStatus? = nil) {
        self.apiVersion = "v1"
        self.kind = "ReplicationController"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "replicationcontrollers", singularName: "replicationcontroller", kind: "ReplicationController", group: "",
        apiVersions: ["v1"], namespaced: true, shortNames: ["rc"])

    public static let selectableFields = ["status.replicas"]

    public func fieldValue(_ field: String) -> String? {
        switch field {
        case "status.replicas": String(status?.replicas ?? 0)
        default: metadataFieldValue(field)
        }
    }
}

/// The desired state of a replication controller (`v1.ReplicationControllerSpec`).
public struct ReplicationControllerSpec: Hashable, Sendable, Codable {
    public var replicas: Int32?
    public var minReadySeconds: Int32?
    public var selector: [String: String]?
    public var template: PodTemplateSpec?

    public init(replicas: Int32? = nil, selector: [String: String]? = nil, template: PodTemplateSpec? = nil) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
    }
}

/// The observed state of a replication controller or replica set (`ReplicationControllerStatus`, `ReplicaSetStatus`).
public struct ReplicationControllerStatus: Hashable, Sendable, Codable {
    public var replicas: Int32
    public var fullyLabeledReplicas: Int32?
    public var readyReplicas: Int32?
    public var availableReplicas: Int32?
    public var observedGeneration: Int64?
    public var conditions: [ReplicaSetCondition]?

    public init(replicas: Int32 = 0) {
        self.replicas = replicas
    }

    enum CodingKeys: String, CodingKey { case replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration, conditions }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        replicas = try container.decodeIfPresent(Int32.self, forKey: .replicas) ?? 0
        fullyLabeledReplicas = try container.decodeIfPresent(Int32.self, forKey: .fullyLabeledReplicas)
        readyReplicas = try container.decodeIfPresent(Int32.self, forKey: .readyReplicas)
        availableReplicas = try container.decodeIfPresent(Int32.self, forKey: .availableReplicas)
        observedGeneration = try container.decodeIfPresent(Int64.self, forKey: .observedGeneration)
        conditions = try container.decodeIfPresent([ReplicaSetCondition].self, forKey: .conditions)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(replicas, forKey: .replicas)
        try container.encodeIfPresent(fullyLabeledReplicas == 0 ? nil : fullyLabeledReplicas, forKey: .fullyLabeledReplicas)
        try container.encodeIfPresent(readyReplicas == 0 ? nil : readyReplicas, forKey: .readyReplicas)
        try container.encodeIfPresent(availableReplicas == 0 ? nil : availableReplicas, forKey: .availableReplicas)
        try container.encodeIfPresent(observedGeneration == 0 ? nil : observedGeneration, forKey: .observedGeneration)
        try container.encodeIfPresent(conditions?.isEmpty == true ? nil : conditions, forKey: .conditions)
    }
}

/// A condition of a replica set or replication controller (`ReplicaFailure`).
public struct ReplicaSetCondition: Hashable, Sendable, Codable {
    public var type: String
    public var status: ConditionStatus
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?
}
