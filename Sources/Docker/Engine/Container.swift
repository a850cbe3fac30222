import Kernel
import Simulation

/// A published port: `-p 8080:8080` maps the host's 8080 to the container's 8080/tcp.
public struct PortBinding: Hashable, Sendable {
    public var hostIP: String
    public var hostPort: Int
    public var containerPort: Int
    public var proto: String

    public init(hostIP: String = "0.0.0.0", hostPort: Int, containerPort: Int, proto: String = "tcp") {
        self.hostIP = hostIP
        self.hostPort = hostPort
        self.containerPort = containerPort
        self.proto = proto
    }
}

/// When a container that stopped on its own is started again (`--restart`).
public enum RestartPolicy: Hashable, Sendable {
    case no, always, unlessStopped
    case onFailure(maximumRetries: Int)

    /// Parses `no`, `always`, `unless-stopped`, `on-failure[:N]`.
    public init?(parsing text: String) {
        switch text {
        case "no", "": self = .no
        case "always": self = .always
        case "unless-stopped": self = .unlessStopped
        default:
            guard text.hasPrefix("on-failure") else { return nil }
            let rest = text.dropFirst("on-failure".count)
            if rest.isEmpty { self = .onFailure(maximumRetries: 0); return }
            guard rest.first == ":", let count = Int(rest.dropFirst()), count >= 0 else { return nil }
            self = .onFailure(maximumRetries: count)
        }
    }

    public var name: String {
        switch self {
        case .no: "no"
        case .always: "always"
        case .unlessStopped: "unless-stopped"
        case .onFailure: "on-failure"
        }
    }
}

/// What `docker create`/`run` asks for.
public struct ContainerSpec: Sendable {
    public var image: String
    public var name: String?
    public var command: [String] = []
    public var entrypoint: [String]?
    public var environment: [String] = []
    public var workingDirectory: String?
    public var user: String?
    public var ports: [PortBinding] = []
    public var publishAll = false
    public var interactive = false
    public var tty = false
    public var autoRemove = false
    public var restartPolicy: RestartPolicy = .no
    public var hostname: String?
    /// `-m`: the memory cgroup's limit in bytes; nil for none.
    public var memoryLimit: Int64?
    /// A fixed address instead of the next free one on the bridge (a kubelet's pod IP).
    public var ipAddress: String?
    /// `-v` specs with a source: `/host/path:/path[:mode]` or `name:/path[:mode]` (HostConfig.Binds).
    public var binds: [String] = []
    /// `-v /path`: anonymous volumes, added to the image's `VOLUME`s (Config.Volumes).
    public var volumes: [String] = []

    public init(image: String) {
        self.image = image
    }
}

/// One line a container wrote, as its log driver keeps it.
public struct LogEntry: Hashable, Sendable {
    public enum Stream: Hashable, Sendable { case stdout, stderr }
    public var time: VirtualInstant
    public var stream: Stream
    public var bytes: [UInt8]
}

/// A container: a machine made from an image, its main process and its recorded output.
public final class Container {
    /// The container's state as `docker ps` reports it.
    public enum State: Hashable, Sendable { case created, running, exited, removing }

    public let id: String
    public internal(set) var name: String
    public let imageID: String
    /// The image as the user named it (`kubia`, `luksa/kubia:v1`): the IMAGE column.
    public let imageReference: String
    /// The effective configuration: the image's defaults with the spec's overrides.
    public let config: ContainerConfig
    public let spec: ContainerSpec
    public let created: VirtualInstant
    public internal(set) var ports: [PortBinding]
    public internal(set) var state: State = .created
    public internal(set) var startedAt: VirtualInstant?
    public internal(set) var finishedAt: VirtualInstant?
    public internal(set) var exitCode: Int32 = 0
    public internal(set) var restartCount = 0
    public internal(set) var ipAddress: String?
    public internal(set) var logs: [LogEntry] = []
    /// The container's own machine (hostname, file system, processes): kept across restarts.
    public let machine: Machine
    public internal(set) var mainProcess: SimulatedProcess?
    /// Bind mounts and volumes, shallow destinations first.
    public internal(set) var mounts: [ContainerMount] = []
    /// The binds as given, in order (`HostConfig.Binds`).
    public internal(set) var binds: [String] = []
    /// Whether `docker stop`/`kill` ended it (restart policies then leave it stopped).
    var stoppedByUser = false
    /// The tree as created (the image with the runtime's init files): `docker diff` compares to it.
    var createdTree = Directory()
    var stdinPipe: BytePipe?
    var observers: [Int: (LogEntry.Stream, [UInt8]) -> Void] = [:]
    var stateObservers: [Int: () -> Void] = [:]
    var nextObserver = 0
    var partialLines: [LogEntry.Stream: [UInt8]] = [:]

    init(id: String, name: String, image: Image, spec: ContainerSpec, config: ContainerConfig, created: VirtualInstant, machine: Machine) {
        self.id = id
        self.name = name
        self.imageID = image.id
        self.imageReference = spec.image
        self.spec = spec
        self.config = config
        self.created = created
        self.ports = spec.ports
        self.machine = machine
    }

    public var shortID: String { String(id.prefix(12)) }
    public var isRunning: Bool { state == .running }

    /// The command line: ENTRYPOINT followed by CMD.
    public var commandLine: [String] { (config.entrypoint ?? []) + (config.command ?? []) }

    /// Calls `observer` with the bytes the container writes from now on, as they come (an
    /// attached client); returns a token for `removeObserver`.
    public func observeOutput(_ observer: @escaping (LogEntry.Stream, [UInt8]) -> Void) -> Int {
        nextObserver += 1
        observers[nextObserver] = observer
        return nextObserver
    }

    /// Calls `observer` on every state change (start, exit, removal).
    public func observeState(_ observer: @escaping () -> Void) -> Int {
        nextObserver += 1
        stateObservers[nextObserver] = observer
        return nextObserver
    }

    public func removeObserver(_ token: Int) {
        observers[token] = nil
        stateObservers[token] = nil
    }

    func stateChanged() {
        for observer in stateObservers.values { observer() }
    }

    /// Records output, split into lines like docker's log copier; a line without its newline
    /// waits for the rest.
    func record(_ bytes: [UInt8], on stream: LogEntry.Stream, at time: VirtualInstant) {
        for observer in observers.values { observer(stream, bytes) }
        var pending = partialLines[stream, default: []] + bytes
        while let newline = pending.firstIndex(of: 0x0A) {
            emit(LogEntry(time: time, stream: stream, bytes: Array(pending[...newline])))
            pending.removeSubrange(...newline)
        }
        partialLines[stream] = pending
    }

    func flushPartialLines(at time: VirtualInstant) {
        for stream in [LogEntry.Stream.stdout, .stderr] {
            if let pending = partialLines[stream], !pending.isEmpty {
                emit(LogEntry(time: time, stream: stream, bytes: pending))
            }
        }
        partialLines.removeAll()
    }

    private func emit(_ entry: LogEntry) {
        logs.append(entry)
    }
}

/// The stdout or stderr of a container's processes: what is written goes to its log.
final class ContainerOutputStream: WritableStream {
    private weak var container: Container?
    private let stream: LogEntry.Stream

    init(container: Container, stream: LogEntry.Stream) {
        self.container = container
        self.stream = stream
    }

    func write(_ bytes: [UInt8]) throws {
        guard let container else { return }
        container.record(bytes, on: stream, at: container.machine.loop.now)
    }

    func close() {}
}
