import Foundation
import Simulation
import Testing
@testable import Kernel
@testable import Userland

/// The primitives behind `openssl` and TLS: hashes against FIPS 180 vectors, big numbers, RSA
/// keys that sign and verify, DER that round-trips and a reader that survives mutated input.
@Suite struct CryptoTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func hashesMatchTheStandardsVectors(message: String, sha1: String, sha256: String) {
        #expect(Self.hex(SecureHash.sha1(Array(message.utf8))).hasPrefix(sha1))
        #expect(Self.hex(SecureHash.sha256(Array(message.utf8))) == sha256)
    }

    @Test func bigNumbersCompute() {
        let a = BigUInt(bytes: [0x01, 0, 0, 0, 0, 0, 0, 0, 0])   // 2^64
        #expect(a.decimal == "18446744073709551616")
        #expect((a * a).hexadecimal == "1" + String(repeating: "0", count: 32))
        #expect((a - BigUInt(1)).hexadecimal == "ffffffffffffffff")
        #expect((a + a).decimal == "36893488147419103232")
        #expect(a.divided(by: 10).remainder == 6)
        // 3^100 mod 1000000007 = 886041711
        let field = Montgomery(modulus: BigUInt(1_000_000_007))
        #expect(field?.power(BigUInt(3), BigUInt(100)).decimal == "886041711")
        #expect(Montgomery(modulus: BigUInt(10)) == nil)
    }

    @Test func primesAreFoundAndCompositesRefused() {
        var random = SeededRandom(seed: 3)
        #expect(RSAKey.isProbablePrime(BigUInt(1_000_000_007), rounds: 5, random: &random, progress: { _ in }))
        #expect(!RSAKey.isProbablePrime(BigUInt(1_000_000_007 * 3), rounds: 5, random: &random, progress: { _ in }))
        // 561 is a Carmichael number: Fermat's test passes it, Miller–Rabin does not.
        #expect(!RSAKey.isProbablePrime(BigUInt(561), rounds: 5, random: &random, progress: { _ in }))
    }

    @Test func keysAreDeterministicAndSign() throws {
        var first = SeededRandom(seed: 9), second = SeededRandom(seed: 9)
        var dots = ""
        let key = RSAKey.generate(bits: 512, random: &first) { dots.append($0.rawValue) }
        #expect(key == RSAKey.generate(bits: 512, random: &second))
        #expect(key.modulus.bitWidth == 512)
        #expect(key.prime1 * key.prime2 == key.modulus)
        #expect(dots.filter { $0 == "\n" }.count == 2 && dots.contains("+"))
        let signature = key.signSHA256(Array("hello".utf8))
        #expect(signature.count == 64)
        #expect(key.verifiesSHA256(signature, of: Array("hello".utf8)))
        #expect(!key.verifiesSHA256(signature, of: Array("hellp".utf8)))
        #expect(RSAKey(pem: key.pem) == key)
    }

    @Test func certificatesRoundTrip() throws {
        var random = SeededRandom(seed: 4)
        let key = RSAKey.generate(bits: 512, random: &random)
        let subject = try DistinguishedName(subject: "/O=Acme Co/CN=kubia.example.com")
        let der = Certificate.selfSigned(key: key, subject: subject, serial: [0x80, 1, 2, 3, 4, 5, 6, 7],
                                         now: VirtualInstant(secondsSinceEpoch: 1_520_326_800), days: 360)
        let certificate = try #require(Certificate(der: der))
        #expect(certificate.subject.text == "O = Acme Co, CN = kubia.example.com")
        #expect(certificate.isSelfIssued)
        #expect(Certificate.displayTime(certificate.notBefore) == "Mar  6 09:00:00 2018 GMT")
        #expect(Certificate.displayTime(certificate.notAfter) == "Mar  1 09:00:00 2019 GMT")
        #expect(key.verifiesSHA256(certificate.signature, of: certificate.signedBytes))
        #expect(certificate.text.contains("        Serial Number:\n            80:01:02:03:04:05:06:07\n"))
        #expect(certificate.text.contains("            X509v3 Basic Constraints: critical\n                CA:TRUE\n"))
        #expect(PEM.decode(PEM.encode("CERTIFICATE", der)).first?.bytes == der)
    }

    @Test(arguments: ["CN=x", "/CN", "/XX=y"])
    func badSubjectsAreRefused(subject: String) {
        #expect(throws: DistinguishedName.SubjectError.self) { try DistinguishedName(subject: subject) }
    }

    @Test func mutatedDERNeverCrashesTheReader() {
        var random = SeededRandom(seed: 77)
        let key = RSAKey.generate(bits: 512, random: &random)
        let seed = Certificate.selfSigned(key: key, subject: DistinguishedName(attributes: [.init(type: "CN", value: "a")]), serial: [1],
                                          now: VirtualInstant(secondsSinceEpoch: 0), days: 1)
        for _ in 0..<400 {
            var bytes = seed
            for _ in 0..<random.integer(in: 1...6) {
                let index = random.integer(in: 0...(bytes.count - 1))
                switch random.integer(in: 0...2) {
                case 0: bytes[index] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: index)
                default: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: index)
                }
            }
            if let certificate = Certificate(der: bytes) { _ = certificate.text }
            _ = RSAKey(der: bytes)
        }
        // Deep nesting ends in an error, not a stack overflow.
        let deep = [UInt8](repeating: 0x30, count: 2) + Array(repeating: [0x30, 0x80], count: 10_000).flatMap { $0 }
        #expect(throws: DER.ParseError.self) { try DER.parse(deep) }
        var nested: [UInt8] = [0x05, 0x00]
        for _ in 0..<100 { nested = [0x30] + DER.length(nested.count) + nested }
        #expect(throws: DER.ParseError.self) { try DER.parse(nested) }
    }
}
