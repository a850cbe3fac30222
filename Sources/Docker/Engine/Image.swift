import Simulation

/// An image in an engine's store: its configuration, its layers and where it came from.
public struct Image: Hashable, Sendable {
    /// `sha256:<64 hex>`: the digest of `config`.
    public let id: String
    public let config: ImageConfig
    /// The image this one was built on (legacy builder steps), if built here.
    public let parentID: String?
    /// The cache key of the build step that made it (`#(nop) ADD file:… in /`), if built here.
    public let buildStep: String?

    public init(config: ImageConfig, parentID: String? = nil, buildStep: String? = nil) {
        self.id = config.digest
        self.config = config
        self.parentID = parentID
        self.buildStep = buildStep
    }

    public var shortID: String { ContentDigest.short(id) }
    public var created: VirtualInstant { config.created }
}
