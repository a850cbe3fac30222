/// What a name lookup answered: the CNAME records it followed, in order, then the addresses of
/// the last name (none when the chain ends in a name that has no address).
public struct NameAnswer: Hashable, Sendable {
    /// One CNAME record: `name` is an alias of `canonicalName`.
    public struct Alias: Hashable, Sendable {
        public var name: String
        public var canonicalName: String

        public init(name: String, canonicalName: String) {
            self.name = name
            self.canonicalName = canonicalName
        }
    }

    public var aliases: [Alias]
    public var addresses: [String]

    public init(aliases: [Alias] = [], addresses: [String]) {
        self.aliases = aliases
        self.addresses = addresses
    }

    /// The name the addresses belong to: the end of the alias chain, else `name`.
    public func canonicalName(of name: String) -> String {
        aliases.last?.canonicalName ?? name
    }
}

/// The public DNS of the simulated internet: A and CNAME records by fully qualified name.
public struct DomainNameZone: Sendable {
    /// Longer chains than this are a loop or a mistake; resolvers give up (as glibc does).
    public static let maximumChain = 8

    private var addressRecords: [String: [String]] = [:]
    private var aliasRecords: [String: String] = [:]

    public init() {}

    public mutating func add(name: String, addresses: [String]) {
        addressRecords[Self.key(name), default: []].append(contentsOf: addresses)
    }

    public mutating func add(alias name: String, of canonicalName: String) {
        aliasRecords[Self.key(name)] = Self.key(canonicalName)
    }

    /// The answer for `name`, following CNAME records; nil when the zone has no record of it.
    public func lookup(_ name: String) -> NameAnswer? {
        var current = Self.key(name)
        var aliases: [NameAnswer.Alias] = []
        while let target = aliasRecords[current] {
            guard aliases.count < Self.maximumChain else { return nil }
            aliases.append(NameAnswer.Alias(name: current, canonicalName: target))
            current = target
        }
        if let addresses = addressRecords[current] { return NameAnswer(aliases: aliases, addresses: addresses) }
        return aliases.isEmpty ? nil : NameAnswer(aliases: aliases, addresses: [])
    }

    /// Lowercased, without the root's trailing dot.
    private static func key(_ name: String) -> String {
        (name.hasSuffix(".") ? String(name.dropLast()) : name).lowercased()
    }
}
