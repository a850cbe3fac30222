import Kernel
import Simulation

/// Why a forwarded connection did not reach the pod: the text the kubelet writes on the
/// stream's error channel (`error forwarding port 8080 to pod …`), which kubectl prints after
/// `an error occurred forwarding 8888 -> 8080: `.
public struct PortForwardError: Error, Hashable, Sendable {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}

/// A port-forwarding stream to one pod: the connection the API server upgrades and hands on
/// to the kubelet of the pod's node. Each `dial` opens one forwarded connection.
public protocol PortForwardStream: AnyObject {
    /// Whether the connection to the kubelet still stands.
    var isOpen: Bool { get }
    /// Connects to `port` on the loopback of the pod's network namespace.
    func dial(port: Int) -> Result<Connection, PortForwardError>
    /// Runs `handler` once if the connection is lost (the node or the cluster went down).
    func onLoss(_ handler: @escaping () -> Void)
    /// Ends the stream from the client's side.
    func close()
}
