import Kernel

/// The `http` block reduced to what serving needs: virtual servers, MIME types and logging.
struct NginxSite {
    /// One `server { }` block.
    struct VirtualServer {
        var ports: [Int]
        var defaultPorts: Set<Int>
        var names: [String]
        var root: String
        var index: [String]
        var locations: [Location]
    }

    /// One `location [=|^~] /path { }` block (regular-expression locations are not matched).
    struct Location {
        var exact: Bool
        var path: String
        var root: String?
        var index: [String]?
        var returned: (status: Int, text: String?)?
    }

    var servers: [VirtualServer] = []
    var types: [String: String] = [:]
    var defaultType = "text/plain"
    /// Where the access log goes, or nil for `access_log off;`.
    var accessLog: String? = "/var/log/nginx/access.log"
    var errorLog = "/var/log/nginx/error.log"
    var daemon = true

    init(_ directives: [NginxDirective]) throws(NginxConfigurationError) {
        for directive in directives {
            if directive.name == "error_log", let path = directive.arguments.first { errorLog = path }
            if directive.name == "daemon" { daemon = directive.arguments.first != "off" }
        }
        guard let http = directives.first(where: { $0.name == "http" }) else { return }
        if let typeDirective = http.first("default_type")?.arguments.first { defaultType = typeDirective }
        if let log = http.first("access_log")?.arguments.first { accessLog = log == "off" ? nil : log }
        let httpRoot = http.first("root")?.arguments.first
        let httpIndex = http.first("index")?.arguments
        for server in http.children(named: "server") {
            var ports: [Int] = []
            var defaults: Set<Int> = []
            for listen in server.children(named: "listen") {
                guard let value = listen.arguments.first else { continue }
                let portText = value.split(separator: ":").last.map(String.init) ?? value
                guard let port = Int(portText), (1...65535).contains(port) else {
                    throw NginxConfigurationError(message: "invalid port in \"\(value)\" of the \"listen\" directive in \(listen.file):\(listen.line)")
                }
                ports.append(port)
                if listen.arguments.dropFirst().contains(where: { $0 == "default_server" || $0 == "default" }) { defaults.insert(port) }
            }
            if ports.isEmpty { ports = [80] }
            let locations = server.children(named: "location").compactMap { location -> Location? in
                var arguments = location.arguments
                var exact = false
                if arguments.first == "=" { exact = true; arguments.removeFirst() }
                if arguments.first == "^~" { arguments.removeFirst() }
                guard let path = arguments.first, arguments.count == 1, path.hasPrefix("/") else { return nil }
                var returned: (Int, String?)?
                if let directive = location.first("return"), let status = directive.arguments.first.flatMap(Int.init) {
                    returned = (status, directive.arguments.dropFirst().first)
                }
                return Location(exact: exact, path: path, root: location.first("root")?.arguments.first,
                                index: location.first("index")?.arguments, returned: returned)
            }
            servers.append(VirtualServer(
                ports: ports, defaultPorts: defaults, names: server.first("server_name")?.arguments ?? [""],
                root: server.first("root")?.arguments.first ?? httpRoot ?? "html",
                index: server.first("index")?.arguments ?? httpIndex ?? ["index.html"], locations: locations))
        }
        for typesBlock in http.children(named: "types") {
            for entry in typesBlock.block ?? [] {
                for ext in entry.arguments { types[ext] = entry.name }
            }
        }
    }

    /// The server that answers on `port` for the `Host` name `host`.
    func server(port: Int, host: String) -> VirtualServer? {
        let name = host.split(separator: ":").first.map { $0.lowercased() } ?? ""
        let candidates = servers.filter { $0.ports.contains(port) }
        return candidates.first { $0.names.contains { $0.lowercased() == name } }
            ?? candidates.first { $0.defaultPorts.contains(port) }
            ?? candidates.first
    }

    var ports: [Int] {
        Array(Set(servers.flatMap(\.ports))).sorted()
    }
}
