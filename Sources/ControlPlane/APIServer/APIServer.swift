import KubernetesAPI
import Simulation

/// The simulated API server: an etcd-like store with one global revision, defaulting,
/// admission, validation, optimistic concurrency and watches delivered on the event loop.
///
/// Components talk to it only through `client()`, as the real ones talk REST.
public final class APIServer {
    public let loop: EventLoop
    public let configuration: ClusterConfiguration
    /// The newest revision written (etcd's global revision).
    public private(set) var revision: Int64 = 0
    let admission: AdmissionContext
    var identifiers: Identifiers
    private var stores: [ObjectIdentifier: AnyResourceStore] = [:]
    /// When the server started: the bootstrap controller's ticks count from here.
    let bootedAt: VirtualInstant
    /// Whether the bootstrap controller's timer is set.
    var masterServiceReconcilePending = false

    /// The kinds the server serves: the one list in `Kinds`.
    public static var kinds: [any APIObject.Type] { Kinds.all.map { $0 as any APIObject.Type } }

    /// Namespaces that exist from the start and may not be deleted.
    public static let systemNamespaces = ["default", "kube-public", "kube-system"]

    public init(loop: EventLoop, configuration: ClusterConfiguration = ClusterConfiguration()) {
        self.loop = loop
        self.configuration = configuration
        self.bootedAt = loop.now
        var random = loop.random.split()
        self.identifiers = Identifiers(random: random.split())
        self.admission = AdmissionContext(configuration: configuration, random: random.split())
        bootstrap()
    }

    /// A client, the only way components and kubectl reach the server.
    public func client() -> any KubernetesClient {
        ServerClient(server: self)
    }

    // MARK: Stores

    func store<Object: APIObject>(_ type: Object.Type) -> ResourceStore<Object> {
        let id = ObjectIdentifier(type)
        if let store = stores[id] as? ResourceStore<Object> { return store }
        let store = ResourceStore<Object>(loop: loop, historyLimit: configuration.watchHistoryLimit)
        stores[id] = store
        return store
    }

    func nextRevision() -> Int64 {
        revision += 1
        return revision
    }

    /// The type serving a kind name (`Pod`), for components that follow references.
    public static func type(forKind kind: String) -> (any APIObject.Type)? {
        Kinds.declaration(forKind: kind)
    }

    // MARK: Reading

    public func get<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String) throws(APIError) -> Object {
        guard let object = store(type).object(namespace: namespace, name: name) else {
            throw APIError.notFound(type.resource, name)
        }
        return object
    }

    public func list<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions) throws(APIError) -> ObjectList<Object> {
        try checkFieldSelector(type, options.fieldSelector)
        let items = store(type).list(namespace: type.resource.namespaced ? namespace : nil, options: options)
        let apiVersion = type.resource.preferredAPIVersion
        return ObjectList(
            apiVersion: apiVersion, kind: type.resource.kind + "List",
            metadata: ListMeta(
                selfLink: type.resource.collectionLink(apiVersion: apiVersion, namespace: namespace),
                resourceVersion: String(revision)),
            items: items)
    }

    public func watch<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try checkFieldSelector(type, options.fieldSelector)
        var after: Int64?
        if let text = options.resourceVersion, !text.isEmpty, text != "0" {
            guard let value = Int64(text) else {
                throw APIError.badRequest("invalid resource version: \(text)")
            }
            after = value
        }
        return try store(type).watch(namespace: type.resource.namespaced ? namespace : nil, options: options, after: after, handler: handler)
    }

    /// An informer's watch of every object of a kind: the current objects, then each change as it
    /// is committed. In-process there is no transport between the two, so a cache fed by it
    /// answers exactly as the server would.
    func reflect<Object: APIObject>(_ type: Object.Type, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try store(type).watch(namespace: nil, options: .everything, after: nil, synchronous: true, handler: handler)
    }

    private func checkFieldSelector<Object: APIObject>(_ type: Object.Type, _ selector: Fields.Selector) throws(APIError) {
        let supported = Set(["metadata.name", "metadata.namespace"] + type.selectableFields)
        do {
            try selector.checkFields(supported: supported)
        } catch {
            throw APIError.badRequest(error.message)
        }
    }

    // MARK: Startup

    /// The objects a fresh cluster has: system namespaces, the `kubernetes` service and its endpoints, component statuses.
    private func bootstrap() {
        for name in Self.systemNamespaces {
            _ = try? create(Namespace(metadata: ObjectMeta(name: name)))
        }
        _ = try? create(masterService())
        _ = try? create(masterEndpoints())
        let components: [(String, String)] = [
            ("controller-manager", "ok"), ("scheduler", "ok"), ("etcd-0", "{\"health\": \"true\"}"),
        ]
        for (name, message) in components {
            _ = try? create(ComponentStatus(
                metadata: ObjectMeta(name: name), conditions: [ComponentCondition(type: "Healthy", status: .true, message: message)]))
        }
    }
}

extension APIServer {
    /// `GET ?export=true`: the stored object with what belongs to this cluster cleared, as the
    /// generic registry's export did, then the kind's export strategy. The self link is made
    /// from the cleared namespace and the requested name, as the handler made it.
    public func export<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, exact: Bool) throws(APIError) -> Object {
        var object = try get(type, namespace: namespace, name: name)
        object.metadata.uid = nil
        if !exact { object.metadata.namespace = nil }
        object.metadata.creationTimestamp = nil
        object.metadata.deletionTimestamp = nil
        object.metadata.resourceVersion = nil
        if !exact, !(object.metadata.generateName ?? "").isEmpty { object.metadata.name = nil }
        object.prepareForExport(exact: exact)
        let apiVersion = object.apiVersion ?? type.resource.preferredAPIVersion
        object.metadata.selfLink = type.resource.selfLink(apiVersion: apiVersion, namespace: object.metadata.namespace ?? "", name: name)
        return object
    }
}
