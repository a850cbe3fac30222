/// A kind the API server stores: type metadata, object metadata and a resource description.
public protocol APIObject: Codable, Sendable, Equatable {
    /// How the API server names and serves this kind.
    static var resource: APIResource { get }
    var apiVersion: String? { get set }
    var kind: String? { get set }
    var metadata: ObjectMeta { get set }
    /// The value of a field selector field, or nil when the kind does not support it.
    func fieldValue(_ field: String) -> String?
    /// Fields a field selector may name for this kind (besides `metadata.name` and `metadata.namespace`).
    static var selectableFields: [String] { get }
    /// Fields whose values the store indexes, so that selectors pinning them stay cheap.
    static var indexedFields: [String] { get }
    /// The rule names of this kind follow; the server checks it for every kind.
    static var nameRule: NameRule { get }

    // How the API server treats the kind (its registry strategy); defaults in APIServer/Strategies.

    /// Fills in the defaults of the API version the object came in.
    mutating func applyDefaults()
    /// What makes a new object invalid, besides its metadata (which the server checks for every kind).
    func validate() -> [FieldError]
    /// What makes changing `old` into this object invalid.
    func validateUpdate(from old: Self) -> [FieldError]
    /// Clears what clients may not set on create (status, mostly).
    mutating func prepareForCreate()
    /// Clears what `get --export` leaves out besides the common metadata; by default what create clears.
    mutating func prepareForExport(exact: Bool)
    /// Keeps what an update of the main resource may not change (status) and bumps `generation`.
    mutating func prepareForUpdate(from old: Self)
    /// Takes the status of `other` (the `status` subresource).
    mutating func takeStatus(from other: Self)
    /// Admission: assigns what the server allocates (cluster IPs, node ports, service accounts).
    mutating func admit(_ context: AdmissionContext, old: Self?) throws(APIError)
    /// Gives back what admission allocated, once the object is gone.
    func release(_ context: AdmissionContext)
    /// What happens to dependents when a delete does not say.
    var defaultPropagationPolicy: PropagationPolicy { get }
    /// Finalizers besides `metadata.finalizers` that keep a deleted object (a namespace's `spec.finalizers`).
    var hasPendingFinalizers: Bool { get }
    /// Marks the object as going away (a namespace turns `Terminating`).
    mutating func markTerminating()
}

extension APIObject {
    public static var selectableFields: [String] { [] }
    public static var indexedFields: [String] { [] }
    public static var nameRule: NameRule { .dns1123Subdomain }
    public func fieldValue(_ field: String) -> String? { metadataFieldValue(field) }

    /// `metadata.name` and `metadata.namespace`, which every kind supports.
    public func metadataFieldValue(_ field: String) -> String? {
        switch field {
        case "metadata.name": metadata.name ?? ""
        case "metadata.namespace": metadata.namespace ?? ""
        default: nil
        }
    }

    /// The object's name (empty before the server assigns a generated one).
    public var name: String { metadata.name ?? "" }
    /// The object's namespace (empty for cluster-scoped kinds).
    public var namespace: String { metadata.namespace ?? "" }
    /// The object's labels (empty when it has none).
    public var labels: [String: String] { metadata.labels ?? [:] }
    /// The object's uid (empty before it is stored).
    public var uid: String { metadata.uid ?? "" }
}

/// How the API server serves a kind: names, group, versions and scope.
public struct APIResource: Hashable, Sendable {
    /// The plural resource name (`pods`).
    public var name: String
    public var singularName: String
    public var kind: String
    /// The API group; empty for the core group.
    public var group: String
    /// The group versions the server accepts for this kind, preferred first (`v1`, `apps/v1beta2` …).
    public var apiVersions: [String]
    public var namespaced: Bool
    public var shortNames: [String]

    public init(name: String, singularName: String, kind: String, group: String, apiVersions: [String], namespaced: Bool, shortNames: [String]) {
        self.name = name
        self.singularName = singularName
        self.kind = kind
        self.group = group
        self.apiVersions = apiVersions
        self.namespaced = namespaced
        self.shortNames = shortNames
    }

    /// The group version objects come back in when none was asked for.
    public var preferredAPIVersion: String { apiVersions.first ?? "v1" }

    /// `pods`, or `deployments.extensions` for grouped kinds, as status messages name resources.
    public var qualifiedName: String { group.isEmpty ? name : name + "." + group }

    /// The path prefix of the REST API for a group version (`/api/v1`, `/apis/apps/v1beta2`).
    public static func pathPrefix(apiVersion: String) -> String {
        apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion
    }

    /// The REST path of one object, as `selfLink` shows it.
    public func selfLink(apiVersion: String, namespace: String?, name: String) -> String {
        var path = Self.pathPrefix(apiVersion: apiVersion)
        if namespaced, let namespace { path += "/namespaces/" + namespace }
        return path + "/" + self.name + "/" + name
    }

    /// The REST path of a collection.
    public func collectionLink(apiVersion: String, namespace: String?) -> String {
        var path = Self.pathPrefix(apiVersion: apiVersion)
        if namespaced, let namespace { path += "/namespaces/" + namespace }
        return path + "/" + name
    }
}

/// A list of objects of one kind (`PodList` …), in name order within namespaces.
public struct ObjectList<Object: APIObject>: Sendable, Codable, Equatable {
    public var apiVersion: String
    public var kind: String
    public var metadata: ListMeta
    public var items: [Object]

    public init(apiVersion: String, kind: String, metadata: ListMeta, items: [Object]) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.metadata = metadata
        self.items = items
    }
}

/// The state of a condition (`True`, `False`, `Unknown`).
public enum ConditionStatus: String, Hashable, Sendable, Codable {
    case `true` = "True"
    case `false` = "False"
    case unknown = "Unknown"
}
