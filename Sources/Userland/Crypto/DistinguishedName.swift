/// An X.509 name: attribute type and value pairs (`/C=US/O=Acme/CN=example.com`).
public struct DistinguishedName: Hashable, Sendable {
    public var attributes: [Attribute]

    public struct Attribute: Hashable, Sendable {
        /// OpenSSL's short name (`CN`).
        public var type: String
        public var value: String

        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    public init(attributes: [Attribute]) {
        self.attributes = attributes
    }

    /// Short names OpenSSL knows, with their object identifiers.
    static let types: [(short: String, oid: String)] = [
        ("C", "2.5.4.6"), ("ST", "2.5.4.8"), ("L", "2.5.4.7"), ("O", "2.5.4.10"), ("OU", "2.5.4.11"), ("CN", "2.5.4.3"),
        ("emailAddress", "1.2.840.113549.1.9.1"), ("serialNumber", "2.5.4.5"), ("DC", "0.9.2342.19200300.100.1.25"),
    ]

    /// Why `-subj` is refused, as `openssl req` says it.
    public enum SubjectError: Error, Hashable, Sendable {
        case noSlash
        case missingValue(String)
        case unknownType(String)
    }

    /// Parses `-subj /type0=value0/type1=value1` (`\/` escapes a slash).
    public init(subject: String) throws(SubjectError) {
        guard subject.hasPrefix("/") else { throw .noSlash }
        var parts: [String] = []
        var current = ""
        var escaped = false
        for character in subject.dropFirst() {
            if escaped { current.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "/" {
                parts.append(current)
                current = ""
            } else { current.append(character) }
        }
        parts.append(current)
        var attributes: [Attribute] = []
        for part in parts where !part.isEmpty {
            guard let equals = part.firstIndex(of: "=") else { throw .missingValue(part) }
            let type = String(part[..<equals])
            guard let known = Self.types.first(where: { $0.short.lowercased() == type.lowercased() }) else { throw .unknownType(type) }
            let value = String(part[part.index(after: equals)...])
            // An empty value leaves the attribute out, as OpenSSL does.
            if !value.isEmpty { attributes.append(Attribute(type: known.short, value: value)) }
        }
        self.attributes = attributes
    }

    /// `SEQUENCE OF SET OF AttributeTypeAndValue`: PrintableString for countries, UTF8String else.
    public var der: DER {
        .sequence(attributes.map { attribute in
            let oid = Self.types.first { $0.short == attribute.type }?.oid ?? "2.5.4.3"
            let value: DER = attribute.type == "C" ? .printableString(attribute.value) : .utf8String(attribute.value)
            return .set([.sequence([.objectIdentifier(oid), value])])
        })
    }

    public init(der: DER) {
        attributes = der.children.compactMap { set in
            guard let pair = set.children.first, pair.children.count == 2, let oid = pair.children[0].objectIdentifierText else { return nil }
            let type = Self.types.first { $0.oid == oid }?.short ?? oid
            return Attribute(type: type, value: String(decoding: pair.children[1].content, as: UTF8.self))
        }
    }

    /// OpenSSL 1.1's default one-line form: `CN = kubia.example.com`, attributes joined by `, `.
    public var text: String {
        attributes.map { "\($0.type) = \($0.value)" }.joined(separator: ", ")
    }
}
