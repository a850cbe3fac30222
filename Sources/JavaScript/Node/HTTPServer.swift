import Kernel
import Simulation

/// The body of an incoming message and whether it has started flowing to listeners.
final class IncomingState {
    var body: [UInt8]
    var flowing = false
    var delivered = false
    var pipeTargets: [JSValue] = []
    /// Set by `setEncoding`: chunks are strings instead of Buffers.
    var encoding: String?
    init(body: [UInt8]) { self.body = body }
}

/// A listening server's open connections, so `close()` can finish them.
final class ServerState {
    var listener: Listener?
    var openConnections: [ObjectIdentifier: Connection] = [:]
    var busyConnections: Set<ObjectIdentifier> = []
    var closeCallbacks: [JSObject] = []
    var closing = false
}

extension NodeRuntime {
    func makeHTTPModule() -> JSValue {
        let i = interpreter
        let http = i.newObject()
        let serverPrototype = JSObject(prototype: emitterPrototype, className: "Server")
        serverPrototype.hiddenKeys = []
        let responsePrototype = makeResponsePrototype()
        let incomingPrototype = makeIncomingPrototype()

        i.defineMethod(http, "createServer", length: 1) { [unowned self] _, _, arguments, _ in
            let server = JSObject(prototype: serverPrototype, kind: .host(ServerState()), className: "Server")
            if let handler = self.function(arguments[argument: 0]) {
                try i.addListener(.object(server), [.string("request"), .object(handler)], once: false, prepend: false)
            }
            return .object(server)
        }
        i.defineMethod(serverPrototype, "listen", length: 2) { [unowned self] interpreter, this, arguments, _ in
            guard case .object(let server) = this, case .host(let host) = server.kind, let state = host as? ServerState else { return this }
            var port = 0
            switch arguments[argument: 0] {
            case .number(let value): port = value.safeInteger
            case .string(let text): port = Int(text) ?? 0
            case .object(let options): port = try interpreter.toNumber(options.ownValue("port") ?? .number(0)).safeInteger
            default: break
            }
            // A host of 127.0.0.1 or localhost binds the loopback: only the machine (the pod) itself reaches it.
            var bindAddress: JSValue = arguments[argument: 1]
            if case .object(let options) = arguments[argument: 0], let value = options.ownValue("host") { bindAddress = value }
            var loopbackOnly = false
            if case .string(let name) = bindAddress { loopbackOnly = name == "localhost" || name == "::1" || name.hasPrefix("127.") }
            if let callback = arguments.last.flatMap({ self.function($0) }) {
                try interpreter.addListener(this, [.string("listening"), .object(callback)], once: true, prepend: false)
            }
            do {
                let listener = try self.machine.networkStack.listen(port: port, loopbackOnly: loopbackOnly, owner: self.context.process) { [weak self] connection in
                    self?.serve(connection, server: server, state: state, incomingPrototype: incomingPrototype, responsePrototype: responsePrototype)
                }
                state.listener = listener
                self.retain()
                self.onStop { listener.close() }
                server.setHidden("_port", .number(Double(port)))
                self.callLater(interpreter.makeFunction("") { interpreter, _, _, _ in
                    try interpreter.emit(.object(server), "listening", [])
                    return .undefined
                }, [])
            } catch {
                let code: Errno
                if case .system(let errno)? = error as? NetworkError { code = errno } else { code = .EINVAL }
                let failure = self.systemError(code, syscall: "listen")
                if case .object(let object) = failure {
                    object.setHidden("message", .string("listen \(code.name) :::\(port)"))
                    object.setHidden("stack", .string("Error: listen \(code.name) :::\(port)\n    at Object.exports._errnoException (util.js:1050:11)\n    at exports._exceptionWithHostPort (util.js:1073:20)\n    at Server._listen2 (net.js:1259:14)\n    at listen (net.js:1295:10)\n    at Server.listen (net.js:1391:5)"))
                    object.setOwn("address", .string("::"))
                    object.setOwn("port", .number(Double(port)))
                }
                self.callLater(interpreter.makeFunction("") { interpreter, _, _, _ in
                    try interpreter.emit(.object(server), "error", [failure])
                    return .undefined
                }, [])
            }
            return this
        }
        i.defineMethod(serverPrototype, "close", length: 1) { [unowned self] _, this, arguments, _ in
            guard case .object(let server) = this, case .host(let host) = server.kind, let state = host as? ServerState else { return this }
            if let callback = self.function(arguments[argument: 0]) { state.closeCallbacks.append(callback) }
            guard let listener = state.listener else { return this }
            listener.close()
            state.listener = nil
            state.closing = true
            // Idle keep-alive connections are ended now; busy ones when their response is done.
            for (id, connection) in state.openConnections where !state.busyConnections.contains(id) {
                connection.close()
            }
            self.retain()
            self.finishClose(server, state)
            return this
        }
        i.defineMethod(serverPrototype, "address") { interpreter, this, _, _ in
            guard case .object(let server) = this, case .number(let port)? = server.ownValue("_port") else { return .null }
            let address = interpreter.newObject()
            address.setOwn("address", .string("::"))
            address.setOwn("family", .string("IPv6"))
            address.setOwn("port", .number(port))
            return .object(address)
        }
        i.defineMethod(serverPrototype, "setTimeout") { _, this, _, _ in this }
        http.setOwn("Server", .object(i.makeFunction("Server") { _, _, _, _ in .undefined }))
        installHTTPClient(http, incomingPrototype: incomingPrototype)
        let codes = i.newObject()
        for status in [100, 200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 409, 500, 502, 503, 504] {
            codes.setOwn(String(status), .string(HTTPResponse.standardReason(for: status)))
        }
        http.setOwn("STATUS_CODES", .object(codes))
        http.setOwn("METHODS", .object(i.newArray(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"].map { .string($0) })))
        return .object(http)
    }

    /// Runs the close callbacks once no connection is busy any more.
    private func finishClose(_ server: JSObject, _ state: ServerState) {
        guard state.closing, state.busyConnections.isEmpty else { return }
        state.closing = false
        let callbacks = state.closeCallbacks
        state.closeCallbacks.removeAll()
        loop.execute { [weak self] in
            guard let self else { return }
            self.release()  // the close itself
            self.release()  // the listening handle
            self.turn {
                for callback in callbacks {
                    _ = try self.interpreter.call(callback, this: .object(server), arguments: [], newTarget: nil)
                }
                try self.interpreter.emit(.object(server), "close", [])
            }
        }
    }

    /// Serves one accepted connection: requests in order, each answered before the next is read.
    private func serve(_ connection: Connection, server: JSObject, state: ServerState, incomingPrototype: JSObject, responsePrototype: JSObject) {
        let id = ObjectIdentifier(connection)
        state.openConnections[id] = connection
        loop.spawn { [weak self] in
            let reader = HTTPReader(connection.input)
            // When the process ends, a response still being awaited must not hold the task.
            final class Pending { var response: ResponseState? }
            let pending = Pending()
            let token = self?.onStop {
                pending.response?.finishedWakeup.wake()
                connection.close()
            }
            defer {
                state.openConnections[id] = nil
                connection.close()
                if let token { self?.cancelStop(token) }
            }
            while true {
                guard let request = try? await reader.readRequest() else { return }
                guard let self, !self.finished else { return }
                state.busyConnections.insert(id)
                let isHTTP10 = request.version == "HTTP/1.0"
                let wantsClose = request.headers["Connection"]?.lowercased() == "close"
                let wantsKeepAlive = request.headers["Connection"]?.lowercased() == "keep-alive"
                let response = ResponseState(output: connection.output, keepAlive: isHTTP10 ? wantsKeepAlive : !wantsClose,
                                             isHead: request.method == "HEAD", isHTTP10: isHTTP10)
                let incoming = self.makeIncoming(prototype: incomingPrototype, body: request.body, headers: request.headers,
                                                 version: request.version, connection: connection)
                incoming.setOwn("method", .string(request.method))
                incoming.setOwn("url", .string(request.target))
                let responseObject = JSObject(prototype: responsePrototype, kind: .host(response), className: "ServerResponse")
                responseObject.setOwn("statusCode", .number(200))
                responseObject.setOwn("statusMessage", .undefined)
                responseObject.setOwn("finished", .boolean(false))
                responseObject.setOwn("headersSent", .boolean(false))
                responseObject.setOwn("sendDate", .boolean(true))
                self.turn(frames: NodeRuntime.httpFrames) {
                    try self.interpreter.emit(.object(server), "request", [.object(incoming), .object(responseObject)])
                }
                if !response.finished {
                    pending.response = response
                    try? await response.finishedWakeup.wait()
                    pending.response = nil
                }
                state.busyConnections.remove(id)
                if state.closing || state.listener == nil {
                    self.finishClose(server, state)
                    return
                }
                if !response.keepAlive || self.finished { return }
            }
        }
    }

    /// An IncomingMessage: headers (lower-cased), body events, `pipe`.
    func makeIncoming(prototype: JSObject, body: [UInt8], headers: HTTPHeaders, version: String, connection: Connection?) -> JSObject {
        let i = interpreter
        let incoming = JSObject(prototype: prototype, kind: .host(IncomingState(body: body)), className: "IncomingMessage")
        let headerObject = i.newObject()
        var raw: [JSValue] = []
        for field in headers {
            let name = field.name.lowercased()
            if case .string(let existing)? = headerObject.ownValue(name), name != "set-cookie" {
                headerObject.setOwn(name, .string(existing + ", " + field.value))
            } else {
                headerObject.setOwn(name, .string(field.value))
            }
            raw += [.string(field.name), .string(field.value)]
        }
        incoming.setOwn("headers", .object(headerObject))
        incoming.setOwn("rawHeaders", .object(i.newArray(raw)))
        let versionNumber = version.hasPrefix("HTTP/") ? String(version.dropFirst(5)) : "1.1"
        incoming.setOwn("httpVersion", .string(versionNumber))
        if let connection {
            let socket = JSObject(prototype: emitterPrototype, className: "Socket")
            socket.setOwn("remoteAddress", .string("::ffff:" + connection.remoteAddress))
            socket.setOwn("remotePort", .number(Double(connection.remotePort)))
            socket.setOwn("localAddress", .string("::ffff:" + connection.localAddress))
            socket.setOwn("localPort", .number(Double(connection.localPort)))
            socket.setOwn("remoteFamily", .string("IPv6"))
            incoming.setOwn("connection", .object(socket))
            incoming.setOwn("socket", .object(socket))
        }
        return incoming
    }

    func makeIncomingPrototype() -> JSObject {
        let i = interpreter
        let prototype = JSObject(prototype: emitterPrototype, className: "IncomingMessage")
        prototype.hiddenKeys = []
        i.defineMethod(prototype, "setEncoding", length: 1) { interpreter, this, arguments, _ in
            if case .object(let object) = this, case .host(let host) = object.kind, let state = host as? IncomingState {
                state.encoding = arguments[argument: 0].isNullish ? "utf8" : try interpreter.toString(arguments[0])
            }
            return this
        }
        i.defineMethod(prototype, "resume") { [unowned self] _, this, _, _ in
            if case .object(let object) = this { self.startFlowing(object) }
            return this
        }
        i.defineMethod(prototype, "pause") { _, this, _, _ in this }
        i.defineMethod(prototype, "setTimeout") { _, this, _, _ in this }
        i.defineMethod(prototype, "pipe", length: 1) { [unowned self] _, this, arguments, _ in
            guard case .object(let object) = this, case .host(let host) = object.kind, let state = host as? IncomingState else { return arguments[argument: 0] }
            state.pipeTargets.append(arguments[argument: 0])
            self.startFlowing(object)
            return arguments[argument: 0]
        }
        return prototype
    }

    /// Stream bookkeeping for emitters: a 'data' listener starts an incoming body flowing.
    func listenerAdded(_ emitter: JSObject, _ name: String) {
        if name == "data" || name == "readable", case .host(let host) = emitter.kind, host is IncomingState {
            startFlowing(emitter)
        }
    }

    /// Delivers the body in a later turn: 'data' (if any), pipe writes, then 'end'.
    func startFlowing(_ object: JSObject) {
        guard case .host(let host) = object.kind, let state = host as? IncomingState, !state.flowing else { return }
        state.flowing = true
        retain()
        loop.execute { [weak self] in
            guard let self else { return }
            self.release()
            self.turn {
                guard !state.delivered else { return }
                state.delivered = true
                let i = self.interpreter
                if !state.body.isEmpty {
                    let chunk: JSValue = state.encoding == nil
                        ? .object(i.makeBuffer(state.body)) : .string(String(decoding: state.body, as: UTF8.self))
                    try i.emit(.object(object), "data", [chunk])
                    for target in state.pipeTargets {
                        _ = try i.call(try i.getProperty(target, "write"), this: target, arguments: [.object(i.makeBuffer(state.body))])
                    }
                }
                try i.emit(.object(object), "end", [])
                for target in state.pipeTargets {
                    _ = try i.call(try i.getProperty(target, "end"), this: target, arguments: [])
                }
            }
        }
    }
}
