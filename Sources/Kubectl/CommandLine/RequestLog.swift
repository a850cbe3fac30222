import KubernetesAPI
import Kernel
import Simulation
import StructuredData

/// The client kubectl uses under `--v 6` and above: every call is the REST request the real
/// client sends, logged on stderr as client-go 1.8's debugging round tripper
/// (`transport/round_trippers.go`) logged it through glog.
final class RequestLog: KubernetesClient {
    private let inner: any KubernetesClient
    private let context: ProgramContext
    private let server: String
    private let level: Int
    /// `kubectl/v1.8.0 (linux/amd64) kubernetes/6e93783`.
    private let userAgent: String

    init(_ inner: any KubernetesClient, context: ProgramContext, server: String, level: Int, userAgent: String) {
        self.inner = inner
        self.userAgent = userAgent
        self.context = context
        var server = server
        while server.hasSuffix("/") { server.removeLast() }
        self.server = server
        self.level = level
    }

    // The round tripper's lines and where 1.8 logged them from.
    private static let justURLLine = "round_trippers.go:414"
    private static let curlLine = "round_trippers.go:417"
    private static let requestHeadersLine = "round_trippers.go:421"
    private static let requestHeaderLine = "round_trippers.go:424"
    private static let urlTimingLine = "round_trippers.go:436"
    private static let responseStatusLine = "round_trippers.go:439"

    /// Sends one request through `call`, logging it as `DebugWrappers` did for the level:
    /// 6 the verb, URL, status and time; 7 and 8 the URL first, the request's headers, then the
    /// status line.
    private func send<Result>(_ verb: String, _ path: String, success: Int = 200, body: Bool = false,
                              _ call: () throws(APIError) -> Result) throws(APIError) -> Result {
        let url = server + path
        if level >= 7 {
            log(Self.justURLLine, verb + " " + url)
            log(Self.requestHeadersLine, "Request Headers:")
            for (name, value) in headers(verb: verb, body: body) {
                log(Self.requestHeaderLine, "    \(name): \(value)")
            }
        }
        let started = context.loop.now
        let status: String
        let result: Swift.Result<Result, APIError>
        do {
            result = .success(try call())
            status = Self.status(success)
        } catch {
            result = .failure(error)
            status = Self.status(error.code)
        }
        let milliseconds = (context.loop.now - started).components.seconds * 1000
            + (context.loop.now - started).components.attoseconds / 1_000_000_000_000_000
        if level >= 7 {
            log(Self.responseStatusLine, "Response Status: \(status) in \(milliseconds) milliseconds")
        } else {
            log(Self.urlTimingLine, "\(verb) \(url) \(status) in \(milliseconds) milliseconds")
        }
        return try result.get()
    }

    /// The headers kubectl 1.8 set on its requests, in a fixed order (Go's map order is random).
    private func headers(verb: String, body: Bool) -> [(String, String)] {
        var headers: [(String, String)] = [("Accept", "application/json, */*")]
        if body {
            headers.append(("Content-Type", verb == "PATCH" ? "application/merge-patch+json" : "application/json"))
        }
        headers.append(("User-Agent", userAgent))
        return headers
    }

    private func log(_ location: String, _ message: String) {
        context.printError(GlogLine.format(.info, at: context.loop.now, pid: context.process.pid, location: location, message))
    }

    /// `200 OK`, `404 Not Found`: Go's `Response.Status`.
    static func status(_ code: Int) -> String {
        let text = switch code {
        case 200: "OK"
        case 201: "Created"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
        return "\(code) \(text)"
    }

    // MARK: Paths

    private func objectPath<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String) -> String {
        type.resource.selfLink(apiVersion: type.resource.preferredAPIVersion, namespace: namespace ?? "default", name: name)
    }

    private func collectionPath<Object: APIObject>(_ type: Object.Type, namespace: String?) -> String {
        type.resource.collectionLink(apiVersion: type.resource.preferredAPIVersion, namespace: namespace)
    }

    /// `?labelSelector=app%3Dkubia`: Go's `url.Values.Encode`, keys sorted.
    static func query(_ parameters: [(String, String)]) -> String {
        let pairs = parameters.filter { !$0.1.isEmpty }.sorted { $0.0 < $1.0 }
        guard !pairs.isEmpty else { return "" }
        return "?" + pairs.map { $0.0 + "=" + queryEscaped($0.1) }.joined(separator: "&")
    }

    /// Go's `url.QueryEscape`: letters, digits and `-_.~` stay, a space is `+`, the rest `%XX`.
    static func queryEscaped(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    private func listQuery(_ options: ListOptions, watch: Bool) -> String {
        var parameters: [(String, String)] = []
        if options.labelSelector != .everything { parameters.append(("labelSelector", options.labelSelector.description)) }
        if options.fieldSelector != .everything { parameters.append(("fieldSelector", options.fieldSelector.description)) }
        if watch {
            parameters.append(("resourceVersion", options.resourceVersion ?? ""))
            parameters.append(("watch", "true"))
        }
        return Self.query(parameters)
    }

    // MARK: KubernetesClient

    func create<Object: APIObject>(_ object: Object) throws(APIError) -> Object {
        try send("POST", collectionPath(Object.self, namespace: object.metadata.namespace ?? "default"), success: 201, body: true) { () throws(APIError) in
            try inner.create(object)
        }
    }

    func get<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String) throws(APIError) -> Object {
        try send("GET", objectPath(type, namespace: namespace, name: name)) { () throws(APIError) in
            try inner.get(type, namespace: namespace, name: name)
        }
    }

    func export<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, exact: Bool) throws(APIError) -> Object {
        let query = Self.query([("exact", exact ? "" : "false"), ("export", "true")])
        return try send("GET", objectPath(type, namespace: namespace, name: name) + query) { () throws(APIError) in
            try inner.export(type, namespace: namespace, name: name, exact: exact)
        }
    }

    func list<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions) throws(APIError) -> ObjectList<Object> {
        try send("GET", collectionPath(type, namespace: namespace) + listQuery(options, watch: false)) { () throws(APIError) in
            try inner.list(type, namespace: namespace, options: options)
        }
    }

    func update<Object: APIObject>(_ object: Object) throws(APIError) -> Object {
        try send("PUT", objectPath(Object.self, namespace: object.metadata.namespace, name: object.name), body: true) { () throws(APIError) in
            try inner.update(object)
        }
    }

    func updateStatus<Object: APIObject>(_ object: Object) throws(APIError) -> Object {
        try send("PUT", objectPath(Object.self, namespace: object.metadata.namespace, name: object.name) + "/status", body: true) { () throws(APIError) in
            try inner.updateStatus(object)
        }
    }

    func patch<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, mergePatch: JSONValue) throws(APIError) -> Object {
        try send("PATCH", objectPath(type, namespace: namespace, name: name), body: true) { () throws(APIError) in
            try inner.patch(type, namespace: namespace, name: name, mergePatch: mergePatch)
        }
    }

    func delete<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, options: DeleteOptions) throws(APIError) -> Object {
        try send("DELETE", objectPath(type, namespace: namespace, name: name), body: true) { () throws(APIError) in
            try inner.delete(type, namespace: namespace, name: name, options: options)
        }
    }

    func watch<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try send("GET", collectionPath(type, namespace: namespace) + listQuery(options, watch: true)) { () throws(APIError) in
            try inner.watch(type, namespace: namespace, options: options, handler: handler)
        }
    }

    func reflect<Object: APIObject>(_ type: Object.Type, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try inner.reflect(type, handler: handler)
    }

    func bind(pod name: String, namespace: String, to nodeName: String) throws(APIError) {
        try send("POST", objectPath(Pod.self, namespace: namespace, name: name) + "/binding", success: 201, body: true) { () throws(APIError) in
            try inner.bind(pod: name, namespace: namespace, to: nodeName)
        }
    }

    var currentResourceVersion: String { inner.currentResourceVersion }
}
