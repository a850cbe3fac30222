import Eras
import Kernel
import Simulation

/// A Docker daemon on one host machine (the workstation, or a cluster node): its image store,
/// containers, the default bridge network and its view of the registries.
public final class DockerEngine {
    public let host: Machine
    public let hub: Registry
    /// The release this daemon is (`docker version`, `docker info`, what it tells registries).
    public let era: Era
    /// Programs containers run (node, sh, nginx …): by default the host's registry.
    public let programs: ProgramRegistry
    /// Registries other than the Hub, by host (`localhost:5000`), reached through this hook.
    public var registryResolver: ((String) -> Registry?)?
    var random: SeededRandom

    /// Images by ID.
    public internal(set) var images: [String: Image] = [:]
    /// Layers by digest.
    public internal(set) var layers: [String: Layer] = [:]
    /// `repository:tag` (familiar form) → image ID.
    public internal(set) var tags: [String: String] = [:]
    /// `repository@sha256:…` digests images were pulled or pushed by, per image ID.
    public internal(set) var repositoryDigests: [String: [String]] = [:]
    /// Containers in creation order.
    public internal(set) var containers: [Container] = []
    /// Volumes of the local driver by name.
    public internal(set) var volumes: [String: DockerVolume] = [:]
    /// Registry host → logged-in user name.
    public internal(set) var logins: [String: String] = [:]

    /// The daemon's identity as `docker info` shows it: twelve groups of four base32 characters.
    public private(set) lazy var daemonID: String = {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        return (0..<12).map { _ in random.string(count: 4, alphabet: alphabet) }.joined(separator: ":")
    }()

    /// The default bridge network (`docker0`): its first two address bytes; the gateway is
    /// `<prefix>.0.1` and containers get `<prefix>.0.2` upwards.
    public let bridgePrefix: String
    /// The bridge's gateway address, given to the host.
    public var bridgeGateway: String { bridgePrefix + ".0.1" }
    var allocatedAddresses: Set<String> = []
    /// Merged trees of images containers were made from (images never change).
    var rootTrees: [String: Directory] = [:]
    var allocatedHostPorts: [Int: String] = [:]
    var nextEphemeralHostPort = 32768

    public var loop: EventLoop { host.loop }
    public var network: Network { host.networkStack.network }

    /// An engine on `host`. Engines sharing one `Network` (cluster nodes) need distinct
    /// `bridgePrefix`es, as each node's containers live on its own bridge.
    public init(host: Machine, hub: Registry, era: Era, programs: ProgramRegistry? = nil, bridgePrefix: String = "172.17") {
        self.era = era
        self.bridgePrefix = bridgePrefix
        self.host = host
        self.hub = hub
        self.programs = programs ?? host.programs
        self.random = host.loop.random.split()
        host.networkStack.network.assign(bridgeGateway, to: host.networkStack)
    }

    // MARK: Identifiers

    /// A fresh 64-hex container or exec ID.
    func makeIdentifier() -> String {
        ObjectIdentifiers.randomID(using: &random)
    }

    // MARK: Image lookup

    /// The image `text` names: a tag (`kubia`, `luksa/kubia:v1`), a full ID, or a unique ID prefix.
    public func image(named text: String) -> Image? {
        if let name = ImageName(parsing: text), let id = tags[name.description] { return images[id] }
        let hex = ContentDigest.hexPart(text)
        guard !hex.isEmpty, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        if let image = images["sha256:" + hex] { return image }
        let matches = images.keys.filter { ContentDigest.hexPart($0).hasPrefix(hex) }
        return matches.count == 1 ? matches.first.flatMap { images[$0] } : nil
    }

    /// Tags pointing at `imageID`, sorted.
    public func tags(of imageID: String) -> [String] {
        tags.filter { $0.value == imageID }.keys.sorted()
    }

    /// The layers of `image`, bottom first.
    public func layers(of image: Image) -> [Layer] {
        image.config.layerDigests.compactMap { layers[$0] }
    }

    /// The bytes the image's layers add up to (what `docker images` shows).
    public func size(of image: Image) -> Int {
        layers(of: image).reduce(0) { $0 + $1.size }
    }

    /// The merged root file system of `image`.
    public func rootTree(of image: Image) -> Directory {
        if let cached = rootTrees[image.id] { return cached }
        var root = Directory()
        for layer in layers(of: image) { layer.apply(to: &root) }
        rootTrees[image.id] = root
        return root
    }

    /// Stores an image and its layers.
    func store(_ image: Image, layers newLayers: [Layer]) {
        for layer in newLayers where layers[layer.digest] == nil { layers[layer.digest] = layer }
        images[image.id] = image
    }

    /// Points `name` at `imageID`; the image it pointed at before keeps its other tags.
    public func tag(_ imageID: String, as name: ImageName) {
        tags[name.description] = imageID
    }

    // MARK: Container lookup

    /// The container `text` names: its name (with or without `/`), full ID or unique ID prefix.
    public func container(named text: String) -> Container? {
        let name = text.hasPrefix("/") ? String(text.dropFirst()) : text
        if let match = containers.first(where: { $0.name == name || $0.id == text }) { return match }
        guard !text.isEmpty else { return nil }
        let matches = containers.filter { $0.id.hasPrefix(text) }
        return matches.count == 1 ? matches.first : nil
    }

    /// Suspends for `duration` of virtual time, interruptibly when a process is waiting.
    func pause(_ duration: Duration) async throws {
        if let process = SimulatedProcess.current {
            // Pulls, pushes and stop timeouts: the engine working, nothing a learner watches.
            try await process.sleep(for: duration, skippable: true)
        } else {
            await loop.sleep(for: duration)
        }
    }
}
