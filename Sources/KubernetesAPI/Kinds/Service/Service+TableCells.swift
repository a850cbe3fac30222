extension Service {
    /// The EXTERNAL-IP cell.
    public var externalIPCell: String {
        let service = self
        let external = service.spec?.externalIPs ?? []
        switch service.spec?.type ?? "ClusterIP" {
        case "LoadBalancer":
            let ingress = (service.status?.loadBalancer?.ingress ?? []).compactMap { $0.ip ?? $0.hostname }
            let all = ingress + external
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ExternalName":
            return service.spec?.externalName ?? "<none>"
        default:
            return external.isEmpty ? "<none>" : external.joined(separator: ",")
        }
    }

    /// The PORT(S) cell: `80:30123/TCP`.
    public var portsCell: String {
        let service = self
        let ports = service.spec?.ports ?? []
        guard !ports.isEmpty else { return "<none>" }
        return ports.map { port in
            let proto = port.protocol ?? "TCP"
            if let nodePort = port.nodePort, nodePort != 0 { return "\(port.port):\(nodePort)/\(proto)" }
            return "\(port.port)/\(proto)"
        }.joined(separator: ",")
    }
}
