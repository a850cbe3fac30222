import KubernetesAPI
import Simulation

/// A kind that keeps a number of pods from a template running (ReplicationController, ReplicaSet).
public protocol PodReplicaOwner: APIObject {
    /// The component name events are reported under.
    static var controllerComponent: String { get }
    var desiredReplicas: Int { get }
    var podSelector: Labels.Selector { get }
    var podTemplate: PodTemplateSpec? { get }
    var minReadySeconds: Int { get }
    var replicaStatus: ReplicationControllerStatus? { get set }
}

/// The engine of the replication controller and the replica set controller (`ReplicaSetController`):
/// adopts and releases pods by selector, creates and deletes pods to match `replicas`, reports status.
///
/// As the real controllers do, it counts pods in a cache filled from the pod informer's events
/// rather than listing them at every sync, reads owners and pods from the shared informers'
/// listers, and holds back while the pods it created or deleted have not shown up in its pod
/// events yet (expectations).
public final class ReplicaManager<Owner: PodReplicaOwner>: Controller {
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let recorder: EventRecorder
    private let ownerInformer: SharedInformer<Owner>
    private let podInformer: SharedInformer<Pod>
    private lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.sync(key) }
    private var handlers: [WatchHandle] = []
    private var owners: [String: Owner] = [:]
    private var ownersByNamespace: [String: Set<String>] = [:]
    private let cache = ReplicaPodCache(ownerKind: Owner.resource.kind)
    private var expectations = ControllerExpectations()
    /// The most pods one sync creates or deletes (`burstReplicas`).
    private let burstReplicas = 500

    public init(context: ControllerContext) {
        self.client = context.client
        self.loop = context.loop
        self.ownerInformer = context.informers.informer(for: Owner.self)
        self.podInformer = context.informers.pods
        self.recorder = EventRecorder(client: client, loop: loop, component: Owner.controllerComponent)
    }

    public func start() throws(APIError) {
        handlers.append(try ownerInformer.addEventHandler { [weak self] event in self?.handle(event) })
        handlers.append(try podInformer.addEventHandler { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
    }

    private func handle(_ event: WatchEvent<Owner>) {
        let owner = event.object
        let key = ObjectKey.make(namespace: owner.namespace, name: owner.name)
        if event.type == .deleted {
            owners[key] = nil
            ownersByNamespace[owner.namespace]?.remove(key)
            expectations.forget(key)
            cache.forget(ownerUID: owner.uid)
        } else {
            owners[key] = owner
            ownersByNamespace[owner.namespace, default: []].insert(key)
            queue.add(key)
        }
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        let deleted = event.type == .deleted
        cache.observe(pod, deleted: deleted)
        if let reference = pod.metadata.controllerReference {
            guard reference.kind == Owner.resource.kind else { return }
            let key = ObjectKey.make(namespace: pod.namespace, name: reference.name)
            guard owners[key]?.uid == reference.uid else { return }
            if event.type == .added { expectations.creationObserved(for: key) }
            if deleted || pod.metadata.deletionTimestamp != nil { expectations.deletionObserved(of: pod.name, for: key) }
            queue.add(key)
            return
        }
        guard !deleted, pod.isActive else { return }
        // An orphan: every owner whose selector matches may adopt it.
        for key in (ownersByNamespace[pod.namespace] ?? []).sorted() {
            if let owner = owners[key], owner.podSelector.matches(pod.labels) { queue.add(key) }
        }
    }

    // MARK: Reconcile

    private func sync(_ key: String) {
        let (namespace, name) = ObjectKey.split(key)
        guard let owner = ownerInformer.get(namespace: namespace, name: name) else {
            expectations.forget(key)
            return
        }
        let selector = owner.podSelector
        let pods = cache.pods(of: owner.uid)
        pods.configure(selector: selector, templateLabels: owner.podTemplate?.metadata?.labels ?? [:])
        if owner.metadata.deletionTimestamp == nil {
            for orphan in cache.orphans(in: namespace) where selector.matches(orphan.labels) {
                if let adopted = adopt(orphan.name, namespace: namespace, by: owner) { cache.observe(adopted) }
            }
        }
        // Pods still pointing here but no longer selected are released.
        for podName in pods.unselected.sorted() {
            guard let pod = podInformer.get(namespace: namespace, name: podName),
                  pod.metadata.controllerReference?.uid == owner.uid, !selector.matches(pod.labels) else { continue }
            if let released = release(pod, from: owner) { cache.observe(released) }
        }
        if owner.metadata.deletionTimestamp == nil, expectations.areSatisfied(for: key, at: loop.now) {
            manage(owner, key: key, pods: pods)
        }
        updateStatus(of: owner, pods: pods)
        if owner.minReadySeconds > 0, pods.readyCount > 0 {
            queue.add(key, after: .seconds(Int64(owner.minReadySeconds)))
        }
    }

    private func manage(_ owner: Owner, key: String, pods: OwnedPods) {
        let difference = pods.activeCount - owner.desiredReplicas
        if difference < 0 {
            let wanted = min(-difference, burstReplicas)
            expectations.expectCreations(wanted, for: key, at: loop.now)
            var created = 0
            while created < wanted, createPod(for: owner) { created += 1 }
            // The pods that were never created will never be seen either.
            for _ in created..<wanted { expectations.creationObserved(for: key) }
        } else if difference > 0 {
            let victims = pods.active.sorted(by: ReplicaPodRecord.deletesFirst).prefix(min(difference, burstReplicas))
            expectations.expectDeletions(of: victims.map(\.name), for: key, at: loop.now)
            for pod in victims {
                do {
                    try client.delete(Pod.self, namespace: owner.namespace, name: pod.name)
                    recorder.record(owner, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
                } catch where error.reason == .notFound {
                    expectations.deletionObserved(of: pod.name, for: key)
                } catch {
                    expectations.deletionObserved(of: pod.name, for: key)
                    recorder.record(owner, type: Event.warning, reason: "FailedDelete", message: "Error deleting: \(error.message)")
                }
            }
        }
    }

    private func createPod(for owner: Owner) -> Bool {
        guard let template = owner.podTemplate else { return false }
        var metadata = ObjectMeta(
            generateName: owner.name + "-", namespace: owner.namespace, labels: template.metadata?.labels,
            annotations: template.metadata?.annotations,
            ownerReferences: [Self.controllerReference(to: owner)])
        metadata.finalizers = template.metadata?.finalizers
        let pod = Pod(metadata: metadata, spec: template.spec)
        do {
            let created = try client.create(pod)
            recorder.record(owner, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
            return true
        } catch {
            recorder.record(owner, type: Event.warning, reason: "FailedCreate", message: "Error creating: \(error.message)")
            return false
        }
    }

    static func controllerReference(to owner: Owner) -> OwnerReference {
        OwnerReference(
            apiVersion: owner.apiVersion ?? Owner.resource.preferredAPIVersion, kind: Owner.resource.kind, name: owner.name,
            uid: owner.uid, controller: true, blockOwnerDeletion: true)
    }

    private func adopt(_ name: String, namespace: String, by owner: Owner) -> Pod? {
        try? client.modify(Pod.self, namespace: namespace, name: name) { (current: inout Pod) throws(APIError) in
            guard current.metadata.controllerReference == nil else { return }
            current.metadata.ownerReferences = (current.metadata.ownerReferences ?? []) + [Self.controllerReference(to: owner)]
        }
    }

    private func release(_ pod: Pod, from owner: Owner) -> Pod? {
        try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name) { (current: inout Pod) throws(APIError) in
            let kept = (current.metadata.ownerReferences ?? []).filter { $0.uid != owner.uid }
            current.metadata.ownerReferences = kept.isEmpty ? nil : kept
        }
    }

    private func updateStatus(of owner: Owner, pods: OwnedPods) {
        let now = loop.now
        var status = owner.replicaStatus ?? ReplicationControllerStatus()
        status.replicas = Int32(clamping: pods.activeCount)
        status.fullyLabeledReplicas = Int32(clamping: pods.fullyLabeledCount)
        status.readyReplicas = Int32(clamping: pods.readyCount)
        if owner.minReadySeconds > 0 {
            let minimum = Duration.seconds(Int64(owner.minReadySeconds))
            status.availableReplicas = Int32(clamping: pods.active.filter { $0.isReady && ($0.readySince ?? now) + minimum <= now }.count)
        } else {
            status.availableReplicas = Int32(clamping: pods.readyCount)
        }
        status.observedGeneration = owner.metadata.generation
        guard status != owner.replicaStatus else { return }
        var updated = owner
        updated.replicaStatus = status
        _ = try? client.updateStatus(updated)
    }
}
