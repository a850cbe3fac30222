import ControlPlane
import Docker
import DockerShim
import Eras
import Kernel
import KubernetesAPI
import NodeAgent
import Simulation
import Userland

/// One worker machine of a cluster: its VM, private Docker bridge, engine and kubelet.
public final class ClusterNode {
    public let machine: Machine
    public let bridge: Network
    public let engine: DockerEngine
    public let kubelet: Kubelet
    public var name: String { kubelet.configuration.nodeName }
    public var isRunning: Bool { kubelet.isRunning }
    /// Whether `eth0` is up: false from `ifconfig eth0 down` until the machine restarts.
    public var isInterfaceUp: Bool { kubelet.isConnected }
    /// Whether the machine can be reached over the network (SSH, its addresses).
    public var isReachable: Bool { isRunning && isInterfaceUp }
    private var interfaceWatchers: [() -> Void] = []

    /// `ifconfig eth0 down`: the machine runs on, cut off from everything.
    func takeInterfaceDown() {
        guard isReachable else { return }
        kubelet.disconnect()
        let watchers = interfaceWatchers
        interfaceWatchers.removeAll()
        for watcher in watchers { watcher() }
    }

    /// Calls `handler` once when the interface goes down.
    func whenInterfaceGoesDown(_ handler: @escaping () -> Void) {
        interfaceWatchers.append(handler)
    }

    /// A hard reset: every process dies, the machine boots again with its network up.
    func reset() {
        kubelet.stop()
        try? kubelet.start()
    }

    init(configuration: KubeletConfiguration, environment: CloudEnvironment, client: any KubernetesClient, informers: SharedInformerFactory,
         network: ClusterNetwork) {
        bridge = Network()
        // A node has what the book uses on one: curl, and the docker client of its engine.
        let fileSystem = FileSystem(root: RootFileSystems.debian(extras: [
            InstalledProgram(path: "/usr/bin/curl", program: "curl", size: 159_344),
            InstalledProgram(path: "/usr/bin/docker", program: "docker", size: 18_330_000),
            InstalledProgram(path: "/usr/bin/sudo", program: SudoProgram.programName, size: 140_944),
            InstalledProgram(path: "/sbin/ifconfig", program: "ifconfig", size: 76_848),
        ]))
        machine = Machine(hostname: configuration.nodeName, loop: environment.loop, fileSystem: fileSystem, programs: environment.programs, network: bridge)
        engine = DockerEngine(host: machine, hub: environment.hub, era: environment.era, programs: environment.programs)
        engine.registryResolver = { [weak environment] host in environment?.resolveRegistry(host) }
        network.attach(bridge: bridge)
        kubelet = Kubelet(configuration: configuration, client: client, informers: informers, machine: machine, runtime: DockerShim(engine: engine),
                          network: network)
    }
}

/// The shape of a cluster: its nodes' names and addresses and the control plane's settings.
public struct ClusterProfile {
    public struct NodeSpec {
        public var name: String
        public var internalIP: String
        public var externalIP: String?
        public var podCIDR: IPv4Range
        public var labels: [String: String]
    }

    public var name: String
    /// The Kubernetes release masters and kubelets run (`v1.8.0`, `v1.8.0-gke.0`).
    public var version: String
    public var configuration: ClusterConfiguration
    public var nodes: [NodeSpec]
    public var osImage: String
    public var kernelVersion: String
    public var cpu: String
    public var memory: String
    public var cloud: Bool
    public var dashboard: Bool
    public var clusterDNS: String
}

/// A running simulated cluster: control plane, nodes, kube-proxy and kube-dns, wired to the world.
public final class SimulatedCluster {
    public let profile: ClusterProfile
    public let controlPlane: ControlPlane
    public let network: ClusterNetwork
    public let proxy: ServiceProxy
    public let dns: ClusterDNS
    public let runtime: NodeRuntime
    public private(set) var nodes: [ClusterNode] = []
    let environment: CloudEnvironment
    /// When the cluster came up (the addon manager's sweeps count from it).
    public let startedAt: VirtualInstant

    /// The API server's URL as kubeconfig names it: GKE's endpoint is a bare `https://IP` (443).
    public var server: String {
        let port = profile.configuration.securePort
        return "https://\(profile.configuration.masterAddress)" + (port == 443 ? "" : ":\(port)")
    }

    init(profile: ClusterProfile, environment: CloudEnvironment, cloudProvider: (any CloudProvider)?) throws(APIError) {
        self.profile = profile
        self.environment = environment
        startedAt = environment.loop.now
        var configuration = profile.configuration
        configuration.unservedAPIVersions = environment.era.kubernetes.laterAPIVersions
        controlPlane = ControlPlane(loop: environment.loop, configuration: configuration, cloudProvider: cloudProvider,
                                    schedulerMessages: SchedulerMessages(kubernetesVersion: profile.version))
        let client = controlPlane.client()
        let serviceRange = profile.configuration.serviceCIDR
        network = ClusterNetwork(world: environment.network) { address in
            IPv4Range.address(address).map { serviceRange.contains($0) } ?? false
        }
        proxy = ServiceProxy(informers: controlPlane.informers, network: network, random: environment.random.split())
        dns = ClusterDNS(informers: controlPlane.informers)
        // kube-dns forwards what is not the cluster's to the node's resolver: the internet's DNS.
        dns.upstream = { [weak world = environment.network] name in world?.zone.lookup(name) }
        runtime = NodeRuntime(client: client)
        try controlPlane.start()
        try proxy.start()
        try dns.start()
        for spec in profile.nodes {
            let configuration = KubeletConfiguration(
                nodeName: spec.name, internalIP: spec.internalIP, externalIP: spec.externalIP, podCIDR: spec.podCIDR, labels: spec.labels,
                cpu: profile.cpu, memory: profile.memory, osImage: profile.osImage, kernelVersion: profile.kernelVersion,
                containerRuntimeVersion: environment.era.kubernetes.containerRuntimeVersion, kubeletVersion: profile.version,
                pauseImage: SystemImages.reference("pause-amd64", era: environment.era), clusterDNS: profile.clusterDNS)
            let node = ClusterNode(configuration: configuration, environment: environment, client: client, informers: controlPlane.informers,
                                   network: network)
            node.kubelet.nameResolver = { [weak dns] name, search in dns?.lookup(name, searchPath: search) }
            node.machine.networkStack.resolver = { [weak world = environment.network] name in world?.zone.lookup(name) }
            proxy.nodeAddresses.insert(spec.internalIP)
            proxy.nodeNames[spec.internalIP] = spec.name
            proxy.nodeInternalAddresses[spec.name] = spec.internalIP
            proxy.nodeBridgeAddresses[spec.name] = IPv4Range.format(spec.podCIDR.address(at: 1))
            if let external = spec.externalIP {
                proxy.nodeAddresses.insert(external)
                proxy.nodeNames[external] = spec.name
            }
            runtime.add(node.kubelet)
            try node.kubelet.start()
            if let registered = try? client.get(Node.self, namespace: nil, name: spec.name) {
                EventRecorder(client: client, loop: environment.loop, component: "kube-proxy", host: spec.name)
                    .record(registered, reason: "Starting", message: "Starting kube-proxy.")
            }
            nodes.append(node)
        }
        try createSystemObjects()
        environment.clusters.register(server: server, client: client, runtime: runtime)
    }

    /// The cluster goes away: nodes stop, the server is no longer reachable.
    func shutDown() {
        for node in nodes { node.kubelet.stop() }
        proxy.stop()
        dns.stop()
        controlPlane.stop()
        network.shutDown()
        environment.clusters.remove(server: server)
    }

    /// SRV records as a pod's container machine sees them (its search path), or nil when the machine is no pod of this cluster.
    public func serviceRecords(on machine: Machine, name: String) -> [SRVRecord]? {
        for node in nodes {
            if let path = node.kubelet.searchPath(of: machine) { return dns.resolveServiceRecords(name, searchPath: path) }
        }
        return nil
    }

    public func node(named name: String) -> ClusterNode? {
        nodes.first { $0.name == name }
    }

    // MARK: kube-system

    private func createSystemObjects() throws(APIError) {
        let client = controlPlane.client()
        var dnsService = Service(
            metadata: ObjectMeta(name: "kube-dns", namespace: "kube-system", labels: [
                "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "KubeDNS",
            ]),
            spec: ServiceSpec(ports: [
                ServicePort(name: "dns", protocol: "UDP", port: 53, targetPort: .int(53)),
                ServicePort(name: "dns-tcp", protocol: "TCP", port: 53, targetPort: .int(53)),
            ], selector: ["k8s-app": "kube-dns"]))
        dnsService.spec?.clusterIP = profile.clusterDNS
        _ = try? client.create(dnsService)
        guard let first = nodes.first else { return }
        var random = environment.random.split()
        let master = first.name
        for (component, image) in [("etcd", "etcd-amd64"), ("kube-apiserver", "kube-apiserver-amd64"),
                                   ("kube-controller-manager", "kube-controller-manager-amd64"), ("kube-scheduler", "kube-scheduler-amd64")]
        where !profile.cloud {
            _ = try? client.create(systemPod("\(component)-\(master)", labels: ["component": component, "tier": "control-plane"],
                                             containers: [(component, image)], node: master))
        }
        if !profile.cloud {
            _ = try? client.create(systemPod("kube-addon-manager-\(master)", labels: ["component": "kube-addon-manager"],
                                             containers: [("kube-addon-manager", "kube-addon-manager")], node: master))
        }
        for node in nodes {
            let name = profile.cloud ? "kube-proxy-\(node.name)" : "kube-proxy-" + random.string(count: 5, alphabet: Self.alphabet)
            _ = try? client.create(systemPod(name, labels: ["k8s-app": "kube-proxy"], containers: [("kube-proxy", "kube-proxy-amd64")], node: node.name))
        }
        let hash = String(UInt32(truncatingIfNeeded: random.next()))
        // 1.8 names the replica set by the hash's decimal digits mapped into the name alphabet.
        let encoded = String(hash.map { Self.alphabet[Int($0.asciiValue ?? 48) % Self.alphabet.count] })
        _ = try? client.create(systemPod(
            "kube-dns-\(encoded)-" + random.string(count: 5, alphabet: Self.alphabet),
            labels: ["k8s-app": "kube-dns", "pod-template-hash": hash],
            containers: [("kubedns", "k8s-dns-kube-dns-amd64"), ("dnsmasq", "k8s-dns-dnsmasq-nanny-amd64"), ("sidecar", "k8s-dns-sidecar-amd64")],
            node: master))
        if profile.dashboard {
            _ = try? client.create(systemPod("kubernetes-dashboard-" + random.string(count: 5, alphabet: Self.alphabet),
                                             labels: ["k8s-app": "kubernetes-dashboard", "addonmanager.kubernetes.io/mode": "Reconcile"],
                                             containers: [("kubernetes-dashboard", "kubernetes-dashboard-amd64")], node: master))
            var dashboard = Service(
                metadata: ObjectMeta(name: "kubernetes-dashboard", namespace: "kube-system", labels: ["k8s-app": "kubernetes-dashboard", "kubernetes.io/cluster-service": "true"]),
                spec: ServiceSpec(ports: [ServicePort(port: 80, targetPort: .int(9090), nodePort: 30000)], selector: ["k8s-app": "kubernetes-dashboard"]))
            dashboard.spec?.type = "NodePort"
            _ = try? client.create(dashboard)
        }
    }

    static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    private func systemPod(_ name: String, labels: [String: String], containers: [(String, String)], node: String) -> Pod {
        let specs = containers.map { Container(name: $0.0, image: SystemImages.reference($0.1, era: environment.era)) }
        var spec = PodSpec(containers: specs, nodeName: node)
        spec.restartPolicy = "Always"
        return Pod(metadata: ObjectMeta(name: name, namespace: "kube-system", labels: labels), spec: spec)
    }
}
