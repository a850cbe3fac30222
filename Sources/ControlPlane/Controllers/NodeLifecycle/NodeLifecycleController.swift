import KubernetesAPI
import Simulation

/// Watches node heartbeats (`pkg/controller/node`): a node whose status has not been posted for
/// the grace period turns Unknown (NotReady) and its pods not ready; after the eviction timeout
/// its pods are deleted so their controllers replace them elsewhere. Pods of deleted nodes are
/// removed at once (the pod garbage collector). Nodes and pods are read from the shared informers.
public final class NodeLifecycleController: Controller {
    /// The era's timings.
    public struct Timing: Sendable {
        public var monitorPeriod: Duration = .seconds(5)
        public var monitorGracePeriod: Duration = .seconds(40)
        public var podEvictionTimeout: Duration = .seconds(300)
        public init() {}
    }

    private let client: any KubernetesClient
    private let loop: EventLoop
    private let timing: Timing
    private let recorder: EventRecorder
    private let nodeInformer: SharedInformer<Node>
    private let podInformer: SharedInformer<Pod>
    private var handlers: [WatchHandle] = []
    private var timer: TimerID?
    /// When the controller last saw each node's heartbeat change, and what it was.
    private var observed: [String: (heartbeat: Timestamp?, at: VirtualInstant)] = [:]
    /// When each node stopped being Ready, as the controller saw it.
    private var notReadySince: [String: VirtualInstant] = [:]
    private var evicted: Set<String> = []

    public init(context: ControllerContext) {
        self.client = context.client
        self.loop = context.loop
        self.timing = context.nodeTiming
        self.nodeInformer = context.informers.nodes
        self.podInformer = context.informers.pods
        self.recorder = EventRecorder(client: client, loop: loop, component: "controllermanager")
    }

    public func start() throws(APIError) {
        handlers.append(try nodeInformer.addEventHandler { [weak self] event in self?.handle(event) })
        scheduleMonitor()
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        if let timer { loop.cancel(timer) }
        timer = nil
    }

    private func scheduleMonitor() {
        timer = loop.schedule(after: timing.monitorPeriod) { [weak self] in
            self?.monitor()
            self?.scheduleMonitor()
        }
    }

    private func handle(_ event: WatchEvent<Node>) {
        let node = event.object
        switch event.type {
        case .added:
            observed[node.name] = (heartbeat(of: node), loop.now)
            recorder.record(node, reason: "RegisteredNode", message: "Node \(node.name) event: Registered Node \(node.name) in Controller")
        case .modified:
            let beat = heartbeat(of: node)
            if observed[node.name]?.heartbeat != beat { observed[node.name] = (beat, loop.now) }
            if node.isReady {
                notReadySince[node.name] = nil
                evicted.remove(node.name)
            }
        case .deleted:
            observed[node.name] = nil
            notReadySince[node.name] = nil
            evicted.remove(node.name)
            recorder.record(node, reason: "RemovingNode", message: "Node \(node.name) event: Removing Node \(node.name) from Controller")
            removePods(of: node.name)
        }
    }

    private func heartbeat(of node: Node) -> Timestamp? {
        node.status?.condition(NodeCondition.ready)?.lastHeartbeatTime
    }

    private func monitor() {
        let nodes = nodeInformer.list()
        let now = loop.now
        for node in nodes {
            let seen = observed[node.name] ?? (heartbeat(of: node), now)
            if observed[node.name] == nil { observed[node.name] = seen }
            let ready = node.status?.condition(NodeCondition.ready)
            if now - seen.at > timing.monitorGracePeriod, ready?.status != .unknown {
                markUnknown(node)
            }
            if !node.isReady {
                let since = notReadySince[node.name] ?? now
                notReadySince[node.name] = since
                if now - since >= timing.podEvictionTimeout, !evicted.contains(node.name) {
                    evicted.insert(node.name)
                    evictPods(of: node)
                }
            }
        }
    }

    /// The kubelet went quiet: every condition becomes Unknown and the node's pods not ready.
    private func markUnknown(_ node: Node) {
        let now = Timestamp.seconds(of: loop.now)
        let wasReady = node.isReady
        _ = try? client.modify(Node.self, namespace: nil, name: node.name, status: true) { (current: inout Node) throws(APIError) in
            var status = current.status ?? NodeStatus()
            var conditions = status.conditions ?? []
            if conditions.isEmpty {
                conditions = [NodeCondition(type: NodeCondition.ready, status: .unknown)]
            }
            for index in conditions.indices where conditions[index].status != .unknown {
                conditions[index].status = .unknown
                conditions[index].lastTransitionTime = now
                conditions[index].reason = "NodeStatusUnknown"
                conditions[index].message = "Kubelet stopped posting node status."
            }
            status.conditions = conditions
            current.status = status
        }
        if wasReady {
            notReadySince[node.name] = loop.now
            recorder.record(node, reason: "NodeNotReady", message: "Node \(node.name) status is now: NodeNotReady")
        }
        for pod in pods(on: node.name) where pod.isReady {
            _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name, status: true) { (current: inout Pod) throws(APIError) in
                var status = current.status ?? PodStatus()
                status.setCondition(PodCondition.ready, .false, at: now)
                current.status = status
            }
        }
    }

    private func evictPods(of node: Node) {
        // Daemon pods stay: their daemon set would only put them back on the node (1.8's `DeletePods`).
        let pods = pods(on: node.name).filter { $0.metadata.deletionTimestamp == nil && $0.metadata.controllerReference?.kind != DaemonSet.resource.kind }
        guard !pods.isEmpty else { return }
        recorder.record(node, reason: "DeletingAllPods", message: "Deleting all Pods from Node \(node.name).")
        for pod in pods {
            _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name, status: true) { (current: inout Pod) throws(APIError) in
                var status = current.status ?? PodStatus()
                status.reason = "NodeLost"
                status.message = "Node \(node.name) which was running pod \(pod.name) is unresponsive"
                current.status = status
            }
            recorder.record(node, reason: "NodeControllerEviction", message: "Marking for deletion Pod \(pod.name) from Node \(node.name)")
            _ = try? client.delete(Pod.self, namespace: pod.namespace, name: pod.name)
        }
    }

    /// Pods bound to a node that no longer exists go at once.
    private func removePods(of nodeName: String) {
        for pod in pods(on: nodeName) {
            _ = try? client.delete(Pod.self, namespace: pod.namespace, name: pod.name, options: DeleteOptions(gracePeriodSeconds: 0))
        }
    }

    private func pods(on nodeName: String) -> [Pod] {
        podInformer.list(options: .pods(onNode: nodeName))
    }
}
