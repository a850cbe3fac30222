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
    /// The repository and tag `text` names (`:latest` when no tag); nil when it does not parse
    /// or pins a digest.
    public init?(parsing text: String) {
        guard let reference = try? ImageReference(parsing: text), reference.digest == nil else { return nil }
        self.init(reference)
    }

    public init(_ reference: ImageReference) {
        self.init(registry: reference.domain, path: reference.path, tag: reference.tag ?? ImageReference.defaultTag)
    }
}
