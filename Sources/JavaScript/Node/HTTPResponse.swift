import Kernel
import Simulation

/// A server response being written to a connection.
final class ResponseState {
    let output: any WritableStream
    var headers: [(name: String, value: String)] = []
    var headerSent = false
    var chunked = false
    var keepAlive: Bool
    let isHead: Bool
    let isHTTP10: Bool
    var finished = false
    let finishedWakeup = Wakeup()

    init(output: any WritableStream, keepAlive: Bool, isHead: Bool, isHTTP10: Bool) {
        self.output = output
        self.keepAlive = keepAlive
        self.isHead = isHead
        self.isHTTP10 = isHTTP10
    }

    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    func setHeader(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        if let index = headers.firstIndex(where: { $0.name.lowercased() == lowered }) {
            headers[index].value = value
        } else {
            headers.append((name, value))
        }
    }
}

/// ServerResponse: status, headers with node's defaults, chunked or sized bodies.
extension NodeRuntime {
    func makeResponsePrototype() -> JSObject {
        let i = interpreter
        let prototype = JSObject(prototype: emitterPrototype, className: "ServerResponse")
        prototype.hiddenKeys = []
        func state(_ this: JSValue) -> (JSObject, ResponseState)? {
            guard case .object(let object) = this, case .host(let host) = object.kind, let state = host as? ResponseState else { return nil }
            return (object, state)
        }
        i.defineMethod(prototype, "setHeader", length: 2) { interpreter, this, arguments, _ in
            guard let (_, response) = state(this) else { return .undefined }
            if response.headerSent { throw interpreter.throwError("Error", "Can't set headers after they are sent.") }
            let value = arguments[argument: 1]
            let text = value.asObject?.isArray == true ? try value.asObject?.elements.map { try interpreter.toString($0) }.joined(separator: ", ") ?? "" : try interpreter.toString(value)
            response.setHeader(try interpreter.toString(arguments[argument: 0]), text)
            return .undefined
        }
        i.defineMethod(prototype, "getHeader", length: 1) { interpreter, this, arguments, _ in
            guard let (_, response) = state(this) else { return .undefined }
            return response.header(try interpreter.toString(arguments[argument: 0])).map { .string($0) } ?? .undefined
        }
        i.defineMethod(prototype, "removeHeader", length: 1) { interpreter, this, arguments, _ in
            guard let (_, response) = state(this) else { return .undefined }
            let name = try interpreter.toString(arguments[argument: 0]).lowercased()
            response.headers.removeAll { $0.name.lowercased() == name }
            return .undefined
        }
        i.defineMethod(prototype, "writeHead", length: 3) { [unowned self] interpreter, this, arguments, _ in
            guard let (object, response) = state(this) else { return this }
            object.setOwn("statusCode", .number(try interpreter.toNumber(arguments[argument: 0])))
            var headers = arguments[argument: 1]
            if case .string(let reason) = headers {
                object.setOwn("statusMessage", .string(reason))
                headers = arguments[argument: 2]
            }
            if case .object(let fields) = headers {
                for key in fields.enumerableKeys {
                    response.setHeader(key, try interpreter.toString(try interpreter.getProperty(headers, key)))
                }
            }
            // node 7 fixes the head here: the length of a later end() is not known, so chunked.
            try self.sendHead(object, response, contentLength: nil)
            return this
        }
        i.defineMethod(prototype, "write", length: 1) { [unowned self] interpreter, this, arguments, _ in
            guard let (object, response) = state(this), !response.finished else { return .boolean(false) }
            if !response.headerSent { try self.sendHead(object, response, contentLength: nil) }
            let bytes = try interpreter.bytes(of: arguments[argument: 0], encoding: arguments[argument: 1])
            self.writeBody(response, bytes)
            return .boolean(true)
        }
        i.defineMethod(prototype, "end", length: 1) { [unowned self] interpreter, this, arguments, _ in
            guard let (object, response) = state(this), !response.finished else { return .undefined }
            var bytes: [UInt8] = []
            if case .undefined = arguments[argument: 0] {} else if self.function(arguments[0]) == nil {
                bytes = try interpreter.bytes(of: arguments[0], encoding: arguments[argument: 1])
            }
            if !response.headerSent { try self.sendHead(object, response, contentLength: bytes.count) }
            self.writeBody(response, bytes)
            if response.chunked && !response.isHead { try? response.output.write(Array("0\r\n\r\n".utf8)) }
            response.finished = true
            object.setOwn("finished", .boolean(true))
            if !response.keepAlive { response.output.close() }
            response.finishedWakeup.wake()
            self.retain()
            self.loop.execute { [weak self] in
                self?.release()
                self?.turn { try interpreter.emit(.object(object), "finish", []) }
            }
            return .undefined
        }
        i.defineMethod(prototype, "setTimeout") { _, this, _, _ in this }
        return prototype
    }

    /// Writes the status line and headers, with node's defaults (Date, Connection, framing).
    func sendHead(_ object: JSObject, _ response: ResponseState, contentLength: Int?) throws {
        guard !response.headerSent else { return }
        let status = try interpreter.toNumber(object.ownValue("statusCode") ?? .number(200)).safeInteger
        var reason = HTTPResponse.standardReason(for: status)
        if case .string(let custom)? = object.ownValue("statusMessage") { reason = custom }
        var head = "HTTP/1.1 \(status) \(reason)\r\n"
        for field in response.headers { head += "\(field.name): \(field.value)\r\n" }
        if response.header("Date") == nil, object.ownValue("sendDate")?.truthy ?? true {
            head += "Date: \(DateFields(milliseconds: interpreter.currentTime()).utcString)\r\n"
        }
        if let connection = response.header("Connection") {
            if connection.lowercased() == "close" { response.keepAlive = false }
        } else {
            head += "Connection: \(response.keepAlive ? "keep-alive" : "close")\r\n"
        }
        let bodyless = status == 204 || status == 304 || (100..<200).contains(status) || response.isHead
        if response.header("Content-Length") == nil, response.header("Transfer-Encoding") == nil, !bodyless {
            if let contentLength {
                head += "Content-Length: \(contentLength)\r\n"
            } else if response.isHTTP10 {
                response.keepAlive = false
            } else {
                head += "Transfer-Encoding: chunked\r\n"
                response.chunked = true
            }
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.chunked = true
        }
        head += "\r\n"
        try? response.output.write(Array(head.utf8))
        response.headerSent = true
        object.setOwn("headersSent", .boolean(true))
    }

    func writeBody(_ response: ResponseState, _ bytes: [UInt8]) {
        guard !bytes.isEmpty, !response.isHead else { return }
        if response.chunked {
            try? response.output.write(Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + Array("\r\n".utf8))
        } else {
            try? response.output.write(bytes)
        }
    }
}
