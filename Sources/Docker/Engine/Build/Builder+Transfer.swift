import Kernel
import Simulation

extension Builder {
    /// ADD and COPY from the build context: the step is cached by the content's digest.
    func transferStep(_ transfer: FileTransfer, keyword: String, on base: Image) throws(DockerError) {
        let context = FileSystem(root: request.context)
        var sources: [(name: String, node: FileNode)] = []
        for source in transfer.sources {
            let normalized = Paths.normalize(source, relativeTo: "/")
            if source.hasPrefix("../") || source == ".." || source.hasPrefix("/..") || escapesContext(source) {
                throw .buildFailed("Forbidden path outside the build context: \(source) ()")
            }
            guard let node = try? context.node(at: normalized) else {
                throw .buildFailed("\(keyword) failed: stat /var/lib/docker/tmp/docker-builder\(builderNumber())/\(normalized.dropFirst()): no such file or directory")
            }
            sources.append((normalized == "/" ? "" : Paths.lastComponent(normalized), node))
        }
        let contentDigest = ContentDigest.hexPart(Layer(entries: sources.flatMap { source in
            Layer.snapshot(of: Directory(entries: [source.name.isEmpty ? "." : source.name: source.node])).entries
        }).digest)
        let kind = sources.count == 1 && sources[0].node.kind == .directory ? "dir" : "file"
        let config = base.config.config
        let workingDirectory = config.workingDirectory.isEmpty ? "/" : config.workingDirectory
        let destination = Paths.normalize(transfer.destination, relativeTo: workingDirectory)
        let step = "/bin/sh -c #(nop) \(keyword) \(kind):\(contentDigest) in \(destination) "
        if let hit = cachedStep(step, on: base) {
            say(" ---> Using cache")
            say(" ---> \(hit.shortID)")
            current = hit
            return
        }
        let baseTree = engine.rootTree(of: base)
        let target = FileSystem(root: baseTree, clock: { [engine] in engine.loop.now })
        let intoDirectory = transfer.destination.hasSuffix("/") || sources.count > 1 || target.isDirectory(destination)
        for source in sources {
            if case .directory(let directory) = source.node {
                try? target.createDirectory(destination, intermediates: true)
                for (name, child) in directory.entries { try? target.install(child, at: Paths.join(destination, name)) }
            } else {
                let path = intoDirectory ? Paths.join(destination, source.name) : destination
                try? target.createDirectory(Paths.parent(path), intermediates: true)
                var node = source.node
                var metadata = node.metadata
                metadata.owner = 0
                metadata.group = 0
                node.metadata = metadata
                try? target.install(node, at: path)
            }
        }
        let layer = Layer.difference(from: baseTree, to: target.root)
        let image = commitLayer(on: base, step: step, layer: layer)
        say(" ---> \(image.shortID)")
    }

    private func escapesContext(_ source: String) -> Bool {
        var depth = 0
        for component in source.split(separator: "/") {
            if component == ".." { depth -= 1 } else if component != "." { depth += 1 }
            if depth < 0 { return true }
        }
        return false
    }

    private func builderNumber() -> String {
        String(engine.makeIdentifier().unicodeScalars.map { String(Int($0.value) % 10) }.joined().prefix(9))
    }

    func cachedStep(_ step: String, on base: Image) -> Image? {
        guard !request.noCache else { return nil }
        return engine.images.values.filter { $0.parentID == base.id && $0.buildStep == step }.max { $0.created < $1.created }
    }

    func commitLayer(on base: Image, step: String, layer: Layer) -> Image {
        var imageConfig = base.config
        imageConfig.created = engine.loop.now
        imageConfig.history.append(HistoryEntry(created: engine.loop.now, createdBy: step, emptyLayer: false))
        imageConfig.layerDigests.append(layer.digest)
        let image = Image(config: imageConfig, parentID: base.id, buildStep: step)
        engine.store(image, layers: [layer])
        current = image
        return image
    }
}
