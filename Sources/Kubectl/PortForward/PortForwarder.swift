import KubernetesAPI
import Kernel
import Simulation

/// The workstation half of `kubectl port-forward`: a listener on the loopback for each forwarded
/// port, and for every connection accepted there a forwarded connection through the kubelet's
/// stream into the pod, with the bytes copied both ways until either side is done.
final class PortForwarder {
    private let context: ProgramContext
    private let stream: any PortForwardStream
    private var listeners: [Listener] = []
    /// Both ends of every forwarded connection still open, in the order they were made.
    private var openConnections: [Connection] = []
    private(set) var isStopped = false

    /// Where client-go logs a forwarding error and a lost stream (kubectl 1.8's line numbers).
    static let errorLocation = "portforward.go:331"
    static let lossLocation = "portforward.go:178"

    init(context: ProgramContext, stream: any PortForwardStream) {
        self.context = context
        self.stream = stream
    }

    /// Listens for every port, printing where; returns whether at least one port listens.
    func listen(_ ports: [ForwardedPort]) -> Bool {
        var listening = false
        for port in ports {
            var local = port.local
            if local == 0 { local = freePort() }
            do {
                try listen(ForwardedPort(local: local, remote: port.remote))
                listening = true
                context.print("Forwarding from 127.0.0.1:\(local) -> \(port.remote)\nForwarding from [::1]:\(local) -> \(port.remote)\n")
            } catch {
                let reason = error.reason
                context.printError("Unable to listen on port \(port.local): All listeners failed to create with the following errors: "
                                   + "Unable to create listener: Error listen tcp4 127.0.0.1:\(local): bind: \(reason), "
                                   + "Unable to create listener: Error listen tcp6 [::1]:\(local): bind: \(reason)\n")
            }
        }
        return listening
    }

    private struct BindError: Error {
        let reason: String
    }

    private func listen(_ port: ForwardedPort) throws(BindError) {
        if port.local < 1024, !context.user.isRoot { throw BindError(reason: "permission denied") }
        do {
            // Only on the loopback, as kubectl binds 127.0.0.1 and ::1.
            let listener = try context.machine.networkStack.listen(port: port.local, loopbackOnly: true, owner: context.process) { [weak self] connection in
                self?.accept(connection, for: port)
            }
            listeners.append(listener)
        } catch {
            throw BindError(reason: "address already in use")
        }
    }

    /// The port the kernel hands out for port 0: a free one of the ephemeral range, at random.
    private func freePort() -> Int {
        let stack = context.machine.networkStack
        var port = context.loop.random.integer(in: 32768...60999)
        while stack.isListening(on: port) { port = port == 60999 ? 32768 : port + 1 }
        return port
    }

    private func accept(_ local: Connection, for port: ForwardedPort) {
        guard !isStopped else {
            local.close()
            return
        }
        context.print("Handling connection for \(port.local)\n")
        switch stream.dial(port: port.remote) {
        case .failure(let error):
            logError("an error occurred forwarding \(port.local) -> \(port.remote): \(error.message)")
            local.close()
        case .success(let remote):
            track(local)
            track(remote)
            let loop = context.loop
            loop.spawn {
                await Self.copy(from: local.input, to: remote.output)
                remote.output.close()
            }
            loop.spawn { [weak self] in
                await Self.copy(from: remote.input, to: local.output)
                // The pod's side is done: the local connection closes, as client-go's handler returns.
                local.close()
                remote.close()
                self?.untrack(local)
                self?.untrack(remote)
            }
        }
    }

    private static func copy(from input: any ReadableStream, to output: any WritableStream) async {
        while let chunk = try? await input.read() {
            do {
                try output.write(chunk)
            } catch {
                input.closeReading()
                return
            }
        }
    }

    private func track(_ connection: Connection) {
        openConnections.append(connection)
    }

    private func untrack(_ connection: Connection) {
        openConnections.removeAll { $0 === connection }
    }

    /// Logs a glog error line on stderr, as client-go's `runtime.HandleError` does.
    func logError(_ message: String, at location: String = errorLocation) {
        context.printError(GlogLine.format(.error, at: context.loop.now, pid: context.process.pid, location: location, message))
    }

    /// Closes the listeners, every forwarded connection and the stream.
    func stop() {
        guard !isStopped else { return }
        isStopped = true
        for listener in listeners { listener.close() }
        listeners = []
        let connections = openConnections
        openConnections = []
        for connection in connections { connection.close() }
        stream.close()
    }
}
