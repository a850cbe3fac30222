import KubernetesAPI
import Kernel
import Simulation

/// The kubelet's end of a port-forwarding stream. Like the Docker runtime of 1.8, it names the
/// pod by its sandbox and reaches the port with `socat` run in the sandbox's network namespace.
final class KubeletPortForward: PortForwardStream {
    private weak var kubelet: Kubelet?
    private let uid: String
    private let sandboxID: String
    private var stopToken: Int?
    private var lossHandlers: [() -> Void] = []
    private(set) var isOpen = true

    init(kubelet: Kubelet, uid: String, sandboxID: String) {
        self.kubelet = kubelet
        self.uid = uid
        self.sandboxID = sandboxID
        stopToken = kubelet.observeStop { [weak self] in self?.lose() }
    }

    func dial(port: Int) -> Result<Connection, PortForwardError> {
        guard isOpen, let kubelet else { return .failure(PortForwardError(message: "lost connection to pod")) }
        guard let worker = kubelet.workers[uid], !worker.halted else {
            return failure(port, "Error: No such container: \(sandboxID)")
        }
        if let sandbox = worker.sandbox, !sandbox.isRunning {
            return failure(port, "container not running (\(sandboxID))")
        }
        if let stack = worker.podStack, let connection = try? stack.connect(address: "127.0.0.1", port: port) {
            return .success(connection)
        }
        // socat ran in the pod's namespace and could not connect: its own log line comes back.
        let socat = kubelet.machine.launch(ExitingProgram(status: 1), arguments: ["socat", "-", "TCP4:localhost:\(port)"], environment: [:],
                                           workingDirectory: "/", user: .root, stdin: EmptyReader(), stdout: DiscardingStream(),
                                           stderr: DiscardingStream())
        let time = Self.logTime(kubelet.loop.now)
        let line = "\(time) socat[\(socat.pid)] E connect(5, AF=2 127.0.0.1:\(port), 16): Connection refused\n"
        return failure(port, "exit status 1: " + line)
    }

    private func failure(_ port: Int, _ reason: String) -> Result<Connection, PortForwardError> {
        .failure(PortForwardError(message: "error forwarding port \(port) to pod \(sandboxID), uid : " + reason))
    }

    func onLoss(_ handler: @escaping () -> Void) {
        if isOpen { lossHandlers.append(handler) } else { handler() }
    }

    func close() {
        guard isOpen else { return }
        isOpen = false
        lossHandlers = []
        if let stopToken { kubelet?.removeStopObserver(stopToken) }
    }

    private func lose() {
        guard isOpen else { return }
        isOpen = false
        let handlers = lossHandlers
        lossHandlers = []
        for handler in handlers { handler() }
    }

    /// Go's `log` time, which socat's messages start with: `2018/03/06 09:00:05`.
    static func logTime(_ instant: VirtualInstant) -> String {
        CivilTime(secondsSinceEpoch: instant.secondsSinceEpoch).goLogTime
    }
}

/// A program that ends at once with a status: a helper that failed.
struct ExitingProgram: Program {
    let status: Int32

    func run(_ context: ProgramContext) async throws -> Int32 { status }
}
