/// A repository and tag as the engine stores them: `kubia:latest`, `luksa/kubia:v1`,
/// `localhost:5000/kubia:latest` (the familiar form docker prints).
public struct ImageName: Hashable, Sendable, CustomStringConvertible {
    /// The registry host: `docker.io` for Docker Hub.
    public var registry: String
    /// The repository path within the registry: `library/node`, `luksa/kubia`.
    public var path: String
    public var tag: String

    public init(registry: String = ImageName.hubRegistry, path: String, tag: String = "latest") {
        self.registry = registry
        self.path = path
        self.tag = tag
    }

    public static let hubRegistry = "docker.io"

    /// The repository as docker prints it: `kubia`, `luksa/kubia`, `localhost:5000/kubia`.
    public var familiarRepository: String {
        if registry == Self.hubRegistry {
            return path.hasPrefix("library/") ? String(path.dropFirst(8)) : path
        }
        return registry + "/" + path
    }

    /// `repository:tag` in the familiar form.
    public var description: String { familiarRepository + ":" + tag }

    /// `docker.io/luksa/kubia`: what push messages name.
    public var qualifiedRepository: String { registry + "/" + path }
}

extension ImageName {
    /// Splits `[registry/]path[:tag]`, as docker reads the IMAGE argument; nil when the text
    /// is not a valid reference.
    public init?(parsing text: String) {
        guard !text.isEmpty, !text.contains("@") else { return nil }
        var remainder = Substring(text)
        var tag = "latest"
        if let colon = remainder.lastIndex(of: ":"), !remainder[colon...].contains("/") {
            tag = String(remainder[remainder.index(after: colon)...])
            remainder = remainder[..<colon]
            guard Self.isValidTag(tag) else { return nil }
        }
        var components = remainder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var registry = Self.hubRegistry
        if components.count > 1, let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first
            components.removeFirst()
        }
        guard !components.isEmpty, components.allSatisfy(Self.isValidPathComponent) else { return nil }
        var path = components.joined(separator: "/")
        if registry == Self.hubRegistry, components.count == 1 { path = "library/" + path }
        self.init(registry: registry, path: path, tag: tag)
    }

    static func isValidTag(_ tag: String) -> Bool {
        guard let first = tag.unicodeScalars.first, tag.count <= 128 else { return false }
        let allowed = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "_.-".unicodeScalars.contains(c) }
        return first != "." && first != "-" && tag.unicodeScalars.allSatisfy(allowed)
    }

    static func isValidPathComponent(_ component: String) -> Bool {
        let scalars = Array(component.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        let alphanumeric = { (c: Unicode.Scalar) in ("a"..."z").contains(c) || ("0"..."9").contains(c) }
        guard alphanumeric(first), alphanumeric(last) else { return false }
        return scalars.allSatisfy { alphanumeric($0) || "._-".unicodeScalars.contains($0) }
    }
}
