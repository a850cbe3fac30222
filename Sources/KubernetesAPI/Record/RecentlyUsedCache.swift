/// A map that keeps only its `capacity` most recently used entries (the LRU cache behind the
/// event correlator, `golang/groupcache/lru`), so a component reporting about a hundred
/// thousand objects does not remember every one of them.
package struct RecentlyUsedCache<Key: Hashable, Value> {
    package let capacity: Int
    private var entries: [Key: (value: Value, stamp: Int)] = [:]
    /// Keys in the order they were last used; an item whose stamp is stale was used again later.
    private var usage: [(key: Key, stamp: Int)] = []
    private var usageHead = 0
    private var clock = 0

    package init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    package var count: Int { entries.count }

    /// The value, marking the entry as just used.
    package mutating func value(for key: Key) -> Value? {
        guard let entry = entries[key] else { return nil }
        touch(key, value: entry.value)
        return entry.value
    }

    /// Stores a value as the most recently used, dropping the least recently used beyond capacity.
    package mutating func set(_ value: Value, for key: Key) {
        touch(key, value: value)
        while entries.count > capacity, usageHead < usage.count {
            let oldest = usage[usageHead]
            usageHead += 1
            if entries[oldest.key]?.stamp == oldest.stamp { entries[oldest.key] = nil }
        }
        if usageHead > capacity, usageHead * 2 > usage.count {
            usage.removeFirst(usageHead)
            usageHead = 0
        }
    }

    private mutating func touch(_ key: Key, value: Value) {
        clock += 1
        entries[key] = (value, clock)
        usage.append((key, clock))
    }
}
