import Formatting
import Simulation

/// A cron schedule as the robfig/cron package that Kubernetes 1.8 vendored parses and evaluates
/// it (`cron.ParseStandard`, `SpecSchedule.Next`): five fields (minute, hour, day of month,
/// month, day of week) of lists, ranges, steps and names, or a descriptor (`@hourly`, `@every 1h`).
/// Times are UTC, as the controller manager of a minikube or GKE cluster runs.
public struct CronSchedule: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case fields(second: UInt64, minute: UInt64, hour: UInt64, dayOfMonth: UInt64, month: UInt64, dayOfWeek: UInt64)
        /// `@every`: a fixed delay, whole seconds, at least one.
        case every(seconds: Int64)
    }

    let kind: Kind

    /// The longest schedule text parsed; the API server limits sizes far below it anyway.
    static let maximumLength = 1024

    /// `ParseStandard`; the error text is robfig/cron's.
    public init(parsing text: String) throws(CronScheduleError) {
        guard text.utf8.count <= Self.maximumLength else { throw CronScheduleError("Schedule too long: \(text.utf8.count) bytes") }
        // Go indexes the first byte without checking; the API's validation never hands it an empty string.
        guard let first = text.first else { throw CronScheduleError("Empty spec string") }
        if first == "@" {
            kind = try Self.descriptor(text)
            return
        }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }).map(String.init)
        guard fields.count == 5 else {
            throw CronScheduleError("Expected exactly 5 fields, found \(fields.count): \(text)")
        }
        kind = .fields(
            second: 1 << Bounds.seconds.minimum,
            minute: try Self.field(fields[0], .minutes), hour: try Self.field(fields[1], .hours),
            dayOfMonth: try Self.field(fields[2], .daysOfMonth), month: try Self.field(fields[3], .months),
            dayOfWeek: try Self.field(fields[4], .daysOfWeek))
    }

    // MARK: Parsing

    struct Bounds {
        var minimum: UInt
        var maximum: UInt
        var names: [String: UInt] = [:]

        static let seconds = Bounds(minimum: 0, maximum: 59)
        static let minutes = Bounds(minimum: 0, maximum: 59)
        static let hours = Bounds(minimum: 0, maximum: 23)
        static let daysOfMonth = Bounds(minimum: 1, maximum: 31)
        static let months = Bounds(minimum: 1, maximum: 12, names: [
            "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12])
        static let daysOfWeek = Bounds(minimum: 0, maximum: 6, names: ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6])
    }

    /// Set when a field was `*` or `?`: day-of-month and day-of-week then both have to match.
    static let starBit: UInt64 = 1 << 63

    /// `getField`: comma-separated ranges, or-ed together.
    static func field(_ text: String, _ bounds: Bounds) throws(CronScheduleError) -> UInt64 {
        var bits: UInt64 = 0
        for expression in text.split(separator: ",", omittingEmptySubsequences: true) {
            bits |= try range(String(expression), bounds)
        }
        return bits
    }

    /// `getRange`: `*`, `N`, `N-M`, each optionally `/step` (`N/step` runs to the maximum).
    static func range(_ expression: String, _ bounds: Bounds) throws(CronScheduleError) -> UInt64 {
        let rangeAndStep = expression.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let lowAndHigh = rangeAndStep[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let singleDigit = lowAndHigh.count == 1
        var start: UInt
        var end: UInt
        var extra: UInt64 = 0
        if lowAndHigh[0] == "*" || lowAndHigh[0] == "?" {
            start = bounds.minimum
            end = bounds.maximum
            extra = starBit
        } else {
            start = try integerOrName(lowAndHigh[0], bounds.names)
            switch lowAndHigh.count {
            case 1: end = start
            case 2: end = try integerOrName(lowAndHigh[1], bounds.names)
            default: throw CronScheduleError("Too many hyphens: \(expression)")
            }
        }
        var step: UInt = 1
        switch rangeAndStep.count {
        case 1: break
        case 2:
            step = try integer(rangeAndStep[1])
            if singleDigit { end = bounds.maximum }
        default: throw CronScheduleError("Too many slashes: \(expression)")
        }
        if start < bounds.minimum {
            throw CronScheduleError("Beginning of range (\(start)) below minimum (\(bounds.minimum)): \(expression)")
        }
        if end > bounds.maximum {
            throw CronScheduleError("End of range (\(end)) above maximum (\(bounds.maximum)): \(expression)")
        }
        if start > end {
            throw CronScheduleError("Beginning of range (\(start)) beyond end of range (\(end)): \(expression)")
        }
        // The vendored version looped forever on a zero step; a clear error instead.
        if step == 0 { throw CronScheduleError("Step of range should be a positive number: \(expression)") }
        var bits: UInt64 = 0
        var value = start
        while value <= end {
            bits |= 1 << UInt64(value)
            value += step
        }
        return bits | extra
    }

    static func integerOrName(_ text: String, _ names: [String: UInt]) throws(CronScheduleError) -> UInt {
        if let named = names[text.lowercased()] { return named }
        return try integer(text)
    }

    /// `mustParseInt`, with `strconv.Atoi`'s messages.
    static func integer(_ text: String) throws(CronScheduleError) -> UInt {
        guard let number = GoAtoi.parse(text) else {
            let reason = GoAtoi.isSyntacticallyValid(text) ? "value out of range" : "invalid syntax"
            throw CronScheduleError("Failed to parse int from \(text): strconv.Atoi: parsing \(goQuoted(text)): \(reason)")
        }
        if number < 0 { throw CronScheduleError("Negative number (\(number)) not allowed: \(text)") }
        return UInt(number)
    }

    /// `parseDescriptor`.
    static func descriptor(_ text: String) throws(CronScheduleError) -> Kind {
        let all: UInt64 = ~0
        func every(_ bounds: Bounds) -> UInt64 { rangeBits(bounds.minimum, bounds.maximum) | starBit }
        switch text {
        case "@yearly", "@annually":
            return .fields(second: 1, minute: 1, hour: 1, dayOfMonth: 1 << 1, month: 1 << 1, dayOfWeek: every(.daysOfWeek))
        case "@monthly":
            return .fields(second: 1, minute: 1, hour: 1, dayOfMonth: 1 << 1, month: every(.months), dayOfWeek: every(.daysOfWeek))
        case "@weekly":
            return .fields(second: 1, minute: 1, hour: 1, dayOfMonth: every(.daysOfMonth), month: every(.months), dayOfWeek: 1)
        case "@daily", "@midnight":
            return .fields(second: 1, minute: 1, hour: 1, dayOfMonth: every(.daysOfMonth), month: every(.months), dayOfWeek: every(.daysOfWeek))
        case "@hourly":
            return .fields(second: 1, minute: 1, hour: every(.hours), dayOfMonth: every(.daysOfMonth), month: every(.months), dayOfWeek: every(.daysOfWeek))
        default:
            _ = all
            let prefix = "@every "
            guard text.hasPrefix(prefix) else { throw CronScheduleError("Unrecognized descriptor: \(text)") }
            let durationText = String(text.dropFirst(prefix.count))
            guard let nanoseconds = GoDurationText.nanoseconds(durationText) else {
                throw CronScheduleError("Failed to parse duration \(text): time: invalid duration \(durationText)")
            }
            // `Every`: below a second becomes a second; otherwise rounded down to whole seconds.
            return .every(seconds: max(1, nanoseconds / 1_000_000_000))
        }
    }

    static func rangeBits(_ low: UInt, _ high: UInt) -> UInt64 {
        var bits: UInt64 = 0
        for value in low...high { bits |= 1 << UInt64(value) }
        return bits
    }

    // MARK: Evaluation

    /// `Next`: the first activation strictly after `seconds` (Unix seconds, UTC); nil when none
    /// falls within five years (Go returns the zero time then).
    public func next(after seconds: Int64) -> Int64? {
        switch kind {
        case .every(let delay):
            return seconds + delay
        case let .fields(second, minute, hour, dayOfMonth, month, dayOfWeek):
            var time = CivilTime(secondsSinceEpoch: seconds + 1)
            var added = false
            let yearLimit = time.year + 5
            wrap: while true {
                if time.year > yearLimit { return nil }
                while (1 << UInt64(time.month)) & month == 0 {
                    if !added {
                        added = true
                        time = CivilTime(year: time.year, month: time.month, day: 1)
                    }
                    time = Self.addingMonth(time)
                    if time.month == 1 { continue wrap }
                }
                while !Self.dayMatches(time, dayOfMonth: dayOfMonth, dayOfWeek: dayOfWeek) {
                    if !added {
                        added = true
                        time = CivilTime(year: time.year, month: time.month, day: time.day)
                    }
                    time = CivilTime(secondsSinceEpoch: time.secondsSinceEpoch + 86_400)
                    if time.day == 1 { continue wrap }
                }
                while (1 << UInt64(time.hour)) & hour == 0 {
                    if !added {
                        added = true
                        time = CivilTime(year: time.year, month: time.month, day: time.day, hour: time.hour)
                    }
                    time = CivilTime(secondsSinceEpoch: time.secondsSinceEpoch + 3_600)
                    if time.hour == 0 { continue wrap }
                }
                while (1 << UInt64(time.minute)) & minute == 0 {
                    if !added {
                        added = true
                        time = CivilTime(year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute)
                    }
                    time = CivilTime(secondsSinceEpoch: time.secondsSinceEpoch + 60)
                    if time.minute == 0 { continue wrap }
                }
                while (1 << UInt64(time.second)) & second == 0 {
                    added = true
                    time = CivilTime(secondsSinceEpoch: time.secondsSinceEpoch + 1)
                    if time.second == 0 { continue wrap }
                }
                return time.secondsSinceEpoch
            }
        }
    }

    /// `dayMatches`: with a `*` in either day field both must match, otherwise either.
    static func dayMatches(_ time: CivilTime, dayOfMonth: UInt64, dayOfWeek: UInt64) -> Bool {
        let domMatch = (1 << UInt64(time.day)) & dayOfMonth > 0
        let dowMatch = (1 << UInt64(time.weekday)) & dayOfWeek > 0
        if dayOfMonth & starBit > 0 || dayOfWeek & starBit > 0 { return domMatch && dowMatch }
        return domMatch || dowMatch
    }

    /// `AddDate(0, 1, 0)` from the first of a month.
    static func addingMonth(_ time: CivilTime) -> CivilTime {
        time.month == 12
            ? CivilTime(year: time.year + 1, month: 1, day: time.day, hour: time.hour, minute: time.minute, second: time.second)
            : CivilTime(year: time.year, month: time.month + 1, day: time.day, hour: time.hour, minute: time.minute, second: time.second)
    }
}

/// Why a schedule does not parse, in robfig/cron's words.
public struct CronScheduleError: Error, Hashable, Sendable {
    public let message: String
    package init(_ message: String) { self.message = message }
}
