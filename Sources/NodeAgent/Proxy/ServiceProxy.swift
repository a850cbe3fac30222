import KubernetesAPI
import Kernel
import Simulation

/// kube-proxy: turns services into address translations on the cluster's networks. A
/// connection to a cluster IP, a node port on any node, or a load balancer's IP goes to one of
/// the service's ready endpoints, picked at random (seeded) or by client IP with affinity.
/// Services and endpoints come through the cluster's shared informers.
public final class ServiceProxy {
    private struct Frontend: Hashable { var address: String; var port: Int }
    private struct Backend { var service: String; var portName: String?; var affinity: Bool }

    private let informers: SharedInformerFactory
    private let network: ClusterNetwork
    private var random: SeededRandom
    private var frontends: [Frontend: Backend] = [:]
    private var nodePorts: [Int: Backend] = [:]
    /// Ready endpoints per service key (`namespace/name`) and port name.
    private var endpoints: [String: [String: [(ip: String, port: Int)]]] = [:]
    private var affinity: [String: [String: (ip: String, port: Int)]] = [:]
    private var services: [String: Service] = [:]
    private var watches: [WatchHandle] = []
    /// Addresses of the nodes, where node ports answer.
    public var nodeAddresses: Set<String> = []
    private static let ruleName = "kube-proxy"

    public init(informers: SharedInformerFactory, network: ClusterNetwork, random: SeededRandom) {
        self.informers = informers
        self.network = network
        self.random = random
    }

    public func start() throws(APIError) {
        network.add(NetworkRule(name: Self.ruleName) { [weak self] address, port, source in
            self?.translate(address: address, port: port, source: source)
        })
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
            for external in service.spec?.externalIPs ?? [] { frontends[Frontend(address: external, port: Int(port.port))] = backend }
            for ingress in service.status?.loadBalancer?.ingress ?? [] {
                if let ip = ingress.ip { frontends[Frontend(address: ip, port: Int(port.port))] = backend }
            }
            if let nodePort = port.nodePort { nodePorts[Int(nodePort)] = backend }
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
        var byPort: [String: [(ip: String, port: Int)]] = [:]
        for subset in object.subsets ?? [] {
            for port in subset.ports ?? [] {
                let list = (subset.addresses ?? []).map { (ip: $0.ip, port: Int(port.port)) }
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

    private func translate(address: String, port: Int, source: NetworkStack) -> (String, Int)? {
        let backend: Backend
        if let match = frontends[Frontend(address: address, port: port)] {
            backend = match
        } else if nodeAddresses.contains(address), let match = nodePorts[port] {
            backend = match
        } else {
            return nil
        }
        let candidates = endpoints[backend.service]?[backend.portName ?? ""] ?? endpoints[backend.service]?.values.first ?? []
        // No ready endpoint: the connection is refused, as iptables' REJECT rule does.
        guard !candidates.isEmpty else { return ("127.0.0.1", 0) }
        let client = source.primaryAddress
        if backend.affinity, let chosen = affinity[backend.service]?[client] { return (chosen.ip, chosen.port) }
        let chosen = candidates[Int(random.next() % UInt64(candidates.count))]
        if backend.affinity { affinity[backend.service, default: [:]][client] = chosen }
        return (chosen.ip, chosen.port)
    }
}
