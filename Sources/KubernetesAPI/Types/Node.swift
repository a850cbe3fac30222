/// A worker machine (`v1.Node`), cluster-scoped.
public struct Node: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: NodeSpec?
    public var status: NodeStatus?

    public init(metadata: ObjectMeta, spec: NodeSpec? = nil, status: NodeStatus? = nil) {
        self.apiVersion = "v1"
        self.kind = "Node"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "nodes", singularName: "node", kind: "Node", group: "", apiVersions: ["v1"], namespaced: false, shortNames: ["no"])

    public static let selectableFields = ["spec.unschedulable"]

    public func fieldValue(_ field: String) -> String? {
        switch field {
        case "spec.unschedulable": (spec?.unschedulable ?? false) ? "true" : "false"
        default: metadataFieldValue(field)
        }
    }

    /// Whether the Ready condition is True.
    public var isReady: Bool {
        status?.conditions?.contains { $0.type == NodeCondition.ready && $0.status == .true } ?? false
    }
}

/// The desired state of a node (`v1.NodeSpec`).
public struct NodeSpec: Hashable, Sendable, Codable {
    public var podCIDR: String?
    public var externalID: String?
    public var providerID: String?
    public var unschedulable: Bool?
    public var taints: [Taint]?

    public init(podCIDR: String? = nil, externalID: String? = nil, providerID: String? = nil, unschedulable: Bool? = nil, taints: [Taint]? = nil) {
        self.podCIDR = podCIDR
        self.externalID = externalID
        self.providerID = providerID
        self.unschedulable = unschedulable
        self.taints = taints
    }
}

/// Repels pods that do not tolerate it (`v1.Taint`).
public struct Taint: Hashable, Sendable, Codable {
    public var key: String
    public var value: String?
    public var effect: String
    public var timeAdded: Timestamp?

    public init(key: String, value: String? = nil, effect: String, timeAdded: Timestamp? = nil) {
        self.key = key
        self.value = value
        self.effect = effect
        self.timeAdded = timeAdded
    }
}

/// The observed state of a node (`v1.NodeStatus`).
public struct NodeStatus: Hashable, Sendable, Codable {
    public var capacity: ResourceList?
    public var allocatable: ResourceList?
    public var phase: String?
    public var conditions: [NodeCondition]?
    public var addresses: [NodeAddress]?
    public var daemonEndpoints: NodeDaemonEndpoints?
    public var nodeInfo: NodeSystemInfo?
    public var images: [ContainerImage]?

    public init(capacity: ResourceList? = nil, allocatable: ResourceList? = nil, conditions: [NodeCondition]? = nil, addresses: [NodeAddress]? = nil, nodeInfo: NodeSystemInfo? = nil) {
        self.capacity = capacity
        self.allocatable = allocatable
        self.conditions = conditions
        self.addresses = addresses
        self.nodeInfo = nodeInfo
    }

    public func condition(_ type: String) -> NodeCondition? {
        conditions?.first { $0.type == type }
    }
}

/// One condition of a node (`v1.NodeCondition`).
public struct NodeCondition: Hashable, Sendable, Codable {
    public static let ready = "Ready"
    public static let outOfDisk = "OutOfDisk"
    public static let memoryPressure = "MemoryPressure"
    public static let diskPressure = "DiskPressure"

    public var type: String
    public var status: ConditionStatus
    public var lastHeartbeatTime: Timestamp?
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: ConditionStatus, lastHeartbeatTime: Timestamp? = nil, lastTransitionTime: Timestamp? = nil, reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status
        self.lastHeartbeatTime = lastHeartbeatTime
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case type, status, lastHeartbeatTime, lastTransitionTime, reason, message }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(status, forKey: .status)
        try container.encodeTime(lastHeartbeatTime, forKey: .lastHeartbeatTime)
        try container.encodeTime(lastTransitionTime, forKey: .lastTransitionTime)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(message, forKey: .message)
    }
}

/// One address of a node (`v1.NodeAddress`): `InternalIP`, `ExternalIP`, `Hostname`.
public struct NodeAddress: Hashable, Sendable, Codable {
    public var type: String
    public var address: String

    public init(type: String, address: String) {
        self.type = type
        self.address = address
    }
}

/// Ports of the node's daemons (`v1.NodeDaemonEndpoints`).
public struct NodeDaemonEndpoints: Hashable, Sendable, Codable {
    public var kubeletEndpoint: DaemonEndpoint?

    public init(kubeletEndpoint: DaemonEndpoint? = nil) {
        self.kubeletEndpoint = kubeletEndpoint
    }
}

/// One daemon port (`v1.DaemonEndpoint`).
public struct DaemonEndpoint: Hashable, Sendable, Codable {
    public var Port: Int32

    public init(port: Int32) {
        self.Port = port
    }
}

/// What the node runs (`v1.NodeSystemInfo`).
public struct NodeSystemInfo: Hashable, Sendable, Codable {
    public var machineID: String
    public var systemUUID: String
    public var bootID: String
    public var kernelVersion: String
    public var osImage: String
    public var containerRuntimeVersion: String
    public var kubeletVersion: String
    public var kubeProxyVersion: String
    public var operatingSystem: String
    public var architecture: String

    public init(machineID: String, systemUUID: String, bootID: String, kernelVersion: String, osImage: String, containerRuntimeVersion: String, kubeletVersion: String, kubeProxyVersion: String, operatingSystem: String = "linux", architecture: String = "amd64") {
        self.machineID = machineID
        self.systemUUID = systemUUID
        self.bootID = bootID
        self.kernelVersion = kernelVersion
        self.osImage = osImage
        self.containerRuntimeVersion = containerRuntimeVersion
        self.kubeletVersion = kubeletVersion
        self.kubeProxyVersion = kubeProxyVersion
        self.operatingSystem = operatingSystem
        self.architecture = architecture
    }
}

/// An image present on the node (`v1.ContainerImage`).
public struct ContainerImage: Hashable, Sendable, Codable {
    public var names: [String]
    public var sizeBytes: Int64?

    public init(names: [String], sizeBytes: Int64? = nil) {
        self.names = names
        self.sizeBytes = sizeBytes
    }
}
