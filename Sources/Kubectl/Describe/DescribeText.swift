import Formatting
import Kubernetes
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
        let seconds = timestamp.instant.secondsSinceEpoch
        var days = seconds / 86_400
        var remainder = seconds % 86_400
        if remainder < 0 {
            remainder += 86_400
            days -= 1
        }
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        // Civil date from days since the epoch (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(day)) \(months[Int(month) - 1]) \(year) \(two(remainder / 3600)):\(two(remainder % 3600 / 60)):\(two(remainder % 60)) +0000"
    }
}
