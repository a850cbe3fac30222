import ControlPlane
import KubernetesAPI

/// GCE's network load balancers as the 1.8 cloud provider makes them: an external IP per
/// service, plus the firewall rules it creates in the project (`k8s-fw-<lb>` letting the
/// service's ports in from its source ranges, and a health-check rule).
final class GCELoadBalancers: CloudProvider {
    private let addresses: SimulatedCloudProvider
    private weak var environment: CloudEnvironment?
    /// The cluster's id in the provider's names (`k8s-<id>-node-http-hc`).
    private let clusterID: String
    /// The sources GCE's health checkers come from (the 1.8 provider's default list).
    static let healthCheckRanges = "130.211.0.0/22,35.191.0.0/16,209.85.152.0/22,209.85.204.0/22"

    var name: String { addresses.name }
    var provisioningDelay: Duration { addresses.provisioningDelay }

    init(addresses: SimulatedCloudProvider, environment: CloudEnvironment, clusterID: String) {
        self.addresses = addresses
        self.environment = environment
        self.clusterID = clusterID
    }

    /// `cloudprovider.GetLoadBalancerName`: "a" and the service's UID without dashes, 32 characters at most.
    static func loadBalancerName(_ service: Service) -> String {
        String(("a" + service.uid).replacingOccurrences(of: "-", with: "").prefix(32))
    }

    func ensureLoadBalancer(for service: Service, nodes: [Node]) -> LoadBalancerStatus? {
        guard let status = addresses.ensureLoadBalancer(for: service, nodes: nodes) else { return nil }
        let lb = Self.loadBalancerName(service)
        let ports = (service.spec?.ports ?? []).map { "\(($0.protocol ?? "TCP").lowercased()):\($0.port)" }
        let sources = (service.spec?.loadBalancerSourceRanges ?? []).joined(separator: ",")
        var rules = [FirewallRule(name: "k8s-fw-" + lb, allowed: ports, sourceRange: sources.isEmpty ? "0.0.0.0/0" : sources, priority: 1000)]
        if let port = service.spec?.healthCheckNodePort, port != 0, service.spec?.externalTrafficPolicy == "Local" {
            rules.append(FirewallRule(name: "k8s-\(lb)-http-hc", allowed: ["tcp:\(port)"], sourceRange: Self.healthCheckRanges, priority: 1000))
        } else {
            // kube-proxy's own health port, shared by every Cluster-policy balancer.
            rules.append(FirewallRule(name: "k8s-\(clusterID)-node-http-hc", allowed: ["tcp:10256"], sourceRange: Self.healthCheckRanges, priority: 1000))
        }
        for rule in rules {
            environment?.firewallRules.removeAll { $0.name == rule.name }
            environment?.firewallRules.append(rule)
        }
        return status
    }

    func deleteLoadBalancer(for service: Service) {
        addresses.deleteLoadBalancer(for: service)
        let lb = Self.loadBalancerName(service)
        environment?.firewallRules.removeAll { $0.name == "k8s-fw-" + lb || $0.name == "k8s-\(lb)-http-hc" }
    }
}
