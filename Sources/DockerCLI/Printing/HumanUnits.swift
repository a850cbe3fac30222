import Foundation
import Simulation

/// docker's go-units humanization (durations and sizes). Kept apart so the shared
/// `Formatting` module can replace it.
enum HumanUnits {
    /// `HumanDuration`: `Less than a second`, `5 seconds`, `About a minute`, `2 hours` …
    static func duration(_ elapsed: Duration) -> String {
        let seconds = Int(elapsed.secondsValue)
        if seconds < 1 { return "Less than a second" }
        if seconds == 1 { return "1 second" }
        if seconds < 60 { return "\(seconds) seconds" }
        let minutes = Int(elapsed.secondsValue / 60)
        if minutes == 1 { return "About a minute" }
        if minutes < 60 { return "\(minutes) minutes" }
        let hours = Int(elapsed.secondsValue / 3600 + 0.5)
        if hours == 1 { return "About an hour" }
        if hours < 48 { return "\(hours) hours" }
        if hours < 24 * 7 * 2 { return "\(hours / 24) days" }
        if hours < 24 * 30 * 2 { return "\(hours / 24 / 7) weeks" }
        if hours < 24 * 365 * 2 { return "\(hours / 24 / 30) months" }
        return "\(Int(elapsed.secondsValue / 3600 / 24 / 365)) years"
    }

    private static let units = ["B", "kB", "MB", "GB", "TB", "PB"]

    /// `HumanSizeWithPrecision(size, precision)`: decimal units, `%.Ng`, no space.
    static func size(_ bytes: Int, precision: Int = 3) -> String {
        var value = Double(bytes)
        var index = 0
        while value >= 1000, index < units.count - 1 {
            value /= 1000
            index += 1
        }
        return String(format: "%.\(precision)g", value) + units[index]
    }

    /// Go's RFC3339Nano with a fixed nine-digit fraction, as `docker logs -t` prints.
    static func timestamp(_ instant: VirtualInstant) -> String {
        let nanoseconds = instant.nanosecondsSinceEpoch
        let seconds = nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
        let fraction = nanoseconds - seconds * 1_000_000_000
        return civil(seconds) + "." + String(format: "%09lld", fraction) + "Z"
    }

    /// RFC 3339 with seconds only: `2018-03-06T09:00:00Z`.
    static func civil(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        // Howard Hinnant's days-to-civil.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", year, month, day,
                      secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }
}
