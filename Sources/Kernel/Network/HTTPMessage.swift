/// An HTTP/1.1 request as it travels over a simulated connection.
public struct HTTPRequest: Hashable, Sendable {
    public var method: String
    /// The request target as sent: `/path?query`.
    public var target: String
    public var version: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(method: String, target: String, version: String = "HTTP/1.1", headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The bytes on the wire: request line, headers, blank line, body.
    public var serialized: [UInt8] {
        Array("\(method) \(target) \(version)\r\n\(headers.serialized)\r\n".utf8) + body
    }
}

/// An HTTP/1.1 response.
public struct HTTPResponse: Hashable, Sendable {
    public var version: String
    public var status: Int
    public var reason: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(version: String = "HTTP/1.1", status: Int, reason: String? = nil, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.version = version
        self.status = status
        self.reason = reason ?? HTTPResponse.standardReason(for: status)
        self.headers = headers
        self.body = body
    }

    /// The status line: `HTTP/1.1 200 OK`.
    public var statusLine: String { "\(version) \(status) \(reason)" }

    public var serializedHead: [UInt8] {
        Array("\(statusLine)\r\n\(headers.serialized)\r\n".utf8)
    }

    public var serialized: [UInt8] { serializedHead + body }

    /// The reason phrase Node and nginx send for `status`.
    public static func standardReason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Unknown"
        }
    }
}

/// Header fields in the order they were set, looked up without regard to case.
public struct HTTPHeaders: Hashable, Sendable, Sequence {
    public private(set) var fields: [(name: String, value: String)] = []

    public init() {}

    public init(_ fields: [(String, String)]) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    public subscript(name: String) -> String? {
        let lowered = name.lowercased()
        return fields.first { $0.name.lowercased() == lowered }?.value
    }

    /// Replaces every field called `name` by one with `value`, where the first one stood.
    public mutating func set(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        if let index = fields.firstIndex(where: { $0.name.lowercased() == lowered }) {
            fields[index].value = value
            var seen = false
            fields.removeAll { field in
                guard field.name.lowercased() == lowered else { return false }
                defer { seen = true }
                return seen
            }
        } else {
            fields.append((name, value))
        }
    }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name, value))
    }

    public mutating func remove(_ name: String) {
        let lowered = name.lowercased()
        fields.removeAll { $0.name.lowercased() == lowered }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        fields.makeIterator()
    }

    var serialized: String {
        fields.map { "\($0.name): \($0.value)\r\n" }.joined()
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.map(\.name) == rhs.fields.map(\.name) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}
