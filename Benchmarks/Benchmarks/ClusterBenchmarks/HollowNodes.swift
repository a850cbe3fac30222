import KubernetesAPI
import Machine
import Simulation

/// Lightweight kubelets for a large simulated cluster: each registers its node and posts
/// heartbeats, and bound pods are marked Running and deletions finished, without containers.
/// One pod watch serves every node (rather than a watch per node) so that what is measured is
/// the control plane — API server, scheduler, controllers — not a thousand watch filters.
final class HollowNodes: PodRuntime {
    /// Each node's room, Kubernetes' default `--max-pods`.
    static let maxPods = 110

    let client: any KubernetesClient
    let loop: EventLoop
    private(set) var names: [String] = []
    private var dead: Set<String> = []
    private var watch: WatchHandle?
    /// Pods that exist, and pods marked Running, per node.
    private(set) var existingPods = 0
    private(set) var runningPods = 0
    private(set) var runningByNode: [String: Int] = [:]
    /// Pods the scheduler found no room for, and the reason it gave last.
    private var unschedulable: Set<String> = []
    private(set) var lastUnschedulableMessage: String?
    var unschedulablePods: Int { unschedulable.count }
    private var nextAddress = 0

    init(client: any KubernetesClient, loop: EventLoop, count: Int) throws {
        self.client = client
        self.loop = loop
        for index in 1...count {
            let name = "node-\(index)"
            names.append(name)
            try register(name, index: index)
        }
        watch = try client.watch(Pod.self) { [unowned self] event in self.handle(event) }
        scheduleHeartbeats()
    }

    /// The node stops posting heartbeats and stops looking after its pods.
    func fail(_ name: String) { dead.insert(name) }

    /// Room for more pods on the live nodes other than `excluded`.
    func freeSlots(excluding excluded: String) -> Int {
        names.reduce(0) { room, name in
            name == excluded || dead.contains(name) ? room : room + max(0, Self.maxPods - (runningByNode[name] ?? 0))
        }
    }

    func logs(namespace: String, pod: String, container: String, options: PodLogOptions) throws(APIError) -> any ReadableStream {
        BytesReader([])
    }

    func exec(namespace: String, pod: String, container: String, command: [String], tty: Bool,
              stdin: (any ReadableStream)?, stdout: any WritableStream, stderr: any WritableStream) async throws -> Int32 {
        0
    }

    /// Hollow pods run nothing, so there is no port to reach.
    func portForward(namespace: String, pod: String) throws(APIError) -> any PortForwardStream {
        throw .badRequest("hollow node: pod \"\(pod)\" runs no containers to forward to")
    }

    private func register(_ name: String, index: Int) throws {
        let now = Timestamp.seconds(of: loop.now)
        let capacity: ResourceList = ["cpu": try Quantity(parsing: "4"), "memory": try Quantity(parsing: "16Gi"), "pods": Quantity(Int64(Self.maxPods))]
        var node = Node(metadata: ObjectMeta(name: name, labels: ["kubernetes.io/hostname": name]))
        node.status = NodeStatus(
            capacity: capacity, allocatable: capacity,
            conditions: [NodeCondition(type: NodeCondition.ready, status: .true, lastHeartbeatTime: now, lastTransitionTime: now,
                                       reason: "KubeletReady", message: "kubelet is posting ready status")],
            addresses: [NodeAddress(type: "InternalIP", address: "10.\(index / 250).\(index % 250).1")])
        _ = try client.create(node)
    }

    private func scheduleHeartbeats() {
        loop.schedule(after: .seconds(10)) { [unowned self] in
            let now = Timestamp.seconds(of: self.loop.now)
            for name in self.names where !self.dead.contains(name) {
                _ = try? self.client.modify(Node.self, namespace: nil, name: name, status: true) { (node: inout Node) throws(APIError) in
                    guard var conditions = node.status?.conditions,
                          let ready = conditions.firstIndex(where: { $0.type == NodeCondition.ready }) else { return }
                    conditions[ready].lastHeartbeatTime = now
                    node.status?.conditions = conditions
                }
            }
            self.scheduleHeartbeats()
        }
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        let node = pod.spec?.nodeName
        let key = pod.namespace + "/" + pod.name
        if event.type != .deleted, (node ?? "").isEmpty, let scheduled = pod.status?.condition(PodCondition.podScheduled),
           scheduled.status == .false, scheduled.reason == "Unschedulable" {
            unschedulable.insert(key)
            lastUnschedulableMessage = scheduled.message
        } else {
            unschedulable.remove(key)
        }
        switch event.type {
        case .added:
            existingPods += 1
        case .deleted:
            existingPods -= 1
            if pod.status?.phase == .running, let node {
                runningPods -= 1
                runningByNode[node, default: 0] -= 1
            }
            return
        default:
            break
        }
        guard let node, !dead.contains(node) else { return }
        if pod.metadata.deletionTimestamp != nil {
            let name = pod.name, namespace = pod.namespace
            loop.schedule(after: .seconds(1)) { [unowned self] in
                _ = try? self.client.delete(Pod.self, namespace: namespace, name: name, options: DeleteOptions(gracePeriodSeconds: 0))
            }
            return
        }
        guard pod.status?.phase != .running else { return }
        nextAddress += 1
        let now = Timestamp.seconds(of: loop.now)
        let address = "10.\(128 + nextAddress / 65536).\(nextAddress / 256 % 256).\(nextAddress % 256)"
        _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name, status: true) { (current: inout Pod) throws(APIError) in
            var status = current.status ?? PodStatus()
            status.phase = .running
            status.podIP = address
            status.startTime = status.startTime ?? now
            status.setCondition(PodCondition.ready, .true, at: now)
            current.status = status
        }
        runningPods += 1
        runningByNode[node, default: 0] += 1
    }
}
