/// The simulated network all machines share: who has which address, and the address
/// translations (published ports, service IPs) applied when a connection is made.
public final class Network {
    private var stacks: [String: NetworkStack] = [:]
    private var rules: [NetworkRule] = []

    public init() {}

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
        var destination = (address, port)
        for rule in rules {
            if let translated = rule.translate(destination.0, destination.1, source) {
                destination = translated
                break
            }
        }
        return destination
    }
}

/// One address translation: a published port, a service's cluster IP, a load balancer.
public struct NetworkRule {
    public let name: String
    /// Returns the new destination, or nil when the rule does not apply.
    public let translate: (_ address: String, _ port: Int, _ source: NetworkStack) -> (String, Int)?

    public init(name: String, translate: @escaping (_ address: String, _ port: Int, _ source: NetworkStack) -> (String, Int)?) {
        self.name = name
        self.translate = translate
    }
}

/// Why a connection or a listen failed.
public enum NetworkError: Error, Hashable, Sendable {
    case system(Errno)
    /// The name did not resolve (curl: "Could not resolve host").
    case hostNotFound(String)
}
