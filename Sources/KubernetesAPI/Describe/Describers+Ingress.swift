extension Describers {
    /// 1.8's `describeIngress`: address, default backend, TLS, rules with each backend's endpoints.
    func describeIngress(_ ingress: Ingress, into text: inout DescribeText) {
        text.line(0, "Name:\t" + ingress.name)
        text.line(0, "Namespace:\t" + ingress.namespace)
        text.line(0, "Address:\t" + Ingress.addressCell(ingress.status?.loadBalancer, wide: true))
        // Without a default backend of its own, the ingress inherits kube-system's.
        let fallback = ingress.spec?.backend ?? IngressBackend(serviceName: "default-http-backend", servicePort: .int(80))
        let fallbackNamespace = ingress.spec?.backend == nil ? "kube-system" : ingress.namespace
        text.line(0, "Default backend:\t\(fallback.text) (\(backendEndpoints(fallback, namespace: fallbackNamespace)))")
        if let tls = ingress.spec?.tls, !tls.isEmpty {
            text.line(0, "TLS:")
            for entry in tls {
                let hosts = (entry.hosts ?? []).joined(separator: ",")
                if let secret = entry.secretName, !secret.isEmpty {
                    text.line(1, "\(secret) terminates \(hosts)")
                } else {
                    text.line(1, "SNI routes \(hosts)")
                }
            }
        }
        text.line(0, "Rules:\n  Host\tPath\tBackends")
        text.line(1, "----\t----\t--------")
        var count = 0
        for rule in ingress.spec?.rules ?? [] {
            guard let http = rule.http else { continue }
            count += 1
            let host = rule.host.flatMap { $0.isEmpty ? nil : $0 } ?? "*"
            text.line(1, host + "\t")
            for path in http.paths ?? [] {
                text.line(2, "\t\(path.path ?? "") \t\(path.backend.text) (\(backendEndpoints(path.backend, namespace: ingress.namespace)))")
            }
        }
        if count == 0 {
            text.line(1, "*\t* \t\(fallback.text) (\(backendEndpoints(fallback, namespace: fallbackNamespace)))")
        }
        text.line(0, "Annotations:")
        for (key, value) in (ingress.metadata.annotations ?? [:]).sorted(by: { $0.key < $1.key }) where key.hasPrefix("ingress") {
            text.line(1, "\(key.split(separator: "/").last.map(String.init) ?? key):\t\(value)")
        }
        events(for: ingress, into: &text)
    }

    /// `formatEndpoints` for the service port a backend names: at most three `ip:port`, then a count.
    private func backendEndpoints(_ backend: IngressBackend, namespace: String) -> String {
        let endpoints = try? client.get(Endpoints.self, namespace: namespace, name: backend.serviceName)
        let service = try? client.get(Service.self, namespace: namespace, name: backend.serviceName)
        var portName = ""
        for port in service?.spec?.ports ?? [] {
            switch backend.servicePort {
            case .string(let name) where name == port.name: portName = port.name ?? ""
            case .int(let number) where number == port.port: portName = port.name ?? ""
            default: break
            }
        }
        let subsets = endpoints?.subsets ?? []
        guard !subsets.isEmpty else { return "<none>" }
        var list: [String] = []
        var count = 0
        for subset in subsets {
            for port in subset.ports ?? [] where (port.name ?? "") == portName {
                for address in subset.addresses ?? [] {
                    if list.count < 3 { list.append("\(address.ip):\(port.port)") }
                    count += 1
                }
            }
        }
        return count > 3 ? list.joined(separator: ",") + " + \(count - 3) more..." : list.joined(separator: ",")
    }
}
