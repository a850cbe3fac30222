import Simulation

/// What a component's event recorder does before it writes (`record.EventCorrelator` of 1.8):
/// a budget per source and object (25 events, then one per five minutes) drops the rest, and
/// from the tenth event that differs only in its message within ten minutes, the events of
/// one reason about one object are combined into one whose count goes up.
struct EventCorrelator {
    static let burst = 25.0
    static let refillInterval: Duration = .seconds(300)
    static let aggregateThreshold = 10
    static let aggregateInterval: Duration = .seconds(600)
    static let cacheSize = 4096
    static let combinedPrefix = "(combined from similar events): "

    /// What to write: the message and the key repeats of it are counted under.
    struct Outcome: Equatable {
        var message: String
        var key: String
    }

    private struct TokenBucket {
        var tokens: Double
        var refilled: VirtualInstant
    }

    private struct Aggregate {
        var messages: Set<String> = []
        var last: VirtualInstant
    }

    private var budgets = RecentlyUsedCache<String, TokenBucket>(capacity: cacheSize)
    private var aggregates = RecentlyUsedCache<String, Aggregate>(capacity: cacheSize)

    /// Nil when the event is dropped; otherwise what to record.
    mutating func correlate(source: EventSource, object: ObjectReference, namespace: String, type: String, reason: String,
                            message: String, at now: VirtualInstant) -> Outcome? {
        let objectKey = [source.component ?? "", source.host ?? "", object.kind ?? "", namespace, object.name ?? "", object.uid ?? "",
                         object.apiVersion ?? ""].joined(separator: "\u{0}")
        guard spend(objectKey, at: now) else { return nil }
        let aggregateKey = [objectKey, type, reason].joined(separator: "\u{0}")
        let eventKey = [aggregateKey, object.fieldPath ?? "", message].joined(separator: "\u{0}")
        var aggregate = aggregates.value(for: aggregateKey) ?? Aggregate(last: now)
        if now - aggregate.last > Self.aggregateInterval { aggregate = Aggregate(last: now) }
        aggregate.messages.insert(message)
        aggregate.last = now
        let combine = aggregate.messages.count >= Self.aggregateThreshold
        // Keep the set from growing past the threshold (the real one drops an arbitrary member;
        // the smallest keeps this deterministic).
        if combine, let dropped = aggregate.messages.min() { aggregate.messages.remove(dropped) }
        aggregates.set(aggregate, for: aggregateKey)
        return combine ? Outcome(message: Self.combinedPrefix + message, key: aggregateKey) : Outcome(message: message, key: eventKey)
    }

    private mutating func spend(_ key: String, at now: VirtualInstant) -> Bool {
        var bucket = budgets.value(for: key) ?? TokenBucket(tokens: Self.burst, refilled: now)
        let elapsed = now - bucket.refilled
        let refill = Double(elapsed.components.seconds) / Double(Self.refillInterval.components.seconds)
        bucket.tokens = min(Self.burst, bucket.tokens + refill)
        bucket.refilled = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        budgets.set(bucket, for: key)
        return allowed
    }
}
