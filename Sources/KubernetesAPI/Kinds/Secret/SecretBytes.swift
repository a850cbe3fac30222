/// The bytes of one Secret value, written as standard base64 as Go's `[]byte` is.
public struct SecretBytes: Hashable, Sendable, Codable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch Base64.decode(text) {
        case .success(let bytes): self.bytes = bytes
        case .failure(let offset):
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "illegal base64 data at input byte \(offset)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Base64.encode(bytes))
    }
}

/// Standard base64 with padding (Go's `base64.StdEncoding`).
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(group >> 18 & 63)])
            out.append(alphabet[Int(group >> 12 & 63)])
            out.append(remaining > 1 ? alphabet[Int(group >> 6 & 63)] : 61)
            out.append(remaining > 2 ? alphabet[Int(group & 63)] : 61)
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes, or the offset of the first byte Go's decoder refuses.
    public enum Decoded: Equatable { case success([UInt8]), failure(Int) }

    public static func decode(_ text: String) -> Decoded {
        // Go's decoder skips line breaks; everything else must be the alphabet or final padding.
        let input = Array(text.utf8)
        var values: [UInt8] = []
        var offsets: [Int] = []
        var padding: [Int] = []
        for (offset, byte) in input.enumerated() where byte != 10 && byte != 13 {
            if byte == 61 {
                padding.append(offset)
                continue
            }
            guard padding.isEmpty, let value = value(of: byte) else { return .failure(offset) }
            values.append(value)
            offsets.append(offset)
        }
        let total = values.count + padding.count
        guard total % 4 == 0 else { return .failure(input.count) }
        let expectedPadding = (4 - values.count % 4) % 4
        guard padding.count == expectedPadding, expectedPadding < 3 else { return .failure(padding.first ?? input.count) }
        var bytes: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)]
            var group: UInt32 = 0
            for value in chunk { group = group << 6 | UInt32(value) }
            group <<= UInt32(6 * (4 - chunk.count))
            let produced = chunk.count - 1
            for shift in [16, 8, 0].prefix(produced) { bytes.append(UInt8(group >> UInt32(shift) & 255)) }
            index += 4
        }
        return .success(bytes)
    }

    private static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case 65...90: byte - 65
        case 97...122: byte - 97 + 26
        case 48...57: byte - 48 + 52
        case 43: 62
        case 47: 63
        default: nil
        }
    }
}
