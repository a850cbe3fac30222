/// A deterministic random source (xoshiro256**, seeded through SplitMix64).
///
/// Every name, ID, IP and digest in the simulation derives from one of these, so the same
/// seed gives the same world.
public struct SeededRandom: RandomNumberGenerator, Sendable, Codable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }

    /// A new independent generator split off this one, so that one subsystem's draws do
    /// not shift another's.
    public mutating func split() -> SeededRandom {
        SeededRandom(seed: next())
    }

    /// A uniformly chosen integer in `range`.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// `count` lowercase hexadecimal digits.
    public mutating func hexString(count: Int) -> String {
        string(count: count, alphabet: Self.hexDigits)
    }

    /// `count` characters drawn uniformly from `alphabet`.
    public mutating func string(count: Int, alphabet: [Character]) -> String {
        guard !alphabet.isEmpty else { return "" }
        var result = ""
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(alphabet[Int(next() % UInt64(alphabet.count))])
        }
        return result
    }

    /// A uniformly chosen element of `elements`, or nil when it is empty.
    public mutating func element<C: Collection>(of elements: C) -> C.Element? where C.Index == Int {
        guard !elements.isEmpty else { return nil }
        return elements[elements.startIndex + Int(next() % UInt64(elements.count))]
    }

    public static let hexDigits = Array("0123456789abcdef")

    // Codable: the four state words.
    private enum CodingKeys: String, CodingKey { case state }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([UInt64].self, forKey: .state)
        guard words.count == 4 else {
            throw DecodingError.dataCorruptedError(forKey: .state, in: container, debugDescription: "expected four words")
        }
        state = (words[0], words[1], words[2], words[3])
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([state.0, state.1, state.2, state.3], forKey: .state)
    }
}
