import Docker
import Kernel
import NodeAgent

/// The kubelet's container runtime served by a node's Docker engine, as 1.8's dockershim
/// served the CRI: image references are normalized to the engine's `repository:tag`, and the
/// engine's errors come back with its messages.
public final class DockerShim: ContainerRuntime {
    public let engine: DockerEngine

    public init(engine: DockerEngine) {
        self.engine = engine
    }

    public var name: String { "docker" }

    /// The engine's form of the image (`luksa/kubia:latest`), or the text as given when it does not parse.
    private func engineName(_ image: String) -> String {
        ImageName(parsing: image)?.description ?? image
    }

    public func isImagePresent(_ image: String) -> Bool {
        guard let name = ImageName(parsing: image) else { return false }
        return engine.image(named: name.description) != nil
    }

    public func pullImage(_ image: String) async throws(ContainerRuntimeError) {
        guard let name = ImageName(parsing: image) else { throw ContainerRuntimeError("invalid reference format") }
        do {
            _ = try await engine.pull(name, output: DiscardingStream())
        } catch {
            throw ContainerRuntimeError(error.message)
        }
    }

    public func imageReference(of image: String) -> String? {
        guard let value = engine.image(named: engineName(image)) else { return nil }
        let digest = engine.repositoryDigests[value.id]?.first
        return digest.map { "docker-pullable://" + $0 } ?? "docker://" + value.id
    }

    public func reportedImage(_ image: String) -> String {
        guard let name = ImageName(parsing: image) else { return image }
        return name.familiarRepository + ":" + name.tag
    }

    public func createContainer(_ configuration: RuntimeContainerConfiguration) throws(ContainerRuntimeError) -> any RuntimeContainer {
        var spec = ContainerSpec(image: engineName(configuration.image))
        spec.name = configuration.name
        spec.hostname = configuration.hostname
        spec.entrypoint = configuration.entrypoint
        spec.command = configuration.command
        spec.workingDirectory = configuration.workingDirectory
        spec.environment = configuration.environment
        spec.interactive = configuration.interactive
        spec.tty = configuration.tty
        spec.binds = configuration.binds
        if let old = engine.container(named: configuration.name) { try? engine.remove(old, force: true) }
        do {
            return DockerShimContainer(engine: engine, container: try engine.createContainer(spec))
        } catch {
            throw ContainerRuntimeError(error.message)
        }
    }
}
