/// PEM framing: base64 of DER between `-----BEGIN TYPE-----` and `-----END TYPE-----` lines.
public enum PEM {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The block, base64 wrapped at 64 columns as OpenSSL writes it.
    public static func encode(_ type: String, _ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = UInt32(chunk[chunk.startIndex])
            let b1 = chunk.count > 1 ? UInt32(chunk[chunk.startIndex + 1]) : 0
            let b2 = chunk.count > 2 ? UInt32(chunk[chunk.startIndex + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            text.append(Character(UnicodeScalar(alphabet[Int(group >> 18 & 63)])))
            text.append(Character(UnicodeScalar(alphabet[Int(group >> 12 & 63)])))
            text.append(chunk.count > 1 ? Character(UnicodeScalar(alphabet[Int(group >> 6 & 63)])) : "=")
            text.append(chunk.count > 2 ? Character(UnicodeScalar(alphabet[Int(group & 63)])) : "=")
            index += 3
        }
        var lines: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            lines.append(String(rest.prefix(64)))
            rest = rest.dropFirst(64)
        }
        return "-----BEGIN \(type)-----\n" + lines.map { $0 + "\n" }.joined() + "-----END \(type)-----\n"
    }

    /// The blocks of a text, in order; blocks whose base64 is broken are left out.
    public static func decode(_ text: String) -> [(type: String, bytes: [UInt8])] {
        var blocks: [(String, [UInt8])] = []
        var type: String?
        var body: [UInt8] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: " \t\r")
            if type == nil, line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                type = String(line.dropFirst(11).dropLast(5))
                body = []
            } else if let current = type, line == "-----END \(current)-----" {
                if let bytes = base64Decode(body) { blocks.append((current, bytes)) }
                type = nil
            } else if type != nil, !line.contains(":") {
                body += Array(line.utf8)
            }
        }
        return blocks
    }

    static func base64Decode(_ text: [UInt8]) -> [UInt8]? {
        var values: [UInt8] = []
        var padding = 0
        for byte in text {
            if byte == 61 { padding += 1; continue }
            guard padding == 0, let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt8(value))
        }
        guard (values.count + padding) % 4 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)]
            var group: UInt32 = 0
            for value in chunk { group = group << 6 | UInt32(value) }
            group <<= UInt32(6 * (4 - chunk.count))
            for shift in [16, 8, 0].prefix(chunk.count - 1) { bytes.append(UInt8(group >> UInt32(shift) & 255)) }
            index += 4
        }
        return bytes
    }
}
