/// The simulated network all machines share: who has which address, and the address
/// translations (published ports, service IPs) applied when a connection is made.
public final class Network {
    private var stacks: [String: NetworkStack] = [:]
    private var rules: [NetworkRule] = []
    private var privateNetworks: [PrivateNetwork] = []
    private var distantRanges: [DistantRange] = []
    private var firewalls: [Firewall] = []

    /// The internet's DNS, as every machine on this network can ask it.
    public var zone = DomainNameZone()
    /// The network packets go on to for addresses this one does not hold (a node's Docker
    /// bridge reaches the world through the node's NAT).
    public weak var upstream: Network?

    public init() {}

    /// Marks addresses that are far away (a cloud's load balancers seen from the learner's
    /// machine): each round trip to them takes `roundTrip` of simulated time.
    public func add(_ range: DistantRange) {
        distantRanges.removeAll { $0.name == range.name }
        distantRanges.append(range)
    }

    public func remove(distantRangeNamed name: String) {
        distantRanges.removeAll { $0.name == name }
    }

    /// How long one round trip from `source` to `address` takes: zero on the machine itself and
    /// nearby, the range's time for a distant address.
    public func roundTrip(to address: String, from source: NetworkStack) -> Duration {
        if address.hasPrefix("127.") || source.addresses.contains(address) { return .zero }
        return distantRanges.first { $0.contains(address) }?.roundTrip ?? .zero
    }

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

    /// Whether `address` belongs to a private network yet no machine holds it (a cluster IP):
    /// packets to it that no translation catches are dropped, not refused.
    func isBlackHole(_ address: String) -> Bool {
        address.isEmpty || (stacks[address] == nil && privateNetworks.contains { $0.isPrivate(address, nil) })
    }

    /// Adds a firewall that drops some connections (a cloud network's ingress rules).
    public func add(_ firewall: Firewall) {
        firewalls.removeAll { $0.name == firewall.name }
        firewalls.append(firewall)
    }

    public func remove(firewallNamed name: String) {
        firewalls.removeAll { $0.name == name }
    }

    /// Whether a firewall drops a connection from `source` to `address:port`.
    func isFirewalled(_ address: String, port: Int, from source: NetworkStack) -> Bool {
        firewalls.contains { $0.drops(address, port, source) }
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
        stacks[address] ?? upstream?.stack(for: address)
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

    /// The destination, whether a proxy that accepts first (Docker's) stands in between, and
    /// the address the destination sees the connection come from when a rule masquerades it.
    func translateNoting(address: String, port: Int, from source: NetworkStack)
        -> (destination: (String, Int), proxied: Bool, sourceAddress: String?) {
        for rule in rules {
            if let translated = rule.translateWithSource(address, port, source) {
                return ((translated.address, translated.port), rule.acceptsFirst, translated.sourceAddress)
            }
        }
        return ((address, port), false, nil)
    }
}

/// One address translation: a published port, a service's cluster IP, a load balancer.
public struct NetworkRule {
    public let name: String
    /// A user-space proxy (docker-proxy) accepts the connection before it connects onwards:
    /// when nothing listens there, the client sees its connection reset, not refused.
    public let acceptsFirst: Bool
    /// Returns the new destination, or nil when the rule does not apply.
    public var translate: (_ address: String, _ port: Int, _ source: NetworkStack) -> (String, Int)? {
        { [translateWithSource] address, port, source in
            translateWithSource(address, port, source).map { ($0.address, $0.port) }
        }
    }
    /// The new destination and, when the rule masquerades (SNAT), the source address the
    /// destination sees; nil when the rule does not apply.
    public let translateWithSource: (_ address: String, _ port: Int, _ source: NetworkStack) -> Translation?

    /// What a rule did to a connection.
    public struct Translation {
        public var address: String
        public var port: Int
        public var sourceAddress: String?

        public init(address: String, port: Int, sourceAddress: String? = nil) {
            self.address = address
            self.port = port
            self.sourceAddress = sourceAddress
        }
    }

    /// The destination a rule returns to drop the connection unanswered (iptables' DROP).
    public static let dropped = (address: "", port: 0)

    public init(name: String, acceptsFirst: Bool = false,
                translate: @escaping (_ address: String, _ port: Int, _ source: NetworkStack) -> (String, Int)?) {
        self.name = name
        self.acceptsFirst = acceptsFirst
        self.translateWithSource = { address, port, source in
            translate(address, port, source).map { Translation(address: $0.0, port: $0.1) }
        }
    }

    /// A rule that may also rewrite the connection's source address.
    public init(name: String, translatingSource: @escaping (_ address: String, _ port: Int, _ source: NetworkStack) -> Translation?) {
        self.name = name
        self.acceptsFirst = false
        self.translateWithSource = translatingSource
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

/// Addresses across the internet from the machines of one network (a cloud region's external
/// IPs seen from the learner's workstation): the time a packet takes there and back. The
/// cloud's own machines sit on networks of their own, where the range is not distant.
public struct DistantRange {
    public let name: String
    public let roundTrip: Duration
    public let contains: (_ address: String) -> Bool

    public init(name: String, roundTrip: Duration, contains: @escaping (_ address: String) -> Bool) {
        self.name = name
        self.roundTrip = roundTrip
        self.contains = contains
    }
}

/// Drops connections it does not allow, without an answer (a GCE network's firewall).
public struct Firewall {
    public let name: String
    /// Whether a connection from `source` to `address:port` is dropped.
    public let drops: (_ address: String, _ port: Int, _ source: NetworkStack) -> Bool

    public init(name: String, drops: @escaping (_ address: String, _ port: Int, _ source: NetworkStack) -> Bool) {
        self.name = name
        self.drops = drops
    }
}

/// Why a connection or a listen failed.
public enum NetworkError: Error, Hashable, Sendable {
    case system(Errno)
    /// The name did not resolve (curl: "Could not resolve host").
    case hostNotFound(String)
}
