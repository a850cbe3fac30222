import ImageReferences
import KubernetesAPI
import Kernel
import Simulation

/// The node agent: registers its node, posts heartbeats, and runs the pods bound to it through
/// the node's container runtime. It learns of its pods from the cluster's shared pod informer, told
/// only of the pods bound to its node.
public final class Kubelet {
    public let configuration: KubeletConfiguration
    public let client: any KubernetesClient
    public let informers: SharedInformerFactory
    public let machine: Machine
    public let runtime: any ContainerRuntime
    public let network: ClusterNetwork
    /// Answers a pod's name lookups: the name and the pod's search path (cluster DNS).
    public var nameResolver: ((String, [String]) -> NameAnswer?)?
    let recorder: EventRecorder
    var loop: EventLoop { machine.loop }
    private var watch: WatchHandle?
    private var heartbeat: TimerID?
    var workers: [String: PodWorker] = [:]
    private var usedAddresses: Set<UInt32> = []
    public private(set) var isRunning = false
    /// How often the node's status is posted.
    public var heartbeatInterval: Duration = .seconds(10)
    /// What to tell when the kubelet stops: its streams (port forwarding) break then.
    private var stopObservers: [Int: () -> Void] = [:]
    private var nextStopObserver = 0

    /// Without `informers` the kubelet has informers of its own.
    public init(configuration: KubeletConfiguration, client: any KubernetesClient, informers: SharedInformerFactory? = nil, machine: Machine,
                runtime: any ContainerRuntime, network: ClusterNetwork) {
        self.configuration = configuration
        self.client = client
        self.informers = informers ?? SharedInformerFactory(client: client, loop: machine.loop)
        self.machine = machine
        self.runtime = runtime
        self.network = network
        self.recorder = EventRecorder(client: client, loop: machine.loop, component: "kubelet", host: configuration.nodeName)
    }

    // MARK: Node

    /// Starts the kubelet: registers (or re-registers) the node and begins running its pods.
    public func start() throws(APIError) {
        guard !isRunning else { return }
        isRunning = true
        // A node without an external address (Minikube's VM) is reached at its internal one.
        network.assign(configuration.internalIP, to: machine.networkStack, fromOutside: configuration.externalIP == nil)
        if let external = configuration.externalIP { network.assign(external, to: machine.networkStack, fromOutside: true) }
        try register()
        watch = try informers.pods.addEventHandler(options: .pods(onNode: configuration.nodeName)) { [weak self] event in
            self?.handle(event)
        }
        scheduleHeartbeat()
        let pause = configuration.pauseImage
        if let reference = try? ImageReference(parsing: pause), reference.digest == nil, !runtime.isImagePresent(pause) {
            let runtime = self.runtime
            loop.spawn { try? await runtime.pullImage(pause) }
        }
    }

    /// Whether the node can reach the API server (false after its network interface went down).
    public private(set) var isConnected = true

    /// The node's network goes down while the machine keeps running: no more heartbeats or pod
    /// updates reach the API server, nothing reaches the node's addresses, and its containers
    /// run on unseen. Only a restart (`stop` then `start`) brings the node back.
    public func disconnect() {
        guard isRunning, isConnected else { return }
        isConnected = false
        watch?.stop()
        watch = nil
        if let heartbeat { loop.cancel(heartbeat) }
        heartbeat = nil
        network.release(configuration.internalIP)
        if let external = configuration.externalIP { network.release(external) }
    }

    /// The machine goes down: heartbeats stop, every container dies, addresses go away.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        isConnected = true
        let observers = stopObservers
        stopObservers = [:]
        for token in observers.keys.sorted() { observers[token]?() }
        watch?.stop()
        watch = nil
        if let heartbeat { loop.cancel(heartbeat) }
        heartbeat = nil
        for worker in workers.values.sorted(by: { $0.uid < $1.uid }) { worker.halt() }
        workers.removeAll()
        usedAddresses.removeAll()
        network.release(configuration.internalIP)
        if let external = configuration.externalIP { network.release(external) }
    }

    /// Calls `handler` when the kubelet stops; returns a token to remove it with.
    func observeStop(_ handler: @escaping () -> Void) -> Int {
        nextStopObserver += 1
        stopObservers[nextStopObserver] = handler
        return nextStopObserver
    }

    func removeStopObserver(_ token: Int) {
        stopObservers[token] = nil
    }

    private func nodeConditions(at now: Timestamp, previous: [NodeCondition]?) -> [NodeCondition] {
        let wanted: [(String, ConditionStatus, String, String)] = [
            (NodeCondition.outOfDisk, .false, "KubeletHasSufficientDisk", "kubelet has sufficient disk space available"),
            (NodeCondition.memoryPressure, .false, "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            (NodeCondition.diskPressure, .false, "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            (NodeCondition.ready, .true, "KubeletReady", "kubelet is posting ready status"),
        ]
        return wanted.map { type, status, reason, message in
            let old = previous?.first { $0.type == type }
            let transition = old?.status == status ? old?.lastTransitionTime ?? now : now
            return NodeCondition(type: type, status: status, lastHeartbeatTime: now, lastTransitionTime: transition, reason: reason, message: message)
        }
    }

    private func register() throws(APIError) {
        let now = Timestamp.seconds(of: loop.now)
        let name = configuration.nodeName
        var labels = ["beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/hostname": name]
        labels.merge(configuration.labels) { _, new in new }
        let capacity: ResourceList = [
            "cpu": (try? Quantity(parsing: configuration.cpu)) ?? Quantity(1),
            "memory": (try? Quantity(parsing: configuration.memory)) ?? Quantity(1),
            "pods": Quantity(Int64(configuration.maxPods)),
        ]
        var addresses = [NodeAddress(type: "InternalIP", address: configuration.internalIP)]
        if let external = configuration.externalIP { addresses.append(NodeAddress(type: "ExternalIP", address: external)) }
        addresses.append(NodeAddress(type: "Hostname", address: name))
        let info = NodeSystemInfo(
            machineID: machineIdentifier("machine"), systemUUID: machineIdentifier("uuid").uppercased(), bootID: machineIdentifier("boot"),
            kernelVersion: configuration.kernelVersion, osImage: configuration.osImage,
            containerRuntimeVersion: configuration.containerRuntimeVersion, kubeletVersion: configuration.kubeletVersion,
            kubeProxyVersion: configuration.kubeletVersion)
        let existing = try? client.get(Node.self, namespace: nil, name: name)
        var status = NodeStatus(capacity: capacity, allocatable: capacity, conditions: nodeConditions(at: now, previous: existing?.status?.conditions),
                                addresses: addresses, nodeInfo: info)
        status.daemonEndpoints = NodeDaemonEndpoints(kubeletEndpoint: DaemonEndpoint(port: 10250))
        if existing == nil {
            var node = Node(metadata: ObjectMeta(name: name, labels: labels),
                            spec: NodeSpec(podCIDR: configuration.podCIDR.description, externalID: name, providerID: configuration.providerID))
            node.status = status
            let created = try client.create(node)
            recorder.record(created, reason: "Starting", message: "Starting kubelet.")
            for reason in ["NodeHasSufficientDisk", "NodeHasSufficientMemory", "NodeHasNoDiskPressure"] {
                recorder.record(created, reason: reason, message: "Node \(name) status is now: \(reason)")
            }
            recorder.record(created, reason: "NodeAllocatableEnforced", message: "Updated Node Allocatable limit across pods")
            recorder.record(created, reason: "NodeReady", message: "Node \(name) status is now: NodeReady")
        } else {
            let updated = try client.modify(Node.self, namespace: nil, name: name, status: true) { (node: inout Node) throws(APIError) in
                node.status = status
            }
            recorder.record(updated, reason: "Starting", message: "Starting kubelet.")
            recorder.record(updated, type: Event.warning, reason: "Rebooted", message: "Node \(name) has been rebooted, boot id: \(info.bootID)")
            recorder.record(updated, reason: "NodeReady", message: "Node \(name) status is now: NodeReady")
        }
    }

    /// A stable, per-node 32-hex identifier.
    private func machineIdentifier(_ purpose: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (purpose + "/" + configuration.nodeName).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        var random = SeededRandom(seed: hash)
        return random.hexString(count: 32)
    }

    private func scheduleHeartbeat() {
        heartbeat = loop.schedule(after: heartbeatInterval) { [weak self] in
            guard let self, self.isRunning else { return }
            let now = Timestamp.seconds(of: self.loop.now)
            _ = try? self.client.modify(Node.self, namespace: nil, name: self.configuration.nodeName, status: true) { (node: inout Node) throws(APIError) in
                let previous = node.status?.conditions
                node.status?.conditions = self.nodeConditions(at: now, previous: previous)
            }
            self.scheduleHeartbeat()
        }
    }

    // MARK: Pods

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        let uid = pod.uid
        if event.type == .deleted {
            workers.removeValue(forKey: uid)?.halt()
            // The pod is gone for good: so are its emptyDirs (the kubelet's orphan cleanup).
            VolumeManager(node: machine).tearDown(podUID: uid)
            return
        }
        if let worker = workers[uid] {
            worker.update(pod)
            return
        }
        guard !pod.isTerminated else { return }
        let worker = PodWorker(kubelet: self, pod: pod)
        workers[uid] = worker
        worker.begin()
    }

    func forget(_ worker: PodWorker) {
        if workers[worker.uid] === worker { workers[worker.uid] = nil }
    }

    /// The lowest free pod address of the node's range (the first is the bridge's).
    func allocatePodAddress() -> String? {
        let range = configuration.podCIDR
        var offset: UInt32 = 2
        while UInt64(offset) < range.size - 1 {
            let address = range.address(at: offset)
            if !usedAddresses.contains(address) {
                usedAddresses.insert(address)
                return IPv4Range.format(address)
            }
            offset += 1
        }
        return nil
    }

    func releasePodAddress(_ address: String) {
        if let value = IPv4Range.address(address) { usedAddresses.remove(value) }
    }

    /// The DNS search path of each running container's machine, for lookups that bypass the network stack (node's `dns.resolveSrv`).
    var searchPaths: [ObjectIdentifier: [String]] = [:]

    /// The search path of a pod's container machine on this node, or nil when the machine is not one of them.
    public func searchPath(of machine: Machine) -> [String]? {
        searchPaths[ObjectIdentifier(machine)]
    }

    /// The worker running a pod here, by namespace and name.
    func worker(namespace: String, name: String) -> PodWorker? {
        workers.values.first { $0.pod.namespace == namespace && $0.pod.name == name }
    }
}
