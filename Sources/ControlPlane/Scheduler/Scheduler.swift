import KubernetesAPI
import Simulation

/// The default scheduler: watches pods without a node, filters and scores the nodes, binds the
/// pod to the best one, and reports `Scheduled` or `FailedScheduling`. Unschedulable pods retry
/// with back-off and whenever nodes or pods change. Nodes and pods come through the cluster's
/// shared informers.
public final class Scheduler {
    public let schedulerName: String
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let messages: SchedulerMessages
    private let recorder: EventRecorder
    private let informers: SharedInformerFactory
    private var handlers: [WatchHandle] = []

    private let cache = SchedulerCache()
    /// Pods waiting for a node, by key.
    private var pending: [String: Pod] = [:]
    private var queue: [String] = []
    private var queued: Set<String> = []
    private var unschedulable: Set<String> = []
    private var backoff: [String: Duration] = [:]
    private var retryTimers: [String: TimerID] = [:]
    private var isDraining = false
    private var lastNodeIndex = 0
    /// Where the next pass over a large cluster starts, so that passes share the nodes out.
    private var nextStartNodeIndex = 0

    /// Without `informers` the scheduler has informers of its own.
    public init(client: any KubernetesClient, loop: EventLoop, informers: SharedInformerFactory? = nil, schedulerName: String = "default-scheduler",
                messages: SchedulerMessages = .kubernetes18) {
        self.client = client
        self.loop = loop
        self.informers = informers ?? SharedInformerFactory(client: client, loop: loop)
        self.schedulerName = schedulerName
        self.messages = messages
        self.recorder = EventRecorder(client: client, loop: loop, component: schedulerName)
    }

    /// Starts watching nodes and pods.
    public func start() throws(APIError) {
        handlers.append(try informers.nodes.addEventHandler { [weak self] event in self?.handle(event) })
        handlers.append(try informers.pods.addEventHandler { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        for timer in retryTimers.values { loop.cancel(timer) }
        retryTimers.removeAll()
    }

    // MARK: Watch events

    private func handle(_ event: WatchEvent<Node>) {
        switch event.type {
        case .deleted:
            cache.remove(nodeNamed: event.object.name)
        case .added, .modified:
            // Heartbeats alone change nothing placement reads.
            guard cache.update(event.object) else { return }
        }
        retryUnschedulable()
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
                if cache.unplace(key) { retryUnschedulable() }
            } else {
                cache.place(key, pod: pod, node: nodeName)
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
        let chosen: String
        switch selectHost(for: PodSchedulingFacts(pod), owner: pod.metadata.controllerReference?.uid) {
        case .noNodes:
            fail(pod, key: key, message: messages.noNodes)
            return
        case .noFit(let nodeCount, let reasons):
            fail(pod, key: key, message: messages.fitError(nodeCount, reasons))
            return
        case .node(let name):
            chosen = name
        }
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
        cache.place(key, pod: bound, node: chosen)
        recorder.record(pod, reason: "Scheduled", message: messages.scheduled(pod, chosen))
    }

    private enum HostChoice {
        case noNodes
        case noFit(nodeCount: Int, reasons: [(reason: String, count: Int)])
        case node(String)
    }

    /// Filters the nodes, scores those that fit and picks the best (ties round-robin, as
    /// `selectHost` does). A large cluster is not searched through: the pass stops once it has
    /// found `nodesToFind` nodes that fit, starting where the previous pass stopped.
    private func selectHost(for pod: PodSchedulingFacts, owner: String?) -> HostChoice {
        let nodes = cache.schedulableNodes
        guard !nodes.isEmpty else { return .noNodes }
        let wanted = Self.nodesToFind(among: nodes.count)
        let start = wanted < nodes.count ? nextStartNodeIndex % nodes.count : 0
        var fitting: [NodeInfo] = []
        fitting.reserveCapacity(wanted)
        var reasonCounts: [String: Int] = [:]
        var looked = 0
        while looked < nodes.count, fitting.count < wanted {
            let info = nodes[(start + looked) % nodes.count]
            looked += 1
            let failures = Predicates.failures(of: pod, on: info)
            if failures.isEmpty {
                fitting.append(info)
            } else {
                for reason in failures { reasonCounts[reason, default: 0] += 1 }
            }
        }
        if wanted < nodes.count { nextStartNodeIndex = (start + looked) % nodes.count }
        guard !fitting.isEmpty else {
            let reasons = reasonCounts.keys.sorted().map { (reason: $0, count: reasonCounts[$0] ?? 0) }
            return .noFit(nodeCount: nodes.count, reasons: reasons)
        }
        let counts = cache.podCounts(ofOwner: owner)
        func sameOwner(_ info: NodeInfo) -> Int { info.slot < counts.count ? counts[info.slot] : 0 }
        var maxCount = 0
        if !counts.isEmpty {
            for info in fitting { maxCount = max(maxCount, sameOwner(info)) }
        }
        var best: [NodeInfo] = []
        var bestScore = Int64.min
        for info in fitting {
            let score = Priorities.score(usage: pod.usage, on: info, sameOwnerCount: sameOwner(info), maxSameOwnerCount: maxCount,
                                         tolerations: pod.tolerations)
            if score > bestScore {
                bestScore = score
                best = [info]
            } else if score == bestScore {
                best.append(info)
            }
        }
        let chosen = best[lastNodeIndex % best.count]
        lastNodeIndex += 1
        return .node(chosen.name)
    }

    /// How many fitting nodes a pass looks for (`numFeasibleNodesToFind` with the adaptive
    /// `percentageOfNodesToScore` of later releases): every node up to 100, then a share that
    /// falls from 50% as the cluster grows, never under 5% nor under 100 nodes. Clusters of the
    /// book's size are searched exhaustively, as 1.8 did.
    static func nodesToFind(among nodeCount: Int) -> Int {
        let minimum = 100
        guard nodeCount > minimum else { return nodeCount }
        let percentage = max(5, 50 - nodeCount / 125)
        return max(minimum, nodeCount * percentage / 100)
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
