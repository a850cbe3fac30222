import Simulation

/// What admission and allocation see of the server: the address allocators and per-namespace service-account tokens.
public final class AdmissionContext {
    let configuration: ClusterConfiguration
    var clusterIPs: AddressAllocator
    var nodePorts: AddressAllocator
    private var random: SeededRandom
    private var tokenNames: [String: String] = [:]

    package init(configuration: ClusterConfiguration, random: SeededRandom) {
        self.configuration = configuration
        // The network address and the broadcast address are never handed out.
        let size = Int(min(configuration.serviceCIDR.size, 1 << 24))
        self.clusterIPs = AddressAllocator(range: 1...max(1, size - 2))
        self.nodePorts = AddressAllocator(range: configuration.nodePortRange)
        var random = random
        self.clusterIPs.random = random.split()
        self.nodePorts.random = random.split()
        self.random = random
    }

    /// The secret holding the `default` service account's token in a namespace (`default-token-xxxxx`).
    public func serviceAccountTokenName(namespace: String) -> String {
        if let name = tokenNames[namespace] { return name }
        let name = "default-token-" + random.string(count: 5, alphabet: Identifiers.nameAlphabet)
        tokenNames[namespace] = name
        return name
    }

    /// The ClusterIP at an offset into the service range.
    package func clusterIP(offset: Int) -> String {
        IPv4Range.format(configuration.serviceCIDR.address(at: UInt32(truncatingIfNeeded: offset)))
    }

    /// The offset of a ClusterIP into the service range, or nil when it lies outside.
    func clusterIPOffset(_ text: String) -> Int? {
        guard let address = IPv4Range.address(text), configuration.serviceCIDR.contains(address) else { return nil }
        return Int(address - configuration.serviceCIDR.base)
    }
}

/// Hands out numbers from a range at random, as the ClusterIP and NodePort allocators do.
struct AddressAllocator {
    let range: ClosedRange<Int>
    var random = SeededRandom(seed: 0)
    private(set) var allocated: Set<Int> = []

    init(range: ClosedRange<Int>) {
        self.range = range
    }

    func isAllocated(_ value: Int) -> Bool { allocated.contains(value) }

    /// Takes a specific value; false when it is taken or out of range.
    mutating func allocate(_ value: Int) -> Bool {
        guard range.contains(value), !allocated.contains(value) else { return false }
        allocated.insert(value)
        return true
    }

    /// Takes a random free value (a random start, then the next free one), nil when full.
    mutating func allocateNext() -> Int? {
        let count = range.count
        guard allocated.count < count else { return nil }
        let start = random.integer(in: 0...(count - 1))
        for step in 0..<count {
            let value = range.lowerBound + (start + step) % count
            if !allocated.contains(value) {
                allocated.insert(value)
                return value
            }
        }
        return nil
    }

    mutating func release(_ value: Int) {
        allocated.remove(value)
    }
}
