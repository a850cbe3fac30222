/// A namespace (`v1.Namespace`), cluster-scoped.
public struct Namespace: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: NamespaceSpec?
    public var status: NamespaceStatus?

    public init(metadata: ObjectMeta, spec: NamespaceSpec? = nil, status: NamespaceStatus? = nil) {
        self.apiVersion = "v1"
        self.kind = "Namespace"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "namespaces", singularName: "namespace", kind: "Namespace", group: "", apiVersions: ["v1"], namespaced: false, shortNames: ["ns"])

    public static let selectableFields = ["status.phase"]

    public func fieldValue(_ field: String) -> String? {
        switch field {
        case "status.phase": status?.phase ?? ""
        default: metadataFieldValue(field)
        }
    }
}

/// The finalizers that keep a namespace until its content is gone (`v1.NamespaceSpec`).
public struct NamespaceSpec: Hashable, Sendable, Codable {
    public var finalizers: [String]?

    public init(finalizers: [String]? = nil) {
        self.finalizers = finalizers
    }
}

/// `Active` or `Terminating` (`v1.NamespaceStatus`).
public struct NamespaceStatus: Hashable, Sendable, Codable {
    public var phase: String?

    public init(phase: String? = nil) {
        self.phase = phase
    }
}

/// The health of a control-plane component (`v1.ComponentStatus`), cluster-scoped.
public struct ComponentStatus: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var conditions: [ComponentCondition]?

    public init(metadata: ObjectMeta, conditions: [ComponentCondition]? = nil) {
        self.apiVersion = "v1"
        self.kind = "ComponentStatus"
        self.metadata = metadata
        self.conditions = conditions
    }

    public static let resource = APIResource(
        name: "componentstatuses", singularName: "componentstatus", kind: "ComponentStatus", group: "", apiVersions: ["v1"],
        namespaced: false, shortNames: ["cs"])
}

/// One health condition (`v1.ComponentCondition`).
public struct ComponentCondition: Hashable, Sendable, Codable {
    public var type: String
    public var status: ConditionStatus
    public var message: String?
    public var error: String?

    public init(type: String, status: ConditionStatus, message: String? = nil, error: String? = nil) {
        self.type = type
        self.status = status
        self.message = message
        self.error = error
    }
}
