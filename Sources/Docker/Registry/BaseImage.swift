import Eras
import Kernel
import Simulation

/// A public image to seed Docker Hub with: its root file system, how it is split into
/// layers, and its run-time defaults.
public struct BaseImageDefinition: Sendable {
    public var name: ImageName
    public var root: Directory
    /// The reported size of each layer, bottom first; the tree is spread across them.
    public var layerSizes: [Int]
    /// The `created_by` of each layer's history entry (the last ones may be metadata-only).
    public var layerCommands: [String]
    /// Metadata-only history lines after the layers (`CMD ["node"]`).
    public var metadataCommands: [String]
    public var config: ContainerConfig
    public var created: VirtualInstant
    /// Other tags of the same image (`node:latest` … for `node:7`, when they are one image).
    public var aliases: [String]

    public init(name: ImageName, root: Directory, layerSizes: [Int], layerCommands: [String], metadataCommands: [String],
                config: ContainerConfig, created: VirtualInstant, aliases: [String] = []) {
        self.name = name
        self.root = root
        self.layerSizes = layerSizes
        self.layerCommands = layerCommands
        self.metadataCommands = metadataCommands
        self.config = config
        self.created = created
        self.aliases = aliases
    }

    /// The layers: the tree's top-level entries dealt out over `layerSizes` in order.
    public func makeLayers() -> [Layer] {
        let all = Layer.snapshot(of: root).entries
        let count = max(layerSizes.count, 1)
        let topLevel = Array(Set(all.map { $0.path.split(separator: "/").first.map(String.init) ?? "" })).sorted()
        var layers: [Layer] = []
        for index in 0..<count {
            // Layer i gets every count-th top-level directory, so each layer has real content.
            let names = Set(topLevel.enumerated().filter { $0.offset % count == index }.map(\.element))
            let entries = all.filter { names.contains($0.path.split(separator: "/").first.map(String.init) ?? "") }
            layers.append(Layer(entries: entries, nominalSize: index < layerSizes.count ? layerSizes[index] : nil))
        }
        return layers
    }

    /// The image configuration, with a history line per layer and per metadata instruction.
    public func makeConfig(layers: [Layer], dockerVersion: String) -> ImageConfig {
        var history: [HistoryEntry] = []
        for (index, layer) in layers.enumerated() {
            let command = index < layerCommands.count ? layerCommands[index]
                : "/bin/sh -c #(nop) ADD file:\(ContentDigest.hexPart(layer.digest)) in / "
            let when = created - .seconds(60 * (layers.count - index) + 60 * metadataCommands.count)
            history.append(HistoryEntry(created: when, createdBy: command, emptyLayer: false))
        }
        for (index, command) in metadataCommands.enumerated() {
            history.append(HistoryEntry(created: created - .seconds(60 * (metadataCommands.count - index - 1)),
                                        createdBy: command, emptyLayer: true))
        }
        return ImageConfig(config: config, created: created, dockerVersion: dockerVersion, history: history, layerDigests: layers.map(\.digest))
    }
}

extension Registry {
    /// Docker Hub with the given public images.
    public static func dockerHub(era: Era, images: [DeferredImage] = StandardImages.all) -> Registry {
        let hub = Registry(host: ImageName.hubRegistry, requiresLogin: true, publishersDockerVersion: era.docker.version)
        hub.seed(images)
        return hub
    }

    /// Adds public images (used when restoring a saved Hub lacks ones added since); each is
    /// built when its repository is first used.
    public func seed(_ images: [DeferredImage]) {
        addPending(images)
    }

    /// Adds public images whose definitions are already built.
    public func seed(_ images: [BaseImageDefinition]) {
        addPending(images.map { DeferredImage(built: $0) })
    }
}
