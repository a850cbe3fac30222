import Simulation

/// How tools outside the API server see `Ingress`.
extension Ingress: KindDeclaration {
    public static var allCategoryRank: Int? { nil }
    public static var capabilities: KindCapabilities { [.garbageCollected] }
    public static var mapEntry: MapEntry? { nil }
    public static let columns: [TableColumn] = [TableColumn("NAME"), TableColumn("HOSTS"), TableColumn("ADDRESS"), TableColumn("PORTS"), TableColumn("AGE")]

    public func tableCells(name: String, wide: Bool, now: VirtualInstant) -> [String] {
        [name, hostsCell, Self.addressCell(status?.loadBalancer, wide: wide), (spec?.tls ?? []).isEmpty ? "80" : "80, 443",
         TableCells.age(metadata.creationTimestamp, now: now)]
    }

    public func describe(into text: inout DescribeText, with describers: Describers) {
        describers.describeIngress(self, into: &text)
    }

    /// `formatHosts`: the first three hosts, then how many rules are left (1.8 counts host-less
    /// rules there too); `*` when no rule names a host.
    var hostsCell: String {
        let rules = spec?.rules ?? []
        var hosts: [String] = []
        var more = false
        for rule in rules {
            if hosts.count == 3 { more = true }
            if !more, let host = rule.host, !host.isEmpty { hosts.append(host) }
        }
        guard !hosts.isEmpty else { return "*" }
        let joined = hosts.joined(separator: ",")
        return more ? "\(joined) + \(rules.count - 3) more..." : joined
    }

    /// `loadBalancerStatusStringer`: the sorted distinct addresses, cut to 16 characters unless wide.
    public static func addressCell(_ status: LoadBalancerStatus?, wide: Bool) -> String {
        let addresses = Set((status?.ingress ?? []).compactMap { entry -> String? in
            if let ip = entry.ip, !ip.isEmpty { return ip }
            if let hostname = entry.hostname, !hostname.isEmpty { return hostname }
            return nil
        }).sorted()
        let joined = addresses.joined(separator: ",")
        guard !wide, joined.utf8.count > 16 else { return joined }
        return String(decoding: Array(joined.utf8).prefix(13), as: UTF8.self) + "..."
    }

    public static let schema = SchemaDefinition(
        "v1beta1.Ingress",
        "Rules that let HTTP and HTTPS traffic from outside the cluster reach services, by host name and URL path. An ingress controller (a load balancer) carries them out.",
        APISchema.typeAndObjectMeta() + [
            SchemaField("spec", .definition(specSchema), "The hosts, paths and services the ingress routes, and its TLS settings."),
            SchemaField("status", .definition(statusSchema), "Where the ingress's load balancer answers. Filled in by the ingress controller; read-only."),
        ])

    static let backendSchema = SchemaDefinition(
        "v1beta1.IngressBackend",
        "A service and one of its ports that requests are sent to.",
        [
            SchemaField("serviceName", .string, "The name of a service in the ingress's namespace.", required: true),
            SchemaField("servicePort", .definition(APISchema.intOrString), "The service's port, by number or by name.", required: true),
        ])

    static let pathSchema = SchemaDefinition(
        "v1beta1.HTTPIngressPath",
        "A URL path and the backend requests for it go to.",
        [
            SchemaField("backend", .definition(backendSchema), "Where matching requests go.", required: true),
            SchemaField("path", .string, "The path requests must start with; it must begin with '/'. When empty, every path matches."),
        ])

    static let ruleSchema = SchemaDefinition(
        "v1beta1.IngressRule",
        "The paths served for one host.",
        [
            SchemaField("host", .string, "The host name requests are addressed to (the HTTP Host header), a DNS name and not an IP address. When empty, the rule applies to every host."),
            SchemaField("http", .definition(SchemaDefinition("v1beta1.HTTPIngressRuleValue", "The paths of a rule.", [
                SchemaField("paths", .array(.definition(pathSchema)), "The paths and their backends.", required: true),
            ])), "The HTTP paths of the host."),
        ])

    static let specSchema = SchemaDefinition(
        "v1beta1.IngressSpec",
        "What an ingress routes.",
        [
            SchemaField("backend", .definition(backendSchema), "Where requests go that no rule matches. When not given, the ingress controller's own default backend answers them."),
            SchemaField("rules", .array(.definition(ruleSchema)), "The hosts and paths and the services they go to."),
            SchemaField("tls", .array(.definition(SchemaDefinition("v1beta1.IngressTLS", "A certificate for some hosts.", [
                SchemaField("hosts", .array(.string), "The hosts the certificate is for; they should match the rules' hosts."),
                SchemaField("secretName", .string, "The secret (type kubernetes.io/tls) holding the certificate and its private key."),
            ]))), "TLS: which hosts are served over HTTPS, with which certificate."),
        ])

    static let statusSchema = SchemaDefinition(
        "v1beta1.IngressStatus",
        "The observed state of an ingress.",
        [SchemaField("loadBalancer", .definition(APISchema.loadBalancerStatus), "The addresses of the load balancer that serves the ingress.")])
}
