import Kernel

/// What `kubectl logs` asks for (`v1.PodLogOptions`).
public struct PodLogOptions: Hashable, Sendable {
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

/// The kubelet side of `kubectl logs`, `kubectl exec` and `kubectl port-forward`: the API
/// server proxies these to the node that runs the pod.
public protocol PodRuntime: AnyObject {
    /// A container's log; following, the stream stays open until the container stops.
    func logs(namespace: String, pod: String, container: String, options: PodLogOptions) throws(APIError) -> any ReadableStream
    /// Runs `command` in a container with the given streams and returns its exit status. With
    /// a terminal, what the client's terminal generates (Ctrl-C's SIGINT) reaches the command
    /// through `signals`, as the remote terminal's line discipline would deliver it.
    func exec(namespace: String, pod: String, container: String, command: [String], tty: Bool,
              stdin: (any ReadableStream)?, stdout: any WritableStream, stderr: any WritableStream,
              signals: ExecSignalRelay?) async throws -> Int32
    /// Opens a port-forwarding stream to a pod; the error says why the connection could not be upgraded.
    func portForward(namespace: String, pod: String) throws(APIError) -> any PortForwardStream
}

/// Carries signals from an exec client's terminal to the command running in the container.
public final class ExecSignalRelay {
    private var target: SimulatedProcess?
    private var pending: [Signal] = []

    public init() {}

    /// The command the signals go to; any sent before it started are delivered now.
    public func attach(_ process: SimulatedProcess) {
        target = process
        for signal in pending { process.signal(signal) }
        pending = []
    }

    public func send(_ signal: Signal) {
        if let target { target.signal(signal) } else { pending.append(signal) }
    }
}

extension PodRuntime {
    /// An exec whose client terminal sends no signals.
    public func exec(namespace: String, pod: String, container: String, command: [String], tty: Bool,
                     stdin: (any ReadableStream)?, stdout: any WritableStream, stderr: any WritableStream) async throws -> Int32 {
        try await exec(namespace: namespace, pod: pod, container: container, command: command, tty: tty,
                       stdin: stdin, stdout: stdout, stderr: stderr, signals: nil)
    }
}

/// The clusters reachable from the workstation, by API server address (`https://192.168.99.100:8443`).
public final class ClusterRegistry {
    /// One reachable cluster.
    public struct Entry {
        public let client: any KubernetesClient
        public let runtime: any PodRuntime
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    public func register(server: String, client: any KubernetesClient, runtime: any PodRuntime) {
        entries[server] = Entry(client: client, runtime: runtime)
    }

    public func remove(server: String) {
        entries[server] = nil
    }

    public func client(forServer server: String) -> (any KubernetesClient)? { entries[server]?.client }
    public func runtime(forServer server: String) -> (any PodRuntime)? { entries[server]?.runtime }
    /// Registered server addresses, sorted.
    public var servers: [String] { entries.keys.sorted() }
}
