/// One container of a pod (`v1.Container`), fields in Go struct order.
public struct Container: Hashable, Sendable, Codable {
    public var name: String
    public var image: String?
    public var command: [String]?
    public var args: [String]?
    public var workingDir: String?
    public var ports: [ContainerPort]?
    public var env: [EnvVar]?
    public var resources: ResourceRequirements?
    public var volumeMounts: [VolumeMount]?
    public var livenessProbe: Probe?
    public var readinessProbe: Probe?
    public var lifecycle: Lifecycle?
    public var terminationMessagePath: String?
    public var terminationMessagePolicy: String?
    public var imagePullPolicy: String?
    public var securityContext: SecurityContext?
    public var stdin: Bool?
    public var stdinOnce: Bool?
    public var tty: Bool?

    public init(name: String, image: String? = nil, command: [String]? = nil, args: [String]? = nil, ports: [ContainerPort]? = nil) {
        self.name = name
        self.image = image
        self.command = command
        self.args = args
        self.ports = ports
    }
}

/// A port a container listens on (`v1.ContainerPort`).
public struct ContainerPort: Hashable, Sendable, Codable {
    public var name: String?
    public var hostPort: Int32?
    public var containerPort: Int32
    public var `protocol`: String?
    public var hostIP: String?

    public init(name: String? = nil, hostPort: Int32? = nil, containerPort: Int32, protocol: String? = nil) {
        self.name = name
        self.hostPort = hostPort
        self.containerPort = containerPort
        self.protocol = `protocol`
    }
}

/// An environment variable (`v1.EnvVar`).
public struct EnvVar: Hashable, Sendable, Codable {
    public var name: String
    public var value: String?
    public var valueFrom: EnvVarSource?

    public init(name: String, value: String? = nil, valueFrom: EnvVarSource? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

/// Where an environment variable's value comes from (`v1.EnvVarSource`).
public struct EnvVarSource: Hashable, Sendable, Codable {
    public var fieldRef: ObjectFieldSelector?
    public var resourceFieldRef: ResourceFieldSelector?
    public var configMapKeyRef: KeySelector?
    public var secretKeyRef: KeySelector?

    public init(fieldRef: ObjectFieldSelector? = nil, resourceFieldRef: ResourceFieldSelector? = nil, configMapKeyRef: KeySelector? = nil, secretKeyRef: KeySelector? = nil) {
        self.fieldRef = fieldRef
        self.resourceFieldRef = resourceFieldRef
        self.configMapKeyRef = configMapKeyRef
        self.secretKeyRef = secretKeyRef
    }
}

/// A field of the pod itself (`v1.ObjectFieldSelector`).
public struct ObjectFieldSelector: Hashable, Sendable, Codable {
    public var apiVersion: String?
    public var fieldPath: String

    public init(apiVersion: String? = nil, fieldPath: String) {
        self.apiVersion = apiVersion
        self.fieldPath = fieldPath
    }
}

/// A container's resource setting (`v1.ResourceFieldSelector`).
public struct ResourceFieldSelector: Hashable, Sendable, Codable {
    public var containerName: String?
    public var resource: String
    public var divisor: Quantity?

    public init(containerName: String? = nil, resource: String, divisor: Quantity? = nil) {
        self.containerName = containerName
        self.resource = resource
        self.divisor = divisor
    }
}

/// A key of a ConfigMap or Secret (`v1.ConfigMapKeySelector`, `v1.SecretKeySelector`).
public struct KeySelector: Hashable, Sendable, Codable {
    public var name: String?
    public var key: String
    public var optional: Bool?

    public init(name: String? = nil, key: String, optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

/// Requests and limits (`v1.ResourceRequirements`).
public struct ResourceRequirements: Hashable, Sendable, Codable {
    public var limits: ResourceList?
    public var requests: ResourceList?

    public init(limits: ResourceList? = nil, requests: ResourceList? = nil) {
        self.limits = limits
        self.requests = requests
    }
}

/// Where a volume appears in a container (`v1.VolumeMount`).
public struct VolumeMount: Hashable, Sendable, Codable {
    public var name: String
    public var readOnly: Bool?
    public var mountPath: String
    public var subPath: String?

    public init(name: String, readOnly: Bool? = nil, mountPath: String, subPath: String? = nil) {
        self.name = name
        self.readOnly = readOnly
        self.mountPath = mountPath
        self.subPath = subPath
    }
}

/// A health check (`v1.Probe`, with `v1.Handler` inlined as in Go).
public struct Probe: Hashable, Sendable, Codable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    public var initialDelaySeconds: Int32?
    public var timeoutSeconds: Int32?
    public var periodSeconds: Int32?
    public var successThreshold: Int32?
    public var failureThreshold: Int32?

    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil, initialDelaySeconds: Int32? = nil, periodSeconds: Int32? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.initialDelaySeconds = initialDelaySeconds
        self.periodSeconds = periodSeconds
    }
}

/// A lifecycle hook or probe action (`v1.Handler`).
public struct Handler: Hashable, Sendable, Codable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?

    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, tcpSocket: TCPSocketAction? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
    }
}

/// Runs a command in the container (`v1.ExecAction`).
public struct ExecAction: Hashable, Sendable, Codable {
    public var command: [String]?

    public init(command: [String]? = nil) {
        self.command = command
    }
}

/// An HTTP GET against the container (`v1.HTTPGetAction`).
public struct HTTPGetAction: Hashable, Sendable, Codable {
    public var path: String?
    public var port: IntOrString
    public var host: String?
    public var scheme: String?
    public var httpHeaders: [HTTPHeader]?

    public init(path: String? = nil, port: IntOrString, host: String? = nil, scheme: String? = nil) {
        self.path = path
        self.port = port
        self.host = host
        self.scheme = scheme
    }
}

/// One header of an HTTP probe (`v1.HTTPHeader`).
public struct HTTPHeader: Hashable, Sendable, Codable {
    public var name: String
    public var value: String
}

/// A TCP connection attempt (`v1.TCPSocketAction`).
public struct TCPSocketAction: Hashable, Sendable, Codable {
    public var port: IntOrString
    public var host: String?

    public init(port: IntOrString, host: String? = nil) {
        self.port = port
        self.host = host
    }
}

/// Hooks run after start and before stop (`v1.Lifecycle`).
public struct Lifecycle: Hashable, Sendable, Codable {
    public var postStart: Handler?
    public var preStop: Handler?

    public init(postStart: Handler? = nil, preStop: Handler? = nil) {
        self.postStart = postStart
        self.preStop = preStop
    }
}

/// Container-level security settings (`v1.SecurityContext`).
public struct SecurityContext: Hashable, Sendable, Codable {
    public var capabilities: Capabilities?
    public var privileged: Bool?
    public var runAsUser: Int64?
    public var runAsNonRoot: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var allowPrivilegeEscalation: Bool?

    public init() {}
}

/// Added and dropped Linux capabilities (`v1.Capabilities`).
public struct Capabilities: Hashable, Sendable, Codable {
    public var add: [String]?
    public var drop: [String]?
}

/// Pod-level security settings (`v1.PodSecurityContext`).
public struct PodSecurityContext: Hashable, Sendable, Codable {
    public var runAsUser: Int64?
    public var runAsNonRoot: Bool?
    public var supplementalGroups: [Int64]?
    public var fsGroup: Int64?

    public init() {}
}
