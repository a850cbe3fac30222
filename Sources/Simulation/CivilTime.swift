/// A moment broken into calendar fields in UTC (the simulated machines run in UTC), on the
/// proleptic Gregorian calendar as Go's `time` package, C's `gmtime` and JavaScript's `Date`
/// count it: year 0 exists, 1970-01-01 was a Thursday. The one copy of the date arithmetic;
/// every program's time format builds on it.
public struct CivilTime: Hashable, Sendable {
    public var year: Int
    /// 1...12.
    public var month: Int
    /// 1...31.
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int
    /// 0...999_999_999.
    public var nanosecond: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    public init(_ instant: VirtualInstant) {
        let nanoseconds = instant.nanosecondsSinceEpoch
        let seconds = Self.floorDivide(nanoseconds, 1_000_000_000)
        self.init(secondsSinceEpoch: seconds)
        nanosecond = Int(nanoseconds - seconds * 1_000_000_000)
    }

    public init(secondsSinceEpoch seconds: Int64) {
        let days = Self.floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = Self.date(daysSinceEpoch: days)
        self.init(year: Int(year), month: Int(month), day: Int(day),
                  hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
    }

    // MARK: Derived fields

    /// Days since 1970-01-01 of the date (the time of day ignored).
    public var daysSinceEpoch: Int64 {
        Self.daysSinceEpoch(year: Int64(year), month: Int64(month), day: Int64(day))
    }

    /// Whole seconds since the epoch, negative before 1970.
    public var secondsSinceEpoch: Int64 {
        daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    public var instant: VirtualInstant {
        VirtualInstant(nanosecondsSinceEpoch: secondsSinceEpoch * 1_000_000_000 + Int64(nanosecond))
    }

    /// 0 = Sunday … 6 = Saturday.
    public var weekday: Int { Int(Self.floorModulo(daysSinceEpoch + 4, 7)) }

    /// 1...366, as Go's `YearDay` and `strftime`'s `%j`.
    public var dayOfYear: Int {
        Int(daysSinceEpoch - Self.daysSinceEpoch(year: Int64(year), month: 1, day: 1)) + 1
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    // MARK: Names (C locale, as Go and JavaScript spell them)

    public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                    "September", "October", "November", "December"]
    public static let weekdayAbbreviations = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    public static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    public var monthAbbreviation: String { Self.monthAbbreviations[monthIndex] }
    public var monthName: String { Self.monthNames[monthIndex] }
    public var weekdayName: String { Self.weekdayNames[weekday] }
    /// 0...11 even for a month set out of range by hand (names never trap).
    private var monthIndex: Int { Int(Self.floorModulo(Int64(month) - 1, 12)) }
    public var weekdayAbbreviation: String { Self.weekdayAbbreviations[weekday] }

    // MARK: Go's layouts

    /// Go's `2006` for the year: at least four digits, a sign of its own before them (`-0001`).
    public var goYear: String {
        year < 0 ? "-" + Self.padded(-year, 4) : Self.padded(year, 4)
    }

    /// `2006-01-02T15:04:05Z` (Go's `time.RFC3339` of a UTC time; the fraction dropped).
    public var rfc3339: String {
        "\(goYear)-\(Self.padded(month, 2))-\(Self.padded(day, 2))T\(clock)Z"
    }

    /// Go's `time.RFC3339Nano` of a UTC time: the fraction with its trailing zeros trimmed,
    /// none at all for whole seconds (`2018-03-06T09:00:00.5Z`).
    public var rfc3339Nano: String {
        var fraction = Self.padded(nanosecond, 9)
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(goYear)-\(Self.padded(month, 2))-\(Self.padded(day, 2))T\(clock)" + (fraction.isEmpty ? "" : "." + fraction) + "Z"
    }

    /// `2006-01-02T15:04:05.000000000Z` (Docker's `RFC3339NanoFixed` in UTC): always nine digits.
    public var rfc3339NanoFixed: String {
        "\(goYear)-\(Self.padded(month, 2))-\(Self.padded(day, 2))T\(clock).\(Self.padded(nanosecond, 9))Z"
    }

    /// `Mon, 02 Jan 2006 15:04:05 +0000` (Go's `time.RFC1123Z` in UTC).
    public var rfc1123Z: String {
        "\(weekdayAbbreviation), \(Self.padded(day, 2)) \(monthAbbreviation) \(goYear) \(clock) +0000"
    }

    /// `2006/01/02 15:04:05`, the time Go's `log` package starts lines with.
    public var goLogTime: String {
        "\(goYear)/\(Self.padded(month, 2))/\(Self.padded(day, 2)) \(clock)"
    }

    /// `15:04:05`.
    public var clock: String {
        "\(Self.padded(hour, 2)):\(Self.padded(minute, 2)):\(Self.padded(second, 2))"
    }

    /// `value` in decimal, zero-padded to `width` digits (a minus sign, if any, comes first).
    public static func padded(_ value: Int, _ width: Int, with filler: Character = "0") -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: filler, count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return value < 0 ? (filler == "0" ? "-" + padding + digits : padding + "-" + digits) : padding + digits
    }

    // MARK: The arithmetic (Howard Hinnant's `days_from_civil` and `civil_from_days`)

    /// Days since 1970-01-01 of a date; months outside 1...12 and days outside the month roll over.
    public static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = year + floorDivide(month - 1, 12)
        let m = floorModulo(month - 1, 12) + 1
        let marchYear = m <= 2 ? y - 1 : y
        let era = floorDivide(marchYear, 400)
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year, month (1...12) and day of a day counted from 1970-01-01.
    public static func date(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return value % divisor < 0 ? quotient - 1 : quotient
    }

    static func floorModulo(_ value: Int64, _ divisor: Int64) -> Int64 {
        value - floorDivide(value, divisor) * divisor
    }
}
