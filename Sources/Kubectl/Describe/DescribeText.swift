import Formatting
import KubernetesAPI
import Simulation

/// Builds `kubectl describe` text: `Label:\tvalue` lines aligned by a (0, 8, 2) tabwriter.
struct DescribeText {
    private var text = ""

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

    var rendered: String {
        var writer = TabWriter.kubectlDescribe()
        writer.write(text)
        return writer.flush()
    }

    /// `Tue, 06 Mar 2018 09:00:00 +0000` (Go's RFC1123Z).
    static func time(_ timestamp: Timestamp?) -> String {
        guard let timestamp else { return "<unset>" }
        return CivilTime(secondsSinceEpoch: timestamp.instant.secondsSinceEpoch).rfc1123Z
    }
}
