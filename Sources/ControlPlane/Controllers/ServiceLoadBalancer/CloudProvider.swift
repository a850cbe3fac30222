import KubernetesAPI
import Simulation

/// What a cloud offers the control plane: load balancers in front of NodePort services.
public protocol CloudProvider: AnyObject {
    /// The provider's name (`gce`, `aws` …).
    var name: String { get }
    /// How long creating a load balancer takes in virtual time.
    var provisioningDelay: Duration { get }
    /// Creates or updates the balancer of a service and returns where it answers.
    func ensureLoadBalancer(for service: Service, nodes: [Node]) -> LoadBalancerStatus?
    /// Removes the balancer of a service.
    func deleteLoadBalancer(for service: Service)
}

/// A cloud that hands out external IPs from a range, the same one again for the same service.
public final class SimulatedCloudProvider: CloudProvider {
    public let name: String
    public let provisioningDelay: Duration
    private let range: IPv4Range
    private var random: SeededRandom
    private var assigned: [String: UInt32] = [:]
    private var used: Set<UInt32> = []

    public init(name: String = "gce", externalRange: IPv4Range, provisioningDelay: Duration = .seconds(45), random: SeededRandom) {
        self.name = name
        self.range = externalRange
        self.provisioningDelay = provisioningDelay
        self.random = random
    }

    public func ensureLoadBalancer(for service: Service, nodes: [Node]) -> LoadBalancerStatus? {
        let key = service.uid
        if let address = assigned[key] {
            return LoadBalancerStatus(ingress: [LoadBalancerIngress(ip: IPv4Range.format(address))])
        }
        let size = UInt32(truncatingIfNeeded: min(range.size, UInt64(UInt32.max)))
        guard size > 2, UInt64(used.count) < UInt64(size - 2) else { return nil }
        var offset = UInt32(truncatingIfNeeded: random.next()) % (size - 2) + 1
        while used.contains(range.address(at: offset)) { offset = offset % (size - 2) + 1 }
        let address = range.address(at: offset)
        used.insert(address)
        assigned[key] = address
        return LoadBalancerStatus(ingress: [LoadBalancerIngress(ip: IPv4Range.format(address))])
    }

    public func deleteLoadBalancer(for service: Service) {
        if let address = assigned.removeValue(forKey: service.uid) { used.remove(address) }
    }
}
