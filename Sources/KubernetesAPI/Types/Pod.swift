/// A pod (`v1.Pod`).
public struct Pod: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: PodSpec?
    public var status: PodStatus?

    public init(metadata: ObjectMeta, spec: PodSpec? = nil, status: PodStatus? = nil) {
        self.apiVersion = "v1"
        self.kind = "Pod"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "pods", singularName: "pod", kind: "Pod", group: "", apiVersions: ["v1"], namespaced: true, shortNames: ["po"])

    public static let selectableFields = [
        "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase", "status.podIP",
    ]
    public static let indexedFields = ["spec.nodeName"]

    public func fieldValue(_ field: String) -> String? {
        switch field {
        case "spec.nodeName": spec?.nodeName ?? ""
        case "spec.restartPolicy": spec?.restartPolicy ?? ""
        case "spec.schedulerName": spec?.schedulerName ?? ""
        case "spec.serviceAccountName": spec?.serviceAccountName ?? ""
        case "status.phase": status?.phase?.rawValue ?? ""
        case "status.podIP": status?.podIP ?? ""
        default: metadataFieldValue(field)
        }
    }

    /// Whether the pod reached a phase it never leaves.
    public var isTerminated: Bool {
        status?.phase == .succeeded || status?.phase == .failed
    }

    /// Whether the pod's Ready condition is True.
    public var isReady: Bool {
        status?.conditions?.contains { $0.type == PodCondition.ready && $0.status == .true } ?? false
    }

    /// Whether the pod counts towards a controller's replicas: not finished and not being deleted.
    public var isActive: Bool {
        !isTerminated && metadata.deletionTimestamp == nil
    }
}

/// The desired state of a pod (`v1.PodSpec`), fields in Go struct order.
public struct PodSpec: Hashable, Sendable, Codable {
    public var volumes: [Volume]?
    public var initContainers: [Container]?
    public var containers: [Container]
    public var restartPolicy: String?
    public var terminationGracePeriodSeconds: Int64?
    public var activeDeadlineSeconds: Int64?
    public var dnsPolicy: String?
    public var nodeSelector: [String: String]?
    public var serviceAccountName: String?
    public var serviceAccount: String?
    public var automountServiceAccountToken: Bool?
    public var nodeName: String?
    public var hostNetwork: Bool?
    public var hostPID: Bool?
    public var hostIPC: Bool?
    public var securityContext: PodSecurityContext?
    public var imagePullSecrets: [LocalObjectReference]?
    public var hostname: String?
    public var subdomain: String?
    public var schedulerName: String?
    public var tolerations: [Toleration]?

    public init(containers: [Container], restartPolicy: String? = nil, nodeSelector: [String: String]? = nil, nodeName: String? = nil) {
        self.containers = containers
        self.restartPolicy = restartPolicy
        self.nodeSelector = nodeSelector
        self.nodeName = nodeName
    }

    enum CodingKeys: String, CodingKey {
        case volumes, initContainers, containers, restartPolicy, terminationGracePeriodSeconds, activeDeadlineSeconds
        case dnsPolicy, nodeSelector, serviceAccountName, serviceAccount, automountServiceAccountToken, nodeName
        case hostNetwork, hostPID, hostIPC, securityContext, imagePullSecrets, hostname, subdomain, schedulerName, tolerations
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        volumes = try container.decodeIfPresent([Volume].self, forKey: .volumes)
        initContainers = try container.decodeIfPresent([Container].self, forKey: .initContainers)
        // A missing list reaches validation as empty, which reports it as required.
        containers = try container.decodeIfPresent([Container].self, forKey: .containers) ?? []
        restartPolicy = try container.decodeIfPresent(String.self, forKey: .restartPolicy)
        terminationGracePeriodSeconds = try container.decodeIfPresent(Int64.self, forKey: .terminationGracePeriodSeconds)
        activeDeadlineSeconds = try container.decodeIfPresent(Int64.self, forKey: .activeDeadlineSeconds)
        dnsPolicy = try container.decodeIfPresent(String.self, forKey: .dnsPolicy)
        nodeSelector = try container.decodeIfPresent([String: String].self, forKey: .nodeSelector)
        serviceAccountName = try container.decodeIfPresent(String.self, forKey: .serviceAccountName)
        serviceAccount = try container.decodeIfPresent(String.self, forKey: .serviceAccount)
        automountServiceAccountToken = try container.decodeIfPresent(Bool.self, forKey: .automountServiceAccountToken)
        nodeName = try container.decodeIfPresent(String.self, forKey: .nodeName)
        hostNetwork = try container.decodeIfPresent(Bool.self, forKey: .hostNetwork)
        hostPID = try container.decodeIfPresent(Bool.self, forKey: .hostPID)
        hostIPC = try container.decodeIfPresent(Bool.self, forKey: .hostIPC)
        securityContext = try container.decodeIfPresent(PodSecurityContext.self, forKey: .securityContext)
        imagePullSecrets = try container.decodeIfPresent([LocalObjectReference].self, forKey: .imagePullSecrets)
        hostname = try container.decodeIfPresent(String.self, forKey: .hostname)
        subdomain = try container.decodeIfPresent(String.self, forKey: .subdomain)
        schedulerName = try container.decodeIfPresent(String.self, forKey: .schedulerName)
        tolerations = try container.decodeIfPresent([Toleration].self, forKey: .tolerations)
    }
}

/// A reference by name within the namespace (`v1.LocalObjectReference`).
public struct LocalObjectReference: Hashable, Sendable, Codable {
    public var name: String?
}

/// Lets a pod land on (or stay on) nodes with matching taints (`v1.Toleration`).
public struct Toleration: Hashable, Sendable, Codable {
    public var key: String?
    public var `operator`: String?
    public var value: String?
    public var effect: String?
    public var tolerationSeconds: Int64?

    public init(key: String? = nil, operator: String? = nil, value: String? = nil, effect: String? = nil, tolerationSeconds: Int64? = nil) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }

    /// `ToleratesTaint`: effects must agree (empty tolerates all), keys too (empty with Exists tolerates all).
    public func tolerates(_ taint: Taint) -> Bool {
        if let effect, !effect.isEmpty, effect != taint.effect { return false }
        if let key, !key.isEmpty, key != taint.key { return false }
        switch `operator` ?? "Equal" {
        case "Exists": return true
        case "Equal", "": return (key ?? "").isEmpty ? false : (value ?? "") == (taint.value ?? "")
        default: return false
        }
    }
}

/// The pod phase (`v1.PodPhase`).
public enum PodPhase: String, Hashable, Sendable, Codable {
    case pending = "Pending"
    case running = "Running"
    case succeeded = "Succeeded"
    case failed = "Failed"
    case unknown = "Unknown"
}

/// The observed state of a pod (`v1.PodStatus`).
public struct PodStatus: Hashable, Sendable, Codable {
    public var phase: PodPhase?
    public var conditions: [PodCondition]?
    public var message: String?
    public var reason: String?
    public var hostIP: String?
    public var podIP: String?
    public var startTime: Timestamp?
    public var initContainerStatuses: [ContainerStatus]?
    public var containerStatuses: [ContainerStatus]?
    public var qosClass: String?

    public init(phase: PodPhase? = nil) {
        self.phase = phase
    }

    /// Sets (or adds) a condition, moving its transition time only when the status changes.
    public mutating func setCondition(_ type: String, _ status: ConditionStatus, at time: Timestamp, reason: String? = nil, message: String? = nil) {
        var list = conditions ?? []
        if let index = list.firstIndex(where: { $0.type == type }) {
            if list[index].status != status { list[index].lastTransitionTime = time }
            list[index].status = status
            list[index].reason = reason
            list[index].message = message
        } else {
            list.append(PodCondition(type: type, status: status, lastTransitionTime: time, reason: reason, message: message))
        }
        conditions = list
    }

    public func condition(_ type: String) -> PodCondition? {
        conditions?.first { $0.type == type }
    }
}

/// One condition of a pod (`v1.PodCondition`); both times print as null when unset, as Go does.
public struct PodCondition: Hashable, Sendable, Codable {
    public static let initialized = "Initialized"
    public static let ready = "Ready"
    public static let podScheduled = "PodScheduled"

    public var type: String
    public var status: ConditionStatus
    public var lastProbeTime: Timestamp?
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: ConditionStatus, lastTransitionTime: Timestamp? = nil, reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case type, status, lastProbeTime, lastTransitionTime, reason, message }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(status, forKey: .status)
        try container.encodeTime(lastProbeTime, forKey: .lastProbeTime)
        try container.encodeTime(lastTransitionTime, forKey: .lastTransitionTime)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(message, forKey: .message)
    }
}

/// The observed state of one container (`v1.ContainerStatus`).
public struct ContainerStatus: Hashable, Sendable, Codable {
    public var name: String
    public var state: ContainerState?
    public var lastState: ContainerState?
    public var ready: Bool
    public var restartCount: Int32
    public var image: String
    public var imageID: String
    public var containerID: String?

    public init(name: String, state: ContainerState? = nil, lastState: ContainerState? = nil, ready: Bool = false, restartCount: Int32 = 0, image: String, imageID: String = "", containerID: String? = nil) {
        self.name = name
        self.state = state
        self.lastState = lastState
        self.ready = ready
        self.restartCount = restartCount
        self.image = image
        self.imageID = imageID
        self.containerID = containerID
    }
}

/// At most one of waiting, running, terminated (`v1.ContainerState`).
public struct ContainerState: Hashable, Sendable, Codable {
    public var waiting: ContainerStateWaiting?
    public var running: ContainerStateRunning?
    public var terminated: ContainerStateTerminated?

    public init(waiting: ContainerStateWaiting? = nil, running: ContainerStateRunning? = nil, terminated: ContainerStateTerminated? = nil) {
        self.waiting = waiting
        self.running = running
        self.terminated = terminated
    }
}

/// A container not yet running (`v1.ContainerStateWaiting`).
public struct ContainerStateWaiting: Hashable, Sendable, Codable {
    public var reason: String?
    public var message: String?

    public init(reason: String? = nil, message: String? = nil) {
        self.reason = reason
        self.message = message
    }
}

/// A running container (`v1.ContainerStateRunning`).
public struct ContainerStateRunning: Hashable, Sendable, Codable {
    public var startedAt: Timestamp?

    public init(startedAt: Timestamp? = nil) {
        self.startedAt = startedAt
    }

    enum CodingKeys: String, CodingKey { case startedAt }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeTime(startedAt, forKey: .startedAt)
    }
}

/// A container that exited (`v1.ContainerStateTerminated`).
public struct ContainerStateTerminated: Hashable, Sendable, Codable {
    public var exitCode: Int32
    public var signal: Int32?
    public var reason: String?
    public var message: String?
    public var startedAt: Timestamp?
    public var finishedAt: Timestamp?
    public var containerID: String?

    public init(exitCode: Int32, signal: Int32? = nil, reason: String? = nil, message: String? = nil, startedAt: Timestamp? = nil, finishedAt: Timestamp? = nil, containerID: String? = nil) {
        self.exitCode = exitCode
        self.signal = signal
        self.reason = reason
        self.message = message
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.containerID = containerID
    }

    enum CodingKeys: String, CodingKey { case exitCode, signal, reason, message, startedAt, finishedAt, containerID }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(exitCode, forKey: .exitCode)
        try container.encodeIfPresent(signal, forKey: .signal)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeTime(startedAt, forKey: .startedAt)
        try container.encodeTime(finishedAt, forKey: .finishedAt)
        try container.encodeIfPresent(containerID, forKey: .containerID)
    }
}

/// A pod template of a controller (`v1.PodTemplateSpec`).
public struct PodTemplateSpec: Hashable, Sendable, Codable {
    public var metadata: ObjectMeta?
    public var spec: PodSpec?

    public init(metadata: ObjectMeta? = nil, spec: PodSpec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }
}

extension KeyedEncodingContainer {
    /// Go's `metav1.Time` fields without a pointer print a zero time as null.
    mutating func encodeTime(_ time: Timestamp?, forKey key: Key) throws {
        if let time {
            try encode(time, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}
