/// Rules that route outside HTTP(S) traffic by host and path to services (`extensions/v1beta1`
/// `Ingress`); an ingress controller reads them and reports its address in `status`.
public struct Ingress: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: IngressSpec?
    public var status: IngressStatus?

    public init(metadata: ObjectMeta, spec: IngressSpec? = nil, status: IngressStatus? = nil) {
        self.apiVersion = "extensions/v1beta1"
        self.kind = "Ingress"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "ingresses", singularName: "ingress", kind: "Ingress", group: "extensions",
        apiVersions: ["extensions/v1beta1"], namespaced: true, shortNames: ["ing"])
}

/// What an ingress routes (`IngressSpec`), fields in Go struct order.
public struct IngressSpec: Hashable, Sendable, Codable {
    public var backend: IngressBackend?
    public var tls: [IngressTLS]?
    public var rules: [IngressRule]?

    public init(backend: IngressBackend? = nil, tls: [IngressTLS]? = nil, rules: [IngressRule]? = nil) {
        self.backend = backend
        self.tls = tls
        self.rules = rules
    }
}

/// Hosts served over TLS with the certificate of a secret (`IngressTLS`).
public struct IngressTLS: Hashable, Sendable, Codable {
    public var hosts: [String]?
    public var secretName: String?

    public init(hosts: [String]? = nil, secretName: String? = nil) {
        self.hosts = hosts
        self.secretName = secretName
    }
}

/// The paths of one host (`IngressRule`: a host and its HTTP rule value, inlined).
public struct IngressRule: Hashable, Sendable, Codable {
    public var host: String?
    public var http: HTTPIngressRuleValue?

    public init(host: String? = nil, http: HTTPIngressRuleValue? = nil) {
        self.host = host
        self.http = http
    }
}

/// The paths of a rule (`HTTPIngressRuleValue`).
public struct HTTPIngressRuleValue: Hashable, Sendable, Codable {
    public var paths: [HTTPIngressPath]?

    public init(paths: [HTTPIngressPath]? = nil) {
        self.paths = paths
    }
}

/// One path and the service behind it (`HTTPIngressPath`).
public struct HTTPIngressPath: Hashable, Sendable, Codable {
    public var path: String?
    public var backend: IngressBackend

    public init(path: String? = nil, backend: IngressBackend) {
        self.path = path
        self.backend = backend
    }

    enum CodingKeys: String, CodingKey { case path, backend }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        path = try container.decodeIfPresent(String.self, forKey: .path)
        // Go leaves a missing backend as its zero value; validation then asks for serviceName.
        backend = try container.decodeIfPresent(IngressBackend.self, forKey: .backend) ?? IngressBackend(serviceName: "", servicePort: .int(0))
    }
}

/// A service and one of its ports (`IngressBackend`).
public struct IngressBackend: Hashable, Sendable, Codable {
    public var serviceName: String
    public var servicePort: IntOrString

    public init(serviceName: String, servicePort: IntOrString) {
        self.serviceName = serviceName
        self.servicePort = servicePort
    }

    enum CodingKeys: String, CodingKey { case serviceName, servicePort }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serviceName = try container.decodeIfPresent(String.self, forKey: .serviceName) ?? ""
        servicePort = try container.decodeIfPresent(IntOrString.self, forKey: .servicePort) ?? .int(0)
    }

    /// `name:port`, as kubectl's `backendStringer` prints it.
    public var text: String { "\(serviceName):\(servicePort)" }
}

/// Where the ingress's load balancer answers (`IngressStatus`).
public struct IngressStatus: Hashable, Sendable, Codable {
    public var loadBalancer: LoadBalancerStatus?

    public init(loadBalancer: LoadBalancerStatus? = nil) {
        self.loadBalancer = loadBalancer
    }
}
