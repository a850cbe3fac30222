import Formatting

/// One `[LOCAL_PORT:]REMOTE_PORT` argument of `kubectl port-forward`, parsed as client-go's
/// port forwarder does: a local port of 0 (or none before the colon) picks a free one.
struct ForwardedPort: Hashable {
    var local: Int
    var remote: Int

    /// Parses every argument; the first bad one gives client-go's error text.
    static func parse(_ arguments: [String]) throws(KubectlError) -> [ForwardedPort] {
        var ports: [ForwardedPort] = []
        for argument in arguments {
            let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let localText: String, remoteText: String
            switch parts.count {
            case 1:
                localText = parts[0]
                remoteText = parts[0]
            case 2:
                localText = parts[0].isEmpty ? "0" : parts[0]
                remoteText = parts[1]
            default:
                throw .message("Invalid port format '\(argument)'")
            }
            guard let local = Self.parsePort(localText) else {
                throw .message("Error parsing local port '\(localText)': \(Self.parseError(localText))")
            }
            guard let remote = Self.parsePort(remoteText) else {
                throw .message("Error parsing remote port '\(remoteText)': \(Self.parseError(remoteText))")
            }
            guard remote > 0 else { throw .message("Remote port must be > 0") }
            ports.append(ForwardedPort(local: local, remote: remote))
        }
        return ports
    }

    /// Go's `strconv.ParseUint(text, 10, 16)`: decimal digits only, at most 65535.
    static func parsePort(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let significant = text.drop { $0 == "0" }
        guard significant.count <= 5, let value = Int(significant.isEmpty ? "0" : String(significant)), value <= 65_535 else { return nil }
        return value
    }

    /// The text of the `strconv.NumError` `parsePort` stands for.
    static func parseError(_ text: String) -> String {
        let digitsOnly = !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
        return "strconv.ParseUint: parsing \(goQuoted(text)): " + (digitsOnly ? "value out of range" : "invalid syntax")
    }

    /// Go's `%v` of a `[]ForwardedPort`: `[{8888 8080} {0 5000}]`.
    static func describe(_ ports: [ForwardedPort]) -> String {
        "[" + ports.map { "{\($0.local) \($0.remote)}" }.joined(separator: " ") + "]"
    }
}
