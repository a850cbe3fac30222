import Kernel

/// The container engine as the kubelet sees it: the calls 1.8's kubelet made through the CRI
/// (images, containers, exec, logs), which dockershim served from Docker. The kubelet names
/// images as the pod spec writes them; the runtime normalizes them.
public protocol ContainerRuntime: AnyObject {
    /// The runtime's name in container IDs and events (`docker` in `docker://…`).
    var name: String { get }

    /// Whether the image is on the node.
    func isImagePresent(_ image: String) -> Bool

    /// Pulls the image onto the node; the error's message is the engine's.
    func pullImage(_ image: String) async throws(ContainerRuntimeError)

    /// The image a container status names (`docker-pullable://…@sha256:…` when pulled by a
    /// registry, `docker://sha256:…` otherwise), nil when the image is not on the node.
    func imageReference(of image: String) -> String?

    /// The image as the runtime reports it in a container's status (`luksa/kubia:latest`).
    func reportedImage(_ image: String) -> String

    /// Creates a container, replacing a leftover one of the same name.
    func createContainer(_ configuration: RuntimeContainerConfiguration) throws(ContainerRuntimeError) -> any RuntimeContainer
}

/// One container the runtime made for the kubelet. The kubelet keeps the handle it was given
/// and compares handles by identity.
public protocol RuntimeContainer: AnyObject {
    var id: String { get }
    var isRunning: Bool { get }
    /// Whether the container ran and finished (not merely created or being removed).
    var hasExited: Bool { get }
    var exitCode: Int32 { get }
    /// The machine the container's processes run on (its namespaces): the kubelet writes its
    /// network files there and gives it the pod's address.
    var machine: Machine { get }

    func start() throws(ContainerRuntimeError)
    /// Sends the stop signal, then SIGKILL after `timeout`; returns when the container stopped.
    func stop(timeout: Duration) async
    /// Removes the container, killing it first when `force`.
    func remove(force: Bool) throws(ContainerRuntimeError)
    /// Runs a command in the running container.
    func exec(_ arguments: [String], tty: Bool, stdin: any ReadableStream, stdout: any WritableStream,
              stderr: any WritableStream) throws(ContainerRuntimeError) -> SimulatedProcess
    /// The container's output, the last `tailLines` lines when given; with `follow`, the stream
    /// stays open while the container runs.
    func logs(tailLines: Int?, follow: Bool) -> any ReadableStream
    /// Calls `observer` on every state change; returns a token for `removeObserver`.
    func observeState(_ observer: @escaping () -> Void) -> Int
    func removeObserver(_ token: Int)
}

/// What the kubelet asks a container to be (the CRI's `ContainerConfig`).
public struct RuntimeContainerConfiguration: Sendable {
    public var name: String
    public var image: String
    public var hostname: String?
    /// The image's entrypoint replaced (the pod's `command`), or nil to keep it.
    public var entrypoint: [String]?
    /// The image's command replaced (the pod's `args`) when not empty.
    public var command: [String] = []
    public var workingDirectory: String?
    public var environment: [String] = []
    public var interactive = false
    public var tty = false
    /// `HOST:CONTAINER[:ro]` mounts of node directories.
    public var binds: [String] = []

    public init(name: String, image: String) {
        self.name = name
        self.image = image
    }
}

/// A runtime failure; `message` is the engine's own text.
public struct ContainerRuntimeError: Error, Sendable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
