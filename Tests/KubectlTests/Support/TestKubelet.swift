import Kubectl
import KubernetesAPI
import Machine
import Simulation

/// A stand-in kubelet: registers its node, starts bound pods after a second (Running, Ready),
/// and finishes graceful deletions after a second.
final class TestKubelet {
    let nodeName: String
    let client: any KubernetesClient
    let loop: EventLoop
    private var watch: WatchHandle?
    private var nextIP = 4
    private let index: Int

    init(client: any KubernetesClient, loop: EventLoop, nodeName: String, index: Int) throws {
        self.client = client
        self.loop = loop
        self.nodeName = nodeName
        self.index = index
        let now = Timestamp.seconds(of: loop.now)
        let capacity: ResourceList = ["cpu": try Quantity(parsing: "2"), "memory": try Quantity(parsing: "2048Mi"), "pods": Quantity(110)]
        var node = Node(metadata: ObjectMeta(name: nodeName, labels: ["kubernetes.io/hostname": nodeName, "beta.kubernetes.io/os": "linux", "beta.kubernetes.io/arch": "amd64"]))
        node.status = NodeStatus(
            capacity: capacity, allocatable: capacity,
            conditions: [NodeCondition(type: NodeCondition.ready, status: .true, lastHeartbeatTime: now, lastTransitionTime: now, reason: "KubeletReady", message: "kubelet is posting ready status")],
            addresses: [NodeAddress(type: "InternalIP", address: "192.168.99.\(100 + index)"), NodeAddress(type: "Hostname", address: nodeName)])
        node.status?.nodeInfo = NodeSystemInfo(
            machineID: "m", systemUUID: "u", bootID: "b", kernelVersion: "4.9.13", osImage: "Buildroot 2017.02",
            containerRuntimeVersion: "docker://17.6.0", kubeletVersion: "v1.8.0", kubeProxyVersion: "v1.8.0",
            operatingSystem: "linux", architecture: "amd64")
        _ = try client.create(node)
        let selector = Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: nodeName)])
        watch = try client.watch(Pod.self, namespace: nil, options: ListOptions(fieldSelector: selector)) { [weak self] event in
            self?.handle(event)
        }
        heartbeat()
    }

    private func heartbeat() {
        loop.schedule(after: .seconds(10)) { [weak self] in
            guard let self else { return }
            let now = Timestamp.seconds(of: self.loop.now)
            _ = try? self.client.modify(Node.self, namespace: nil, name: self.nodeName, status: true) { (node: inout Node) throws(APIError) in
                for index in (node.status?.conditions ?? []).indices where node.status?.conditions?[index].type == NodeCondition.ready {
                    node.status?.conditions?[index].lastHeartbeatTime = now
                }
            }
            self.heartbeat()
        }
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        guard event.type != .deleted else { return }
        let name = pod.name, namespace = pod.namespace
        if pod.metadata.deletionTimestamp != nil {
            loop.schedule(after: .seconds(1)) { [client] in
                _ = try? client.delete(Pod.self, namespace: namespace, name: name, options: DeleteOptions(gracePeriodSeconds: 0))
            }
            return
        }
        guard pod.status?.phase != .running else { return }
        let ip = "172.17.0.\(nextIP)"
        nextIP += 1
        loop.schedule(after: .seconds(1)) { [client, loop, index] in
            let now = Timestamp.seconds(of: loop.now)
            _ = try? client.modify(Pod.self, namespace: namespace, name: name, status: true) { (current: inout Pod) throws(APIError) in
                var status = current.status ?? PodStatus()
                status.phase = .running
                status.hostIP = "192.168.99.\(100 + index)"
                status.podIP = ip
                status.startTime = status.startTime ?? now
                status.setCondition(PodCondition.initialized, .true, at: now)
                status.setCondition(PodCondition.ready, .true, at: now)
                status.containerStatuses = (current.spec?.containers ?? []).map {
                    ContainerStatus(name: $0.name, state: ContainerState(running: ContainerStateRunning(startedAt: now)), ready: true,
                                    image: $0.image ?? "", imageID: "docker-pullable://" + ($0.image ?? ""), containerID: "docker://0123456789abcdef")
                }
                current.status = status
            }
        }
    }
}

/// Logs, exec and port forwarding for the test cluster: each container's log is a fixed text;
/// exec echoes its command; port forwarding dials into a machine standing for the pod.
final class TestKubelets: PodRuntime {
    let client: any KubernetesClient
    let loop: EventLoop
    var logText: [String: String] = [:]
    /// Machines standing for pods' network namespaces, by pod name.
    var podMachines: [String: Machine] = [:]
    /// The streams port-forward opened, in order.
    private(set) var streams: [TestPortForward] = []

    init(client: any KubernetesClient, loop: EventLoop) {
        self.client = client
        self.loop = loop
    }

    func logs(namespace: String, pod: String, container: String, options: PodLogOptions) throws(APIError) -> any ReadableStream {
        let object = try client.get(Pod.self, namespace: namespace, name: pod)
        guard object.status?.phase == .running else {
            throw APIError.badRequest("container \(goQuotedText(container)) in pod \(goQuotedText(pod)) is waiting to start: ContainerCreating")
        }
        var text = logText[pod] ?? "Kubia server starting...\n"
        if let tail = options.tailLines {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            text = lines.suffix(tail).map { $0 + "\n" }.joined()
        }
        return BytesReader(Array(text.utf8))
    }

    func exec(namespace: String, pod: String, container: String, command: [String], tty: Bool,
              stdin: (any ReadableStream)?, stdout: any WritableStream, stderr: any WritableStream,
              signals: ExecSignalRelay?) async throws -> Int32 {
        _ = try client.get(Pod.self, namespace: namespace, name: pod)
        try stdout.write(Array((command.joined(separator: " ") + " in " + pod + "/" + container + "\n").utf8))
        return 0
    }

    func portForward(namespace: String, pod: String) throws(APIError) -> any PortForwardStream {
        _ = try client.get(Pod.self, namespace: namespace, name: pod)
        let stream = TestPortForward(stack: podMachines[pod]?.networkStack, pod: pod)
        streams.append(stream)
        return stream
    }
}

/// A port-forwarding stream into a test pod's machine; `lose()` breaks it as a node going down would.
final class TestPortForward: PortForwardStream {
    let stack: NetworkStack?
    let pod: String
    private(set) var isOpen = true
    private var lossHandlers: [() -> Void] = []

    init(stack: NetworkStack?, pod: String) {
        self.stack = stack
        self.pod = pod
    }

    func dial(port: Int) -> Result<Connection, PortForwardError> {
        if let stack, let connection = try? stack.connect(address: "127.0.0.1", port: port) { return .success(connection) }
        return .failure(PortForwardError(message: "error forwarding port \(port) to pod \(pod), uid : connection refused"))
    }

    func onLoss(_ handler: @escaping () -> Void) { lossHandlers.append(handler) }

    func lose() {
        isOpen = false
        let handlers = lossHandlers
        lossHandlers = []
        for handler in handlers { handler() }
    }

    func close() { isOpen = false }
}

func goQuotedText(_ text: String) -> String { "\"" + text + "\"" }
