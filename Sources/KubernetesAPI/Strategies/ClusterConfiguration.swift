/// The settings of a simulated cluster's control plane.
public struct ClusterConfiguration: Sendable {
    /// The range ClusterIPs come from; its first address goes to the `kubernetes` service.
    public var serviceCIDR: IPv4Range
    /// The range NodePorts come from.
    public var nodePortRange: ClosedRange<Int>
    /// The address the API server advertises (the `kubernetes` endpoints).
    public var masterAddress: String
    public var securePort: Int
    /// How many changes per kind a watch can still resume from.
    public var watchHistoryLimit: Int
    /// When set, the server itself removes a pod whose grace period ran out (for worlds without
    /// kubelets); otherwise, as in Kubernetes, only the pod's kubelet finishes a graceful delete.
    public var finishesExpiredGracefulDeletions: Bool = false
    /// Group versions the kinds know but this server does not serve (the era's later ones):
    /// writes in them are refused as an unknown path is.
    public var unservedAPIVersions: Set<String> = []

    public init(
        serviceCIDR: IPv4Range = IPv4Range(parsing: "10.96.0.0/12") ?? IPv4Range(base: 0x0A60_0000, prefixLength: 12),
        nodePortRange: ClosedRange<Int> = 30000...32767,
        masterAddress: String = "192.168.99.100",
        securePort: Int = 8443,
        watchHistoryLimit: Int = 10_000
    ) {
        self.serviceCIDR = serviceCIDR
        self.nodePortRange = nodePortRange
        self.masterAddress = masterAddress
        self.securePort = securePort
        self.watchHistoryLimit = watchHistoryLimit
    }
}

/// An IPv4 network (`10.96.0.0/12`).
public struct IPv4Range: Hashable, Sendable, CustomStringConvertible {
    public var base: UInt32
    public var prefixLength: Int

    public init(base: UInt32, prefixLength: Int) {
        let mask: UInt32 = prefixLength == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefixLength)
        self.base = base & mask
        self.prefixLength = prefixLength
    }

    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let address = IPv4Range.address(String(parts[0])), let length = Int(parts[1]), (0...32).contains(length) else {
            return nil
        }
        self.init(base: address, prefixLength: length)
    }

    /// The number of addresses in the range.
    public var size: UInt64 { UInt64(1) << UInt64(32 - prefixLength) }

    public func contains(_ address: UInt32) -> Bool {
        UInt64(address) >= UInt64(base) && UInt64(address) < UInt64(base) + size
    }

    /// The address `offset` places into the range.
    public func address(at offset: UInt32) -> UInt32 { base &+ offset }

    public var description: String { IPv4Range.format(base) + "/" + String(prefixLength) }

    public static func address(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let byte = UInt8(part), String(byte) == part else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    public static func format(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }
}
