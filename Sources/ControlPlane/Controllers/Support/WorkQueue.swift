import KubernetesAPI
import Simulation

/// Collects keys of objects to reconcile and runs the handler once per key on the loop
/// (`workqueue`): a key added many times before it runs is handled once.
public final class WorkQueue {
    private let loop: EventLoop
    private let handler: (String) -> Void
    private var queued: [String] = []
    private var queuedKeys: Set<String> = []
    private var delayed: [String: TimerID] = [:]
    private var isScheduled = false
    private var isStopped = false

    public init(loop: EventLoop, handler: @escaping (String) -> Void) {
        self.loop = loop
        self.handler = handler
    }

    /// Queues `key` to be handled after the current work.
    public func add(_ key: String) {
        guard !isStopped, !queuedKeys.contains(key) else { return }
        queuedKeys.insert(key)
        queued.append(key)
        guard !isScheduled else { return }
        isScheduled = true
        loop.execute { [weak self] in self?.drain() }
    }

    /// Queues `key` after `delay` of virtual time (an earlier pending delay wins).
    public func add(_ key: String, after delay: Duration) {
        guard !isStopped, delayed[key] == nil else { return }
        delayed[key] = loop.schedule(after: delay) { [weak self] in
            self?.delayed[key] = nil
            self?.add(key)
        }
    }

    public func stop() {
        isStopped = true
        for timer in delayed.values { loop.cancel(timer) }
        delayed.removeAll()
        queued.removeAll()
        queuedKeys.removeAll()
    }

    private func drain() {
        isScheduled = false
        while !queued.isEmpty, !isStopped {
            let batch = queued
            queued.removeAll()
            for key in batch {
                queuedKeys.remove(key)
                handler(key)
            }
        }
    }
}

/// `namespace/name` keys of namespaced objects.
enum ObjectKey {
    static func make(namespace: String, name: String) -> String { namespace + "/" + name }

    static func split(_ key: String) -> (namespace: String, name: String) {
        guard let slash = key.firstIndex(of: "/") else { return ("", key) }
        return (String(key[..<slash]), String(key[key.index(after: slash)...]))
    }
}
