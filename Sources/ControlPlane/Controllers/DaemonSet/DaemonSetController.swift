import KubernetesAPI
import Simulation
import StructuredData

/// The daemon set controller (`pkg/controller/daemon`, 1.8): one pod per node the template's
/// node name, node selector and tolerations accept, bound to the node by the controller itself
/// (the scheduler never sees daemon pods). Pods go away when their node stops qualifying (a
/// label changes) and come when a node starts to; failed pods are replaced; status counts nodes.
public final class DaemonSetController: Controller {
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let recorder: EventRecorder
    private let setInformer: SharedInformer<DaemonSet>
    private let podInformer: SharedInformer<Pod>
    private let nodeInformer: SharedInformer<Node>
    private lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.sync(key) }
    private var handlers: [WatchHandle] = []
    /// What of each node decides where daemon pods go, as last seen.
    private var placements: [String: NodePlacement] = [:]
    /// The most pods one sync creates (`BurstReplicas`).
    private let burstReplicas = 250

    public init(context: ControllerContext) {
        client = context.client
        loop = context.loop
        setInformer = context.informers.informer(for: DaemonSet.self)
        podInformer = context.informers.pods
        nodeInformer = context.informers.nodes
        // 1.8's controller reported as "daemon-set"; later releases as "daemonset-controller".
        recorder = EventRecorder(client: client, loop: loop, component: "daemon-set")
    }

    public func start() throws(APIError) {
        handlers.append(try setInformer.addEventHandler { [weak self] event in
            guard event.type != .deleted else { return }
            self?.queue.add(ObjectKey.make(namespace: event.object.namespace, name: event.object.name))
        })
        handlers.append(try podInformer.addEventHandler { [weak self] event in self?.handle(event) })
        handlers.append(try nodeInformer.addEventHandler { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
    }

    /// 1.8's `updateNode`: an update that leaves the node's labels, taints and true conditions
    /// as they were (a kubelet's heartbeat) cannot change where daemon pods belong.
    private func handle(_ event: WatchEvent<Node>) {
        let node = event.object
        guard event.type != .deleted else {
            placements[node.name] = nil
            enqueueAll()
            return
        }
        let placement = NodePlacement(node)
        if event.type == .modified, placements[node.name] == placement { return }
        placements[node.name] = placement
        enqueueAll()
    }

    private func enqueueAll() {
        for set in setInformer.list() { queue.add(ObjectKey.make(namespace: set.namespace, name: set.name)) }
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        if let reference = pod.metadata.controllerReference {
            guard reference.kind == DaemonSet.resource.kind else { return }
            queue.add(ObjectKey.make(namespace: pod.namespace, name: reference.name))
            return
        }
        guard event.type != .deleted, pod.isActive else { return }
        for set in setInformer.list(namespace: pod.namespace) where set.podSelector.matches(pod.labels) {
            queue.add(ObjectKey.make(namespace: set.namespace, name: set.name))
        }
    }

    // MARK: Reconcile

    private func sync(_ key: String) {
        let (namespace, name) = ObjectKey.split(key)
        guard let set = setInformer.get(namespace: namespace, name: name) else { return }
        let selector = set.podSelector
        var pods = claimPods(of: set, selector: selector)
        let nodes = nodeInformer.list().sorted { $0.name < $1.name }
        if set.metadata.deletionTimestamp == nil {
            manage(set, pods: pods, nodes: nodes)
            pods = claimPods(of: set, selector: selector)
        }
        updateStatus(of: set, pods: pods, nodes: nodes)
    }

    /// The pods the set controls, after adopting matching orphans and releasing pods that no longer match.
    private func claimPods(of set: DaemonSet, selector: Labels.Selector) -> [Pod] {
        var owned: [Pod] = []
        for pod in podInformer.list(namespace: set.namespace).sorted(by: { $0.name < $1.name }) {
            if let reference = pod.metadata.controllerReference {
                guard reference.uid == set.uid else { continue }
                if selector.matches(pod.labels) {
                    owned.append(pod)
                } else {
                    _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name) { (current: inout Pod) throws(APIError) in
                        let kept = (current.metadata.ownerReferences ?? []).filter { $0.uid != set.uid }
                        current.metadata.ownerReferences = kept.isEmpty ? nil : kept
                    }
                }
            } else if set.metadata.deletionTimestamp == nil, pod.isActive, selector.matches(pod.labels) {
                let adopted = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name) { (current: inout Pod) throws(APIError) in
                    guard current.metadata.controllerReference == nil else { return }
                    current.metadata.ownerReferences = (current.metadata.ownerReferences ?? []) + [Self.controllerReference(to: set)]
                }
                if let adopted, adopted.metadata.controllerReference?.uid == set.uid { owned.append(adopted) }
            }
        }
        return owned
    }

    /// Whether a node should run the set's pod, and whether a pod already there may stay
    /// (`nodeShouldRunDaemonPod`): the template's node name and node selector must match, and
    /// every NoSchedule taint be tolerated (NoExecute ones too, for a pod to stay).
    static func placement(of set: DaemonSet, on node: Node) -> (shouldRun: Bool, mayStay: Bool) {
        let spec = set.spec?.template?.spec
        if let nodeName = spec?.nodeName, !nodeName.isEmpty, nodeName != node.name { return (false, false) }
        let labels = node.labels
        if let selector = spec?.nodeSelector, !selector.allSatisfy({ labels[$0.key] == $0.value }) { return (false, false) }
        let tolerations = daemonTolerations(spec?.tolerations ?? [])
        var shouldRun = true
        var mayStay = true
        for taint in node.spec?.taints ?? [] where !tolerations.contains(where: { $0.tolerates(taint) }) {
            if taint.effect == "NoSchedule" { shouldRun = false }
            if taint.effect == "NoExecute" { shouldRun = false; mayStay = false }
        }
        return (shouldRun, mayStay)
    }

    private func manage(_ set: DaemonSet, pods: [Pod], nodes: [Node]) {
        let byNode = Dictionary(grouping: pods.filter { $0.metadata.deletionTimestamp == nil }) { $0.spec?.nodeName ?? "" }
        var creations: [String] = []
        var deletions: [Pod] = []
        var otherPods: [String: [Pod]]?
        for node in nodes {
            let (shouldRun, mayStay) = Self.placement(of: set, on: node)
            let here = (byNode[node.name] ?? []).sorted(by: Self.olderFirst)
            if mayStay || shouldRun {
                let failed = here.filter { $0.status?.phase == .failed }
                for pod in failed {
                    recorder.record(set, type: Event.warning, reason: "FailedDaemonPod",
                                    message: "Found failed daemon pod \(pod.namespace)/\(pod.name) on node \(node.name), will try to kill it")
                }
                deletions += failed
                let running = here.filter { $0.status?.phase != .failed }
                if running.isEmpty, shouldRun {
                    // Grouped once per sync, and only when a pod is to be placed.
                    let others = otherPods ?? Dictionary(grouping: podInformer.list().filter {
                        $0.metadata.controllerReference?.uid != set.uid && $0.status?.phase != .succeeded && $0.status?.phase != .failed
                    }) { $0.spec?.nodeName ?? "" }
                    otherPods = others
                    if let shortage = Self.insufficientResource(for: set, on: node, otherPods: others[node.name] ?? []) {
                        recorder.record(set, reason: "FailedPlacement", message: "failed to place pod on \"\(node.name)\": \(shortage)")
                    } else {
                        creations.append(node.name)
                    }
                } else if running.count > 1 {
                    deletions += running.dropFirst()
                }
            } else {
                deletions += here
            }
        }
        // Pods on nodes that are gone.
        let known = Set(nodes.map(\.name))
        for (nodeName, stray) in byNode where !known.contains(nodeName) { deletions += stray }
        let desired = nodes.filter { Self.placement(of: set, on: $0).shouldRun }.count
        deletions += rollingUpdateVictims(set, pods: pods, desired: desired, excluding: Set(deletions.map(\.name)))
        for nodeName in creations.prefix(burstReplicas) { createPod(for: set, on: nodeName) }
        for pod in deletions.sorted(by: { $0.name < $1.name }) {
            do {
                try client.delete(Pod.self, namespace: pod.namespace, name: pod.name)
                recorder.record(set, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
            } catch where error.reason == .notFound {
                continue
            } catch {
                recorder.record(set, type: Event.warning, reason: "FailedDelete", message: "Error deleting: \(error.message)")
            }
        }
    }

    /// The resource predicate 1.8's controller ran before placing a pod (`simulate`): the requests
    /// of the node's other live pods plus the daemon pod's must fit its allocatable. Returns the last
    /// shortage as `InsufficientResourceError` words it, or nil when the pod fits.
    static func insufficientResource(for set: DaemonSet, on node: Node, otherPods: [Pod]) -> String? {
        guard let spec = set.spec?.template?.spec else { return nil }
        let info = NodeInfo(node: node)
        for pod in otherPods { info.add(PodUsage(pod)) }
        let usage = PodUsage(Pod(metadata: ObjectMeta(), spec: spec))
        var shortage: String?
        func check(_ name: String, requested: Int64, used: Int64, capacity: Int64) {
            if capacity < requested + used {
                shortage = "Node didn't have enough resource: \(name), requested: \(requested), used: \(used), capacity: \(capacity)"
            }
        }
        check("pods", requested: 1, used: Int64(info.podCount), capacity: Int64(info.allowedPods))
        if usage.milliCPU > 0 || usage.memory > 0 {
            check("cpu", requested: usage.milliCPU, used: info.requestedMilliCPU, capacity: info.allocatableMilliCPU)
            check("memory", requested: usage.memory, used: info.requestedMemory, capacity: info.allocatableMemory)
        }
        return shortage
    }

    /// With the RollingUpdate strategy, old pods are deleted while no more than `maxUnavailable`
    /// nodes are without an available pod; each deleted pod is then made afresh from the new template.
    private func rollingUpdateVictims(_ set: DaemonSet, pods: [Pod], desired: Int, excluding: Set<String>) -> [Pod] {
        guard set.spec?.updateStrategy?.type == "RollingUpdate" else { return [] }
        let live = pods.filter { $0.metadata.deletionTimestamp == nil && !excluding.contains($0.name) }
        let old = live.filter { !isUpdated($0, set: set) }
        guard !old.isEmpty else { return [] }
        let limit = Self.maxUnavailable(set, desired: max(desired, 1))
        let unavailable = pods.filter { !$0.isReady || $0.metadata.deletionTimestamp != nil }.count
        let budget = max(0, limit - unavailable)
        return Array(old.filter(\.isReady).sorted { $0.name < $1.name }.prefix(budget)) + old.filter { !$0.isReady }
    }

    static func maxUnavailable(_ set: DaemonSet, desired: Int) -> Int {
        switch set.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? .int(1) {
        case .int(let number): return max(Int(number), 1)
        case .string(let text):
            let percent = min(Int(text.dropLast()) ?? 0, 100)
            return max((desired * percent + 99) / 100, 1)
        }
    }

    private func createPod(for set: DaemonSet, on nodeName: String) {
        guard let template = set.spec?.template else { return }
        var labels = template.metadata?.labels ?? [:]
        labels[Self.generationLabel] = String(set.templateGeneration)
        labels[Self.hashLabel] = Self.templateHash(template)
        var metadata = ObjectMeta(generateName: set.name + "-", namespace: set.namespace, labels: labels,
                                  annotations: template.metadata?.annotations, ownerReferences: [Self.controllerReference(to: set)])
        metadata.finalizers = template.metadata?.finalizers
        var spec = template.spec
        spec?.nodeName = nodeName
        let tolerations = Self.daemonTolerations(spec?.tolerations ?? [])
        spec?.tolerations = tolerations
        do {
            let created = try client.create(Pod(metadata: metadata, spec: spec))
            recorder.record(set, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
        } catch {
            recorder.record(set, type: Event.warning, reason: "FailedCreate", message: "Error creating: \(error.message)")
        }
    }

    private func updateStatus(of set: DaemonSet, pods: [Pod], nodes: [Node]) {
        let byNode = Dictionary(grouping: pods) { $0.spec?.nodeName ?? "" }
        let minimum = Duration.seconds(Int64(set.spec?.minReadySeconds ?? 0))
        var status = set.status ?? DaemonSetStatus()
        var desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0
        for node in nodes {
            let here = byNode[node.name] ?? []
            if Self.placement(of: set, on: node).shouldRun {
                desired += 1
                guard let pod = here.sorted(by: Self.olderFirst).first else { continue }
                current += 1
                if pod.isReady {
                    ready += 1
                    if minimum == .zero || Self.readySince(pod).map({ $0 + minimum <= loop.now }) ?? false { available += 1 }
                }
                if isUpdated(pod, set: set) { updated += 1 }
            } else if !here.isEmpty {
                misscheduled += 1
            }
        }
        status.desiredNumberScheduled = Int32(clamping: desired)
        status.currentNumberScheduled = Int32(clamping: current)
        status.numberMisscheduled = Int32(clamping: misscheduled)
        status.numberReady = Int32(clamping: ready)
        status.updatedNumberScheduled = Int32(clamping: updated)
        status.numberAvailable = Int32(clamping: available)
        status.numberUnavailable = Int32(clamping: desired - available)
        status.observedGeneration = set.metadata.generation
        if minimum > .zero, ready > available { queue.add(ObjectKey.make(namespace: set.namespace, name: set.name), after: minimum) }
        guard status != set.status else { return }
        var changed = set
        changed.status = status
        _ = try? client.updateStatus(changed)
    }

    private func isUpdated(_ pod: Pod, set: DaemonSet) -> Bool {
        let labels = pod.labels
        if let hash = labels[Self.hashLabel] { return hash == Self.templateHash(set.spec?.template) }
        return labels[Self.generationLabel] == String(set.templateGeneration)
    }

    private static func readySince(_ pod: Pod) -> VirtualInstant? {
        pod.status?.conditions?.first { $0.type == PodCondition.ready }?.lastTransitionTime?.instant
    }

    private static func olderFirst(_ left: Pod, _ right: Pod) -> Bool {
        let leftTime = left.metadata.creationTimestamp, rightTime = right.metadata.creationTimestamp
        if leftTime != rightTime, let leftTime, let rightTime { return leftTime < rightTime }
        return left.name < right.name
    }
}

extension DaemonSetController {
    static let generationLabel = "pod-template-generation"
    static let hashLabel = "controller-revision-hash"

    /// The tolerations 1.8 adds to every daemon pod, so node problems neither evict it nor keep it off a node.
    static func daemonTolerations(_ tolerations: [Toleration]) -> [Toleration] {
        var result = tolerations
        for (key, effect) in [("node.alpha.kubernetes.io/notReady", "NoExecute"), ("node.alpha.kubernetes.io/unreachable", "NoExecute"),
                              ("node.kubernetes.io/disk-pressure", "NoSchedule"), ("node.kubernetes.io/memory-pressure", "NoSchedule")]
        where !result.contains(where: { $0.key == key && $0.effect == effect }) {
            result.append(Toleration(key: key, operator: "Exists", effect: effect))
        }
        return result
    }

    /// The template's FNV-32a hash in decimal, as 1.8 labelled daemon pods with it.
    static func templateHash(_ template: PodTemplateSpec?) -> String {
        var hash: UInt32 = 2_166_136_261
        let text = (try? JSONValueEncoder().encode(template))?.jsonText() ?? ""
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return String(hash)
    }

    /// 1.8's daemon set controller names its kind in the extensions group whatever version made the set.
    static func controllerReference(to set: DaemonSet) -> OwnerReference {
        OwnerReference(apiVersion: "extensions/v1beta1", kind: DaemonSet.resource.kind, name: set.name, uid: set.uid,
                       controller: true, blockOwnerDeletion: true)
    }
}

/// What of a node decides whether daemon pods belong on it (`nodeInSameCondition` compares
/// only the conditions that are true).
private struct NodePlacement: Equatable {
    var labels: [String: String]
    var taints: [Taint]
    var trueConditions: Set<String>

    init(_ node: Node) {
        labels = node.labels
        taints = node.spec?.taints ?? []
        trueConditions = Set((node.status?.conditions ?? []).filter { $0.status == .true }.map(\.type))
    }
}
