import Kubernetes
import Machine

/// The kubelet side of `kubectl logs` and `kubectl exec` (the API server proxies these to the
/// node's kubelet). The cluster implementation serves it; kubectl only calls it.
public protocol KubeletConnection: AnyObject {
    /// A container's log. Ends when the log is read (or, following, when the container stops).
    /// Throws the server's error, e.g. BadRequest `container "x" in pod "y" is waiting to start: ContainerCreating`.
    func logs(namespace: String, pod: String, container: String, options: LogOptions) throws(APIError) -> any ReadableStream
    /// Runs `command` in a container with the given streams and returns its exit status.
    /// Throws `APIError` when the container cannot be reached.
    func exec(namespace: String, pod: String, container: String, command: [String], tty: Bool,
              stdin: (any ReadableStream)?, stdout: any WritableStream, stderr: any WritableStream) async throws -> Int32
}

/// What `kubectl logs` asks for (`v1.PodLogOptions`).
public struct LogOptions: Hashable, Sendable {
    /// The log of the previous, terminated instance of the container.
    public var previous: Bool
    /// Keep the stream open and pass on new output as it comes.
    public var follow: Bool
    /// Only the last N lines; nil for all.
    public var tailLines: Int?

    public init(previous: Bool = false, follow: Bool = false, tailLines: Int? = nil) {
        self.previous = previous
        self.follow = follow
        self.tailLines = tailLines
    }
}
