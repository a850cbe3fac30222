import Foundation
import Formatting
import Simulation

/// How the CLI prints durations, sizes and timestamps (durations and sizes from `Formatting`).
enum HumanUnits {
    static func duration(_ elapsed: Duration) -> String {
        DockerDuration.human(elapsed)
    }

    static func size(_ bytes: Int, precision: Int = 3) -> String {
        DockerSize.humanSize(Double(bytes), precision: precision)
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
