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
        let (scaled, overflow) = secondsSinceEpoch.multipliedReportingOverflow(by: 1_000_000_000)
        self.nanosecondsSinceEpoch = overflow ? (secondsSinceEpoch < 0 ? .min : .max) : scaled
    }

    public var secondsSinceEpoch: Int64 { nanosecondsSinceEpoch / 1_000_000_000 }
    public var millisecondsSinceEpoch: Int64 { nanosecondsSinceEpoch / 1_000_000 }

    public static func < (lhs: VirtualInstant, rhs: VirtualInstant) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    // Saturating: durations come from learners' numbers (grace periods, deadlines), and the far
    // future must stay the far future rather than trap.
    public static func + (lhs: VirtualInstant, rhs: Duration) -> VirtualInstant {
        VirtualInstant(nanosecondsSinceEpoch: saturating(lhs.nanosecondsSinceEpoch.addingReportingOverflow(rhs.nanoseconds), rhs.nanoseconds < 0))
    }

    public static func - (lhs: VirtualInstant, rhs: Duration) -> VirtualInstant {
        VirtualInstant(nanosecondsSinceEpoch: saturating(lhs.nanosecondsSinceEpoch.subtractingReportingOverflow(rhs.nanoseconds), rhs.nanoseconds > 0))
    }

    /// The duration from `rhs` to `lhs`.
    public static func - (lhs: VirtualInstant, rhs: VirtualInstant) -> Duration {
        let difference = lhs.nanosecondsSinceEpoch.subtractingReportingOverflow(rhs.nanosecondsSinceEpoch)
        return .nanoseconds(saturating(difference, rhs.nanosecondsSinceEpoch > 0))
    }

    private static func saturating(_ result: (partialValue: Int64, overflow: Bool), _ downward: Bool) -> Int64 {
        guard result.overflow else { return result.partialValue }
        return downward ? .min : .max
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
