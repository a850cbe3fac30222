import KubernetesAPI
import Simulation

/// Deletes objects whose owners are all gone and, for deletes that orphan, strips the owner
/// references from the dependents before the owner goes (`pkg/controller/garbagecollector`).
/// It follows every kind it is given through the shared informers and keeps the graph of owner
/// uid → dependents.
public final class GarbageCollector: Controller {
    /// The kinds collected by default: all the server serves but events and component statuses,
    /// which never own or are owned by anything.
    public static var defaultKinds: [any APIObject.Type] {
        Kinds.all.filter { $0.capabilities.contains(.garbageCollected) }.map { $0 as any APIObject.Type }
    }

    /// One object, by kind and place.
    struct Node: Hashable, Comparable {
        var kind: String
        var namespace: String
        var name: String

        static func < (lhs: Node, rhs: Node) -> Bool {
            (lhs.kind, lhs.namespace, lhs.name) < (rhs.kind, rhs.namespace, rhs.name)
        }
    }

    /// What the collector can do to objects of one kind, without knowing the kind statically.
    struct KindOperations {
        var ownerReferences: (_ namespace: String, _ name: String) -> (uid: String, references: [OwnerReference])?
        var exists: (_ namespace: String, _ name: String, _ uid: String) -> Bool
        var delete: (_ namespace: String, _ name: String, _ uid: String) -> Void
        var removeOwners: (_ namespace: String, _ name: String, _ uids: Set<String>) -> Void
        var removeOrphanFinalizer: (_ namespace: String, _ name: String) -> Void
    }

    private let client: any KubernetesClient
    private let loop: EventLoop
    private let informers: SharedInformerFactory
    private let kinds: [any APIObject.Type]
    private var handlers: [WatchHandle] = []
    private var operations: [String: KindOperations] = [:]
    private var dependents: [String: Set<Node>] = [:]
    private var ownersOf: [Node: Set<String>] = [:]
    /// The uids of every object the watches have shown and not yet deleted: a dependent whose
    /// owners are all here needs no check with the server (`uidToNode` of the graph builder).
    private var known: Set<String> = []
    /// Owners the server has confirmed gone, so the dependents of one deleted owner ask only
    /// once (`absentOwnerCache`).
    private var absentOwners = RecentlyUsedCache<String, Bool>(capacity: 500)
    private lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.attemptToDelete(key) }
    private lazy var orphanQueue = WorkQueue(loop: loop) { [weak self] key in self?.orphanDependents(key) }

    public init(context: ControllerContext, kinds: [any APIObject.Type] = GarbageCollector.defaultKinds) {
        self.client = context.client
        self.loop = context.loop
        self.informers = context.informers
        self.kinds = kinds
    }

    public func start() throws(APIError) {
        for kind in kinds {
            try watchKind(kind)
        }
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
        orphanQueue.stop()
    }

    private func watchKind<Object: APIObject>(_ type: Object.Type) throws(APIError) {
        let kind = type.resource.kind
        let client = self.client
        let informer = informers.informer(for: type)
        operations[kind] = KindOperations(
            ownerReferences: { namespace, name in
                guard let object = informer.get(namespace: namespace, name: name) else { return nil }
                return (object.uid, object.metadata.ownerReferences ?? [])
            },
            exists: { namespace, name, uid in
                informer.get(namespace: namespace, name: name)?.uid == uid
            },
            delete: { namespace, name, uid in
                _ = try? client.delete(type, namespace: namespace, name: name, options: DeleteOptions(propagationPolicy: .background, preconditionUID: uid))
            },
            removeOwners: { namespace, name, uids in
                _ = try? client.modify(type, namespace: namespace, name: name) { (object: inout Object) throws(APIError) in
                    let kept = (object.metadata.ownerReferences ?? []).filter { !uids.contains($0.uid) }
                    object.metadata.ownerReferences = kept.isEmpty ? nil : kept
                }
            },
            removeOrphanFinalizer: { namespace, name in
                _ = try? client.modify(type, namespace: namespace, name: name) { (object: inout Object) throws(APIError) in
                    let kept = (object.metadata.finalizers ?? []).filter { $0 != "orphan" }
                    object.metadata.finalizers = kept.isEmpty ? nil : kept
                }
            })
        handlers.append(try informer.addEventHandler { [weak self] event in self?.handle(event) })
    }

    private func handle<Object: APIObject>(_ event: WatchEvent<Object>) {
        let object = event.object
        let node = Node(kind: Object.resource.kind, namespace: object.namespace, name: object.name)
        let key = Self.key(node)
        let owners = event.type == .deleted ? [] : Set((object.metadata.ownerReferences ?? []).map(\.uid))
        let previous = ownersOf[node] ?? []
        for uid in previous.subtracting(owners) {
            dependents[uid]?.remove(node)
            if dependents[uid]?.isEmpty == true { dependents[uid] = nil }
        }
        for uid in owners.subtracting(previous) { dependents[uid, default: []].insert(node) }
        ownersOf[node] = owners.isEmpty ? nil : owners
        if event.type == .deleted { known.remove(object.uid) } else { known.insert(object.uid) }
        if event.type == .deleted {
            for dependent in (dependents[object.uid] ?? []).sorted() { queue.add(Self.key(dependent)) }
            return
        }
        if object.metadata.deletionTimestamp != nil, object.metadata.finalizers?.contains("orphan") == true {
            orphanQueue.add(key + "\u{0}" + object.uid)
        }
        if event.type == .added, !owners.isSubset(of: known) { queue.add(key) }
    }

    // MARK: Work

    /// Deletes the object if none of its owners exists any more; drops references to owners that are gone.
    private func attemptToDelete(_ key: String) {
        guard let node = Self.node(key), let operations = operations[node.kind],
              let (uid, references) = operations.ownerReferences(node.namespace, node.name), !references.isEmpty else { return }
        var absent: Set<String> = []
        for reference in references {
            guard let ownerOperations = self.operations[reference.kind] else { continue }
            let ownerNamespace = Kinds.declaration(forKind: reference.kind)?.resource.namespaced == true ? node.namespace : ""
            if absentOwners.value(for: reference.uid) == true || !ownerOperations.exists(ownerNamespace, reference.name, reference.uid) {
                absentOwners.set(true, for: reference.uid)
                absent.insert(reference.uid)
            }
        }
        if absent.isEmpty { return }
        if absent.count == Set(references.map(\.uid)).count {
            operations.delete(node.namespace, node.name, uid)
        } else {
            operations.removeOwners(node.namespace, node.name, absent)
        }
    }

    /// Strips the owner's references from its dependents, then lets the owner go.
    private func orphanDependents(_ entry: String) {
        let parts = entry.split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, let owner = Self.node(parts[0]) else { return }
        let ownerUID = parts[1]
        for dependent in (dependents[ownerUID] ?? []).sorted() {
            operations[dependent.kind]?.removeOwners(dependent.namespace, dependent.name, [ownerUID])
        }
        operations[owner.kind]?.removeOrphanFinalizer(owner.namespace, owner.name)
    }

    private static func key(_ node: Node) -> String {
        node.kind + "/" + node.namespace + "/" + node.name
    }

    private static func node(_ key: String) -> Node? {
        let parts = key.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        return Node(kind: parts[0], namespace: parts[1], name: parts[2])
    }
}
