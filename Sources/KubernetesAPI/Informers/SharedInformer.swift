import Simulation

/// One kind's shared informer (`client-go/tools/cache.SharedIndexInformer`): a single watch on
/// the API server feeds a cache that every component of the cluster reads (the lister) and
/// whose changes they are told of (event handlers), instead of each keeping a watch and a copy.
///
/// The reflector's watch hands over each change as the server commits it (there is no network
/// in between), so the lister answers what the server would. Handlers are told on the loop,
/// each through a queue of its own as client-go's `processorListener` is, with the events a
/// watch with the same filter would have delivered: registering one is opening a watch.
public final class SharedInformer<Object: APIObject> {
    private let client: any KubernetesClient
    /// The indexer: objects by `namespace/name`, indexed by namespace, labels and the kind's
    /// indexed fields (`spec.nodeName` for pods), with the handlers' watches on it.
    private let cache: ResourceStore<Object>
    private var reflection: WatchHandle?
    /// Stopping is for good (the cluster goes away): a cache refilled over old contents would
    /// keep objects deleted meanwhile.
    private var isStopped = false
    /// The by-owner index: the keys of the objects each controller (by uid) controls, and the
    /// controller of each key.
    private var controlled: [String: Set<String>] = [:]
    private var controllerOfKey: [String: String] = [:]

    init(client: any KubernetesClient, loop: EventLoop) {
        self.client = client
        self.cache = ResourceStore<Object>(loop: loop, historyLimit: 0, keepsHistory: false)
    }

    /// Whether the reflector's watch is open.
    public var isRunning: Bool { reflection != nil }

    /// Opens the reflector's watch and fills the cache; does nothing when it is open or was stopped.
    public func start() throws(APIError) {
        guard reflection == nil, !isStopped else { return }
        reflection = try client.reflect(Object.self) { [weak self] event in self?.apply(event) }
    }

    /// Closes the reflector's watch for good; the cache keeps what it last saw.
    public func stop() {
        isStopped = true
        reflection?.stop()
        reflection = nil
    }

    /// A lister read before any handler was registered starts the informer; should the server
    /// refuse, the cache stays empty, as a lister that never synced is.
    private func startIfNeeded() {
        if reflection == nil { try? start() }
    }

    private func apply(_ event: WatchEvent<Object>) {
        let metadata = event.shared.value.metadata
        let key = cache.key(namespace: metadata.namespace, name: metadata.name ?? "")
        switch event.type {
        // The cache shares the server's box: applying a change copies nothing.
        case .added, .modified:
            cache.put(event.shared, revision: 0)
            fileUnderController(key, metadata.controllerReference?.uid)
        case .deleted:
            cache.remove(event.shared, revision: 0)
            fileUnderController(key, nil)
        }
    }

    private func fileUnderController(_ key: String, _ uid: String?) {
        let previous = controllerOfKey[key]
        guard previous != uid else { return }
        if let previous {
            controlled[previous]?.remove(key)
            if controlled[previous]?.isEmpty == true { controlled[previous] = nil }
        }
        controllerOfKey[key] = uid
        if let uid { controlled[uid, default: []].insert(key) }
    }

    // MARK: Handlers

    /// Registers a handler: it is told of the cached objects the filter passes as ADDED events,
    /// then of every change, on the loop, as a watch with that filter would be. Starts the
    /// informer if needed. Stop the returned handle to unregister.
    @discardableResult
    public func addEventHandler(namespace: String? = nil, options: ListOptions = .everything,
                                _ handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try start()
        return try cache.watch(namespace: namespace, options: options, after: nil, handler: handler)
    }

    /// How many handlers are registered.
    public var handlerCount: Int { cache.watchCount }

    // MARK: Lister

    /// The cached object, as a `get` would return it now.
    public func get(namespace: String?, name: String) -> Object? {
        startIfNeeded()
        return cache.object(namespace: Object.resource.namespaced ? (namespace ?? "default") : nil, name: name)
    }

    /// The cached objects the filters pass (nil namespace: all), in the server's order: by
    /// namespace, then name. Selectors on labels and indexed fields use the cache's indexes.
    public func list(namespace: String? = nil, options: ListOptions = .everything) -> [Object] {
        startIfNeeded()
        return cache.list(namespace: Object.resource.namespaced ? namespace : nil, options: options)
    }

    /// The cached objects in a namespace whose labels the selector matches.
    public func list(namespace: String?, labelSelector: Labels.Selector) -> [Object] {
        list(namespace: namespace, options: ListOptions(labelSelector: labelSelector))
    }

    /// The cached objects whose controller (the owner reference marked `controller`) has this
    /// uid, in the server's order (the by-owner index).
    public func list(controlledBy uid: String) -> [Object] {
        startIfNeeded()
        return (controlled[uid] ?? []).sorted().compactMap { cache.object(atKey: $0) }
    }

    /// How many objects are cached.
    public var count: Int { cache.count }
}
