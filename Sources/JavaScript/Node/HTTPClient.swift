import Kernel
import Simulation

/// An outgoing request being assembled.
final class ClientRequestState {
    var host: String
    var port: Int
    var method: String
    var path: String
    var headers: [(String, String)]
    var body: [UInt8] = []
    var started = false
    var aborted = false

    init(host: String, port: Int, method: String, path: String, headers: [(String, String)]) {
        self.host = host
        self.port = port
        self.method = method
        self.path = path
        self.headers = headers
    }
}

extension NodeRuntime {
    func installHTTPClient(_ http: JSObject, incomingPrototype: JSObject) {
        let i = interpreter
        let requestPrototype = JSObject(prototype: emitterPrototype, className: "ClientRequest")
        requestPrototype.hiddenKeys = []
        func state(_ this: JSValue) -> (JSObject, ClientRequestState)? {
            guard case .object(let object) = this, case .host(let host) = object.kind, let state = host as? ClientRequestState else { return nil }
            return (object, state)
        }
        i.defineMethod(requestPrototype, "write", length: 1) { interpreter, this, arguments, _ in
            guard let (_, request) = state(this) else { return .boolean(false) }
            request.body += try interpreter.bytes(of: arguments[argument: 0], encoding: arguments[argument: 1])
            return .boolean(true)
        }
        i.defineMethod(requestPrototype, "end", length: 1) { [unowned self] interpreter, this, arguments, _ in
            guard let (object, request) = state(this) else { return .undefined }
            if case .undefined = arguments[argument: 0] {} else if self.function(arguments[0]) == nil {
                request.body += try interpreter.bytes(of: arguments[0], encoding: arguments[argument: 1])
            }
            self.send(object, request, incomingPrototype: incomingPrototype)
            return .undefined
        }
        i.defineMethod(requestPrototype, "abort") { _, this, _, _ in
            state(this)?.1.aborted = true
            return .undefined
        }
        i.defineMethod(requestPrototype, "setTimeout") { _, this, _, _ in this }
        i.defineMethod(requestPrototype, "setHeader", length: 2) { interpreter, this, arguments, _ in
            guard let (_, request) = state(this) else { return .undefined }
            request.headers.append((try interpreter.toString(arguments[argument: 0]), try interpreter.toString(arguments[argument: 1])))
            return .undefined
        }

        let makeRequest: (JSValue, JSValue) throws -> JSObject = { [unowned self] options, callback in
            let request = try self.requestState(options)
            let object = JSObject(prototype: requestPrototype, kind: .host(request), className: "ClientRequest")
            if let callback = self.function(callback) {
                try i.addListener(.object(object), [.string("response"), .object(callback)], once: true, prepend: false)
            }
            return object
        }
        i.defineMethod(http, "request", length: 2) { _, _, arguments, _ in
            .object(try makeRequest(arguments[argument: 0], arguments[argument: 1]))
        }
        i.defineMethod(http, "get", length: 2) { [unowned self] _, _, arguments, _ in
            let object = try makeRequest(arguments[argument: 0], arguments[argument: 1])
            if case .host(let host) = object.kind, let request = host as? ClientRequestState {
                self.send(object, request, incomingPrototype: incomingPrototype)
            }
            return .object(object)
        }
    }

    private func requestState(_ options: JSValue) throws -> ClientRequestState {
        let i = interpreter
        switch options {
        case .string(let url):
            let parsed = ParsedURL(url)
            return ClientRequestState(host: parsed.hostname ?? "localhost", port: parsed.port ?? 80, method: "GET",
                                      path: parsed.path ?? "/", headers: [])
        case .object(let object):
            func text(_ key: String) throws -> String? {
                guard let value = object.ownValue(key), !value.isNullish else { return nil }
                return try i.toString(value)
            }
            var headers: [(String, String)] = []
            if case .object(let fields)? = object.ownValue("headers") {
                for key in fields.enumerableKeys { headers.append((key, try i.toString(fields.ownValue(key) ?? .undefined))) }
            }
            let host = try text("hostname") ?? text("host")?.split(separator: ":").first.map(String.init) ?? "localhost"
            let port = try text("port").flatMap { Int($0) } ?? 80
            return ClientRequestState(host: host, port: port, method: (try text("method") ?? "GET").uppercased(),
                                      path: try text("path") ?? "/", headers: headers)
        default:
            throw i.throwError("TypeError", "Request options must be an object or a string")
        }
    }

    /// Connects, sends, reads the response and delivers it as events, all in later turns.
    private func send(_ object: JSObject, _ request: ClientRequestState, incomingPrototype: JSObject) {
        guard !request.started else { return }
        request.started = true
        retain()
        let stack = machine.networkStack
        loop.spawn { [weak self] in
            func fail(_ error: JSValue) {
                guard let self else { return }
                self.release()
                self.turn { try self.interpreter.emit(.object(object), "error", [error]) }
            }
            let connection: Connection
            do {
                connection = try await stack.connect(host: request.host, port: request.port)
            } catch {
                guard let self else { return }
                switch error as? NetworkError ?? .system(.ECONNREFUSED) {
                case .hostNotFound:
                    let failure = self.systemError(.ENOENT, syscall: "getaddrinfo")
                    if case .object(let e) = failure {
                        let message = "getaddrinfo ENOTFOUND \(request.host) \(request.host):\(request.port)"
                        e.setHidden("message", .string(message))
                        e.setHidden("stack", .string("Error: \(message)\n    at errnoException (dns.js:28:10)\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (dns.js:76:26)"))
                        e.setOwn("code", .string("ENOTFOUND"))
                        e.setOwn("errno", .string("ENOTFOUND"))
                        e.setOwn("hostname", .string(request.host))
                        e.setOwn("host", .string(request.host))
                        e.setOwn("port", .number(Double(request.port)))
                        e.removeOwn("path")
                    }
                    fail(failure)
                case .system(let code):
                    let address = stack.resolve(request.host).first ?? request.host
                    let failure = self.systemError(code, syscall: "connect")
                    if case .object(let e) = failure {
                        let message = "connect \(code.name) \(address):\(request.port)"
                        e.setHidden("message", .string(message))
                        e.setHidden("stack", .string("Error: \(message)\n    at Object.exports._errnoException (util.js:1050:11)\n    at exports._exceptionWithHostPort (util.js:1073:20)\n    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1097:14)"))
                        e.setOwn("errno", .string(code.name))
                        e.setOwn("address", .string(address))
                        e.setOwn("port", .number(Double(request.port)))
                    }
                    fail(failure)
                }
                return
            }
            var headers = HTTPHeaders()
            for (name, value) in request.headers { headers.add(name, value) }
            if headers["Host"] == nil { headers.add("Host", request.port == 80 ? request.host : "\(request.host):\(request.port)") }
            if !request.body.isEmpty, headers["Content-Length"] == nil { headers.add("Content-Length", String(request.body.count)) }
            if headers["Connection"] == nil { headers.add("Connection", "close") }
            try? connection.output.write(HTTPRequest(method: request.method, target: request.path, headers: headers, body: request.body).serialized)
            let response = try? await HTTPReader(connection.input).readResponse(bodyless: request.method == "HEAD")
            connection.close()
            guard let self else { return }
            guard let response else {
                let failure = self.systemError(.ECONNRESET, syscall: "read")
                if case .object(let e) = failure {
                    e.setHidden("message", .string("socket hang up"))
                    e.setHidden("stack", .string("Error: socket hang up\n    at createHangUpError (_http_client.js:302:15)"))
                    e.setOwn("code", .string("ECONNRESET"))
                }
                fail(failure)
                return
            }
            self.release()
            if request.aborted { return }
            let incoming = self.makeIncoming(prototype: incomingPrototype, body: response.body, headers: response.headers,
                                             version: response.version, connection: nil)
            incoming.setOwn("statusCode", .number(Double(response.status)))
            incoming.setOwn("statusMessage", .string(response.reason))
            self.turn(frames: ["emitOne (events.js:96:13)", "ClientRequest.emit (events.js:191:7)",
                               "HTTPParser.parserOnIncomingClient [as onIncoming] (_http_client.js:522:21)"]) {
                try self.interpreter.emit(.object(object), "response", [.object(incoming)])
            }
        }
    }
}

/// A URL split the way node's `url.parse` does.
struct ParsedURL {
    var protocolName: String?
    var slashes = false
    var auth: String?
    var host: String?
    var hostname: String?
    var port: Int?
    var portText: String?
    var pathname: String?
    var search: String?
    var query: String?
    var hash: String?
    var path: String? {
        if pathname == nil && search == nil { return nil }
        return (pathname ?? "") + (search ?? "")
    }

    init(_ url: String) {
        var rest = Substring(url.trimmingJSWhitespace())
        if let hashIndex = rest.firstIndex(of: "#") {
            hash = String(rest[hashIndex...])
            rest = rest[..<hashIndex]
        }
        if let questionIndex = rest.firstIndex(of: "?") {
            search = String(rest[questionIndex...])
            query = String(rest[rest.index(after: questionIndex)...])
            rest = rest[..<questionIndex]
        }
        if let colon = rest.firstIndex(of: ":"), rest[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }),
           !rest[..<colon].isEmpty {
            protocolName = rest[...colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            slashes = true
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            rest = rest[end...]
            if let at = authority.lastIndex(of: "@") {
                auth = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            host = authority.lowercased()
            if let colon = authority.lastIndex(of: ":") {
                hostname = authority[..<colon].lowercased()
                portText = String(authority[authority.index(after: colon)...])
                port = portText.flatMap { Int($0) }
            } else {
                hostname = authority.lowercased()
            }
            if rest.isEmpty { rest = "/" }
        }
        pathname = rest.isEmpty ? nil : String(rest)
    }
}
