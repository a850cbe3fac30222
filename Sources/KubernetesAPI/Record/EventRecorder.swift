import Simulation

/// Reports events about objects as one component (`record.EventRecorder` with its correlator):
/// a repeat of the same event bumps `count` and `lastTimestamp` instead of adding a new one, and
/// `EventCorrelator` combines similar events and drops what exceeds an object's budget.
public final class EventRecorder {
    private let client: any KubernetesClient
    private let loop: EventLoop
    public let source: EventSource
    /// Where each recent event went, to count its repeats (the correlator's 4,096 entries).
    private var recent = RecentlyUsedCache<String, (namespace: String, name: String)>(capacity: 4096)
    /// The last name suffix used per object, so events at one instant still get distinct names;
    /// only suffixes not yet overtaken by the clock matter, so older ones are dropped.
    private var lastSuffix: [String: Int64] = [:]
    private var largestSuffix: Int64 = .min
    private var correlator = EventCorrelator()

    public init(client: any KubernetesClient, loop: EventLoop, component: String, host: String? = nil) {
        self.client = client
        self.loop = loop
        self.source = EventSource(component: component, host: host)
    }

    /// Records an event about `object` (`Normal` or `Warning`).
    public func record<Object: APIObject>(_ object: Object, type: String = Event.normal, reason: String, message: String, fieldPath: String? = nil) {
        let reference = ObjectReference(
            kind: Object.resource.kind, namespace: Object.resource.namespaced ? object.namespace : nil, name: object.name,
            uid: object.uid, apiVersion: object.apiVersion ?? Object.resource.preferredAPIVersion,
            resourceVersion: object.metadata.resourceVersion, fieldPath: fieldPath)
        record(reference, type: type, reason: reason, message: message)
    }

    /// Records an event about the object `reference` points at.
    public func record(_ reference: ObjectReference, type: String = Event.normal, reason: String, message: String) {
        let namespace = (reference.namespace ?? "").isEmpty ? "default" : reference.namespace ?? "default"
        let now = Timestamp.seconds(of: loop.now)
        guard let outcome = correlator.correlate(source: source, object: reference, namespace: namespace, type: type, reason: reason,
                                                 message: message, at: loop.now) else { return }
        let key = outcome.key, message = outcome.message
        if let existing = recent.value(for: key) {
            let updated = try? client.modify(Event.self, namespace: existing.namespace, name: existing.name) { (event: inout Event) throws(APIError) in
                event.count = (event.count ?? 1) + 1
                event.lastTimestamp = now
                event.message = message
            }
            if updated != nil { return }
        }
        let objectKey = namespace + "/" + (reference.name ?? "")
        if loop.now.nanosecondsSinceEpoch > largestSuffix { lastSuffix.removeAll() }
        var nanoseconds = max(loop.now.nanosecondsSinceEpoch, (lastSuffix[objectKey] ?? .min) &+ 1)
        for _ in 0..<16 {
            lastSuffix[objectKey] = nanoseconds
            largestSuffix = max(largestSuffix, nanoseconds)
            let name = (reference.name ?? "") + "." + String(UInt64(bitPattern: nanoseconds), radix: 16)
            let event = Event(
                metadata: ObjectMeta(name: name, namespace: namespace), involvedObject: reference, reason: reason, message: message,
                source: source, firstTimestamp: now, lastTimestamp: now, count: 1, type: type)
            do {
                _ = try client.create(event)
                recent.set((namespace, name), for: key)
                return
            } catch where error.reason == .alreadyExists {
                nanoseconds += 1
            } catch {
                return
            }
        }
    }
}
