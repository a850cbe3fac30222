extension Endpoints {
    /// Up to three `ip:port` pairs, then ` + N more...`.
    public var endpointsCell: String {
        let endpoints = self
        var pairs: [String] = []
        var total = 0
        for subset in endpoints.subsets ?? [] {
            let ports = subset.ports ?? []
            for address in subset.addresses ?? [] {
                if ports.isEmpty {
                    total += 1
                    if pairs.count < 3 { pairs.append(address.ip) }
                }
                for port in ports {
                    total += 1
                    if pairs.count < 3 { pairs.append("\(address.ip):\(port.port)") }
                }
            }
        }
        guard total > 0 else { return "<none>" }
        var text = pairs.joined(separator: ",")
        if total > pairs.count { text += " + \(total - pairs.count) more..." }
        return text
    }
}
