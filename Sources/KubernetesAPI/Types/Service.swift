/// A stable address in front of a set of pods (`v1.Service`).
public struct Service: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: ServiceSpec?
    public var status: ServiceStatus?

    public init(metadata: ObjectMeta, spec: ServiceSpec? = nil, status: ServiceStatus? = nil) {
        self.apiVersion = "v1"
        self.kind = "Service"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "services", singularName: "service", kind: "Service", group: "", apiVersions: ["v1"], namespaced: true, shortNames: ["svc"])
}

/// The desired state of a service (`v1.ServiceSpec`), fields in Go struct order.
public struct ServiceSpec: Hashable, Sendable, Codable {
    public static let clusterIP = "ClusterIP"
    public static let nodePort = "NodePort"
    public static let loadBalancer = "LoadBalancer"
    public static let externalName = "ExternalName"

    public var ports: [ServicePort]?
    public var selector: [String: String]?
    public var clusterIP: String?
    public var type: String?
    public var externalIPs: [String]?
    public var sessionAffinity: String?
    public var loadBalancerIP: String?
    public var loadBalancerSourceRanges: [String]?
    public var externalName: String?
    public var externalTrafficPolicy: String?
    public var healthCheckNodePort: Int32?
    public var publishNotReadyAddresses: Bool?

    public init(ports: [ServicePort]? = nil, selector: [String: String]? = nil, type: String? = nil) {
        self.ports = ports
        self.selector = selector
        self.type = type
    }
}

/// One port of a service (`v1.ServicePort`).
public struct ServicePort: Hashable, Sendable, Codable {
    public var name: String?
    public var `protocol`: String?
    public var port: Int32
    public var targetPort: IntOrString?
    public var nodePort: Int32?

    public init(name: String? = nil, protocol: String? = nil, port: Int32, targetPort: IntOrString? = nil, nodePort: Int32? = nil) {
        self.name = name
        self.protocol = `protocol`
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
    }
}

/// The observed state of a service (`v1.ServiceStatus`).
public struct ServiceStatus: Hashable, Sendable, Codable {
    public var loadBalancer: LoadBalancerStatus?

    public init(loadBalancer: LoadBalancerStatus? = nil) {
        self.loadBalancer = loadBalancer
    }
}

/// The load balancer in front of a service (`v1.LoadBalancerStatus`).
public struct LoadBalancerStatus: Hashable, Sendable, Codable {
    public var ingress: [LoadBalancerIngress]?

    public init(ingress: [LoadBalancerIngress]? = nil) {
        self.ingress = ingress
    }
}

/// One entry point of a load balancer (`v1.LoadBalancerIngress`).
public struct LoadBalancerIngress: Hashable, Sendable, Codable {
    public var ip: String?
    public var hostname: String?

    public init(ip: String? = nil, hostname: String? = nil) {
        self.ip = ip
        self.hostname = hostname
    }
}

/// The addresses behind a service (`v1.Endpoints`).
public struct Endpoints: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var subsets: [EndpointSubset]?

    public init(metadata: ObjectMeta, subsets: [EndpointSubset]? = nil) {
        self.apiVersion = "v1"
        self.kind = "Endpoints"
        self.metadata = metadata
        self.subsets = subsets
    }

    public static let resource = APIResource(
        name: "endpoints", singularName: "endpoints", kind: "Endpoints", group: "", apiVersions: ["v1"], namespaced: true, shortNames: ["ep"])

    enum CodingKeys: String, CodingKey { case apiVersion, kind, metadata, subsets }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        metadata = try container.decodeIfPresent(ObjectMeta.self, forKey: .metadata) ?? ObjectMeta()
        subsets = try container.decodeIfPresent([EndpointSubset].self, forKey: .subsets)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(apiVersion, forKey: .apiVersion)
        try container.encodeIfPresent(kind, forKey: .kind)
        try container.encode(metadata, forKey: .metadata)
        // `subsets` has no omitempty in Go: an Endpoints without addresses prints `subsets: null`.
        if let subsets, !subsets.isEmpty {
            try container.encode(subsets, forKey: .subsets)
        } else {
            try container.encodeNil(forKey: .subsets)
        }
    }
}

/// A group of addresses sharing ports (`v1.EndpointSubset`).
public struct EndpointSubset: Hashable, Sendable, Codable {
    public var addresses: [EndpointAddress]?
    public var notReadyAddresses: [EndpointAddress]?
    public var ports: [EndpointPort]?

    public init(addresses: [EndpointAddress]? = nil, notReadyAddresses: [EndpointAddress]? = nil, ports: [EndpointPort]? = nil) {
        self.addresses = addresses
        self.notReadyAddresses = notReadyAddresses
        self.ports = ports
    }
}

/// One address of an endpoint (`v1.EndpointAddress`).
public struct EndpointAddress: Hashable, Sendable, Codable {
    public var ip: String
    public var hostname: String?
    public var nodeName: String?
    public var targetRef: ObjectReference?

    public init(ip: String, hostname: String? = nil, nodeName: String? = nil, targetRef: ObjectReference? = nil) {
        self.ip = ip
        self.hostname = hostname
        self.nodeName = nodeName
        self.targetRef = targetRef
    }
}

/// One port of an endpoint (`v1.EndpointPort`).
public struct EndpointPort: Hashable, Sendable, Codable {
    public var name: String?
    public var port: Int32
    public var `protocol`: String?

    public init(name: String? = nil, port: Int32, protocol: String? = nil) {
        self.name = name
        self.port = port
        self.protocol = `protocol`
    }
}
