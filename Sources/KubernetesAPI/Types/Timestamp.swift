import Simulation

/// A point in time as the API prints it (`metav1.Time`): RFC 3339 in UTC, whole seconds.
public struct Timestamp: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var instant: VirtualInstant

    public init(_ instant: VirtualInstant) {
        self.instant = instant
    }

    /// Truncated to whole seconds, as the API server stores times.
    public static func seconds(of instant: VirtualInstant) -> Timestamp {
        Timestamp(VirtualInstant(secondsSinceEpoch: instant.secondsSinceEpoch))
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.instant < rhs.instant }

    /// `2018-03-06T09:00:00Z`.
    public var description: String {
        CivilTime(secondsSinceEpoch: instant.secondsSinceEpoch).rfc3339
    }

    /// Parses RFC 3339 (`2018-03-06T09:00:00Z`, fractional seconds and offsets allowed).
    public init?(rfc3339 text: String) {
        let scalars = Array(text.utf8)
        guard scalars.count >= 20 else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let digit = scalars[index]
                guard digit >= 48, digit <= 57 else { return nil }
                value = value * 10 + Int64(digit - 48)
            }
            return value
        }
        guard let year = number(0..<4), scalars[4] == 45, let month = number(5..<7), scalars[7] == 45,
              let day = number(8..<10), scalars[10] == 84 || scalars[10] == 116,
              let hour = number(11..<13), scalars[13] == 58, let minute = number(14..<16), scalars[16] == 58,
              let second = number(17..<19), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var nanoseconds: Int64 = 0
        if index < scalars.count, scalars[index] == 46 {
            index += 1
            var digits = 0
            while index < scalars.count, scalars[index] >= 48, scalars[index] <= 57 {
                if digits < 9 { nanoseconds = nanoseconds * 10 + Int64(scalars[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 9) { nanoseconds *= 10 }
        }
        guard index < scalars.count else { return nil }
        var offset: Int64 = 0
        if scalars[index] == 90 || scalars[index] == 122 {
            index += 1
        } else if scalars[index] == 43 || scalars[index] == 45, index + 6 == scalars.count, scalars[index + 3] == 58,
                  let hours = number(index + 1..<index + 3), let minutes = number(index + 4..<index + 6) {
            offset = (hours * 3600 + minutes * 60) * (scalars[index] == 43 ? 1 : -1)
            index += 6
        } else {
            return nil
        }
        guard index == scalars.count else { return nil }
        let days = CivilTime.daysSinceEpoch(year: year, month: month, day: day)
        let total = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        // Past 2262 nanoseconds no longer fit the virtual clock's Int64: not a time it can hold.
        let (scaled, overflow) = total.multipliedReportingOverflow(by: 1_000_000_000)
        let (instant, overflowAdd) = scaled.addingReportingOverflow(nanoseconds)
        guard !overflow, !overflowAdd else { return nil }
        self.init(VirtualInstant(nanosecondsSinceEpoch: instant))
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "parsing time \"\(text)\" as \"2006-01-02T15:04:05Z07:00\": cannot parse")
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
