import KubernetesAPI
import Kernel

/// The networks a cluster's addresses must be reachable on: the world's (workstation, load
/// balancers) and each node's private Docker bridge. Pod and node addresses and service
/// translations are installed on all of them at once.
///
/// Pod IPs, cluster IPs and (on a cloud) the nodes' internal IPs are routed inside the cluster
/// only: from the nodes and the pods they answer, from the workstation they time out.
public final class ClusterNetwork {
    public let world: Network
    private var bridges: [Network] = []
    private var assigned: [String: NetworkStack] = [:]
    private var rules: [NetworkRule] = []
    /// Addresses reached from outside the cluster too (a Minikube VM's, a node's external IP).
    private var outsideAddresses: Set<String> = []
    /// Whether an address is one of the cluster's service IPs.
    private let isServiceAddress: (String) -> Bool
    private var privateNetworkName = ""

    /// `isServiceAddress` tells the cluster IPs (the service range) apart.
    public init(world: Network, isServiceAddress: @escaping (String) -> Bool = { _ in false }) {
        self.world = world
        self.isServiceAddress = isServiceAddress
        // Unique among live clusters: the name is removed again when this one shuts down.
        privateNetworkName = "cluster-\(ObjectIdentifier(self).hashValue)"
        world.add(privateNetwork)
    }

    /// The cluster's addresses as a private network; the bridges get it too, so that a pod
    /// also sees a cluster IP on a port no service serves as a black hole.
    private var privateNetwork: PrivateNetwork {
        PrivateNetwork(name: privateNetworkName, isPrivate: { [weak self] address, holder in
            self?.isPrivate(address, holder: holder) ?? false
        }, isMember: { [weak self] stack in
            self?.isMember(stack) ?? false
        })
    }

    /// Whether `address` is routed inside the cluster only.
    private func isPrivate(_ address: String, holder: NetworkStack?) -> Bool {
        if let holder {
            return assigned[address] === holder && !outsideAddresses.contains(address)
        }
        return isServiceAddress(address)
    }

    /// Whether `stack` is inside the cluster: a node, a pod, a container on a node's bridge.
    private func isMember(_ stack: NetworkStack) -> Bool {
        if bridges.contains(where: { $0 === stack.network }) { return true }
        return stack.addresses.contains { assigned[$0] === stack }
    }

    /// Stops routing the cluster's addresses (the cluster is gone).
    public func shutDown() {
        for network in all { network.remove(privateNetworkNamed: privateNetworkName) }
    }

    private var all: [Network] { [world] + bridges }

    /// Adds a node's bridge; it learns every address and rule already present.
    public func attach(bridge: Network) {
        guard !bridges.contains(where: { $0 === bridge }) else { return }
        bridges.append(bridge)
        bridge.upstream = world
        bridge.add(privateNetwork)
        for (address, stack) in assigned.sorted(by: { $0.key < $1.key }) { bridge.assign(address, to: stack) }
        for rule in rules { bridge.add(rule) }
    }

    /// Makes `address` reach `stack`; `fromOutside`: the workstation reaches it too.
    public func assign(_ address: String, to stack: NetworkStack, fromOutside: Bool = false) {
        assigned[address] = stack
        if fromOutside { outsideAddresses.insert(address) } else { outsideAddresses.remove(address) }
        for network in all { network.assign(address, to: stack) }
    }

    public func release(_ address: String) {
        guard assigned.removeValue(forKey: address) != nil else { return }
        outsideAddresses.remove(address)
        for network in all { network.release(address) }
    }

    public func add(_ rule: NetworkRule) {
        rules.append(rule)
        for network in all { network.add(rule) }
    }

    public func remove(ruleNamed name: String) {
        rules.removeAll { $0.name == name }
        for network in all { network.remove(ruleNamed: name) }
    }
}
