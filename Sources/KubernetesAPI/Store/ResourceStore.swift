import Simulation

/// What the server needs from a store without knowing its kind.
package protocol AnyResourceStore: AnyObject {
    var resource: APIResource { get }
    /// The number of objects held.
    var count: Int { get }
    /// The keys of the objects in a namespace, sorted.
    func keys(inNamespace namespace: String) -> [String]
}

/// The objects of one kind, with the indexes that keep selectors cheap and the watches on them.
///
/// Keys are `namespace/name` (or `name` for cluster-scoped kinds), so sorting keys gives etcd's order.
/// Objects are held in immutable boxes shared with the history, every watch event and the
/// informers' caches, so handing one on is one retain, not a copy of the whole object.
package final class ResourceStore<Object: APIObject>: AnyResourceStore {
    package let resource: APIResource
    private let loop: EventLoop
    private var objects: [String: SharedObject<Object>] = [:]
    private var namespaceIndex: [String: Set<String>] = [:]
    private var labelIndex: [String: [String: Set<String>]] = [:]
    private var fieldIndex: [String: [String: Set<String>]] = [:]

    private struct Change {
        var revision: Int64
        var type: WatchEvent<Object>.EventType
        var object: SharedObject<Object>
        var previous: SharedObject<Object>?
    }

    private var history: [Change] = []
    private var historyStart = 0
    /// The newest revision the trimmed history no longer holds.
    private var compactedRevision: Int64 = 0
    private let historyLimit: Int
    /// False for an informer's cache: nothing resumes a watch on it.
    private let keepsHistory: Bool

    private var watchers: [Int: Watcher<Object>] = [:]
    private var generalWatchers: Set<Int> = []
    private var indexedWatchers: [String: [String: Set<Int>]] = [:]
    private var nextWatcherID = 0

    package init(loop: EventLoop, historyLimit: Int, keepsHistory: Bool = true) {
        self.resource = Object.resource
        self.loop = loop
        self.historyLimit = historyLimit
        self.keepsHistory = keepsHistory
    }

    package var count: Int { objects.count }

    package func key(namespace: String?, name: String) -> String {
        resource.namespaced ? (namespace ?? "") + "/" + name : name
    }

    package func object(namespace: String?, name: String) -> Object? {
        objects[key(namespace: namespace, name: name)]?.value
    }

    /// The object stored under a key (`namespace/name`, or `name` for cluster-scoped kinds).
    package func object(atKey key: String) -> Object? {
        objects[key]?.value
    }

    /// Whether an object of that name is stored (without copying it out).
    package func contains(namespace: String?, name: String) -> Bool {
        objects[key(namespace: namespace, name: name)] != nil
    }

    package func keys(inNamespace namespace: String) -> [String] {
        (namespaceIndex[namespace] ?? []).sorted()
    }

    // MARK: Writing

    /// Stores a new or changed object and tells the watches.
    package func put(_ object: Object, revision: Int64) {
        put(SharedObject(object), revision: revision)
    }

    /// Stores an object another store already boxed (an informer's cache sharing the server's).
    package func put(_ object: SharedObject<Object>, revision: Int64) {
        let key = key(namespace: object.value.metadata.namespace, name: object.value.name)
        let previous = objects.updateValue(object, forKey: key)
        if let previous {
            reindex(from: previous.value, to: object.value, key: key)
        } else {
            index(object.value, key: key)
        }
        record(Change(revision: revision, type: previous == nil ? .added : .modified, object: object, previous: previous))
    }

    /// Removes an object; `object` is its final state (carrying the deletion revision).
    package func remove(_ object: Object, revision: Int64) {
        remove(SharedObject(object), revision: revision)
    }

    package func remove(_ object: SharedObject<Object>, revision: Int64) {
        let key = key(namespace: object.value.metadata.namespace, name: object.value.name)
        guard let previous = objects.removeValue(forKey: key) else { return }
        unindex(previous.value, key: key)
        record(Change(revision: revision, type: .deleted, object: object, previous: previous))
    }

    private func index(_ object: Object, key: String) {
        namespaceIndex[object.namespace, default: []].insert(key)
        for (label, value) in object.labels {
            labelIndex[label, default: [:]][value, default: []].insert(key)
        }
        for field in Object.indexedFields {
            fieldIndex[field, default: [:]][object.fieldValue(field) ?? "", default: []].insert(key)
        }
    }

    /// Moves a changed object's index entries; most writes (status, heartbeats) change no
    /// indexed value, and then nothing is touched.
    private func reindex(from previous: Object, to object: Object, key: String) {
        let oldLabels = previous.metadata.labels ?? [:], newLabels = object.metadata.labels ?? [:]
        if oldLabels != newLabels {
            for (label, value) in oldLabels where newLabels[label] != value {
                labelIndex[label]?[value]?.remove(key)
                if labelIndex[label]?[value]?.isEmpty == true { labelIndex[label]?[value] = nil }
            }
            for (label, value) in newLabels where oldLabels[label] != value {
                labelIndex[label, default: [:]][value, default: []].insert(key)
            }
        }
        for field in Object.indexedFields {
            let oldValue = previous.fieldValue(field) ?? "", newValue = object.fieldValue(field) ?? ""
            guard oldValue != newValue else { continue }
            fieldIndex[field]?[oldValue]?.remove(key)
            if fieldIndex[field]?[oldValue]?.isEmpty == true { fieldIndex[field]?[oldValue] = nil }
            fieldIndex[field, default: [:]][newValue, default: []].insert(key)
        }
    }

    private func unindex(_ object: Object, key: String) {
        namespaceIndex[object.namespace]?.remove(key)
        if namespaceIndex[object.namespace]?.isEmpty == true { namespaceIndex[object.namespace] = nil }
        for (label, value) in object.labels {
            labelIndex[label]?[value]?.remove(key)
            if labelIndex[label]?[value]?.isEmpty == true { labelIndex[label]?[value] = nil }
        }
        for field in Object.indexedFields {
            let value = object.fieldValue(field) ?? ""
            fieldIndex[field]?[value]?.remove(key)
            if fieldIndex[field]?[value]?.isEmpty == true { fieldIndex[field]?[value] = nil }
        }
    }

    // MARK: Reading

    /// The keys the label index holds for `label=value` (what `list` narrows by).
    package func indexedKeys(label: String, value: String) -> Set<String> { labelIndex[label]?[value] ?? [] }

    /// The keys the field index holds for `field=value`.
    package func indexedKeys(field: String, value: String) -> Set<String> { fieldIndex[field]?[value] ?? [] }

    /// The objects passing the filters, in key order, using the smallest index that applies.
    package func list(namespace: String?, options: ListOptions) -> [Object] {
        sharedList(namespace: namespace, options: options).map(\.value)
    }

    /// The boxes of the objects passing the filters, in key order.
    private func sharedList(namespace: String?, options: ListOptions) -> [SharedObject<Object>] {
        var candidates: Set<String>?
        func narrow(_ keys: Set<String>) {
            if let current = candidates {
                candidates = current.count <= keys.count ? current.intersection(keys) : keys.intersection(current)
            } else {
                candidates = keys
            }
        }
        if let namespace, resource.namespaced { narrow(namespaceIndex[namespace] ?? []) }
        for requirement in options.labelSelector.requirements {
            if let value = options.labelSelector.requiredExactValue(for: requirement.key) {
                narrow(labelIndex[requirement.key]?[value] ?? [])
            }
        }
        for field in Object.indexedFields {
            if let value = options.fieldSelector.requiredExactValue(for: field) {
                narrow(fieldIndex[field]?[value] ?? [])
            }
        }
        if options.labelSelector.selectsNothing { return [] }
        let keys = candidates.map { $0.sorted() } ?? objects.keys.sorted()
        var result: [SharedObject<Object>] = []
        result.reserveCapacity(keys.count)
        for key in keys {
            guard let shared = objects[key] else { continue }
            let object = shared.value
            if let namespace, resource.namespaced, object.metadata.namespace != namespace { continue }
            guard options.labelSelector.isEmpty || options.labelSelector.matches(object.labels) else { continue }
            guard options.fieldSelector.isEmpty || options.fieldSelector.matches({ object.fieldValue($0) }) else { continue }
            result.append(shared)
        }
        return result
    }

    // MARK: Watching

    /// Opens a watch; with `after` replays the retained changes newer than it, otherwise starts
    /// with the current objects as ADDED events.
    /// A `synchronous` watch is handed each change as it is committed (an informer's reflector).
    package func watch(namespace: String?, options: ListOptions, after revision: Int64?, synchronous: Bool = false,
               handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        if let revision, revision < compactedRevision {
            throw APIError.gone("too old resource version: \(revision) (\(compactedRevision))")
        }
        nextWatcherID += 1
        let id = nextWatcherID
        var indexed: (String, String)?
        for field in Object.indexedFields {
            if let value = options.fieldSelector.requiredExactValue(for: field) {
                indexed = (field, value)
                break
            }
        }
        let watcher = Watcher<Object>(
            id: id, namespace: resource.namespaced ? namespace : nil, options: options, indexedField: indexed, loop: loop,
            synchronous: synchronous, handler: handler)
        watchers[id] = watcher
        if let indexed {
            indexedWatchers[indexed.0, default: [:]][indexed.1, default: []].insert(id)
        } else {
            generalWatchers.insert(id)
        }
        if let revision {
            var index = lowerBound(after: revision)
            while index < history.count {
                deliver(history[index], to: watcher)
                index += 1
            }
        } else {
            for object in sharedList(namespace: watcher.namespace, options: options) {
                watcher.enqueue(WatchEvent(type: .added, shared: object))
            }
        }
        return WatchHandle { [weak self] in self?.stopWatch(id) }
    }

    private func stopWatch(_ id: Int) {
        guard let watcher = watchers.removeValue(forKey: id) else { return }
        watcher.stop()
        if let indexed = watcher.indexedField {
            indexedWatchers[indexed.field]?[indexed.value]?.remove(id)
        } else {
            generalWatchers.remove(id)
        }
    }

    package var watchCount: Int { watchers.count }

    private func lowerBound(after revision: Int64) -> Int {
        var low = historyStart, high = history.count
        while low < high {
            let middle = (low + high) / 2
            if history[middle].revision <= revision { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func record(_ change: Change) {
        if keepsHistory { appendToHistory(change) }
        var ids = Array(generalWatchers)
        for field in Object.indexedFields {
            guard let buckets = indexedWatchers[field] else { continue }
            let newValue = change.object.value.fieldValue(field) ?? ""
            ids += buckets[newValue] ?? []
            if let previous = change.previous {
                let oldValue = previous.value.fieldValue(field) ?? ""
                if oldValue != newValue { ids += buckets[oldValue] ?? [] }
            }
        }
        // Deliver in the order the watches were opened, never in hash order.
        for id in ids.sorted() {
            guard let watcher = watchers[id] else { continue }
            deliver(change, to: watcher)
        }
    }

    private func appendToHistory(_ change: Change) {
        history.append(change)
        if history.count - historyStart > historyLimit {
            compactedRevision = history[historyStart].revision
            historyStart += 1
            if historyStart > historyLimit {
                history.removeFirst(historyStart)
                historyStart = 0
            }
        }
    }

    private func deliver(_ change: Change, to watcher: Watcher<Object>) {
        switch change.type {
        case .added:
            if watcher.accepts(change.object.value) { watcher.enqueue(WatchEvent(type: .added, shared: change.object)) }
        case .deleted:
            if let previous = change.previous, watcher.accepts(previous.value) {
                watcher.enqueue(WatchEvent(type: .deleted, shared: change.object))
            }
        case .modified:
            let passesNow = watcher.accepts(change.object.value)
            let passedBefore = change.previous.map { watcher.accepts($0.value) } ?? false
            switch (passedBefore, passesNow) {
            case (true, true): watcher.enqueue(WatchEvent(type: .modified, shared: change.object))
            case (false, true): watcher.enqueue(WatchEvent(type: .added, shared: change.object))
            case (true, false): watcher.enqueue(WatchEvent(type: .deleted, shared: change.previous ?? change.object))
            case (false, false): break
            }
        }
    }
}
