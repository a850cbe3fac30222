/// The simulated network all machines share: who has which address, and the address
/// translations (published ports, service IPs) applied when a connection is made.
public final class Network {
    private var stacks: [String: NetworkStack] = [:]
    private var rules: [NetworkRule] = []
    private var privateNetworks: [PrivateNetwork] = []

    public init() {}

    /// Adds a private network (a cluster's pod and service addresses) whose addresses only
    /// its members reach: from anywhere else a connection to them goes unanswered.
    public func add(_ privateNetwork: PrivateNetwork) {
        privateNetworks.append(privateNetwork)
    }

    public func remove(privateNetworkNamed name: String) {
        privateNetworks.removeAll { $0.name == name }
    }

    /// Whether a connection from `source` to `address` goes unanswered: the address is private
    /// to a network `source` is not part of (the packets are routed nowhere, as a cluster IP is
    /// from outside the cluster).
    func isUnreachable(_ address: String, from source: NetworkStack) -> Bool {
        privateNetworks.contains { $0.isPrivate(address, stacks[address]) && !$0.isMember(source) }
    }

    /// Makes `address` reach `stack`.
    public func assign(_ address: String, to stack: NetworkStack) {
        stacks[address] = stack
        if !stack.addresses.contains(address) { stack.addresses.append(address) }
    }

    /// Takes `address` away from whichever machine had it.
    public func release(_ address: String) {
        stacks[address]?.addresses.removeAll { $0 == address }
        stacks[address] = nil
    }

    public func stack(for address: String) -> NetworkStack? {
        stacks[address]
    }

    /// Adds a translation consulted, in order, for every new connection.
    public func add(_ rule: NetworkRule) {
        rules.append(rule)
    }

    public func remove(ruleNamed name: String) {
        rules.removeAll { $0.name == name }
    }

    /// The destination a connection to `address:port` from `source` really goes to.
    func translate(address: String, port: Int, from source: NetworkStack) -> (String, Int) {
        translateNoting(address: address, port: port, from: source).destination
    }

    /// The destination, and whether a proxy that accepts first (Docker's) stands in between.
    func translateNoting(address: String, port: Int, from source: NetworkStack) -> (destination: (String, Int), proxied: Bool) {
        for rule in rules {
            if let translated = rule.translate(address, port, source) { return (translated, rule.acceptsFirst) }
        }
        return ((address, port), false)
    }
}

/// One address translation: a published port, a service's cluster IP, a load balancer.
public struct NetworkRule {
    public let name: String
    /// A user-space proxy (docker-proxy) accepts the connection before it connects onwards:
    /// when nothing listens there, the client sees its connection reset, not refused.
    public let acceptsFirst: Bool
    /// Returns the new destination, or nil when the rule does not apply.
    public let translate: (_ address: String, _ port: Int, _ source: NetworkStack) -> (String, Int)?

    public init(name: String, acceptsFirst: Bool = false,
                translate: @escaping (_ address: String, _ port: Int, _ source: NetworkStack) -> (String, Int)?) {
        self.name = name
        self.acceptsFirst = acceptsFirst
        self.translate = translate
    }
}

/// Addresses only some machines reach: a cluster's pod IPs and cluster IPs are routed inside
/// the cluster (its nodes and pods) and nowhere else.
public struct PrivateNetwork {
    public let name: String
    /// Whether `address` (held by `holder`, if any machine holds it) belongs to the network.
    public let isPrivate: (_ address: String, _ holder: NetworkStack?) -> Bool
    /// Whether `stack` is inside the network.
    public let isMember: (_ stack: NetworkStack) -> Bool

    public init(name: String, isPrivate: @escaping (_ address: String, _ holder: NetworkStack?) -> Bool,
                isMember: @escaping (_ stack: NetworkStack) -> Bool) {
        self.name = name
        self.isPrivate = isPrivate
        self.isMember = isMember
    }
}

/// Why a connection or a listen failed.
public enum NetworkError: Error, Hashable, Sendable {
    case system(Errno)
    /// The name did not resolve (curl: "Could not resolve host").
    case hostNotFound(String)
}
