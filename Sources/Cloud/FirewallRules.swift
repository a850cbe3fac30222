import Kernel
import KubernetesAPI

/// One ingress rule of the project's `default` network (`gcloud compute firewall-rules`).
struct FirewallRule {
    var name: String
    /// `tcp:30123`, `tcp:30000-32767`, `tcp`, `icmp`, as given to `--allow`.
    var allowed: [String]
    var sourceRange: String
    var priority: Int

    /// Whether the rule lets a TCP connection to `port` in.
    func allowsTCP(port: Int) -> Bool {
        allowed.contains { entry in
            let parts = entry.lowercased().split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.first == "tcp" || parts.first == "all" else { return false }
            guard parts.count == 2 else { return true }
            let bounds = parts[1].split(separator: "-", maxSplits: 1).compactMap { Int($0) }
            if bounds.count == 2 { return (bounds[0]...max(bounds[0], bounds[1])).contains(port) }
            return bounds.first == port
        }
    }

    /// Whether a connection from `address` matches one of the rule's source ranges
    /// (comma-separated CIDRs; a bare address is a /32).
    func admits(_ address: String) -> Bool {
        guard let value = IPv4Range.address(address) else { return false }
        return sourceRange.split(separator: ",").contains { Self.range(String($0))?.contains(value) ?? false }
    }

    /// `10.0.0.0/8`, or `1.2.3.4` as `1.2.3.4/32`; nil when it is not one.
    static func range(_ text: String) -> IPv4Range? {
        IPv4Range(parsing: text.contains("/") ? text : text + "/32")
    }

    /// The rules GKE makes for a new cluster's nodes: everything from the pods, SSH from the
    /// master, and the network's internal range (`gke-<cluster>-<hash>-all|ssh|vms`).
    static func gkeCluster(name: String, hash: String, podRange: String, master: String) -> [FirewallRule] {
        let prefix = "gke-\(name)-\(hash)-"
        return [
            FirewallRule(name: prefix + "all", allowed: ["tcp", "udp", "icmp", "esp", "ah", "sctp"], sourceRange: podRange, priority: 1000),
            FirewallRule(name: prefix + "ssh", allowed: ["tcp:22"], sourceRange: master + "/32", priority: 1000),
            FirewallRule(name: prefix + "vms", allowed: ["icmp", "tcp:1-65535", "udp:1-65535"], sourceRange: "10.128.0.0/9", priority: 1000),
        ]
    }

    /// Whether `--allow` text is `PROTOCOL[:PORT[-PORT]]` with a protocol gcloud knows.
    static func isValid(_ entry: String) -> Bool {
        let parts = entry.lowercased().split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let proto = parts.first, ["tcp", "udp", "icmp", "esp", "ah", "sctp", "all"].contains(proto) else { return false }
        guard parts.count == 2 else { return true }
        let bounds = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(bounds.count) && bounds.allSatisfy { Int($0).map { (0...65535).contains($0) } ?? false }
    }

    /// The rules every new project's `default` network has.
    static let defaults = [
        FirewallRule(name: "default-allow-icmp", allowed: ["icmp"], sourceRange: "0.0.0.0/0", priority: 65534),
        FirewallRule(name: "default-allow-internal", allowed: ["tcp:0-65535", "udp:0-65535", "icmp"], sourceRange: "10.128.0.0/9", priority: 65534),
        FirewallRule(name: "default-allow-rdp", allowed: ["tcp:3389"], sourceRange: "0.0.0.0/0", priority: 65534),
        FirewallRule(name: "default-allow-ssh", allowed: ["tcp:22"], sourceRange: "0.0.0.0/0", priority: 65534),
    ]
}

extension CloudEnvironment {
    /// Drops connections from outside the project to the GKE nodes' external IPs on ports no rule
    /// allows, as GCE's network does: a node port is closed until a rule opens it. Load
    /// balancers bring their own rule, and traffic inside the cluster is internal.
    func installFirewall() {
        network.add(Firewall(name: "gce-default-network") { [weak self] address, port, source in
            guard let self else { return false }
            let nodes = gke.values.flatMap(\.nodes)
            guard nodes.contains(where: { $0.kubelet.configuration.externalIP == address }) else { return false }
            if source.network !== network || nodes.contains(where: { $0.machine.networkStack === source }) { return false }
            return !firewallRules.contains { $0.admits(source.primaryAddress) && $0.allowsTCP(port: port) }
        })
    }
}
