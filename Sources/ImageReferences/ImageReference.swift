/// An image reference normalized as docker/distribution's `ParseNormalizedNamed` does:
/// `kubia` is `docker.io/library/kubia`, `luksa/kubia:v2` is `docker.io/luksa/kubia:v2`,
/// `localhost:5000/kubia` keeps its registry.
public struct ImageReference: Hashable, Sendable, CustomStringConvertible {
    /// The registry host, `docker.io` for Docker Hub.
    public let domain: String
    /// The repository path inside the registry (`library/kubia`, `luksa/kubia`).
    public let path: String
    public let tag: String?
    /// `algorithm:hex`, when the reference pins a digest.
    public let digest: String?

    public static let dockerHubDomain = "docker.io"
    public static let defaultTag = "latest"

    public init(domain: String, path: String, tag: String? = nil, digest: String? = nil) {
        self.domain = domain
        self.path = path
        self.tag = tag
        self.digest = digest
    }

    /// Parses what a user typed (`kubia`, `luksa/kubia:v1`, `localhost:5000/a@sha256:…`).
    public init(parsing text: String) throws(ImageReferenceError) {
        if text.utf8.count == 64 && text.utf8.allSatisfy(isLowerHexDigit) {
            throw ImageReferenceError("invalid repository name (\(text)), cannot specify 64-byte hexadecimal strings")
        }
        let (domain, remainder) = Self.splitDockerDomain(text)
        let remoteName = remainder.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? remainder
        guard remoteName.lowercased() == remoteName else {
            throw ImageReferenceError("invalid reference format: repository name must be lowercase")
        }
        let parsed = try ReferenceGrammar.parse(domain + "/" + remainder)
        guard let name = parsed.name else { throw ImageReferenceError("reference \(text) has no name") }
        self.init(domain: name.domain, path: name.path, tag: parsed.tag, digest: parsed.digest)
    }

    /// docker's `splitDockerDomain`: the first component is a registry only if it looks like a
    /// host (has a `.` or `:`, or is `localhost`); Docker Hub names without a `/` are official
    /// images under `library/`.
    static func splitDockerDomain(_ name: String) -> (domain: String, remainder: String) {
        var domain = dockerHubDomain
        var remainder = name
        if let slash = name.firstIndex(of: "/") {
            let first = name[..<slash]
            if first.contains(".") || first.contains(":") || first == "localhost" {
                domain = String(first)
                remainder = String(name[name.index(after: slash)...])
            }
        }
        if domain == "index.docker.io" { domain = dockerHubDomain }
        if domain == dockerHubDomain && !remainder.contains("/") {
            remainder = "library/" + remainder
        }
        return (domain, remainder)
    }

    /// `docker.io/library/kubia` — the fully qualified name without tag or digest.
    public var name: String { domain.isEmpty ? path : domain + "/" + path }

    /// The full reference: `docker.io/library/kubia:latest`.
    public var description: String {
        name + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "")
    }

    /// The short name users type and docker prints: `kubia`, `luksa/kubia`, `localhost:5000/kubia`.
    public var familiarName: String {
        guard domain == Self.dockerHubDomain else { return name }
        let officialPrefix = "library/"
        if path.hasPrefix(officialPrefix) && !path.dropFirst(officialPrefix.count).contains("/") {
            return String(path.dropFirst(officialPrefix.count))
        }
        return path
    }

    /// The familiar name with tag and digest: `kubia:latest`, `luksa/kubia:v2`.
    public var familiarString: String {
        familiarName + (tag.map { ":" + $0 } ?? "") + (digest.map { "@" + $0 } ?? "")
    }

    /// With `:latest` added when neither tag nor digest was given (docker's `TagNameOnly`).
    public var withDefaultTag: ImageReference {
        guard tag == nil && digest == nil else { return self }
        return ImageReference(domain: domain, path: path, tag: Self.defaultTag)
    }

    /// The same repository with another tag and no digest.
    public func tagged(_ tag: String) -> ImageReference {
        ImageReference(domain: domain, path: path, tag: tag)
    }

    /// The repository without tag or digest.
    public var repository: ImageReference { ImageReference(domain: domain, path: path) }

    public var isDockerHub: Bool { domain == Self.dockerHubDomain }

    /// Whether this is an official Docker Hub image (`library/…`).
    public var isOfficial: Bool { isDockerHub && path.hasPrefix("library/") }

    /// The account that owns the repository: `luksa` for `luksa/kubia`, `library` for `kubia`.
    /// Pushing needs to be logged in to this account on this registry.
    public var namespace: String? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// The key `docker login` stores credentials under for this registry.
    public var authServerAddress: String {
        isDockerHub ? "https://index.docker.io/v1/" : domain
    }
}

/// A reference that does not parse; `message` is docker's text.
public struct ImageReferenceError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Tags: `[\w][\w.-]{0,127}`.
public enum ImageTag {
    public static func isValid(_ tag: String) -> Bool {
        let bytes = Array(tag.utf8)
        guard let first = bytes.first, bytes.count <= 128, isWordCharacter(first) else { return false }
        return bytes.dropFirst().allSatisfy { isWordCharacter($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }
}

func isLowerHexDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
}

func isWordCharacter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_")
}
