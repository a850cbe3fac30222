/// An unsigned integer of any size (32-bit limbs, least significant first), with what RSA key
/// generation and signing need. Loops use wrapping arithmetic so that debug builds stay quick.
public struct BigUInt: Hashable, Sendable, Comparable {
    /// Limbs, least significant first, without leading zero limbs.
    public private(set) var limbs: [UInt32]

    public init(_ value: UInt64 = 0) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        normalize()
    }

    public init(limbs: [UInt32]) {
        self.limbs = limbs
        normalize()
    }

    /// From big-endian bytes.
    public init(bytes: [UInt8]) {
        var result: [UInt32] = Array(repeating: 0, count: (bytes.count + 3) / 4)
        for (index, byte) in bytes.reversed().enumerated() {
            result[index / 4] |= UInt32(byte) << UInt32(8 * (index % 4))
        }
        self.init(limbs: result)
    }

    private mutating func normalize() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    public var isZero: Bool { limbs.isEmpty }
    public var isOdd: Bool { (limbs.first ?? 0) & 1 == 1 }

    /// The number of significant bits.
    public var bitWidth: Int {
        guard let last = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - last.leadingZeroBitCount)
    }

    public func bit(_ index: Int) -> Bool {
        let limb = index / 32
        guard limb < limbs.count else { return false }
        return (limbs[limb] >> UInt32(index % 32)) & 1 == 1
    }

    /// Big-endian bytes without leading zeros (empty for zero).
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        for limb in limbs.reversed() {
            for shift in stride(from: 24, through: 0, by: -8) { result.append(UInt8(truncatingIfNeeded: limb >> UInt32(shift))) }
        }
        while result.first == 0 { result.removeFirst() }
        return result
    }

    /// Big-endian bytes, left-padded with zeros to `count`.
    public func bytes(count: Int) -> [UInt8] {
        let raw = bytes
        return Array(repeating: 0, count: max(0, count - raw.count)) + raw
    }

    public static func < (lhs: BigUInt, rhs: BigUInt) -> Bool {
        compare(lhs.limbs, rhs.limbs) < 0
    }

    static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var index = a.count - 1
        while index >= 0 {
            if a[index] != b[index] { return a[index] < b[index] ? -1 : 1 }
            index -= 1
        }
        return 0
    }

    public static func + (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        let count = max(lhs.limbs.count, rhs.limbs.count)
        var result = [UInt32](repeating: 0, count: count + 1)
        var carry: UInt64 = 0
        for index in 0..<count {
            let sum = UInt64(index < lhs.limbs.count ? lhs.limbs[index] : 0) &+ UInt64(index < rhs.limbs.count ? rhs.limbs[index] : 0) &+ carry
            result[index] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
        }
        result[count] = UInt32(carry)
        return BigUInt(limbs: result)
    }

    /// `lhs - rhs`; `lhs` must not be smaller.
    public static func - (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        var result = lhs.limbs
        subtract(&result, rhs.limbs)
        return BigUInt(limbs: result)
    }

    /// `a -= b` in place (a ≥ b), limbs of equal or greater length.
    static func subtract(_ a: inout [UInt32], _ b: [UInt32]) {
        var borrow: UInt64 = 0
        for index in 0..<a.count {
            let subtrahend = UInt64(index < b.count ? b[index] : 0) &+ borrow
            let value = UInt64(a[index])
            if value >= subtrahend {
                a[index] = UInt32(truncatingIfNeeded: value &- subtrahend)
                borrow = 0
            } else {
                a[index] = UInt32(truncatingIfNeeded: (value | (1 << 32)) &- subtrahend)
                borrow = 1
            }
        }
    }

    public static func * (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        guard !lhs.isZero, !rhs.isZero else { return BigUInt() }
        var result = [UInt32](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        lhs.limbs.withUnsafeBufferPointer { a in
            rhs.limbs.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { r in
                    for i in 0..<a.count {
                        var carry: UInt64 = 0
                        let ai = UInt64(a[i])
                        for j in 0..<b.count {
                            let product = ai &* UInt64(b[j]) &+ UInt64(r[i &+ j]) &+ carry
                            r[i &+ j] = UInt32(truncatingIfNeeded: product)
                            carry = product >> 32
                        }
                        r[i &+ b.count] = UInt32(truncatingIfNeeded: carry)
                    }
                }
            }
        }
        return BigUInt(limbs: result)
    }

    /// Quotient and remainder of a division by a small number (above zero).
    public func divided(by divisor: UInt32) -> (quotient: BigUInt, remainder: UInt32) {
        var quotient = limbs
        var remainder: UInt64 = 0
        var index = limbs.count - 1
        while index >= 0 {
            let value = (remainder << 32) | UInt64(limbs[index])
            quotient[index] = UInt32(truncatingIfNeeded: value / UInt64(divisor))
            remainder = value % UInt64(divisor)
            index -= 1
        }
        return (BigUInt(limbs: quotient), UInt32(truncatingIfNeeded: remainder))
    }

    /// Lower-case hexadecimal digits without leading zeros (`0` for zero).
    public var hexadecimal: String {
        guard let last = limbs.last else { return "0" }
        return String(last, radix: 16) + limbs.dropLast().reversed().map { limb in
            let digits = String(limb, radix: 16)
            return String(repeating: "0", count: 8 - digits.count) + digits
        }.joined()
    }

    /// The decimal digits.
    public var decimal: String {
        guard !isZero else { return "0" }
        var digits: [String] = []
        var value = self
        while !value.isZero {
            let (quotient, remainder) = value.divided(by: 1_000_000_000)
            digits.append(String(remainder))
            value = quotient
        }
        var text = digits.removeLast()
        for chunk in digits.reversed() { text += String(repeating: "0", count: 9 - chunk.count) + chunk }
        return text
    }
}
