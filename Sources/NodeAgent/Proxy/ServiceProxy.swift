import KubernetesAPI
import Kernel
import Simulation

/// kube-proxy: turns services into address translations on the cluster's networks. A
/// connection to a cluster IP, a node port on any node, or a load balancer's IP goes to one of
/// the service's ready endpoints, picked at random (seeded) or by client IP with affinity.
/// Services and endpoints come through the cluster's shared informers.
public final class ServiceProxy {
    private struct Frontend: Hashable { var address: String; var port: Int }
    private struct Backend {
        var service: String
        var portName: String?
        var affinity: Bool
        var onlyLocal = false
        /// Traffic from outside comes in through a node port or a load balancer: with the
        /// Cluster policy kube-proxy masquerades it (KUBE-MARK-MASQ), so pods see a node's address.
        var external = false
    }
    private struct Target { var ip: String; var port: Int; var node: String? }

    private let informers: SharedInformerFactory
    private let network: ClusterNetwork
    private var random: SeededRandom
    private var frontends: [Frontend: Backend] = [:]
    private var nodePorts: [Int: Backend] = [:]
    /// Ready endpoints per service key (`namespace/name`) and port name.
    private var endpoints: [String: [String: [Target]]] = [:]
    private var affinity: [String: [String: Target]] = [:]
    private var services: [String: Service] = [:]
    private var watches: [WatchHandle] = []
    /// Addresses of the nodes, where node ports answer.
    public var nodeAddresses: Set<String> = []
    /// The node each node address belongs to, for `externalTrafficPolicy: Local`.
    public var nodeNames: [String: String] = [:]
    /// Each node's address on its pods' bridge (cbr0, docker0), by node name: the source a
    /// masqueraded connection shows when the node forwards it to one of its own pods.
    public var nodeBridgeAddresses: [String: String] = [:]
    /// Each node's internal address, by node name: the source shown to a pod on another node.
    public var nodeInternalAddresses: [String: String] = [:]
    private static let ruleName = "kube-proxy"

    public init(informers: SharedInformerFactory, network: ClusterNetwork, random: SeededRandom) {
        self.informers = informers
        self.network = network
        self.random = random
    }

    public func start() throws(APIError) {
        network.add(NetworkRule(name: Self.ruleName, translatingSource: { [weak self] address, port, source in
            self?.translate(address: address, port: port, source: source)
        }))
        watches.append(try informers.services.addEventHandler { [weak self] event in self?.handle(event) })
        watches.append(try informers.endpoints.addEventHandler { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for watch in watches { watch.stop() }
        watches = []
        network.remove(ruleNamed: Self.ruleName)
    }

    private func handle(_ event: WatchEvent<Service>) {
        let service = event.object
        let key = service.namespace + "/" + service.name
        if let old = services[key] { unregister(old, key: key) }
        guard event.type != .deleted else {
            services[key] = nil
            return
        }
        services[key] = service
        let sticky = service.spec?.sessionAffinity == "ClientIP"
        for port in service.spec?.ports ?? [] {
            let backend = Backend(service: key, portName: port.name, affinity: sticky)
            if let clusterIP = service.spec?.clusterIP, clusterIP != "None", !clusterIP.isEmpty {
                frontends[Frontend(address: clusterIP, port: Int(port.port))] = backend
            }
            var external = backend
            external.onlyLocal = service.spec?.externalTrafficPolicy == "Local"
            external.external = true
            for address in service.spec?.externalIPs ?? [] { frontends[Frontend(address: address, port: Int(port.port))] = external }
            for ingress in service.status?.loadBalancer?.ingress ?? [] {
                if let ip = ingress.ip { frontends[Frontend(address: ip, port: Int(port.port))] = external }
            }
            if let nodePort = port.nodePort { nodePorts[Int(nodePort)] = external }
        }
    }

    private func unregister(_ service: Service, key: String) {
        frontends = frontends.filter { $0.value.service != key }
        nodePorts = nodePorts.filter { $0.value.service != key }
    }

    private func handle(_ event: WatchEvent<Endpoints>) {
        let object = event.object
        let key = object.namespace + "/" + object.name
        guard event.type != .deleted else {
            endpoints[key] = nil
            affinity[key] = nil
            return
        }
        var byPort: [String: [Target]] = [:]
        for subset in object.subsets ?? [] {
            for port in subset.ports ?? [] {
                let list = (subset.addresses ?? []).map { Target(ip: $0.ip, port: Int(port.port), node: $0.nodeName) }
                byPort[port.name ?? "", default: []].append(contentsOf: list)
            }
        }
        for name in byPort.keys { byPort[name]?.sort { $0.ip < $1.ip } }
        endpoints[key] = byPort
        // Sticky clients keep their endpoint only while it is still ready.
        if var sticky = affinity[key] {
            let live = Set(byPort.values.flatMap { $0.map { "\($0.ip):\($0.port)" } })
            sticky = sticky.filter { live.contains("\($0.value.ip):\($0.value.port)") }
            affinity[key] = sticky
        }
    }

    private func translate(address: String, port: Int, source: NetworkStack) -> NetworkRule.Translation? {
        let backend: Backend
        if let match = frontends[Frontend(address: address, port: port)] {
            backend = match
        } else if nodeAddresses.contains(address), let match = nodePorts[port] {
            backend = match
        } else {
            return nil
        }
        var candidates = endpoints[backend.service]?[backend.portName ?? ""] ?? endpoints[backend.service]?.values.first ?? []
        // No ready endpoint: the connection is refused, as iptables' REJECT rule does.
        guard !candidates.isEmpty else { return NetworkRule.Translation(address: "127.0.0.1", port: 0) }
        if backend.onlyLocal, frontends[Frontend(address: address, port: port)] == nil {
            // `externalTrafficPolicy: Local`: a node port forwards only to pods on its own node,
            // and a node without one drops the packets (kube-proxy's KUBE-XLB chain).
            let node = nodeNames[address]
            candidates = candidates.filter { $0.node != nil && $0.node == node }
            guard !candidates.isEmpty else { return NetworkRule.Translation(address: NetworkRule.dropped.address, port: NetworkRule.dropped.port) }
        }
        let client = source.primaryAddress
        let chosen: Target
        if backend.affinity, let sticky = affinity[backend.service]?[client] {
            chosen = sticky
        } else {
            chosen = candidates[Int(random.next() % UInt64(candidates.count))]
            if backend.affinity { affinity[backend.service, default: [:]][client] = chosen }
        }
        return NetworkRule.Translation(address: chosen.ip, port: chosen.port,
                                       sourceAddress: masquerade(backend, receivedAt: address, by: chosen, from: source))
    }

    /// The source address the pod sees: a node's, when traffic from outside the cluster comes in
    /// under the Cluster policy (the node it reached, or — through a load balancer, which picks
    /// a node with the pod here — the pod's own node); the client's own otherwise.
    private func masquerade(_ backend: Backend, receivedAt address: String, by target: Target, from source: NetworkStack) -> String? {
        guard backend.external, !backend.onlyLocal else { return nil }
        // Inside the cluster, a pod or node reaching a node port is masqueraded the same way.
        let receivingNode = nodeNames[address] ?? target.node
        guard let receivingNode else { return nil }
        if receivingNode == target.node { return nodeBridgeAddresses[receivingNode] }
        return nodeInternalAddresses[receivingNode]
    }
}
