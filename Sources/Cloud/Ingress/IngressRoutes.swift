import KubernetesAPI

/// The nginx configuration the ingress controller renders from every ingress of its class: one
/// server per host with a location per path, and the catch-all server `_` for rules without a
/// host. A request goes to the server of its `Host` (else `_`) and there to the longest location
/// prefix of its path (nginx's prefix `location`); without one, to the default backend.
struct IngressRoutes {
    /// Where a location sends requests: a service port of a namespace, or the default backend.
    enum Upstream: Hashable {
        case service(namespace: String, backend: IngressBackend)
        case defaultBackend
    }

    struct Server {
        var locations: [(path: String, upstream: Upstream)] = []
        /// The secret of the TLS section naming the host, `namespace/name`.
        var certificate: String?
        /// The ingress's own `spec.backend` for paths no location takes.
        var fallback: Upstream?
    }

    private(set) var servers: [String: Server] = [:]
    private(set) var catchAll = Server()

    /// The annotation that picks an ingress controller; the nginx controller takes ingresses
    /// without one or with `nginx`.
    static let classAnnotation = "kubernetes.io/ingress.class"

    static func isNginxClass(_ ingress: Ingress) -> Bool {
        let value = ingress.metadata.annotations?[classAnnotation] ?? ""
        return value.isEmpty || value == "nginx"
    }

    /// The routes of `ingresses`, oldest first: the first ingress to claim a host path keeps it.
    init(_ ingresses: [Ingress]) {
        let ordered = ingresses.filter(Self.isNginxClass).sorted {
            ($0.metadata.creationTimestamp?.instant.secondsSinceEpoch ?? 0, $0.namespace, $0.name)
                < ($1.metadata.creationTimestamp?.instant.secondsSinceEpoch ?? 0, $1.namespace, $1.name)
        }
        for ingress in ordered {
            let namespace = ingress.namespace
            let fallback = ingress.spec?.backend.map { Upstream.service(namespace: namespace, backend: $0) }
            if let fallback, catchAll.fallback == nil { catchAll.fallback = fallback }
            for rule in ingress.spec?.rules ?? [] {
                let host = (rule.host ?? "").lowercased()
                var server = host.isEmpty ? catchAll : servers[host] ?? Server()
                if server.fallback == nil { server.fallback = fallback }
                for path in rule.http?.paths ?? [] {
                    let location = (path.path ?? "").isEmpty ? "/" : path.path ?? "/"
                    guard !server.locations.contains(where: { $0.path == location }) else { continue }
                    server.locations.append((location, .service(namespace: namespace, backend: path.backend)))
                }
                if host.isEmpty { catchAll = server } else { servers[host] = server }
            }
            for tls in ingress.spec?.tls ?? [] {
                guard let secret = tls.secretName, !secret.isEmpty else { continue }
                for host in tls.hosts ?? [] {
                    let key = host.lowercased()
                    var server = servers[key] ?? Server()
                    if server.certificate == nil { server.certificate = namespace + "/" + secret }
                    servers[key] = server
                }
            }
        }
    }

    /// The server a `Host` header picks (its port dropped).
    func server(forHost host: String) -> Server {
        let name = host.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        return servers[name] ?? catchAll
    }

    /// Where a request for `path` on `server` goes.
    func upstream(on server: Server, path: String) -> Upstream {
        let matching = server.locations.filter { path.hasPrefix($0.path) }
        if let best = matching.max(by: { $0.path.count < $1.path.count }) { return best.upstream }
        return server.fallback ?? .defaultBackend
    }
}
