import KubernetesAPI
import Kernel
import Userland
import Simulation

/// The nginx inside the ingress controller: routes each request by the current ingresses and
/// proxies it to one endpoint of the chosen service, round robin.
final class IngressProxy {
    let context: ProgramContext
    let client: any KubernetesClient
    let nginxVersion: String
    let defaultBackend: (namespace: String, name: String)
    private var turns: [String: Int] = [:]
    private var published: String?
    private var fakeCertificate: [UInt8]?

    init(context: ProgramContext, client: any KubernetesClient, nginxVersion: String, defaultBackend: (String, String)) {
        self.context = context
        self.client = client
        self.nginxVersion = nginxVersion
        self.defaultBackend = defaultBackend
    }

    var routes: IngressRoutes {
        IngressRoutes((try? client.list(Ingress.self, namespace: nil).items) ?? [])
    }

    // MARK: Serving

    /// Serves HTTP requests on a connection accepted on port 80, or HTTPS on 443, until the client closes it.
    func serve(_ connection: Connection, port: Int) async {
        guard port == 443 else { return await serve(input: connection.input, connection: connection, port: port) }
        let records = SimulatedTLS.RecordReader(connection.input)
        guard let serverName = try? await records.readClientHello() else {
            if (try? await records.peek()) != nil { try? connection.output.write(plainHTTPOnHTTPSPort().serialized) }
            connection.close()
            return
        }
        try? connection.output.write(SimulatedTLS.serverCertificate(certificate(serverName: serverName), applicationProtocol: "h2"))
        await serve(input: records, connection: connection, port: port)
    }

    private func serve(input: any ReadableStream, connection: Connection, port: Int) async {
        let reader = HTTPReader(input)
        while true {
            let request: HTTPRequest
            do {
                guard let next = try await reader.readRequest() else { break }
                request = next
            } catch {
                try? connection.output.write(errorResponse(400, closing: true).serialized)
                break
            }
            let closing = request.headers["Connection"]?.lowercased() == "close" || request.version == "HTTP/1.0"
            let response = await respond(to: request, scheme: port == 443 ? "https" : "http", port: port,
                                         client: connection.remoteAddress, closing: closing)
            try? connection.output.write(response.serialized)
            if closing { break }
        }
        connection.close()
    }

    func respond(to request: HTTPRequest, scheme: String, port: Int, client address: String, closing: Bool) async -> HTTPResponse {
        let routes = routes
        let host = request.headers["Host"] ?? ""
        let server = routes.server(forHost: host)
        let path = String(request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/")
        // ssl-redirect (on by default): a host with a certificate is only served over HTTPS.
        if scheme == "http", secretCertificate(server.certificate) != nil {
            let name = host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? host
            var response = errorResponse(301, closing: closing)
            response.headers.add("Location", "https://\(name)\(request.target)")
            return response
        }
        let upstream = routes.upstream(on: server, path: path)
        guard let target = endpoint(for: upstream) else { return errorResponse(503, closing: closing) }
        var forwarded = request
        forwarded.headers.remove("Connection")
        for (name, value) in [("X-Real-IP", address), ("X-Forwarded-For", address), ("X-Forwarded-Host", host),
                              ("X-Forwarded-Port", String(port)), ("X-Forwarded-Proto", scheme), ("X-Original-URI", request.target),
                              ("X-Scheme", scheme), ("Connection", "close")] {
            forwarded.headers.set(name, value)
        }
        let stack = context.machine.networkStack
        guard let connection = try? stack.connect(address: target.ip, port: target.port) else { return errorResponse(502, closing: closing) }
        defer { connection.close() }
        try? connection.output.write(forwarded.serialized)
        guard let answer = try? await HTTPReader(connection.input).readResponse(bodyless: request.method == "HEAD") else {
            return errorResponse(502, closing: closing)
        }
        return relay(answer, scheme: scheme, closing: closing, head: request.method == "HEAD")
    }

    /// The upstream's answer as nginx passes it on: its own `Server` and `Date` first, the body
    /// chunked again when the upstream sent no length.
    private func relay(_ answer: HTTPResponse, scheme: String, closing: Bool, head: Bool) -> HTTPResponse {
        var headers = HTTPHeaders([("Server", nginxVersion), ("Date", GoHTTPDate.format(context.loop.now))])
        if let type = answer.headers["Content-Type"] { headers.add("Content-Type", type) }
        let chunked = answer.headers["Content-Length"] == nil
        var body = answer.body
        if chunked {
            headers.add("Transfer-Encoding", "chunked")
            if !head { body = Self.chunked(answer.body) }
        } else {
            headers.add("Content-Length", answer.headers["Content-Length"] ?? String(answer.body.count))
        }
        headers.add("Connection", closing ? "close" : "keep-alive")
        let handled: Set<String> = ["server", "date", "content-type", "content-length", "transfer-encoding", "connection", "keep-alive"]
        for field in answer.headers where !handled.contains(field.name.lowercased()) { headers.add(field.name, field.value) }
        if scheme == "https" { headers.add("Strict-Transport-Security", "max-age=15724800; includeSubDomains;") }
        return HTTPResponse(status: answer.status, reason: answer.reason, headers: headers, body: body)
    }

    static func chunked(_ body: [UInt8]) -> [UInt8] {
        guard !body.isEmpty else { return Array("0\r\n\r\n".utf8) }
        return Array((String(body.count, radix: 16) + "\r\n").utf8) + body + Array("\r\n0\r\n\r\n".utf8)
    }

    /// The certificate of the TLS section naming the host, else the controller's fake one.
    private func certificate(serverName: String) -> [UInt8] {
        if let own = secretCertificate(routes.server(forHost: serverName).certificate) { return own }
        if let fakeCertificate { return fakeCertificate }
        // ssl.GetFakeSSLCert: a new self-signed certificate for a year, made when first needed.
        var random = context.loop.random.split()
        let key = RSAKey.generate(bits: 2048, random: &random)
        let serial = (0..<16).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let subject = DistinguishedName(attributes: [.init(type: "O", value: "Acme Co"), .init(type: "CN", value: "Kubernetes Ingress Controller Fake Certificate")])
        let der = Certificate.selfSigned(key: key, subject: subject, serial: serial, now: context.loop.now, days: 365)
        fakeCertificate = der
        return der
    }

    /// The DER of the certificate in a `namespace/name` TLS secret; nil when there is none.
    private func secretCertificate(_ reference: String?) -> [UInt8]? {
        let parts = (reference ?? "").split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, let secret = try? client.get(Secret.self, namespace: parts[0], name: parts[1]),
              let pem = secret.data?["tls.crt"]?.bytes,
              let block = PEM.decode(String(decoding: pem, as: UTF8.self)).first(where: { $0.type == "CERTIFICATE" }),
              Certificate(der: block.bytes) != nil else { return nil }
        return block.bytes
    }

    /// nginx's answer to plain HTTP on its TLS port.
    private func plainHTTPOnHTTPSPort() -> HTTPResponse {
        let body = Array("<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body bgcolor=\"white\">\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n<hr><center>\(nginxVersion)</center>\r\n</body>\r\n</html>\r\n".utf8)
        let headers = HTTPHeaders([("Server", nginxVersion), ("Date", GoHTTPDate.format(context.loop.now)), ("Content-Type", "text/html"),
                                   ("Content-Length", String(body.count)), ("Connection", "close")])
        return HTTPResponse(status: 400, reason: "Bad Request", headers: headers, body: body)
    }

    /// nginx's own page for `status`.
    func errorResponse(_ status: Int, closing: Bool) -> HTTPResponse {
        let reason = status == 503 ? "Service Temporarily Unavailable" : HTTPResponse.standardReason(for: status)
        let title = "\(status) \(reason)"
        let body = Array("<html>\r\n<head><title>\(title)</title></head>\r\n<body bgcolor=\"white\">\r\n<center><h1>\(title)</h1></center>\r\n<hr><center>\(nginxVersion)</center>\r\n</body>\r\n</html>\r\n".utf8)
        let headers = HTTPHeaders([("Server", nginxVersion), ("Date", GoHTTPDate.format(context.loop.now)), ("Content-Type", "text/html"),
                                   ("Content-Length", String(body.count)), ("Connection", closing ? "close" : "keep-alive")])
        return HTTPResponse(status: status, reason: reason, headers: headers, body: body)
    }

    /// One ready endpoint of the upstream's service port, taken in turn.
    private func endpoint(for upstream: IngressRoutes.Upstream) -> (ip: String, port: Int)? {
        let namespace: String, backend: IngressBackend
        switch upstream {
        case .service(let space, let chosen): (namespace, backend) = (space, chosen)
        case .defaultBackend: (namespace, backend) = (defaultBackend.namespace, IngressBackend(serviceName: defaultBackend.name, servicePort: .int(80)))
        }
        guard let service = try? client.get(Service.self, namespace: namespace, name: backend.serviceName),
              let port = (service.spec?.ports ?? []).first(where: { servicePort in
                  switch backend.servicePort {
                  case .int(let number): servicePort.port == number
                  case .string(let name): servicePort.name == name
                  }
              }),
              let endpoints = try? client.get(Endpoints.self, namespace: namespace, name: backend.serviceName) else { return nil }
        var candidates: [(ip: String, port: Int)] = []
        for subset in endpoints.subsets ?? [] {
            for endpointPort in subset.ports ?? [] where (endpointPort.name ?? "") == (port.name ?? "") {
                candidates += (subset.addresses ?? []).map { ($0.ip, Int(endpointPort.port)) }
            }
        }
        guard !candidates.isEmpty else { return nil }
        candidates.sort { ($0.ip, $0.port) < ($1.ip, $1.port) }
        let key = "\(namespace)/\(backend.serviceName)/\(backend.servicePort)"
        let turn = turns[key, default: 0]
        turns[key] = turn &+ 1
        return candidates[turn % candidates.count]
    }

    /// `/healthz` of the controller's status port.
    static func serveHealth(_ connection: Connection, loop: EventLoop) async {
        let reader = HTTPReader(connection.input)
        while let request = try? await reader.readRequest() {
            let ok = request.target.hasPrefix("/healthz")
            let body = ok ? "ok" : "404 page not found\n"
            let headers = HTTPHeaders([("Content-Type", "text/plain; charset=utf-8"), ("Date", GoHTTPDate.format(loop.now)),
                                       ("Content-Length", String(body.utf8.count))])
            try? connection.output.write(HTTPResponse(status: ok ? 200 : 404, headers: headers, body: Array(body.utf8)).serialized)
        }
        connection.close()
    }

    // MARK: Status

    /// Writes the node's address (external, else internal) into every ingress of the class.
    func publishAddress(podName: String?, podNamespace: String?) {
        guard let podName, let podNamespace,
              let pod = try? client.get(Pod.self, namespace: podNamespace, name: podName),
              let nodeName = pod.spec?.nodeName,
              let node = try? client.get(Node.self, namespace: nil, name: nodeName) else { return }
        let addresses = node.status?.addresses ?? []
        guard let address = (addresses.first { $0.type == "ExternalIP" } ?? addresses.first { $0.type == "InternalIP" })?.address else { return }
        published = address
        setStatus([LoadBalancerIngress(ip: address)])
    }

    func withdrawAddress() {
        guard published != nil else { return }
        setStatus([])
    }

    private func setStatus(_ entries: [LoadBalancerIngress]) {
        for ingress in (try? client.list(Ingress.self, namespace: nil).items) ?? [] where IngressRoutes.isNginxClass(ingress) {
            guard (ingress.status?.loadBalancer?.ingress ?? []) != entries else { continue }
            _ = try? client.modify(Ingress.self, namespace: ingress.namespace, name: ingress.name, status: true) { object in
                object.status = IngressStatus(loadBalancer: LoadBalancerStatus(ingress: entries.isEmpty ? nil : entries))
            }
        }
    }
}
