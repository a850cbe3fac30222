/// Runs one pod from a template on every node its pods' node selector accepts (`DaemonSet`).
public struct DaemonSet: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: DaemonSetSpec?
    public var status: DaemonSetStatus?

    public init(apiVersion: String = "apps/v1beta2", metadata: ObjectMeta, spec: DaemonSetSpec? = nil, status: DaemonSetStatus? = nil) {
        self.apiVersion = apiVersion
        self.kind = "DaemonSet"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "daemonsets", singularName: "daemonset", kind: "DaemonSet", group: "extensions",
        apiVersions: ["extensions/v1beta1", "apps/v1beta2", "apps/v1"], namespaced: true, shortNames: ["ds"])
}

/// The desired state of a daemon set (`DaemonSetSpec`).
public struct DaemonSetSpec: Hashable, Sendable, Codable {
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    public var updateStrategy: DaemonSetUpdateStrategy?
    public var minReadySeconds: Int32?
    /// extensions/v1beta1 only: bumped with every template change.
    public var templateGeneration: Int64?
    public var revisionHistoryLimit: Int32?

    public init(selector: LabelSelector? = nil, template: PodTemplateSpec? = nil, updateStrategy: DaemonSetUpdateStrategy? = nil) {
        self.selector = selector
        self.template = template
        self.updateStrategy = updateStrategy
    }
}

/// `RollingUpdate` or `OnDelete` (`DaemonSetUpdateStrategy`).
public struct DaemonSetUpdateStrategy: Hashable, Sendable, Codable {
    public var type: String?
    public var rollingUpdate: RollingUpdateDaemonSet?

    public init(type: String? = nil, rollingUpdate: RollingUpdateDaemonSet? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

/// How many daemon pods a rolling update may take down at once (`RollingUpdateDaemonSet`).
public struct RollingUpdateDaemonSet: Hashable, Sendable, Codable {
    public var maxUnavailable: IntOrString?

    public init(maxUnavailable: IntOrString? = nil) {
        self.maxUnavailable = maxUnavailable
    }
}

/// The observed state of a daemon set (`DaemonSetStatus`); the first four counts are always
/// written, as Go has them without `omitempty`.
public struct DaemonSetStatus: Hashable, Sendable, Codable {
    public var currentNumberScheduled: Int32 = 0
    public var numberMisscheduled: Int32 = 0
    public var desiredNumberScheduled: Int32 = 0
    public var numberReady: Int32 = 0
    public var observedGeneration: Int64?
    public var updatedNumberScheduled: Int32?
    public var numberAvailable: Int32?
    public var numberUnavailable: Int32?
    public var collisionCount: Int32?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case currentNumberScheduled, numberMisscheduled, desiredNumberScheduled, numberReady, observedGeneration, updatedNumberScheduled,
             numberAvailable, numberUnavailable, collisionCount
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        currentNumberScheduled = try container.decodeIfPresent(Int32.self, forKey: .currentNumberScheduled) ?? 0
        numberMisscheduled = try container.decodeIfPresent(Int32.self, forKey: .numberMisscheduled) ?? 0
        desiredNumberScheduled = try container.decodeIfPresent(Int32.self, forKey: .desiredNumberScheduled) ?? 0
        numberReady = try container.decodeIfPresent(Int32.self, forKey: .numberReady) ?? 0
        observedGeneration = try container.decodeIfPresent(Int64.self, forKey: .observedGeneration)
        updatedNumberScheduled = try container.decodeIfPresent(Int32.self, forKey: .updatedNumberScheduled)
        numberAvailable = try container.decodeIfPresent(Int32.self, forKey: .numberAvailable)
        numberUnavailable = try container.decodeIfPresent(Int32.self, forKey: .numberUnavailable)
        collisionCount = try container.decodeIfPresent(Int32.self, forKey: .collisionCount)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(currentNumberScheduled, forKey: .currentNumberScheduled)
        try container.encode(numberMisscheduled, forKey: .numberMisscheduled)
        try container.encode(desiredNumberScheduled, forKey: .desiredNumberScheduled)
        try container.encode(numberReady, forKey: .numberReady)
        try container.encodeIfPresent(observedGeneration == 0 ? nil : observedGeneration, forKey: .observedGeneration)
        try container.encodeIfPresent(updatedNumberScheduled == 0 ? nil : updatedNumberScheduled, forKey: .updatedNumberScheduled)
        try container.encodeIfPresent(numberAvailable == 0 ? nil : numberAvailable, forKey: .numberAvailable)
        try container.encodeIfPresent(numberUnavailable == 0 ? nil : numberUnavailable, forKey: .numberUnavailable)
        try container.encodeIfPresent(collisionCount == 0 ? nil : collisionCount, forKey: .collisionCount)
    }
}
