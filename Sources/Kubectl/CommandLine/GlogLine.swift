import KubernetesAPI
import Simulation

/// A line of glog, which kubectl logs to stderr: `E0306 09:00:05.000000    1234 file.go:331] text`.
enum GlogLine {
    enum Severity: String {
        case info = "I", warning = "W", error = "E"
    }

    /// The line for `message`, logged at `instant` by process `pid` from `location` (`portforward.go:331`).
    static func format(_ severity: Severity, at instant: VirtualInstant, pid: Int, location: String, _ message: String) -> String {
        let time = CivilTime(instant)
        let pidText = String(pid)
        let header = severity.rawValue + CivilTime.padded(time.month, 2) + CivilTime.padded(time.day, 2) + " " + time.clock + "." + CivilTime.padded(time.nanosecond / 1000, 6)
            + " " + String(repeating: " ", count: max(0, 7 - pidText.count)) + pidText + " " + location + "] "
        return header + message + (message.hasSuffix("\n") ? "" : "\n")
    }
}
