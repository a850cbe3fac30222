import Machine

/// The networks a cluster's addresses must be reachable on: the world's (workstation, load
/// balancers) and each node's private Docker bridge. Pod and node addresses and service
/// translations are installed on all of them at once.
public final class ClusterNetwork {
    public let world: Network
    private var bridges: [Network] = []
    private var assigned: [String: NetworkStack] = [:]
    private var rules: [NetworkRule] = []

    public init(world: Network) {
        self.world = world
    }

    private var all: [Network] { [world] + bridges }

    /// Adds a node's bridge; it learns every address and rule already present.
    public func attach(bridge: Network) {
        guard !bridges.contains(where: { $0 === bridge }) else { return }
        bridges.append(bridge)
        for (address, stack) in assigned.sorted(by: { $0.key < $1.key }) { bridge.assign(address, to: stack) }
        for rule in rules { bridge.add(rule) }
    }

    public func assign(_ address: String, to stack: NetworkStack) {
        assigned[address] = stack
        for network in all { network.assign(address, to: stack) }
    }

    public func release(_ address: String) {
        guard assigned.removeValue(forKey: address) != nil else { return }
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
