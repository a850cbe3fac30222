import Kubernetes
import Simulation

/// A line of glog, which kubectl logs to stderr: `E0306 09:00:05.000000    1234 file.go:331] text`.
enum GlogLine {
    enum Severity: String {
        case info = "I", warning = "W", error = "E"
    }

    /// The line for `message`, logged at `instant` by process `pid` from `location` (`portforward.go:331`).
    static func format(_ severity: Severity, at instant: VirtualInstant, pid: Int, location: String, _ message: String) -> String {
        let stamp = Array(Timestamp(instant).description) // 2018-03-06T09:00:05Z
        let month = String(stamp[5...6]), day = String(stamp[8...9]), time = String(stamp[11...18])
        var fraction = instant.nanosecondsSinceEpoch % 1_000_000_000
        if fraction < 0 { fraction += 1_000_000_000 }
        let micro = String(fraction / 1000)
        let pidText = String(pid)
        let header = severity.rawValue + month + day + " " + time + "." + String(repeating: "0", count: 6 - micro.count) + micro
            + " " + String(repeating: " ", count: max(0, 7 - pidText.count)) + pidText + " " + location + "] "
        return header + message + (message.hasSuffix("\n") ? "" : "\n")
    }
}
