import Simulation

/// Empties namespaces being deleted, then removes their `kubernetes` finalizer so the server lets
/// them go (`pkg/controller/namespace`).
public final class NamespaceController {
    private let client: any KubernetesClient
    private let loop: EventLoop
    private lazy var queue = WorkQueue(loop: loop) { [weak self] name in self?.sync(name) }
    private var watches: [WatchHandle] = []

    public init(client: any KubernetesClient, loop: EventLoop) {
        self.client = client
        self.loop = loop
    }

    public func start() throws(APIError) {
        watches.append(try client.watch(Namespace.self) { [weak self] event in
            if event.type != .deleted, event.object.metadata.deletionTimestamp != nil { self?.queue.add(event.object.name) }
        })
    }

    public func stop() {
        for watch in watches { watch.stop() }
        watches.removeAll()
        queue.stop()
    }

    private func sync(_ name: String) {
        guard let namespace = try? client.get(Namespace.self, namespace: nil, name: name), namespace.metadata.deletionTimestamp != nil else {
            return
        }
        var remaining = 0
        for kind in Kinds.all where kind.resource.namespaced {
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
        guard let items = try? client.list(type, namespace: namespace).items else { return 0 }
        for item in items where item.metadata.deletionTimestamp == nil {
            _ = try? client.delete(type, namespace: namespace, name: item.name, options: DeleteOptions(propagationPolicy: .background))
        }
        return (try? client.list(type, namespace: namespace).items.count) ?? 0
    }
}
