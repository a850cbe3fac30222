import Simulation

/// The default scheduler: watches pods without a node, filters and scores the nodes, binds the
/// pod to the best one, and reports `Scheduled` or `FailedScheduling`. Unschedulable pods retry
/// with back-off and whenever nodes or pods change.
public final class Scheduler {
    public let schedulerName: String
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let messages: SchedulerMessages
    private let recorder: EventRecorder
    private var watches: [WatchHandle] = []

    private var nodes: [String: NodeInfo] = [:]
    /// The nodes in name order, so every pass looks at them in the same order.
    private var sortedNodes: [NodeInfo] = []
    /// Pods placed on nodes: their node, usage and controlling owner.
    private var placed: [String: (node: String, usage: PodUsage, owner: String?)] = [:]
    private var ownerCounts: [String: [String: Int]] = [:]
    /// Pods waiting for a node, by key.
    private var pending: [String: Pod] = [:]
    private var queue: [String] = []
    private var queued: Set<String> = []
    private var unschedulable: Set<String> = []
    private var backoff: [String: Duration] = [:]
    private var retryTimers: [String: TimerID] = [:]
    private var isDraining = false
    private var lastNodeIndex = 0

    public init(client: any KubernetesClient, loop: EventLoop, schedulerName: String = "default-scheduler", messages: SchedulerMessages = .kubernetes18) {
        self.client = client
        self.loop = loop
        self.schedulerName = schedulerName
        self.messages = messages
        self.recorder = EventRecorder(client: client, loop: loop, component: schedulerName)
    }

    /// Starts watching nodes and pods.
    public func start() throws(APIError) {
        watches.append(try client.watch(Node.self) { [weak self] event in self?.handle(event) })
        watches.append(try client.watch(Pod.self) { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for watch in watches { watch.stop() }
        watches.removeAll()
        for timer in retryTimers.values { loop.cancel(timer) }
        retryTimers.removeAll()
    }

    // MARK: Watch events

    private func handle(_ event: WatchEvent<Node>) {
        let node = event.object
        switch event.type {
        case .deleted:
            nodes[node.name] = nil
            sortedNodes.removeAll { $0.name == node.name }
        case .added, .modified:
            if let info = nodes[node.name] {
                let relevantChange = Self.schedulingView(info.node) != Self.schedulingView(node)
                info.update(node)
                if relevantChange { retryUnschedulable() }
                return
            }
            let info = NodeInfo(node: node)
            nodes[node.name] = info
            let position = sortedNodes.firstIndex { $0.name > node.name } ?? sortedNodes.count
            sortedNodes.insert(info, at: position)
        }
        retryUnschedulable()
    }

    /// What of a node matters for placement (heartbeats alone change nothing).
    private static func schedulingView(_ node: Node) -> [String] {
        [
            String(Predicates.isSchedulable(node)), Labels.format(node.labels),
            (node.spec?.taints ?? []).map { "\($0.key)=\($0.value ?? ""):\($0.effect)" }.joined(separator: ","),
            (node.status?.allocatable ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
            String(node.status?.condition(NodeCondition.memoryPressure)?.status == .true),
            String(node.status?.condition(NodeCondition.diskPressure)?.status == .true),
        ]
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        let key = ObjectKey.make(namespace: pod.namespace, name: pod.name)
        let nodeName = pod.spec?.nodeName ?? ""
        let gone = event.type == .deleted || pod.isTerminated
        if !nodeName.isEmpty || gone {
            pending[key] = nil
            unschedulable.remove(key)
            if gone {
                if unplace(key) { retryUnschedulable() }
            } else {
                place(key, pod: pod, node: nodeName)
            }
            return
        }
        guard pod.spec?.schedulerName ?? "default-scheduler" == schedulerName, pod.metadata.deletionTimestamp == nil else {
            pending[key] = nil
            return
        }
        pending[key] = pod
        if !unschedulable.contains(key) { enqueue(key) }
    }

    private func place(_ key: String, pod: Pod, node: String) {
        if let current = placed[key], current.node == node { return }
        unplace(key)
        let usage = PodUsage(pod)
        let owner = pod.metadata.controllerReference?.uid
        placed[key] = (node, usage, owner)
        nodes[node]?.add(usage)
        if let owner { ownerCounts[owner, default: [:]][node, default: 0] += 1 }
    }

    @discardableResult
    private func unplace(_ key: String) -> Bool {
        guard let entry = placed.removeValue(forKey: key) else { return false }
        nodes[entry.node]?.add(entry.usage, sign: -1)
        if let owner = entry.owner {
            ownerCounts[owner]?[entry.node, default: 1] -= 1
            if ownerCounts[owner]?[entry.node] == 0 { ownerCounts[owner]?[entry.node] = nil }
            if ownerCounts[owner]?.isEmpty == true { ownerCounts[owner] = nil }
        }
        return true
    }

    // MARK: Queue

    private func enqueue(_ key: String) {
        guard !queued.contains(key) else { return }
        queued.insert(key)
        queue.append(key)
        guard !isDraining else { return }
        isDraining = true
        loop.execute { [weak self] in self?.drain() }
    }

    private func retryUnschedulable() {
        guard !unschedulable.isEmpty else { return }
        let keys = unschedulable.sorted()
        unschedulable.removeAll()
        for key in keys {
            if let timer = retryTimers.removeValue(forKey: key) { loop.cancel(timer) }
            enqueue(key)
        }
    }

    private func drain() {
        var index = 0
        while index < queue.count {
            let key = queue[index]
            index += 1
            queued.remove(key)
            if let pod = pending[key] { schedule(pod, key: key) }
        }
        queue.removeAll()
        isDraining = false
    }

    // MARK: Scheduling one pod

    private func schedule(_ pod: Pod, key: String) {
        let usage = PodUsage(pod)
        var candidateCount = 0
        var fitting: [NodeInfo] = []
        var reasonCounts: [String: Int] = [:]
        for info in sortedNodes where info.isSchedulable {
            candidateCount += 1
            let failures = Predicates.failures(of: pod, usage: usage, on: info)
            if failures.isEmpty {
                fitting.append(info)
            } else {
                for reason in failures { reasonCounts[reason, default: 0] += 1 }
            }
        }
        guard candidateCount > 0 else {
            fail(pod, key: key, message: messages.noNodes)
            return
        }
        guard !fitting.isEmpty else {
            let reasons = reasonCounts.keys.sorted().map { (reason: $0, count: reasonCounts[$0] ?? 0) }
            fail(pod, key: key, message: messages.fitError(candidateCount, reasons))
            return
        }
        let owner = pod.metadata.controllerReference?.uid
        let counts = owner.flatMap { ownerCounts[$0] } ?? [:]
        let maxCount = counts.isEmpty ? 0 : fitting.map { counts[$0.name] ?? 0 }.max() ?? 0
        let tolerations = pod.spec?.tolerations ?? []
        var best: [String] = []
        var bestScore = Int64.min
        for info in fitting {
            let sameOwner = counts.isEmpty ? 0 : counts[info.name] ?? 0
            let score = Priorities.score(usage: usage, on: info, sameOwnerCount: sameOwner, maxSameOwnerCount: maxCount, tolerations: tolerations)
            if score > bestScore {
                bestScore = score
                best = [info.name]
            } else if score == bestScore {
                best.append(info.name)
            }
        }
        // Ties go round-robin, as `selectHost` does.
        let chosen = best[lastNodeIndex % best.count]
        lastNodeIndex += 1
        do {
            try client.bind(pod: pod.name, namespace: pod.namespace, to: chosen)
        } catch {
            if error.reason != .conflict && error.reason != .notFound {
                fail(pod, key: key, message: error.message)
            }
            return
        }
        pending[key] = nil
        backoff[key] = nil
        var bound = pod
        bound.spec?.nodeName = chosen
        place(key, pod: bound, node: chosen)
        recorder.record(pod, reason: "Scheduled", message: messages.scheduled(pod, chosen))
    }

    private func fail(_ pod: Pod, key: String, message: String) {
        recorder.record(pod, type: Event.warning, reason: "FailedScheduling", message: message)
        let now = Timestamp.seconds(of: loop.now)
        _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name, status: true) { (current: inout Pod) throws(APIError) in
            var status = current.status ?? PodStatus(phase: .pending)
            status.setCondition(PodCondition.podScheduled, .false, at: now, reason: "Unschedulable", message: message)
            current.status = status
        }
        unschedulable.insert(key)
        let delay = backoff[key].map { min($0 * 2, .seconds(60)) } ?? .seconds(1)
        backoff[key] = delay
        retryTimers[key] = loop.schedule(after: delay) { [weak self] in
            guard let self else { return }
            self.retryTimers[key] = nil
            if self.unschedulable.remove(key) != nil { self.enqueue(key) }
        }
    }
}
