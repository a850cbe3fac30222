/// Everything a registry holds, as plain data the integrator can save and restore.
public struct RegistryState: Codable, Hashable, Sendable {
    /// Repository path (`library/node`, `luksa/kubia`) → tag → manifest digest.
    public var repositories: [String: [String: String]] = [:]
    public var manifests: [String: Manifest] = [:]
    public var configs: [String: ImageConfig] = [:]
    public var layers: [String: Layer] = [:]

    public init() {}
}

/// A Docker registry: repositories of tagged manifests over content-addressed blobs. Docker
/// Hub and every `registry:2` container are one of these.
public final class Registry {
    /// The host clients name it by: `docker.io`, `localhost:5000`.
    public let host: String
    /// Whether pushing needs a login and is limited to the user's own namespace (Docker Hub).
    public let requiresLogin: Bool
    public private(set) var state: RegistryState

    public init(host: String, requiresLogin: Bool = false, state: RegistryState = RegistryState()) {
        self.host = host
        self.requiresLogin = requiresLogin
        self.state = state
    }

    /// Replaces everything with a saved state.
    public func restore(_ saved: RegistryState) {
        state = saved
    }

    public func repositoryExists(_ path: String) -> Bool {
        state.repositories[path] != nil
    }

    /// The manifest tagged `tag` in `path`.
    public func manifest(_ path: String, tag: String) -> Manifest? {
        guard let digest = state.repositories[path]?[tag] else { return nil }
        return state.manifests[digest]
    }

    public func config(_ digest: String) -> ImageConfig? { state.configs[digest] }
    public func layer(_ digest: String) -> Layer? { state.layers[digest] }
    public func hasLayer(_ digest: String) -> Bool { state.layers[digest] != nil }

    public func tags(of path: String) -> [String] {
        (state.repositories[path] ?? [:]).keys.sorted()
    }

    public var repositoryPaths: [String] { state.repositories.keys.sorted() }

    /// Stores a layer blob (uploads of one that exists change nothing).
    public func putLayer(_ layer: Layer) {
        if state.layers[layer.digest] == nil { state.layers[layer.digest] = layer }
    }

    /// Stores the config and manifest of an image whose layers are present, and tags it.
    @discardableResult
    public func putImage(_ path: String, tag: String, config: ImageConfig, layers: [Layer]) -> Manifest {
        for layer in layers { putLayer(layer) }
        let manifest = Manifest(config: config, layers: layers)
        state.configs[config.digest] = config
        state.manifests[manifest.digest] = manifest
        state.repositories[path, default: [:]][tag] = manifest.digest
        return manifest
    }

    /// Whether `user` (nil when not logged in) may push to `path`.
    public func allowsPush(to path: String, by user: String?) -> Bool {
        guard requiresLogin else { return true }
        guard let user, !user.isEmpty else { return false }
        return path.hasPrefix(user + "/")
    }

    /// Whether a login succeeds: Docker Hub here accepts any user with a non-empty password.
    public func acceptsLogin(user: String, password: String) -> Bool {
        !user.isEmpty && !password.isEmpty
    }
}

extension Registry {
    /// Stores an image config blob before its manifest arrives.
    func storeConfig(_ config: ImageConfig) {
        if state.configs[config.digest] == nil { state.configs[config.digest] = config }
    }
}
