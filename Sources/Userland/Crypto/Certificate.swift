import Simulation

/// An X.509 v3 certificate with an RSA key, as `openssl req -x509` makes one and `openssl x509`
/// and TLS clients read it.
public struct Certificate: Hashable, Sendable {
    public var serial: [UInt8]
    public var issuer: DistinguishedName
    public var subject: DistinguishedName
    /// `YYMMDDHHMMSSZ`.
    public var notBefore: String
    public var notAfter: String
    public var modulus: BigUInt
    public var exponent: BigUInt
    public var extensions: [Extension]
    public var signature: [UInt8]
    /// The signed part, as encoded.
    public var signedBytes: [UInt8]

    public struct Extension: Hashable, Sendable {
        public var oid: String
        public var critical: Bool
        public var value: [UInt8]
    }

    static let sha256WithRSA = "1.2.840.113549.1.1.11"
    static let rsaEncryption = "1.2.840.113549.1.1.1"

    /// A self-signed certificate for `key`, valid from `now` for `days`, with the `v3_ca`
    /// extensions of the default openssl.cnf (key identifiers, `CA:TRUE`).
    public static func selfSigned(key: RSAKey, subject: DistinguishedName, serial: [UInt8], now: VirtualInstant, days: Int) -> [UInt8] {
        let publicKey = DER.sequence([.integer(key.modulus), .integer(key.publicExponent)]).encoded
        let keyIdentifier = SecureHash.sha1(publicKey)
        let algorithm = DER.sequence([.objectIdentifier(sha256WithRSA), .null])
        let extensions = DER.sequence([
            .sequence([.objectIdentifier("2.5.29.14"), .octetString(DER.octetString(keyIdentifier).encoded)]),
            .sequence([.objectIdentifier("2.5.29.35"), .octetString(DER.sequence([.primitive(tag: 0x80, content: keyIdentifier)]).encoded)]),
            .sequence([.objectIdentifier("2.5.29.19"), .boolean(true), .octetString(DER.sequence([.boolean(true)]).encoded)]),
        ])
        let start = now.secondsSinceEpoch
        let tbs = DER.sequence([
            .explicit(0, .primitive(tag: 0x02, content: [2])),
            .integer(BigUInt(bytes: serial)),
            algorithm,
            subject.der,
            .sequence([.utcTime(utcTime(start)), .utcTime(utcTime(start + Int64(days) * 86_400))]),
            subject.der,
            .sequence([.sequence([.objectIdentifier(rsaEncryption), .null]), .bitString(publicKey)]),
            .explicit(3, extensions),
        ]).encoded
        let body = tbs + algorithm.encoded + DER.bitString(key.signSHA256(tbs)).encoded
        return [DER.sequenceTag] + DER.length(body.count) + body
    }

    static func utcTime(_ seconds: Int64) -> String {
        let time = CivilTime(secondsSinceEpoch: seconds)
        return [time.year % 100, time.month, time.day, time.hour, time.minute, time.second].map { CivilTime.padded($0, 2) }.joined() + "Z"
    }

    /// Reads a certificate's DER; nil when it is not one.
    public init?(der bytes: [UInt8]) {
        guard let root = try? DER.parse(bytes), root.tag == 0x30, root.children.count == 3 else { return nil }
        let tbs = root.children[0]
        var fields = tbs.children
        if fields.first?.tag == 0xA0 { fields.removeFirst() }
        guard fields.count >= 6, fields[0].tag == 0x02, fields[3].children.count == 2,
              let keyInfo = fields[5].children.last, keyInfo.tag == 0x03, keyInfo.content.count > 1,
              let rsa = try? DER.parse(Array(keyInfo.content.dropFirst())), rsa.children.count == 2 else { return nil }
        serial = fields[0].content
        issuer = DistinguishedName(der: fields[2])
        notBefore = String(decoding: fields[3].children[0].content, as: UTF8.self)
        notAfter = String(decoding: fields[3].children[1].content, as: UTF8.self)
        subject = DistinguishedName(der: fields[4])
        modulus = BigUInt(bytes: rsa.children[0].content)
        exponent = BigUInt(bytes: rsa.children[1].content)
        extensions = []
        for field in fields.dropFirst(6) where field.tag == 0xA3 {
            for entry in field.children.first?.children ?? [] {
                guard let oid = entry.children.first?.objectIdentifierText, let value = entry.children.last else { continue }
                let critical = entry.children.count == 3 && entry.children[1].content == [0xff]
                extensions.append(Extension(oid: oid, critical: critical, value: value.content))
            }
        }
        signature = Array(root.children[2].content.dropFirst())
        signedBytes = tbs.encoded
    }

    /// Whether issuer and subject are the same name (a self-signed certificate for a TLS client).
    public var isSelfIssued: Bool { issuer == subject }

    /// `Mar  6 09:00:00 2018 GMT`, as `ASN1_TIME_print` shows a time.
    public static func displayTime(_ utc: String) -> String {
        let digits = Array(utc.utf8).prefix(12).map { Int($0) - 48 }
        guard digits.count == 12, digits.allSatisfy({ (0...9).contains($0) }) else { return "Bad time value" }
        let number = { (index: Int) in digits[index] * 10 + digits[index + 1] }
        let year = number(0) < 50 ? 2000 + number(0) : 1900 + number(0)
        let month = number(2)
        guard (1...12).contains(month) else { return "Bad time value" }
        let day = number(4)
        return "\(CivilTime.monthAbbreviations[month - 1]) \(day < 10 ? " " : "")\(day) \(CivilTime.padded(number(6), 2)):\(CivilTime.padded(number(8), 2)):\(CivilTime.padded(number(10), 2)) \(year) GMT"
    }
}
