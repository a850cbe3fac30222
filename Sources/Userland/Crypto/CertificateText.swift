/// `openssl x509 -text` of OpenSSL 1.1.0.
extension Certificate {
    static let names: [String: String] = [
        "1.2.840.113549.1.1.11": "sha256WithRSAEncryption", "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
        "2.5.29.14": "X509v3 Subject Key Identifier", "2.5.29.35": "X509v3 Authority Key Identifier",
        "2.5.29.19": "X509v3 Basic Constraints", "2.5.29.15": "X509v3 Key Usage", "2.5.29.17": "X509v3 Subject Alternative Name",
    ]

    /// Bytes as `ab:cd:…`, upper or lower case.
    static func hex(_ bytes: [UInt8], upper: Bool = false) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16, uppercase: upper)
            return text.count == 1 ? "0" + text : text
        }.joined(separator: ":")
    }

    /// Lines of `count` colon-separated bytes behind `indent` spaces, each but the last ending in `:`.
    static func hexBlock(_ bytes: [UInt8], perLine count: Int, indent: Int) -> String {
        var lines: [String] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + count, bytes.count)])
            index += count
            lines.append(String(repeating: " ", count: indent) + hex(chunk) + (index < bytes.count ? ":" : ""))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    public var text: String {
        var out = "Certificate:\n    Data:\n        Version: 3 (0x2)\n"
        if serial.count < 8 || (serial.count == 8 && serial[0] & 0x80 == 0) {
            let value = BigUInt(bytes: serial)
            out += "        Serial Number: \(value.decimal) (0x\(value.hexadecimal))\n"
        } else {
            let magnitude = serial.first == 0 ? Array(serial.dropFirst()) : serial
            out += "        Serial Number:\n            \(Self.hex(magnitude))\n"
        }
        out += "    Signature Algorithm: sha256WithRSAEncryption\n"
        out += "        Issuer: \(issuer.text)\n"
        out += "        Validity\n            Not Before: \(Self.displayTime(notBefore))\n            Not After : \(Self.displayTime(notAfter))\n"
        out += "        Subject: \(subject.text)\n"
        out += "        Subject Public Key Info:\n            Public Key Algorithm: rsaEncryption\n"
        out += "                Public-Key: (\(modulus.bitWidth) bit)\n                Modulus:\n"
        let modulusBytes = modulus.bytes
        out += Self.hexBlock((modulusBytes.first ?? 0) & 0x80 != 0 ? [0] + modulusBytes : modulusBytes, perLine: 15, indent: 20)
        out += "                Exponent: \(exponent.decimal) (0x\(exponent.hexadecimal))\n"
        if !extensions.isEmpty {
            out += "        X509v3 extensions:\n"
            for item in extensions {
                out += "            \(Self.names[item.oid] ?? item.oid): \(item.critical ? "critical" : "")\n"
                out += extensionValue(item)
            }
        }
        out += "    Signature Algorithm: sha256WithRSAEncryption\n"
        out += Self.hexBlock(signature, perLine: 18, indent: 9)
        return out
    }

    private func extensionValue(_ item: Extension) -> String {
        let indent = String(repeating: " ", count: 16)
        let value = try? DER.parse(item.value)
        switch item.oid {
        case "2.5.29.14":
            return indent + Self.hex(value?.content ?? [], upper: true) + "\n"
        case "2.5.29.35":
            let keyID: [UInt8] = (value?.children ?? []).first(where: { $0.tag == 0x80 })?.content ?? []
            return indent + "keyid:" + Self.hex(keyID, upper: true) + "\n\n"
        case "2.5.29.19":
            let isCA = (value?.children ?? []).first(where: { $0.tag == 0x01 })?.content == [0xff]
            return indent + "CA:" + (isCA ? "TRUE" : "FALSE") + "\n"
        default:
            return indent + Self.hex(item.value) + "\n"
        }
    }
}
