import Machine
import Simulation

extension DockerEngine {
    /// Pulls `name` from its registry, printing docker's progress lines to `output`.
    @discardableResult
    public func pull(_ name: ImageName, output: any WritableStream) async throws(DockerError) -> Image {
        guard let registry = registry(for: name.registry) else {
            throw .other("Get https://\(name.registry)/v2/: dial tcp: lookup \(name.registry): no such host")
        }
        guard let manifest = registry.manifest(name.path, tag: name.tag) else {
            if registry.repositoryExists(name.path) { throw .manifestNotFound(name.description) }
            throw .pullAccessDenied(repository: name.familiarRepository)
        }
        try? output.write("\(name.tag): Pulling from \(name.path)\n")
        guard let config = registry.config(manifest.config.digest) else { throw .manifestNotFound(name.description) }
        var pulled: [Layer] = []
        for descriptor in manifest.layers {
            guard let layer = registry.layer(descriptor.digest) else { throw .manifestNotFound(name.description) }
            if layers[layer.digest] != nil {
                try? output.write("\(ContentDigest.short(layer.digest)): Already exists\n")
            } else {
                // Roughly 40 MB/s, so a big base image takes a few virtual seconds.
                do { try await pause(.milliseconds(50 + layer.size / 40_000)) } catch { throw .other("context canceled") }
                try? output.write("\(ContentDigest.short(layer.digest)): Pull complete\n")
            }
            pulled.append(layer)
        }
        let image = Image(config: config)
        let wasCurrent = tags[name.description] == image.id
        store(image, layers: pulled)
        tag(image.id, as: name)
        let repositoryDigest = name.familiarRepository + "@" + manifest.digest
        if !(repositoryDigests[image.id] ?? []).contains(repositoryDigest) {
            repositoryDigests[image.id, default: []].append(repositoryDigest)
        }
        try? output.write("Digest: \(manifest.digest)\n")
        if wasCurrent {
            try? output.write("Status: Image is up to date for \(name.description)\n")
        } else {
            try? output.write("Status: Downloaded newer image for \(name.description)\n")
        }
        return image
    }

    /// Pushes the local image tagged `name` to its registry, printing docker's progress lines.
    public func push(_ name: ImageName, output: any WritableStream) async throws(DockerError) {
        guard let imageID = tags[name.description], let image = images[imageID] else {
            throw .imageNotFoundLocally(name.familiarRepository)
        }
        try? output.write("The push refers to a repository [\(name.qualifiedRepository)]\n")
        guard let registry = registry(for: name.registry) else {
            throw .other("Get https://\(name.registry)/v2/: dial tcp: lookup \(name.registry): no such host")
        }
        let imageLayers = layers(of: image)
        guard registry.allowsPush(to: name.path, by: logins[name.registry]) else {
            for layer in imageLayers.reversed() { try? output.write("\(ContentDigest.short(layer.digest)): Preparing\n") }
            throw .accessDenied
        }
        let ownLayers = Set(registry.tags(of: name.path).flatMap { registry.manifest(name.path, tag: $0)?.layers.map(\.digest) ?? [] })
        for layer in imageLayers.reversed() {
            let short = ContentDigest.short(layer.digest)
            if ownLayers.contains(layer.digest) {
                try? output.write("\(short): Layer already exists\n")
            } else if registry.hasLayer(layer.digest), let source = repository(in: registry, holding: layer.digest) {
                try? output.write("\(short): Mounted from \(source)\n")
            } else {
                do { try await pause(.milliseconds(50 + layer.size / 20_000)) } catch { throw .other("context canceled") }
                try? output.write("\(short): Pushed\n")
            }
        }
        let manifest = registry.putImage(name.path, tag: name.tag, config: image.config, layers: imageLayers)
        let repositoryDigest = name.familiarRepository + "@" + manifest.digest
        if !(repositoryDigests[image.id] ?? []).contains(repositoryDigest) {
            repositoryDigests[image.id, default: []].append(repositoryDigest)
        }
        try? output.write("\(name.tag): digest: \(manifest.digest) size: \(manifest.bytes.count)\n")
    }

    private func repository(in registry: Registry, holding digest: String) -> String? {
        registry.repositoryPaths.first { path in
            registry.tags(of: path).contains { registry.manifest(path, tag: $0)?.layers.contains { $0.digest == digest } ?? false }
        }
    }

    /// Logs in to `registryHost`; false when the registry refuses the credentials.
    public func login(to registryHost: String, user: String, password: String) -> Bool {
        guard let registry = registry(for: registryHost), registry.acceptsLogin(user: user, password: password) else {
            return false
        }
        logins[registryHost] = user
        return true
    }

    /// Forgets the login for `registryHost`; false when there was none.
    @discardableResult
    public func logout(from registryHost: String) -> Bool {
        logins.removeValue(forKey: registryHost) != nil
    }
}
