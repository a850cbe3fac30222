import Simulation

/// One open watch on a store: its filter, its queue of undelivered events and its handler.
///
/// A synchronous watcher (an informer's reflector) is handed each event as the store commits
/// it; every other watcher gets its events on the loop, after the current work.
final class Watcher<Object: APIObject> {
    let id: Int
    let namespace: String?
    let options: ListOptions
    /// The indexed field and value this watch pins down, if any (e.g. `spec.nodeName=node-1`).
    let indexedField: (field: String, value: String)?
    private let loop: EventLoop
    private var handler: ((WatchEvent<Object>) -> Void)?
    private var pending: [WatchEvent<Object>] = []
    private var isScheduled = false
    private let isSynchronous: Bool

    init(id: Int, namespace: String?, options: ListOptions, indexedField: (String, String)?, loop: EventLoop, synchronous: Bool = false,
         handler: @escaping (WatchEvent<Object>) -> Void) {
        self.id = id
        self.isSynchronous = synchronous
        self.namespace = namespace
        self.options = options
        self.indexedField = indexedField.map { (field: $0.0, value: $0.1) }
        self.loop = loop
        self.handler = handler
    }

    var isStopped: Bool { handler == nil }

    func stop() {
        handler = nil
        pending.removeAll()
    }

    /// Whether the object passes the namespace, label and field filters.
    func accepts(_ object: Object) -> Bool {
        if let namespace, object.metadata.namespace != namespace { return false }
        if !options.labelSelector.isEmpty && !options.labelSelector.matches(object.labels) { return false }
        if !options.fieldSelector.isEmpty && !options.fieldSelector.matches({ object.fieldValue($0) }) { return false }
        return true
    }

    /// Queues an event; delivery happens on the loop, in order, after the current work.
    func enqueue(_ event: WatchEvent<Object>) {
        guard let handler else { return }
        if isSynchronous {
            handler(event)
            return
        }
        pending.append(event)
        guard !isScheduled else { return }
        isScheduled = true
        loop.execute { [weak self] in self?.flush() }
    }

    private func flush() {
        isScheduled = false
        var index = 0
        while index < pending.count {
            guard let handler else { return }
            let event = pending[index]
            index += 1
            handler(event)
        }
        pending.removeAll(keepingCapacity: true)
    }
}
