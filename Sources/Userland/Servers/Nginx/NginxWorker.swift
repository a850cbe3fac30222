import Kernel
import Simulation

/// Answers requests for a parsed site: static files from each server's root, nginx's own error
/// pages, the access log in the `main` (combined) format and error-log lines.
final class NginxWorker {
    let context: ProgramContext
    let site: NginxSite
    private var connectionCount = 0

    init(context: ProgramContext, site: NginxSite) {
        self.context = context
        self.site = site
    }

    /// Serves requests on `connection` until the client closes it or asks to.
    func serve(_ connection: Connection, port: Int) async {
        connectionCount += 1
        let number = connectionCount
        let reader = HTTPReader(connection.input)
        while true {
            let request: HTTPRequest
            do {
                guard let next = try await reader.readRequest() else { break }
                request = next
            } catch {
                let response = finish(status: 400, headers: HTTPHeaders(), body: NginxPages.errorPage(status: 400, reason: "Bad Request"),
                                      closing: true)
                try? connection.output.write(response.serialized)
                break
            }
            let closing = request.headers["Connection"]?.lowercased() == "close" || request.version == "HTTP/1.0"
            let response = respond(to: request, port: port, client: connection.remoteAddress, connection: number, closing: closing)
            try? connection.output.write(response.serialized)
            let line = "\(connection.remoteAddress) - - [\(CivilTime(context.loop.now).format("%d/%b/%Y:%H:%M:%S %z"))] "
                + "\"\(request.method) \(request.target) \(request.version)\" \(response.status) \(response.body.count) "
                + "\"\(request.headers["Referer"] ?? "-")\" \"\(request.headers["User-Agent"] ?? "-")\" "
                + "\"\(request.headers["X-Forwarded-For"] ?? "-")\"\n"
            if let accessLog = site.accessLog { write(line, to: accessLog) }
            if closing { break }
        }
        connection.close()
    }

    private func respond(to request: HTTPRequest, port: Int, client: String, connection: Int, closing: Bool) -> HTTPResponse {
        let host = request.headers["Host"] ?? ""
        let server = site.server(port: port, host: host)
        let failure = { (status: Int) -> HTTPResponse in
            let reason = NginxPages.reason(for: status)
            var body = NginxPages.errorPage(status: status, reason: reason)
            if request.method == "HEAD" { body = [] }
            var headers = HTTPHeaders([("Content-Type", "text/html")])
            headers.add("Content-Length", String(NginxPages.errorPage(status: status, reason: reason).count))
            return self.finish(status: status, headers: headers, body: body, closing: closing)
        }
        let logError = { (message: String) in
            let time = CivilTime(self.context.loop.now).format("%Y/%m/%d %H:%M:%S")
            let pid = self.context.process.pid
            self.write("\(time) [error] \(pid)#\(pid): *\(connection) \(message), client: \(client), server: \(server?.names.first ?? ""), "
                + "request: \"\(request.method) \(request.target) \(request.version)\", host: \"\(host)\"\n", to: self.site.errorLog)
        }
        guard let server else { return failure(404) }
        let rawPath = String(request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "/")
        let path = Self.percentDecoded(rawPath)
        let location = server.locations.first { $0.exact && $0.path == path }
            ?? server.locations.filter { !$0.exact && path.hasPrefix($0.path) }.max { $0.path.count < $1.path.count }
        if let returned = location?.returned {
            var headers = HTTPHeaders()
            var body: [UInt8] = []
            if (300..<400).contains(returned.status), let target = returned.text {
                body = NginxPages.errorPage(status: returned.status, reason: NginxPages.reason(for: returned.status))
                headers.add("Content-Type", "text/html")
                headers.add("Content-Length", String(body.count))
                headers.add("Location", target)
            } else if let text = returned.text {
                body = Array(text.utf8)
                headers.add("Content-Type", site.defaultType)
                headers.add("Content-Length", String(body.count))
            } else {
                return failure(returned.status)
            }
            return finish(status: returned.status, headers: headers, body: request.method == "HEAD" ? [] : body, closing: closing)
        }
        guard request.method == "GET" || request.method == "HEAD" else { return failure(405) }
        var root = location?.root ?? server.root
        if !root.hasPrefix("/") { root = "/etc/nginx/" + root }
        let file = Paths.normalize("." + path, relativeTo: root)
        // nginx refuses a URI whose dot segments climb above the root.
        guard path.hasPrefix("/"), file == root || file.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return failure(400) }
        let fileSystem = context.machine.fileSystem
        var target = file
        if fileSystem.isDirectory(file) {
            guard path.hasSuffix("/") else {
                let name = host.split(separator: ":").first.map(String.init) ?? "localhost"
                let body = NginxPages.errorPage(status: 301, reason: "Moved Permanently")
                let headers = HTTPHeaders([("Content-Type", "text/html"), ("Content-Length", String(body.count)),
                                           ("Location", "http://\(name)\(port == 80 ? "" : ":\(port)")\(path)/")])
                return finish(status: 301, headers: headers, body: request.method == "HEAD" ? [] : body, closing: closing)
            }
            let candidates = (location?.index ?? server.index).map { file + (file.hasSuffix("/") ? "" : "/") + $0 }
            guard let index = candidates.first(where: { fileSystem.exists($0) && !fileSystem.isDirectory($0) }) else {
                logError("directory index of \"\(file)\(file.hasSuffix("/") ? "" : "/")\" is forbidden")
                return failure(403)
            }
            target = index
        }
        let bytes: [UInt8]
        let status: FileStatus
        do {
            status = try fileSystem.status(target)
            bytes = try fileSystem.readFile(target)
        } catch {
            logError("open() \"\(target)\" failed (\(error.code.rawValue): \(error.code.message))")
            return failure(error.code == .ENOENT || error.code == .ENOTDIR ? 404 : 403)
        }
        let modified = status.metadata.modified
        let lastModified = Self.httpDate(modified)
        let seconds = CivilTime(modified).secondsSinceEpoch
        let etag = "\"\(String(seconds, radix: 16))-\(String(bytes.count, radix: 16))\""
        if request.headers["If-None-Match"] == etag || request.headers["If-Modified-Since"] == lastModified {
            let headers = HTTPHeaders([("Last-Modified", lastModified)])
            var response = finish(status: 304, headers: headers, body: [], closing: closing)
            response.headers.add("ETag", etag)
            return response
        }
        let ext = Paths.lastComponent(target).split(separator: ".").dropFirst().last.map { $0.lowercased() } ?? ""
        let headers = HTTPHeaders([("Content-Type", site.types[ext] ?? site.defaultType), ("Content-Length", String(bytes.count)),
                                   ("Last-Modified", lastModified)])
        var response = finish(status: 200, headers: headers, body: request.method == "HEAD" ? [] : bytes, closing: closing)
        response.headers.add("ETag", etag)
        response.headers.add("Accept-Ranges", "bytes")
        return response
    }

    /// Puts `Server` and `Date` first and `Connection` after the given headers, as nginx orders them.
    private func finish(status: Int, headers: HTTPHeaders, body: [UInt8], closing: Bool) -> HTTPResponse {
        var all = HTTPHeaders([("Server", NginxPages.version), ("Date", Self.httpDate(context.loop.now))])
        for field in headers { all.add(field.name, field.value) }
        all.add("Connection", closing ? "close" : "keep-alive")
        return HTTPResponse(status: status, reason: NginxPages.reason(for: status), headers: all, body: body)
    }

    static func httpDate(_ instant: VirtualInstant) -> String {
        CivilTime(instant).format("%a, %d %b %Y %H:%M:%S GMT")
    }

    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var input = Array(text.utf8)[...]
        while let byte = input.popFirst() {
            if byte == 0x25, input.count >= 2, let value = UInt8(String(decoding: input.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                input = input.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a log line to a file, or to the process's stdout/stderr when the log is (a link to)
    /// /dev/stdout or /dev/stderr, as the nginx image arranges.
    func write(_ line: String, to path: String) {
        let fileSystem = context.machine.fileSystem
        var destination = path
        if let status = try? fileSystem.status(path, followSymlinks: false), let target = status.symlinkTarget {
            destination = target
        }
        switch destination {
        case "/dev/stdout": context.print(line)
        case "/dev/stderr": context.printError(line)
        default: try? fileSystem.writeFile(destination, Array(line.utf8), append: true)
        }
    }
}
