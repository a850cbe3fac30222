/// The reference grammar of docker/distribution (2017):
///
///     reference        := name [ ":" tag ] [ "@" digest ]
///     name             := [domain '/'] path-component ['/' path-component]*
///     domain           := domain-component ['.' domain-component]* [':' port-number]
///     domain-component := /([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])/
///     path-component   := /[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*/
///     tag              := /[\w][\w.-]{0,127}/
///     digest           := /[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}/
enum ReferenceGrammar {
    struct Parsed {
        var name: (domain: String, path: String)?
        var tag: String?
        var digest: String?
    }

    static let nameTotalLengthMax = 255

    static func parse(_ text: String) throws(ImageReferenceError) -> Parsed {
        guard let parsed = match(text) else {
            if text.isEmpty { throw ImageReferenceError("repository name must have at least one component") }
            if match(text.lowercased()) != nil { throw ImageReferenceError("repository name must be lowercase") }
            throw ImageReferenceError("invalid reference format")
        }
        if let name = parsed.name {
            let full = name.domain.isEmpty ? name.path : name.domain + "/" + name.path
            if full.utf8.count > nameTotalLengthMax {
                throw ImageReferenceError("repository name must not be more than \(nameTotalLengthMax) characters")
            }
        }
        if let digest = parsed.digest { try validateDigest(digest) }
        return parsed
    }

    private static func match(_ text: String) -> Parsed? {
        var left = Substring(text)
        var digest: String?
        if let at = text.firstIndex(of: "@") {
            let candidate = String(text[text.index(after: at)...])
            guard isDigest(candidate) else { return nil }
            digest = candidate
            left = text[..<at]
        }
        if let colon = left.lastIndex(of: ":"), left.lastIndex(of: "/").map({ $0 < colon }) ?? true {
            let tag = String(left[left.index(after: colon)...])
            if ImageTag.isValid(tag), let name = splitName(left[..<colon]) {
                return Parsed(name: name, tag: tag, digest: digest)
            }
        }
        guard let name = splitName(left) else { return nil }
        return Parsed(name: name, tag: nil, digest: digest)
    }

    /// The name split into domain and path, or nil when it is not a name.
    private static func splitName(_ name: Substring) -> (domain: String, path: String)? {
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        if components.count > 1, isDomain(components[0]),
           components.dropFirst().allSatisfy(isPathComponent) {
            return (String(components[0]), components.dropFirst().joined(separator: "/"))
        }
        guard components.allSatisfy(isPathComponent) else { return nil }
        return ("", String(name))
    }

    static func isPathComponent(_ component: Substring) -> Bool {
        let bytes = Array(component.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        var index = 0
        while index < bytes.count {
            if isAlphanumeric(bytes[index]) { index += 1; continue }
            // A separator run: one `.` or `_`, exactly `__`, or any number of `-`.
            var end = index
            while end < bytes.count, !isAlphanumeric(bytes[end]) { end += 1 }
            let separator = bytes[index..<end]
            let valid = separator.elementsEqual([UInt8(ascii: ".")]) || separator.elementsEqual([UInt8(ascii: "_")])
                || separator.elementsEqual([UInt8(ascii: "_"), UInt8(ascii: "_")])
                || separator.allSatisfy { $0 == UInt8(ascii: "-") }
            guard valid else { return false }
            index = end
        }
        return true
    }

    static func isDomain(_ domain: Substring) -> Bool {
        var host = domain
        if let colon = domain.firstIndex(of: ":") {
            let port = domain[domain.index(after: colon)...]
            guard !port.isEmpty, port.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
                return false
            }
            host = domain[..<colon]
        }
        return host.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { component in
            let bytes = Array(component.utf8)
            func isAlphanumeric(_ byte: UInt8) -> Bool {
                isWordCharacter(byte) && byte != UInt8(ascii: "_")
            }
            guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else {
                return false
            }
            return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static func isDigest(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let algorithm = text[..<colon]
        let hex = text[text.index(after: colon)...]
        guard hex.utf8.count >= 32, hex.utf8.allSatisfy({ isLowerHexDigit($0) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }) else { return false }
        return algorithm.split(omittingEmptySubsequences: false, whereSeparator: { "-_+.".contains($0) }).allSatisfy { part in
            guard let first = part.first, first.isASCII, first.isLetter else { return false }
            return part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// go-digest's `Validate` of that era: a known algorithm and the right hex length.
    static func validateDigest(_ digest: String) throws(ImageReferenceError) {
        guard let colon = digest.firstIndex(of: ":") else { throw ImageReferenceError("invalid checksum digest format") }
        let sizes = ["sha256": 32, "sha384": 48, "sha512": 64]
        guard let size = sizes[String(digest[..<colon])] else { throw ImageReferenceError("unsupported digest algorithm") }
        guard digest[digest.index(after: colon)...].utf8.count == size * 2 else {
            throw ImageReferenceError("invalid checksum digest length")
        }
    }
}
