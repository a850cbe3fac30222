import Simulation

/// Generated names and uids, drawn from the server's seeded random source.
package struct Identifiers {
    /// `k8s.io/apimachinery/pkg/util/rand`'s alphabet since 2017-08 (no vowels, no 0, 1, 3).
    package static let nameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")
    package static let maxGeneratedNameLength = 63
    package static let randomLength = 5

    package var random: SeededRandom
    private let clockSequence: UInt16
    private let node: UInt64
    private var lastTimestamp: UInt64 = 0

    package init(random: SeededRandom) {
        var random = random
        self.clockSequence = UInt16(truncatingIfNeeded: random.next()) & 0x3FFF
        self.node = random.next() & 0xFFFF_FFFF_FFFF
        self.random = random
    }

    /// `names.SimpleNameGenerator`: the base cut to 58 characters plus 5 random ones.
    package mutating func generateName(base: String) -> String {
        let limit = Self.maxGeneratedNameLength - Self.randomLength
        let prefix = base.count > limit ? String(base.prefix(limit)) : base
        return prefix + random.string(count: Self.randomLength, alphabet: Self.nameAlphabet)
    }

    /// A version 1 (time-based) UUID, as `uuid.NewUUID()` makes them, from the virtual clock.
    package mutating func uid(at instant: VirtualInstant) -> String {
        // 100-nanosecond intervals since 1582-10-15.
        var timestamp = UInt64(max(0, instant.nanosecondsSinceEpoch)) / 100 &+ 0x01B2_1DD2_1381_4000
        if timestamp <= lastTimestamp { timestamp = lastTimestamp + 1 }
        lastTimestamp = timestamp
        let timeLow = UInt32(truncatingIfNeeded: timestamp)
        let timeMid = UInt16(truncatingIfNeeded: timestamp >> 32)
        let timeHigh = UInt16(truncatingIfNeeded: timestamp >> 48) & 0x0FFF | 0x1000
        let sequence = clockSequence | 0x8000
        func hex<T: FixedWidthInteger>(_ value: T, _ width: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(hex(timeLow, 8))-\(hex(timeMid, 4))-\(hex(timeHigh, 4))-\(hex(sequence, 4))-\(hex(node, 12))"
    }
}
