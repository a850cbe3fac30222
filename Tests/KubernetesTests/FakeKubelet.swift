@testable import ControlPlane
@testable import KubernetesAPI
import Simulation

/// A stand-in kubelet for tests (kept alive by its own watch and timers): registers its node, posts heartbeats, marks bound pods Running
/// (and Ready unless told otherwise) and finishes graceful deletions.
final class FakeKubelet {
    let nodeName: String
    let client: any KubernetesClient
    let loop: EventLoop
    let address: String
    var isReadyPod: (Pod) -> Bool = { _ in true }
    /// How long stopping a pod's containers takes before the delete is finished.
    var terminationDelay: Duration = .seconds(1)
    private var watch: WatchHandle?
    private var heartbeat: TimerID?
    private var nextIP = 2
    private let podSubnet: Int

    init(client: any KubernetesClient, loop: EventLoop, nodeName: String, index: Int, cpu: String = "2", memory: String = "2Gi", labels: [String: String] = [:]) throws {
        self.client = client
        self.loop = loop
        self.nodeName = nodeName
        self.podSubnet = index
        self.address = "10.240.0.\(index + 10)"
        let now = Timestamp.seconds(of: loop.now)
        var nodeLabels = ["kubernetes.io/hostname": nodeName, "beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64"]
        nodeLabels.merge(labels) { _, new in new }
        let capacity: ResourceList = ["cpu": try Quantity(parsing: cpu), "memory": try Quantity(parsing: memory), "pods": Quantity(110)]
        var node = Node(metadata: ObjectMeta(name: nodeName, labels: nodeLabels))
        node.status = NodeStatus(
            capacity: capacity, allocatable: capacity,
            conditions: [NodeCondition(type: NodeCondition.ready, status: .true, lastHeartbeatTime: now, lastTransitionTime: now, reason: "KubeletReady", message: "kubelet is posting ready status")],
            addresses: [NodeAddress(type: "InternalIP", address: address), NodeAddress(type: "Hostname", address: nodeName)])
        _ = try client.create(node)
        start()
    }

    func start() {
        let selector = Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: nodeName)])
        watch = try? client.watch(Pod.self, namespace: nil, options: ListOptions(fieldSelector: selector)) { event in
            self.handle(event)
        }
        scheduleHeartbeat()
    }

    /// The node dies: no more heartbeats, pods left as they are.
    func stop() {
        watch?.stop()
        watch = nil
        if let heartbeat { loop.cancel(heartbeat) }
        heartbeat = nil
    }

    private func scheduleHeartbeat() {
        heartbeat = loop.schedule(after: .seconds(10)) { [self] in
            let now = Timestamp.seconds(of: self.loop.now)
            _ = try? self.client.modify(Node.self, namespace: nil, name: self.nodeName, status: true) { (node: inout Node) throws(APIError) in
                var conditions = node.status?.conditions ?? []
                if let index = conditions.firstIndex(where: { $0.type == NodeCondition.ready }) {
                    if conditions[index].status != .true { conditions[index].lastTransitionTime = now }
                    conditions[index].status = .true
                    conditions[index].lastHeartbeatTime = now
                    conditions[index].reason = "KubeletReady"
                    conditions[index].message = "kubelet is posting ready status"
                }
                node.status?.conditions = conditions
            }
            self.scheduleHeartbeat()
        }
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        guard event.type != .deleted else { return }
        if pod.metadata.deletionTimestamp != nil {
            let name = pod.name, namespace = pod.namespace
            loop.schedule(after: terminationDelay) { [self] in
                _ = try? self.client.delete(Pod.self, namespace: namespace, name: name, options: DeleteOptions(gracePeriodSeconds: 0))
            }
            return
        }
        let shouldBeReady = isReadyPod(pod)
        if pod.status?.phase == .running, pod.isReady == shouldBeReady { return }
        let now = Timestamp.seconds(of: loop.now)
        let ip = pod.status?.podIP ?? "10.244.\(podSubnet).\(nextIP)"
        if pod.status?.podIP == nil { nextIP += 1 }
        _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name, status: true) { (current: inout Pod) throws(APIError) in
            var status = current.status ?? PodStatus()
            status.phase = .running
            status.hostIP = self.address
            status.podIP = ip
            status.startTime = status.startTime ?? now
            status.setCondition(PodCondition.initialized, .true, at: now)
            status.setCondition(PodCondition.ready, shouldBeReady ? .true : .false, at: now)
            status.containerStatuses = (current.spec?.containers ?? []).map {
                ContainerStatus(name: $0.name, state: ContainerState(running: ContainerStateRunning(startedAt: now)), ready: shouldBeReady, image: $0.image ?? "")
            }
            current.status = status
        }
    }

    /// Re-evaluates readiness of the node's pods (after `isReadyPod` changed).
    func refresh() {
        let selector = Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: nodeName)])
        for pod in (try? client.list(Pod.self, fieldSelector: selector).items) ?? [] {
            handle(WatchEvent(type: .modified, object: pod))
        }
    }
}

/// Builders and waiting helpers shared by the tests.
enum Fixtures {
    static func container(_ name: String = "kubia", image: String = "luksa/kubia", port: Int32? = 8080, cpu: String? = nil) -> Container {
        var container = Container(name: name, image: image, ports: port.map { [ContainerPort(containerPort: $0)] })
        if let cpu, let quantity = try? Quantity(parsing: cpu) {
            container.resources = ResourceRequirements(requests: ["cpu": quantity])
        }
        return container
    }

    static func pod(_ name: String, namespace: String? = nil, labels: [String: String]? = nil, cpu: String? = nil, nodeSelector: [String: String]? = nil) -> Pod {
        Pod(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), spec: PodSpec(containers: [container(cpu: cpu)], nodeSelector: nodeSelector))
    }

    static func replicationController(_ name: String, replicas: Int32, labels: [String: String] = ["app": "kubia"]) -> ReplicationController {
        ReplicationController(
            metadata: ObjectMeta(name: name),
            spec: ReplicationControllerSpec(
                replicas: replicas, selector: labels,
                template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container()]))))
    }

    /// A started control plane with `nodes` fake kubelets.
    static func cluster(seed: UInt64 = 42, nodes: Int = 3, cloud: Bool = false) throws -> (EventLoop, ControlPlane, [FakeKubelet]) {
        let loop = EventLoop(seed: seed)
        let provider: (any CloudProvider)? = cloud
            ? SimulatedCloudProvider(externalRange: IPv4Range(parsing: "35.190.0.0/16") ?? IPv4Range(base: 0, prefixLength: 16), provisioningDelay: .seconds(45), random: SeededRandom(seed: seed))
            : nil
        let plane = ControlPlane(loop: loop, cloudProvider: provider)
        try plane.start()
        var kubelets: [FakeKubelet] = []
        for index in 0..<nodes {
            kubelets.append(try FakeKubelet(client: plane.client(), loop: loop, nodeName: "node-\(index + 1)", index: index + 1))
        }
        loop.runReady()
        return (loop, plane, kubelets)
    }

    static func pods(_ client: any KubernetesClient, namespace: String = "default", selector: String = "") -> [Pod] {
        let parsed = (try? Labels.Selector.parse(selector)) ?? .everything
        return (try? client.list(Pod.self, namespace: namespace, labelSelector: parsed).items) ?? []
    }

    static func events(_ client: any KubernetesClient, reason: String) -> [Event] {
        ((try? client.list(Event.self).items) ?? []).filter { $0.reason == reason }
    }
}

extension EventLoop {
    /// Runs until `condition` holds or `limit` of virtual time passes.
    @discardableResult
    func settle(within limit: Duration = .seconds(120), _ condition: () -> Bool) -> Bool {
        run(until: condition, limit: now + limit)
    }
}
