import Simulation

/// An RSA private key with its CRT values (PKCS #1 `RSAPrivateKey`), made as OpenSSL 1.1's
/// `rsa_builtin_keygen` makes one, from the simulation's seeded randomness.
public struct RSAKey: Sendable, Hashable {
    public var modulus: BigUInt
    public var publicExponent: BigUInt
    public var privateExponent: BigUInt
    public var prime1: BigUInt
    public var prime2: BigUInt
    public var exponent1: BigUInt
    public var exponent2: BigUInt
    public var coefficient: BigUInt

    public init(modulus: BigUInt, publicExponent: BigUInt, privateExponent: BigUInt, prime1: BigUInt, prime2: BigUInt,
                exponent1: BigUInt, exponent2: BigUInt, coefficient: BigUInt) {
        self.modulus = modulus
        self.publicExponent = publicExponent
        self.privateExponent = privateExponent
        self.prime1 = prime1
        self.prime2 = prime2
        self.exponent1 = exponent1
        self.exponent2 = exponent2
        self.coefficient = coefficient
    }

    /// What key generation reports as it goes: `.` for each candidate tried, `+` for each
    /// Miller–Rabin round a candidate passes, `*` when a prime is refused, a newline per prime.
    public enum Progress: Character, Sendable { case candidate = ".", round = "+", refused = "*", prime = "\n" }

    static let publicExponentValue: UInt32 = 65537

    /// A new key of `bits` bits (at least 64) with exponent 65537.
    public static func generate(bits: Int, random: inout SeededRandom, progress: (Progress) -> Void = { _ in }) -> RSAKey {
        let e = BigUInt(UInt64(publicExponentValue))
        let bitsP = (bits + 1) / 2
        let bitsQ = bits - bitsP
        var p = BigUInt(), q = BigUInt()
        while true {
            p = prime(bits: bitsP, random: &random, progress: progress)
            // gcd(p-1, e) = 1: e is prime, so p-1 must not be a multiple of it.
            if p.divided(by: publicExponentValue).remainder != 1 { break }
            progress(.refused)
        }
        progress(.prime)
        while true {
            q = prime(bits: bitsQ, random: &random, progress: progress)
            if q != p, q.divided(by: publicExponentValue).remainder != 1 { break }
            progress(.refused)
        }
        progress(.prime)
        if p < q { swap(&p, &q) }
        let one = BigUInt(1)
        let pMinus = p - one, qMinus = q - one
        let phi = pMinus * qMinus
        let d = inverseOfExponent(modulo: phi)
        let qInverse = Montgomery(modulus: p).map { $0.power(q, p - BigUInt(2)) } ?? BigUInt()
        return RSAKey(modulus: p * q, publicExponent: e, privateExponent: d, prime1: p, prime2: q,
                      exponent1: inverseOfExponent(modulo: pMinus), exponent2: inverseOfExponent(modulo: qMinus), coefficient: qInverse)
    }

    /// e⁻¹ mod m for the small prime e (m not a multiple of e): (k·m + 1)/e for the k that divides.
    static func inverseOfExponent(modulo m: BigUInt) -> BigUInt {
        let e = UInt64(publicExponentValue)
        let r = UInt64(m.divided(by: publicExponentValue).remainder)
        // k·r ≡ -1 (mod e): k = (e - r⁻¹) mod e, r⁻¹ by Fermat (e is prime).
        var inverse: UInt64 = 1, base = r, exponent = e - 2
        while exponent > 0 {
            if exponent & 1 == 1 { inverse = inverse * base % e }
            base = base * base % e
            exponent >>= 1
        }
        let k = (e - inverse) % e
        return (BigUInt(k) * m + BigUInt(1)).divided(by: publicExponentValue).quotient
    }

    static let smallPrimes: [UInt32] = {
        var primes: [UInt32] = []
        var candidate: UInt32 = 3
        while primes.count < 2047 {
            if primes.allSatisfy({ $0 * $0 > candidate || candidate % $0 != 0 }) { primes.append(candidate) }
            candidate += 2
        }
        return primes
    }()

    /// A probable prime of exactly `bits` bits, its top two bits set (so that p·q has all its bits).
    static func prime(bits: Int, random: inout SeededRandom, progress: (Progress) -> Void) -> BigUInt {
        let rounds = bits >= 1300 ? 2 : bits >= 850 ? 3 : bits >= 650 ? 4 : bits >= 550 ? 5 : bits >= 450 ? 6 : bits >= 400 ? 7
            : bits >= 350 ? 8 : bits >= 300 ? 9 : bits >= 250 ? 12 : bits >= 200 ? 15 : bits >= 150 ? 18 : 27
        while true {
            var candidate = randomOdd(bits: bits, random: &random)
            // Step through odd numbers until none of the small primes divides one (the sieve).
            var remainders = smallPrimes.map { candidate.divided(by: $0).remainder }
            var delta: UInt32 = 0
            while remainders.enumerated().contains(where: { ($0.element &+ delta) % smallPrimes[$0.offset] == 0 }) { delta &+= 2 }
            candidate = candidate + BigUInt(UInt64(delta))
            remainders.removeAll()
            guard candidate.bitWidth == bits else { continue }
            progress(.candidate)
            if isProbablePrime(candidate, rounds: rounds, random: &random, progress: progress) { return candidate }
        }
    }

    static func randomOdd(bits: Int, random: inout SeededRandom) -> BigUInt {
        var limbs = (0..<((bits + 31) / 32)).map { _ in UInt32(truncatingIfNeeded: random.next()) }
        let top = (bits - 1) % 32
        let lastIndex = limbs.count - 1
        limbs[lastIndex] &= top == 31 ? UInt32.max : (UInt32(1) << UInt32(top + 1)) - 1
        limbs[lastIndex] |= UInt32(1) << UInt32(top)
        if top > 0 { limbs[lastIndex] |= UInt32(1) << UInt32(top - 1) } else if lastIndex > 0 { limbs[lastIndex - 1] |= 1 << 31 }
        limbs[0] |= 1
        return BigUInt(limbs: limbs)
    }

    /// Miller–Rabin with random bases.
    static func isProbablePrime(_ n: BigUInt, rounds: Int, random: inout SeededRandom, progress: (Progress) -> Void) -> Bool {
        guard let field = Montgomery(modulus: n) else { return false }
        let one = BigUInt(1)
        let nMinus = n - one
        var d = nMinus
        var s = 0
        while !d.isOdd { d = BigUInt(limbs: shiftedRight(d.limbs)); s += 1 }
        for _ in 0..<rounds {
            var base = BigUInt(limbs: (0..<n.limbs.count).map { _ in UInt32(truncatingIfNeeded: random.next()) })
            base = BigUInt(limbs: Array(base.limbs.prefix(n.limbs.count - 1))) + BigUInt(2)
            var x = field.power(base, d)
            if x == one || x == nMinus {
                progress(.round)
                continue
            }
            var witness = true
            for _ in 0..<max(0, s - 1) {
                x = field.power(x, BigUInt(2))
                if x == nMinus { witness = false; break }
            }
            if witness { return false }
            progress(.round)
        }
        return true
    }

    static func shiftedRight(_ limbs: [UInt32]) -> [UInt32] {
        var result = limbs
        for index in 0..<result.count {
            result[index] = (result[index] >> 1) | (index + 1 < result.count ? result[index + 1] << 31 : 0)
        }
        return result
    }

    /// The PKCS #1 v1.5 signature of `message` with SHA-256 (`sha256WithRSAEncryption`).
    public func signSHA256(_ message: [UInt8]) -> [UInt8] {
        let digestInfo: [UInt8] = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]
            + SecureHash.sha256(message)
        let length = (modulus.bitWidth + 7) / 8
        guard length >= digestInfo.count + 11, let field = Montgomery(modulus: modulus) else { return [] }
        let padded = [0x00, 0x01] + [UInt8](repeating: 0xff, count: length - digestInfo.count - 3) + [0x00] + digestInfo
        return field.power(BigUInt(bytes: padded), privateExponent).bytes(count: length)
    }

    /// Whether `signature` is this key's PKCS #1 v1.5 SHA-256 signature of `message`.
    public func verifiesSHA256(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        let length = (modulus.bitWidth + 7) / 8
        guard let field = Montgomery(modulus: modulus), BigUInt(bytes: signature) < modulus else { return false }
        let recovered = field.power(BigUInt(bytes: signature), publicExponent).bytes(count: length)
        let expected = RSAKey(modulus: modulus, publicExponent: publicExponent, privateExponent: privateExponent, prime1: prime1, prime2: prime2,
                              exponent1: exponent1, exponent2: exponent2, coefficient: coefficient).paddedDigest(message, length: length)
        return recovered == expected
    }

    private func paddedDigest(_ message: [UInt8], length: Int) -> [UInt8] {
        let digestInfo: [UInt8] = [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]
            + SecureHash.sha256(message)
        return [0x00, 0x01] + [UInt8](repeating: 0xff, count: max(0, length - digestInfo.count - 3)) + [0x00] + digestInfo
    }
}
