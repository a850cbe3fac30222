import Simulation

/// The sections of `kubectl describe`: `Label:\tvalue` lines at indentation levels, which
/// kubectl aligns with its (0, 8, 2) tabwriter and prints.
public struct DescribeText {
    /// The lines so far, each ending in a newline, `\t` between label and value.
    public private(set) var text = ""

    public init() {}

    /// One line at an indentation level (2 spaces each); `\t` separates label and value.
    mutating func line(_ level: Int, _ content: String) {
        text += String(repeating: "  ", count: level) + content + "\n"
    }

    /// `Labels:\tapp=kubia` then one `key=value` per line, aligned under the first.
    mutating func map(_ level: Int, _ label: String, _ entries: [String: String]?, separator: String = "=", skipping: Set<String> = []) {
        let keys = (entries ?? [:]).keys.filter { !skipping.contains($0) }.sorted()
        guard !keys.isEmpty, let entries else {
            line(level, label + ":\t<none>")
            return
        }
        for (index, key) in keys.enumerated() {
            let value = key + separator + (entries[key] ?? "")
            line(level, (index == 0 ? label + ":" : "") + "\t" + value)
        }
    }

    /// `Annotations:` as 1.8's `printAnnotationsMultiline` wrote them: `key=value` lines
    /// aligned under the first, each cut at 200 bytes and marked `...`. A value's own line
    /// breaks stay (a shorter JSON annotation ending in one leaves a blank line after it).
    mutating func annotations(_ level: Int, _ entries: [String: String]?) {
        let keys = (entries ?? [:]).keys.sorted()
        guard !keys.isEmpty, let entries else {
            line(level, "Annotations:\t<none>")
            return
        }
        for (index, key) in keys.enumerated() {
            line(level, (index == 0 ? "Annotations:" : "") + "\t" + Self.annotation(key, entries[key] ?? ""))
        }
    }

    /// `key=value`, or its first 200 bytes and `...` (`maxAnnotationLen`).
    static func annotation(_ key: String, _ value: String) -> String {
        let line = key + "=" + value
        let bytes = Array(line.utf8)
        guard bytes.count > maxAnnotationLength else { return line }
        return String(decoding: bytes[..<maxAnnotationLength], as: UTF8.self) + "..."
    }

    static let maxAnnotationLength = 200

    /// `Tue, 06 Mar 2018 09:00:00 +0000` (Go's RFC1123Z).
    static func time(_ timestamp: Timestamp?) -> String {
        guard let timestamp else { return "<unset>" }
        return CivilTime(secondsSinceEpoch: timestamp.instant.secondsSinceEpoch).rfc1123Z
    }
}
