/// What the engine needs of a registry, whether it is an object in this process (Docker
/// Hub) or a `registry:2` container reached over the simulated network.
public protocol RegistryEndpoint: AnyObject {
    var isDockerHub: Bool { get }
    func fetchManifest(_ path: String, tag: String) async throws(DockerError) -> Manifest?
    func containsRepository(_ path: String) async throws(DockerError) -> Bool
    func fetchConfig(_ digest: String, in path: String) async throws(DockerError) -> ImageConfig?
    func fetchLayer(_ digest: String, in path: String) async throws(DockerError) -> Layer?
    func containsLayer(_ digest: String, in path: String) async throws(DockerError) -> Bool
    /// The layer digests the repository's tagged manifests use.
    func layerDigests(of path: String) async throws(DockerError) -> Set<String>
    /// Another repository holding the layer, for a cross-repository mount.
    func mountSource(for digest: String) async throws(DockerError) -> String?
    func uploadLayer(_ layer: Layer, into path: String) async throws(DockerError)
    func uploadImage(_ path: String, tag: String, config: ImageConfig, layers: [Layer]) async throws(DockerError) -> Manifest
    func allowsPush(to path: String, by user: String?) -> Bool
}

extension Registry: RegistryEndpoint {
    public var isDockerHub: Bool { host == ImageName.hubRegistry }

    public func fetchManifest(_ path: String, tag: String) async throws(DockerError) -> Manifest? { manifest(path, tag: tag) }
    public func containsRepository(_ path: String) async throws(DockerError) -> Bool { repositoryExists(path) }
    public func fetchConfig(_ digest: String, in path: String) async throws(DockerError) -> ImageConfig? { config(digest) }
    public func fetchLayer(_ digest: String, in path: String) async throws(DockerError) -> Layer? { layer(digest) }
    public func containsLayer(_ digest: String, in path: String) async throws(DockerError) -> Bool { hasLayer(digest) }

    public func layerDigests(of path: String) async throws(DockerError) -> Set<String> {
        Set(tags(of: path).flatMap { manifest(path, tag: $0)?.layers.map(\.digest) ?? [] })
    }

    public func mountSource(for digest: String) async throws(DockerError) -> String? {
        repositoryPaths.first { path in
            tags(of: path).contains { manifest(path, tag: $0)?.layers.contains { $0.digest == digest } ?? false }
        }
    }

    public func uploadLayer(_ layer: Layer, into path: String) async throws(DockerError) { putLayer(layer) }

    public func uploadImage(_ path: String, tag: String, config: ImageConfig, layers: [Layer]) async throws(DockerError) -> Manifest {
        putImage(path, tag: tag, config: config, layers: layers)
    }
}
