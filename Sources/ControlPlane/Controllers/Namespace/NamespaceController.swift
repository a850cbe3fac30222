import KubernetesAPI
import Simulation

/// Empties namespaces being deleted, then removes their `kubernetes` finalizer so the server lets
/// them go (`pkg/controller/namespace`). Contents are read from the shared informers' listers.
public final class NamespaceController: Controller {
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let informers: SharedInformerFactory
    /// The kinds a namespace is emptied of (the namespaced ones are used).
    private let kinds: [any APIObject.Type]
    private lazy var queue = WorkQueue(loop: loop) { [weak self] name in self?.sync(name) }
    private var handlers: [WatchHandle] = []

    public init(context: ControllerContext, kinds: [any APIObject.Type] = APIServer.kinds) {
        self.client = context.client
        self.loop = context.loop
        self.informers = context.informers
        self.kinds = kinds
    }

    public func start() throws(APIError) {
        handlers.append(try informers.informer(for: Namespace.self).addEventHandler { [weak self] event in
            if event.type != .deleted, event.object.metadata.deletionTimestamp != nil { self?.queue.add(event.object.name) }
        })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
    }

    private func sync(_ name: String) {
        guard let namespace = informers.informer(for: Namespace.self).get(namespace: nil, name: name), namespace.metadata.deletionTimestamp != nil else {
            return
        }
        var remaining = 0
        for kind in kinds where kind.resource.namespaced {
            remaining += deleteContent(kind, namespace: name)
        }
        if remaining > 0 {
            queue.add(name, after: .seconds(2))
            return
        }
        _ = try? client.modify(Namespace.self, namespace: nil, name: name) { (current: inout Namespace) throws(APIError) in
            let remaining = (current.spec?.finalizers ?? []).filter { $0 != "kubernetes" }
            current.spec?.finalizers = remaining
        }
    }

    /// Deletes everything of one kind in the namespace; returns how many objects are still there.
    private func deleteContent<Object: APIObject>(_ type: Object.Type, namespace: String) -> Int {
        let lister = informers.informer(for: type)
        for item in lister.list(namespace: namespace) where item.metadata.deletionTimestamp == nil {
            _ = try? client.delete(type, namespace: namespace, name: item.name, options: DeleteOptions(propagationPolicy: .background))
        }
        return lister.list(namespace: namespace).count
    }
}
