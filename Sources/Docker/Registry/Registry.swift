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
    private var stored: RegistryState
    /// Public images not built yet, by repository: building every layer digest of every image
    /// up front would cost each start-up its time; a repository is built when first asked for.
    private var pending: [String: [DeferredImage]] = [:]
    /// The Docker release the public images it is seeded with were built by (their `DockerVersion`).
    let publishersDockerVersion: String

    public init(host: String, requiresLogin: Bool = false, state: RegistryState = RegistryState(), publishersDockerVersion: String = "") {
        self.host = host
        self.requiresLogin = requiresLogin
        self.stored = state
        self.publishersDockerVersion = publishersDockerVersion
    }

    /// Everything the registry holds.
    public var state: RegistryState {
        buildAllPending()
        return stored
    }

    /// Replaces everything with a saved state.
    public func restore(_ saved: RegistryState) {
        pending.removeAll()
        stored = saved
    }

    /// Holds `images` to be built when their repository is first used.
    func addPending(_ images: [DeferredImage]) {
        for image in images where stored.repositories[image.name.path]?[image.name.tag] == nil {
            pending[image.name.path, default: []].append(image)
        }
    }

    private func buildPending(_ path: String) {
        guard let images = pending.removeValue(forKey: path) else { return }
        for image in images { build(image.make()) }
    }

    private func buildAllPending() {
        for path in pending.keys.sorted() { buildPending(path) }
    }

    func build(_ definition: BaseImageDefinition) {
        let layers = definition.makeLayers()
        let config = definition.makeConfig(layers: layers, dockerVersion: publishersDockerVersion)
        putImage(definition.name.path, tag: definition.name.tag, config: config, layers: layers)
        for alias in definition.aliases {
            putImage(definition.name.path, tag: alias, config: config, layers: layers)
        }
    }

    public func repositoryExists(_ path: String) -> Bool {
        buildPending(path)
        return stored.repositories[path] != nil
    }

    /// The manifest tagged `tag` in `path`.
    public func manifest(_ path: String, tag: String) -> Manifest? {
        buildPending(path)
        guard let digest = stored.repositories[path]?[tag] else { return nil }
        return stored.manifests[digest]
    }

    // Blobs are found by digest alone (a push checks whether a base layer exists), so a miss
    // builds whatever is still pending before it counts.
    public func config(_ digest: String) -> ImageConfig? {
        if stored.configs[digest] == nil { buildAllPending() }
        return stored.configs[digest]
    }

    public func layer(_ digest: String) -> Layer? {
        if stored.layers[digest] == nil { buildAllPending() }
        return stored.layers[digest]
    }

    public func hasLayer(_ digest: String) -> Bool { layer(digest) != nil }

    public func tags(of path: String) -> [String] {
        buildPending(path)
        return (stored.repositories[path] ?? [:]).keys.sorted()
    }

    public var repositoryPaths: [String] {
        buildAllPending()
        return stored.repositories.keys.sorted()
    }

    /// Stores a layer blob (uploads of one that exists change nothing).
    public func putLayer(_ layer: Layer) {
        if stored.layers[layer.digest] == nil { stored.layers[layer.digest] = layer }
    }

    /// Stores the config and manifest of an image whose layers are present, and tags it.
    @discardableResult
    public func putImage(_ path: String, tag: String, config: ImageConfig, layers: [Layer]) -> Manifest {
        for layer in layers { putLayer(layer) }
        let manifest = Manifest(config: config, layers: layers)
        stored.configs[config.digest] = config
        stored.manifests[manifest.digest] = manifest
        buildPending(path)
        stored.repositories[path, default: [:]][tag] = manifest.digest
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
        if stored.configs[config.digest] == nil { stored.configs[config.digest] = config }
    }
}
