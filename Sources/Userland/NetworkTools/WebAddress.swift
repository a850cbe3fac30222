import Kernel

/// A URL as curl and wget take it on the command line: a scheme (`http` when left out), a host,
/// a port (the scheme's default when left out) and the request target.
struct WebAddress: Hashable {
    var scheme: String
    var host: String
    var port: Int
    /// The request target: the path and query, `/` when the URL had none.
    var target: String
    /// Whether the URL as given lacked a path (curl then says `Rebuilt URL to: …/`).
    var hadNoPath: Bool
    /// The port as it was written, or nil when the scheme's default applies.
    var explicitPort: Int?

    /// The `Host` header value: the port only when it was given and is not the default one.
    var hostHeader: String {
        guard let explicitPort, explicitPort != Self.defaultPort(for: scheme) else { return host }
        return "\(host):\(explicitPort)"
    }

    /// The URL written out in full: `http://localhost:8080/path`.
    var absolute: String { "\(scheme)://\(hostHeader)\(target)" }

    static func defaultPort(for scheme: String) -> Int {
        scheme == "https" ? 443 : 80
    }

    /// Why a URL could not be used.
    enum ParseError: Error, Hashable {
        case unsupportedScheme(String)
        case malformed
        case portEndedWith(Character)
        case portTooLarge(String)
    }

    static func parse(_ text: String) throws(ParseError) -> WebAddress {
        var rest = Substring(text)
        var scheme = "http"
        if let separator = rest.firstRange(of: "://") {
            scheme = rest[..<separator.lowerBound].lowercased()
            rest = rest[separator.upperBound...]
            guard scheme == "http" || scheme == "https" else { throw .unsupportedScheme(String(text[..<separator.lowerBound])) }
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var explicitPort: Int?
        if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            let digits = authority[authority.index(after: colon)...]
            if !digits.isEmpty {
                if let bad = digits.first(where: { !$0.isASCII || !$0.isNumber }) { throw .portEndedWith(bad) }
                guard let port = Int(digits), port <= 65535 else { throw .portTooLarge(String(digits)) }
                explicitPort = port
            }
        }
        guard !host.isEmpty else { throw .malformed }
        let hadNoPath = target.isEmpty || target.hasPrefix("?")
        if hadNoPath { target = "/" + target }
        return WebAddress(scheme: scheme, host: String(host).lowercased(), port: explicitPort ?? defaultPort(for: scheme),
                          target: target, hadNoPath: hadNoPath, explicitPort: explicitPort)
    }

    /// The address a `Location` header points to, relative to this one.
    func following(_ location: String) -> WebAddress? {
        if location.contains("://") { return try? WebAddress.parse(location) }
        var next = self
        next.hadNoPath = false
        if location.hasPrefix("/") {
            next.target = location
        } else {
            let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
            let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "/"
            next.target = directory + location
        }
        return next
    }

    /// The address with `.` and `..` segments of the path resolved (RFC 3986 section 5.2.4), as
    /// curl does unless told `--path-as-is`.
    var withoutDotSegments: WebAddress {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts.first ?? "/")
        guard path.contains("/.") else { return self }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".": if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default: output.append(segment)
            }
        }
        var copy = self
        copy.target = "/" + output.joined(separator: "/") + (parts.count > 1 ? "?" + parts[1] : "")
        return copy
    }

    /// The last path component, for `curl -O` and wget's default output name.
    var fileName: String {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard !path.hasSuffix("/") else { return "" }
        return String(path.split(separator: "/").last ?? "")
    }
}
