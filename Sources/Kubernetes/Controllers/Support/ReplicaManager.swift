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
public final class ReplicaManager<Owner: PodReplicaOwner> {
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let recorder: EventRecorder
    private lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.sync(key) }
    private var watches: [WatchHandle] = []
    private var owners: [String: Owner] = [:]
    private var ownersByNamespace: [String: Set<String>] = [:]
    /// Pod names by the uid of the owner controlling them, from the pod watch.
    private var podsByOwner: [String: Set<String>] = [:]
    private var podOwner: [String: String] = [:]
    /// The most pods one sync creates or deletes (`burstReplicas`).
    private let burstReplicas = 500

    public init(client: any KubernetesClient, loop: EventLoop) {
        self.client = client
        self.loop = loop
        self.recorder = EventRecorder(client: client, loop: loop, component: Owner.controllerComponent)
    }

    public func start() throws(APIError) {
        watches.append(try client.watch(Owner.self) { [weak self] event in self?.handle(event) })
        watches.append(try client.watch(Pod.self) { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for watch in watches { watch.stop() }
        watches.removeAll()
        queue.stop()
    }

    private func handle(_ event: WatchEvent<Owner>) {
        let owner = event.object
        let key = ObjectKey.make(namespace: owner.namespace, name: owner.name)
        if event.type == .deleted {
            owners[key] = nil
            ownersByNamespace[owner.namespace]?.remove(key)
        } else {
            owners[key] = owner
            ownersByNamespace[owner.namespace, default: []].insert(key)
            queue.add(key)
        }
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        let podKey = ObjectKey.make(namespace: pod.namespace, name: pod.name)
        let ownerUID = event.type == .deleted ? nil : pod.metadata.controllerReference?.uid
        if podOwner[podKey] != ownerUID {
            if let previous = podOwner[podKey] {
                podsByOwner[previous]?.remove(pod.name)
                if podsByOwner[previous]?.isEmpty == true { podsByOwner[previous] = nil }
            }
            podOwner[podKey] = ownerUID
            if let ownerUID { podsByOwner[ownerUID, default: []].insert(pod.name) }
        }
        if let reference = pod.metadata.controllerReference {
            guard reference.kind == Owner.resource.kind else { return }
            let key = ObjectKey.make(namespace: pod.namespace, name: reference.name)
            if owners[key]?.uid == reference.uid { queue.add(key) }
            return
        }
        guard event.type != .deleted, pod.isActive else { return }
        // An orphan: every owner whose selector matches may adopt it.
        for key in (ownersByNamespace[pod.namespace] ?? []).sorted() {
            if let owner = owners[key], owner.podSelector.matches(pod.labels) { queue.add(key) }
        }
    }

    // MARK: Reconcile

    private func sync(_ key: String) {
        let (namespace, name) = ObjectKey.split(key)
        guard let owner = try? client.get(Owner.self, namespace: namespace, name: name) else { return }
        let selector = owner.podSelector
        guard let matching = try? client.list(Pod.self, namespace: namespace, labelSelector: selector).items else { return }
        var controlled: [Pod] = []
        var seen: Set<String> = []
        for pod in matching {
            seen.insert(pod.name)
            if let reference = pod.metadata.controllerReference {
                if reference.uid == owner.uid { controlled.append(pod) }
                continue
            }
            guard pod.isActive, owner.metadata.deletionTimestamp == nil else { continue }
            if let adopted = adopt(pod, by: owner) { controlled.append(adopted) }
        }
        // Pods still pointing here but no longer selected are released.
        for podName in (podsByOwner[owner.uid] ?? []).sorted() where !seen.contains(podName) {
            guard let pod = try? client.get(Pod.self, namespace: namespace, name: podName),
                  pod.metadata.controllerReference?.uid == owner.uid, !selector.matches(pod.labels) else { continue }
            release(pod, from: owner)
        }
        let active = controlled.filter(\.isActive)
        if owner.metadata.deletionTimestamp == nil {
            manage(owner, active: active)
        }
        updateStatus(of: owner, pods: controlled)
        if owner.minReadySeconds > 0, active.contains(where: { $0.isReady }) {
            queue.add(key, after: .seconds(Int64(owner.minReadySeconds)))
        }
    }

    private func manage(_ owner: Owner, active: [Pod]) {
        let difference = active.count - owner.desiredReplicas
        if difference < 0 {
            for _ in 0..<min(-difference, burstReplicas) {
                guard createPod(for: owner) else { break }
            }
        } else if difference > 0 {
            let victims = active.sorted(by: Self.deletesFirst).prefix(min(difference, burstReplicas))
            for pod in victims {
                do {
                    try client.delete(Pod.self, namespace: pod.namespace, name: pod.name)
                    recorder.record(owner, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
                } catch where error.reason == .notFound {
                    continue
                } catch {
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

    private func adopt(_ pod: Pod, by owner: Owner) -> Pod? {
        try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name) { (current: inout Pod) throws(APIError) in
            guard current.metadata.controllerReference == nil else { return }
            current.metadata.ownerReferences = (current.metadata.ownerReferences ?? []) + [Self.controllerReference(to: owner)]
        }
    }

    private func release(_ pod: Pod, from owner: Owner) {
        _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name) { (current: inout Pod) throws(APIError) in
            let kept = (current.metadata.ownerReferences ?? []).filter { $0.uid != owner.uid }
            current.metadata.ownerReferences = kept.isEmpty ? nil : kept
        }
    }

    /// `controller.ActivePods` order: the pods cheapest to lose come first.
    static func deletesFirst(_ lhs: Pod, _ rhs: Pod) -> Bool {
        let lhsAssigned = !(lhs.spec?.nodeName ?? "").isEmpty, rhsAssigned = !(rhs.spec?.nodeName ?? "").isEmpty
        if lhsAssigned != rhsAssigned { return !lhsAssigned }
        func phaseRank(_ pod: Pod) -> Int {
            switch pod.status?.phase {
            case .pending?: 0
            case .unknown?: 1
            case .running?: 2
            default: 0
            }
        }
        if phaseRank(lhs) != phaseRank(rhs) { return phaseRank(lhs) < phaseRank(rhs) }
        if lhs.isReady != rhs.isReady { return !lhs.isReady }
        let lhsRestarts = lhs.status?.containerStatuses?.map(\.restartCount).max() ?? 0
        let rhsRestarts = rhs.status?.containerStatuses?.map(\.restartCount).max() ?? 0
        if lhsRestarts != rhsRestarts { return lhsRestarts > rhsRestarts }
        let lhsCreated = lhs.metadata.creationTimestamp?.instant.nanosecondsSinceEpoch ?? 0
        let rhsCreated = rhs.metadata.creationTimestamp?.instant.nanosecondsSinceEpoch ?? 0
        if lhsCreated != rhsCreated { return lhsCreated > rhsCreated }
        return lhs.name < rhs.name
    }

    private func updateStatus(of owner: Owner, pods: [Pod]) {
        let active = pods.filter(\.isActive)
        let templateLabels = owner.podTemplate?.metadata?.labels ?? [:]
        let now = loop.now
        var status = owner.replicaStatus ?? ReplicationControllerStatus()
        status.replicas = active.count
        status.fullyLabeledReplicas = active.filter { pod in templateLabels.allSatisfy { pod.labels[$0.key] == $0.value } }.count
        status.readyReplicas = active.filter(\.isReady).count
        status.availableReplicas = active.filter { pod in
            guard pod.isReady else { return false }
            guard owner.minReadySeconds > 0 else { return true }
            let since = pod.status?.condition(PodCondition.ready)?.lastTransitionTime?.instant ?? now
            return since + .seconds(Int64(owner.minReadySeconds)) <= now
        }.count
        status.observedGeneration = owner.metadata.generation
        guard status != owner.replicaStatus else { return }
        var updated = owner
        updated.replicaStatus = status
        _ = try? client.updateStatus(updated)
    }
}
