/// Declarative updates of pods through replica sets (`Deployment`).
public struct Deployment: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: DeploymentSpec?
    public var status: DeploymentStatus?

    public init(apiVersion: String = "extensions/v1beta1", metadata: ObjectMeta, spec: DeploymentSpec? = nil, status: DeploymentStatus? = nil) {
        self.apiVersion = apiVersion
        self.kind = "Deployment"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "deployments", singularName: "deployment", kind: "Deployment", group: "extensions",
        apiVersions: ["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2", "apps/v1"], namespaced: true, shortNames: ["deploy"])
}

/// The desired state of a deployment (`DeploymentSpec`).
public struct DeploymentSpec: Hashable, Sendable, Codable {
    public var replicas: Int32?
    public var selector: LabelSelector?
    public var template: PodTemplateSpec?
    public var strategy: DeploymentStrategy?
    public var minReadySeconds: Int32?
    public var revisionHistoryLimit: Int32?
    public var paused: Bool?
    public var progressDeadlineSeconds: Int32?

    public init(replicas: Int32? = nil, selector: LabelSelector? = nil, template: PodTemplateSpec? = nil, strategy: DeploymentStrategy? = nil) {
        self.replicas = replicas
        self.selector = selector
        self.template = template
        self.strategy = strategy
    }
}

/// `RollingUpdate` or `Recreate` (`DeploymentStrategy`).
public struct DeploymentStrategy: Hashable, Sendable, Codable {
    public var type: String?
    public var rollingUpdate: RollingUpdateDeployment?

    public init(type: String? = nil, rollingUpdate: RollingUpdateDeployment? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

/// How many pods a rolling update may take down or add (`RollingUpdateDeployment`).
public struct RollingUpdateDeployment: Hashable, Sendable, Codable {
    public var maxUnavailable: IntOrString?
    public var maxSurge: IntOrString?

    public init(maxUnavailable: IntOrString? = nil, maxSurge: IntOrString? = nil) {
        self.maxUnavailable = maxUnavailable
        self.maxSurge = maxSurge
    }
}

/// The observed state of a deployment (`DeploymentStatus`).
public struct DeploymentStatus: Hashable, Sendable, Codable {
    public var observedGeneration: Int64?
    public var replicas: Int32?
    public var updatedReplicas: Int32?
    public var readyReplicas: Int32?
    public var availableReplicas: Int32?
    public var unavailableReplicas: Int32?
    public var conditions: [DeploymentCondition]?
    public var collisionCount: Int32?

    public init() {}
}

/// A condition of a deployment (`Available`, `Progressing`).
public struct DeploymentCondition: Hashable, Sendable, Codable {
    public var type: String
    public var status: ConditionStatus
    public var lastUpdateTime: Timestamp?
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: ConditionStatus, lastUpdateTime: Timestamp? = nil, lastTransitionTime: Timestamp? = nil, reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status
        self.lastUpdateTime = lastUpdateTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }
}
