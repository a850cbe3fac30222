/// Ages as kubectl prints them (`k8s.io/apimachinery/pkg/util/duration`).
public enum KubernetesDuration {
    /// `ShortHumanDuration`, what Kubernetes ≈1.8 printed in AGE columns: `59s`, `1m`, `2h`, `3d`, `4y`.
    public static func short(_ duration: Duration) -> String {
        let nanoseconds = totalNanoseconds(duration)
        let seconds = nanoseconds / 1_000_000_000  // truncates toward zero, like Go's int(d.Seconds())
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 || nanoseconds < 0 { return "0s" }
        if seconds < 60 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 24 { return "\(hours)h" }
        if hours < 24 * 365 { return "\(hours / 24)d" }
        return "\(hours / 24 / 365)y"
    }

    /// `HumanDuration`, the newer two-unit style: `119s`, `2m30s`, `45m`, `5h3m`, `23h`, `3d4h`, `45d`, `2y15d`, `9y`.
    public static func human(_ duration: Duration) -> String {
        let nanoseconds = totalNanoseconds(duration)
        let seconds = nanoseconds / 1_000_000_000
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 || nanoseconds < 0 { return "0s" }
        if seconds < 60 * 2 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let remainder = seconds % 60
            return remainder == 0 ? "\(minutes)m" : "\(minutes)m\(remainder)s"
        }
        if minutes < 60 * 3 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 {
            let remainder = minutes % 60
            return remainder == 0 ? "\(hours)h" : "\(hours)h\(remainder)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let remainder = hours % 24
            return remainder == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(remainder)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let days = (hours / 24) % 365
            return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
        }
        return "\(hours / 24 / 365)y"
    }

    static func totalNanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min : Int64.max }
        return scaled.addingReportingOverflow(attoseconds / 1_000_000_000).partialValue
    }
}
