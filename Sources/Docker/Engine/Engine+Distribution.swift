import Kernel
import Simulation

extension DockerEngine {
    /// The registry named by `host`: the Hub for `docker.io`, one the resolver knows, or a
    /// `registry:2` reached over the network.
    public func endpoint(for registryHost: String) -> any RegistryEndpoint {
        if registryHost == ImageName.hubRegistry { return hub }
        if let registry = registryResolver?(registryHost) { return registry }
        return HTTPRegistryEndpoint(host: registryHost, stack: host.networkStack, userAgent: era.docker.userAgent)
    }

    /// Pulls `name` from its registry, printing docker's progress lines to `output`.
    @discardableResult
    public func pull(_ name: ImageName, output: any WritableStream) async throws(DockerError) -> Image {
        let registry = endpoint(for: name.registry)
        guard let manifest = try await registry.fetchManifest(name.path, tag: name.tag) else {
            let exists = try await registry.containsRepository(name.path)
            if exists { throw .manifestNotFound(name.description) }
            if registry.isDockerHub { throw .pullAccessDenied(repository: name.familiarRepository) }
            throw .other("repository \(name.familiarRepository) not found: does not exist or no pull access")
        }
        try? output.write("\(name.tag): Pulling from \(name.path)\n")
        guard let config = try await registry.fetchConfig(manifest.config.digest, in: name.path) else {
            throw .manifestNotFound(name.description)
        }
        var pulled: [Layer] = []
        for descriptor in manifest.layers {
            if let local = layers[descriptor.digest] {
                try? output.write("\(ContentDigest.short(descriptor.digest)): Already exists\n")
                pulled.append(local)
                continue
            }
            guard let layer = try await registry.fetchLayer(descriptor.digest, in: name.path) else {
                throw .other("blob unknown to registry")
            }
            // Roughly 40 MB/s, so a big base image takes a few virtual seconds.
            do { try await pause(.milliseconds(50 + layer.size / 40_000)) } catch { throw .other("context canceled") }
            try? output.write("\(ContentDigest.short(layer.digest)): Pull complete\n")
            pulled.append(layer)
        }
        let image = Image(config: config)
        let wasCurrent = tags[name.description] == image.id
        store(image, layers: pulled)
        tag(image.id, as: name)
        recordRepositoryDigest(name, manifest, for: image)
        try? output.write("Digest: \(manifest.digest)\n")
        if wasCurrent {
            try? output.write("Status: Image is up to date for \(name.description)\n")
        } else {
            try? output.write("Status: Downloaded newer image for \(name.description)\n")
        }
        return image
    }

    private func recordRepositoryDigest(_ name: ImageName, _ manifest: Manifest, for image: Image) {
        let repositoryDigest = name.familiarRepository + "@" + manifest.digest
        if !(repositoryDigests[image.id] ?? []).contains(repositoryDigest) {
            repositoryDigests[image.id, default: []].append(repositoryDigest)
        }
    }

    /// Pushes the local image tagged `name` to its registry, printing docker's progress lines.
    public func push(_ name: ImageName, output: any WritableStream) async throws(DockerError) {
        try? output.write("The push refers to a repository [\(name.qualifiedRepository)]\n")
        guard let imageID = tags[name.description], let image = images[imageID] else {
            throw .imageNotFoundLocally(name.familiarRepository)
        }
        let registry = endpoint(for: name.registry)
        let imageLayers = layers(of: image)
        guard registry.allowsPush(to: name.path, by: logins[name.registry]) else {
            for layer in imageLayers.reversed() { try? output.write("\(ContentDigest.short(layer.digest)): Preparing\n") }
            throw .accessDenied
        }
        let ownLayers = try await registry.layerDigests(of: name.path)
        for layer in imageLayers.reversed() {
            let short = ContentDigest.short(layer.digest)
            if ownLayers.contains(layer.digest) {
                try? output.write("\(short): Layer already exists\n")
            } else if try await registry.containsLayer(layer.digest, in: name.path),
                      let source = try await registry.mountSource(for: layer.digest) {
                try? output.write("\(short): Mounted from \(source)\n")
            } else if try await registry.containsLayer(layer.digest, in: name.path) {
                try? output.write("\(short): Layer already exists\n")
            } else {
                do { try await pause(.milliseconds(50 + layer.size / 20_000)) } catch { throw .other("context canceled") }
                try await registry.uploadLayer(layer, into: name.path)
                try? output.write("\(short): Pushed\n")
            }
        }
        let manifest = try await registry.uploadImage(name.path, tag: name.tag, config: image.config, layers: imageLayers)
        recordRepositoryDigest(name, manifest, for: image)
        try? output.write("\(name.tag): digest: \(manifest.digest) size: \(manifest.bytes.count)\n")
    }

    /// Logs in to `registryHost`; false when the registry refuses the credentials.
    public func login(to registryHost: String, user: String, password: String) -> Bool {
        guard !user.isEmpty, !password.isEmpty else { return false }
        if registryHost == ImageName.hubRegistry, !hub.acceptsLogin(user: user, password: password) { return false }
        logins[registryHost] = user
        return true
    }

    /// Forgets the login for `registryHost`; false when there was none.
    @discardableResult
    public func logout(from registryHost: String) -> Bool {
        logins.removeValue(forKey: registryHost) != nil
    }
}
