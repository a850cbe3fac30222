/// ASN.1 DER: building values and reading them back as a tree of tag-length-value nodes.
public indirect enum DER: Hashable, Sendable {
    /// A constructed or primitive value with its raw tag byte.
    case node(tag: UInt8, children: [DER])
    case primitive(tag: UInt8, content: [UInt8])

    public static let sequenceTag: UInt8 = 0x30
    public static let setTag: UInt8 = 0x31

    public static func sequence(_ children: [DER]) -> DER { .node(tag: sequenceTag, children: children) }
    public static func set(_ children: [DER]) -> DER { .node(tag: setTag, children: children) }
    public static func explicit(_ number: UInt8, _ child: DER) -> DER { .node(tag: 0xA0 | number, children: [child]) }
    public static let null = DER.primitive(tag: 0x05, content: [])
    public static func boolean(_ value: Bool) -> DER { .primitive(tag: 0x01, content: [value ? 0xff : 0x00]) }
    public static func octetString(_ bytes: [UInt8]) -> DER { .primitive(tag: 0x04, content: bytes) }
    public static func bitString(_ bytes: [UInt8]) -> DER { .primitive(tag: 0x03, content: [0] + bytes) }
    public static func utf8String(_ text: String) -> DER { .primitive(tag: 0x0C, content: Array(text.utf8)) }
    public static func printableString(_ text: String) -> DER { .primitive(tag: 0x13, content: Array(text.utf8)) }
    public static func utcTime(_ text: String) -> DER { .primitive(tag: 0x17, content: Array(text.utf8)) }

    /// A non-negative INTEGER (a leading zero byte when the top bit is set).
    public static func integer(_ value: BigUInt) -> DER {
        var bytes = value.bytes
        if bytes.isEmpty || bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return .primitive(tag: 0x02, content: bytes)
    }

    /// An OBJECT IDENTIFIER from its dotted form (`1.2.840.113549.1.1.11`).
    public static func objectIdentifier(_ dotted: String) -> DER {
        let arcs = dotted.split(separator: ".").compactMap { UInt64($0) }
        guard arcs.count >= 2 else { return .primitive(tag: 0x06, content: []) }
        var content: [UInt8] = [UInt8(truncatingIfNeeded: arcs[0] * 40 + arcs[1])]
        for arc in arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7f)]
            var rest = arc >> 7
            while rest > 0 {
                chunk.insert(UInt8(rest & 0x7f) | 0x80, at: 0)
                rest >>= 7
            }
            content += chunk
        }
        return .primitive(tag: 0x06, content: content)
    }

    public var tag: UInt8 {
        switch self {
        case .node(let tag, _), .primitive(let tag, _): tag
        }
    }

    /// The encoding.
    public var encoded: [UInt8] {
        let content: [UInt8]
        switch self {
        case .node(_, let children): content = children.flatMap(\.encoded)
        case .primitive(_, let bytes): content = bytes
        }
        return [tag] + Self.length(content.count) + content
    }

    static func length(_ count: Int) -> [UInt8] {
        guard count >= 0x80 else { return [UInt8(count)] }
        var bytes: [UInt8] = []
        var rest = count
        while rest > 0 {
            bytes.insert(UInt8(rest & 0xff), at: 0)
            rest >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    // MARK: Reading

    /// Why bytes are not one DER value.
    public struct ParseError: Error, Hashable, Sendable {
        public let offset: Int
    }

    /// How deep values may nest before the reader gives up (certificates need about six).
    public static let maximumDepth = 32

    /// Parses exactly one value.
    public static func parse(_ bytes: [UInt8]) throws(ParseError) -> DER {
        var offset = 0
        let value = try parse(bytes, &offset, end: bytes.count, depth: 0)
        guard offset == bytes.count else { throw ParseError(offset: offset) }
        return value
    }

    private static func parse(_ bytes: [UInt8], _ offset: inout Int, end: Int, depth: Int) throws(ParseError) -> DER {
        guard depth < maximumDepth, offset + 2 <= end else { throw ParseError(offset: offset) }
        let tag = bytes[offset]
        guard tag & 0x1f != 0x1f else { throw ParseError(offset: offset) }
        var length = Int(bytes[offset + 1])
        offset += 2
        if length & 0x80 != 0 {
            let count = length & 0x7f
            guard count >= 1, count <= 4, offset + count <= end else { throw ParseError(offset: offset) }
            length = 0
            for _ in 0..<count {
                length = length << 8 | Int(bytes[offset])
                offset += 1
            }
        }
        guard length <= end - offset else { throw ParseError(offset: offset) }
        let contentEnd = offset + length
        if tag & 0x20 != 0 {
            var children: [DER] = []
            while offset < contentEnd { children.append(try parse(bytes, &offset, end: contentEnd, depth: depth + 1)) }
            return .node(tag: tag, children: children)
        }
        let content = Array(bytes[offset..<contentEnd])
        offset = contentEnd
        return .primitive(tag: tag, content: content)
    }

    public var children: [DER] {
        if case .node(_, let children) = self { return children }
        return []
    }

    public var content: [UInt8] {
        if case .primitive(_, let content) = self { return content }
        return []
    }

    /// The dotted form of an OBJECT IDENTIFIER.
    public var objectIdentifierText: String? {
        guard tag == 0x06, let first = content.first else { return nil }
        var arcs = [first < 80 ? UInt64(first / 40) : 2, first < 80 ? UInt64(first % 40) : UInt64(first) - 80]
        var value: UInt64 = 0
        for byte in content.dropFirst() {
            guard value < (1 << 56) else { return nil }
            value = value << 7 | UInt64(byte & 0x7f)
            if byte & 0x80 == 0 {
                arcs.append(value)
                value = 0
            }
        }
        return arcs.map(String.init).joined(separator: ".")
    }
}
