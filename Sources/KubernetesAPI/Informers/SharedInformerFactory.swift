import Simulation

/// The shared informers of one cluster (`informers.SharedInformerFactory`): one per kind, made
/// the first time a component asks for it, so each kind is watched once however many
/// controllers, schedulers, kubelets and proxies read it.
public final class SharedInformerFactory {
    public let client: any KubernetesClient
    public let loop: EventLoop
    private var informers: [ObjectIdentifier: AnyObject] = [:]
    /// The kinds in the order they were first asked for, so stopping is deterministic.
    private var order: [ObjectIdentifier] = []
    private var stoppers: [ObjectIdentifier: () -> Void] = [:]

    public init(client: any KubernetesClient, loop: EventLoop) {
        self.client = client
        self.loop = loop
    }

    /// The informer of a kind; the same one for every caller.
    public func informer<Object: APIObject>(for type: Object.Type) -> SharedInformer<Object> {
        let id = ObjectIdentifier(type)
        if let informer = informers[id] as? SharedInformer<Object> { return informer }
        let informer = SharedInformer<Object>(client: client, loop: loop)
        informers[id] = informer
        order.append(id)
        stoppers[id] = { [weak informer] in informer?.stop() }
        return informer
    }

    public var pods: SharedInformer<Pod> { informer(for: Pod.self) }
    public var nodes: SharedInformer<Node> { informer(for: Node.self) }
    public var services: SharedInformer<Service> { informer(for: Service.self) }
    public var endpoints: SharedInformer<Endpoints> { informer(for: Endpoints.self) }

    /// Closes every informer's watch (the cluster goes away).
    public func stop() {
        for id in order { stoppers[id]?() }
    }
}
