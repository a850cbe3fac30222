/// Modular exponentiation for an odd modulus by Montgomery multiplication (CIOS).
public struct Montgomery: Sendable {
    public let modulus: BigUInt
    private let m: [UInt32]
    /// -m⁻¹ mod 2³².
    private let inverse: UInt32
    /// R² mod m, R = 2^(32·limbs).
    private let rSquared: [UInt32]

    /// nil when the modulus is even or zero.
    public init?(modulus: BigUInt) {
        guard modulus.isOdd else { return nil }
        self.modulus = modulus
        m = modulus.limbs
        var x: UInt32 = 1
        for _ in 0..<5 { x = x &* (2 &- m[0] &* x) }
        inverse = 0 &- x
        // R² mod m by doubling 1 (2·32·limbs) times, subtracting m whenever it reaches m.
        var value = [UInt32](repeating: 0, count: m.count + 1)
        value[0] = 1
        let target = m + [0]
        for _ in 0..<(64 * m.count) {
            var carry: UInt32 = 0
            for index in 0..<value.count {
                let next = value[index] >> 31
                value[index] = (value[index] << 1) | carry
                carry = next
            }
            if BigUInt.compare(Self.trimmed(value), modulus.limbs) >= 0 { BigUInt.subtract(&value, target) }
        }
        rSquared = Array(value.prefix(m.count))
    }

    private static func trimmed(_ limbs: [UInt32]) -> [UInt32] {
        var result = limbs
        while let last = result.last, last == 0 { result.removeLast() }
        return result
    }

    /// a·b·R⁻¹ mod m for a, b < m given as `m.count` limbs.
    private func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        let n = m.count
        var t = [UInt32](repeating: 0, count: n + 2)
        m.withUnsafeBufferPointer { m in
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    t.withUnsafeMutableBufferPointer { t in
                        for i in 0..<n {
                            var carry: UInt64 = 0
                            let ai = UInt64(a[i])
                            for j in 0..<n {
                                let sum = UInt64(t[j]) &+ ai &* UInt64(b[j]) &+ carry
                                t[j] = UInt32(truncatingIfNeeded: sum)
                                carry = sum >> 32
                            }
                            var sum = UInt64(t[n]) &+ carry
                            t[n] = UInt32(truncatingIfNeeded: sum)
                            t[n &+ 1] = UInt32(truncatingIfNeeded: sum >> 32)
                            let u = UInt64(t[0] &* inverse)
                            sum = UInt64(t[0]) &+ u &* UInt64(m[0])
                            carry = sum >> 32
                            for j in 1..<max(n, 1) where n > 1 {
                                sum = UInt64(t[j]) &+ u &* UInt64(m[j]) &+ carry
                                t[j &- 1] = UInt32(truncatingIfNeeded: sum)
                                carry = sum >> 32
                            }
                            sum = UInt64(t[n]) &+ carry
                            t[n &- 1] = UInt32(truncatingIfNeeded: sum)
                            t[n] = t[n &+ 1] &+ UInt32(truncatingIfNeeded: sum >> 32)
                            t[n &+ 1] = 0
                        }
                    }
                }
            }
        }
        var result = Array(t.prefix(n + 1))
        if t[n] != 0 || BigUInt.compare(Self.trimmed(Array(result.prefix(n))), Self.trimmed(m)) >= 0 {
            BigUInt.subtract(&result, m)
        }
        return Array(result.prefix(n))
    }

    private func padded(_ value: BigUInt) -> [UInt32] {
        value.limbs + [UInt32](repeating: 0, count: max(0, m.count - value.limbs.count))
    }

    /// base^exponent mod m; `base` must be below the modulus.
    public func power(_ base: BigUInt, _ exponent: BigUInt) -> BigUInt {
        var one = [UInt32](repeating: 0, count: m.count)
        one[0] = 1
        let montBase = multiply(padded(base), rSquared)
        var result = multiply(one, rSquared)
        var index = exponent.bitWidth - 1
        while index >= 0 {
            result = multiply(result, result)
            if exponent.bit(index) { result = multiply(result, montBase) }
            index -= 1
        }
        return BigUInt(limbs: multiply(result, one))
    }
}
