/// A point on the simulation's virtual clock, in nanoseconds since the Unix epoch.
///
/// Virtual time only moves when the event loop advances it, so every reading is
/// reproducible from the seed and the input.
public struct VirtualInstant: Comparable, Hashable, Sendable, Codable {
    public var nanosecondsSinceEpoch: Int64

    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// The instant every new world starts at: a weekday morning in the book's era.
    public static let worldEpoch = VirtualInstant(secondsSinceEpoch: 1_520_326_800) // 2018-03-06 09:00:00 UTC

    public init(secondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = Self.saturating(secondsSinceEpoch.multipliedReportingOverflow(by: 1_000_000_000),
                                                     negative: secondsSinceEpoch < 0)
    }

    /// The end of time: later instants (`sleep 9223372036`, a journal's huge pause) stop here
    /// instead of overflowing.
    public static let distantFuture = VirtualInstant(nanosecondsSinceEpoch: .max)

    /// Instants and durations saturate at the bounds of `Int64`, as a long enough wait would.
    private static func saturating(_ result: (partialValue: Int64, overflow: Bool), negative: Bool) -> Int64 {
        guard result.overflow else { return result.partialValue }
        return negative ? .min : .max
    }

    public var secondsSinceEpoch: Int64 { nanosecondsSinceEpoch / 1_000_000_000 }
    public var millisecondsSinceEpoch: Int64 { nanosecondsSinceEpoch / 1_000_000 }

    public static func < (lhs: VirtualInstant, rhs: VirtualInstant) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    // Saturating: durations come from learners' numbers (grace periods, deadlines), and the far
    // future must stay the far future rather than trap.
    public static func + (lhs: VirtualInstant, rhs: Duration) -> VirtualInstant {
        let nanoseconds = rhs.nanoseconds
        return VirtualInstant(nanosecondsSinceEpoch: saturating(lhs.nanosecondsSinceEpoch.addingReportingOverflow(nanoseconds),
                                                                negative: nanoseconds < 0))
    }

    public static func - (lhs: VirtualInstant, rhs: Duration) -> VirtualInstant {
        let nanoseconds = rhs.nanoseconds
        return VirtualInstant(nanosecondsSinceEpoch: saturating(lhs.nanosecondsSinceEpoch.subtractingReportingOverflow(nanoseconds),
                                                                negative: nanoseconds > 0))
    }

    /// The duration from `rhs` to `lhs`.
    public static func - (lhs: VirtualInstant, rhs: VirtualInstant) -> Duration {
        .nanoseconds(saturating(lhs.nanosecondsSinceEpoch.subtractingReportingOverflow(rhs.nanosecondsSinceEpoch),
                                negative: lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch))
    }
}

extension Duration {
    /// The whole duration in nanoseconds, saturating at the bounds of `Int64`.
    public var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflow2 { return seconds < 0 ? .min : .max }
        return sum
    }

    /// The duration in (fractional) seconds.
    public var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
