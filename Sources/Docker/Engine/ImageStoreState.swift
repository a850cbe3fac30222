/// An engine's local images as plain data, so the integrator can save and restore them with
/// the registries (containers are live machines and are not part of it).
public struct ImageStoreState: Codable, Hashable, Sendable {
    public struct StoredImage: Codable, Hashable, Sendable {
        public var config: ImageConfig
        public var parentID: String?
        public var buildStep: String?
    }

    public var images: [StoredImage] = []
    public var layers: [Layer] = []
    public var tags: [String: String] = [:]
    public var repositoryDigests: [String: [String]] = [:]
    public var logins: [String: String] = [:]

    public init() {}
}

extension DockerEngine {
    /// The image store, tags, repository digests and registry logins.
    public var imageStoreState: ImageStoreState {
        var state = ImageStoreState()
        state.images = images.values.sorted { $0.id < $1.id }.map {
            ImageStoreState.StoredImage(config: $0.config, parentID: $0.parentID, buildStep: $0.buildStep)
        }
        state.layers = layers.values.sorted { $0.digest < $1.digest }
        state.tags = tags
        state.repositoryDigests = repositoryDigests
        state.logins = logins
        return state
    }

    /// Replaces the image store with a saved one.
    public func restore(_ state: ImageStoreState) {
        images = [:]
        layers = [:]
        rootTrees = [:]
        for layer in state.layers { layers[layer.digest] = layer }
        for stored in state.images {
            let image = Image(config: stored.config, parentID: stored.parentID, buildStep: stored.buildStep)
            images[image.id] = image
        }
        tags = state.tags.filter { images[$0.value] != nil }
        repositoryDigests = state.repositoryDigests
        logins = state.logins
    }
}
