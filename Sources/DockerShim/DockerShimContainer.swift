import Docker
import Kernel
import NodeAgent

/// The kubelet's handle on one Docker container.
final class DockerShimContainer: RuntimeContainer {
    let engine: DockerEngine
    let container: Docker.Container

    init(engine: DockerEngine, container: Docker.Container) {
        self.engine = engine
        self.container = container
    }

    var id: String { container.id }
    var isRunning: Bool { container.isRunning }
    var hasExited: Bool { container.state == .exited }
    var exitCode: Int32 { container.exitCode }
    var machine: Machine { container.machine }

    func start() throws(ContainerRuntimeError) {
        do { try engine.start(container) } catch { throw ContainerRuntimeError(error.message) }
    }

    func stop(timeout: Duration) async {
        await engine.stop(container, timeout: timeout)
    }

    func remove(force: Bool) throws(ContainerRuntimeError) {
        do { try engine.remove(container, force: force) } catch { throw ContainerRuntimeError(error.message) }
    }

    func exec(_ arguments: [String], tty: Bool, stdin: any ReadableStream, stdout: any WritableStream,
              stderr: any WritableStream) throws(ContainerRuntimeError) -> SimulatedProcess {
        do {
            return try engine.exec(in: container, arguments: arguments, tty: tty, stdin: stdin, stdout: stdout, stderr: stderr)
        } catch {
            throw ContainerRuntimeError(error.message)
        }
    }

    /// 1.8's kubelet read Docker containers' logs through the engine (`docker logs`).
    func logs(tailLines: Int?, follow: Bool) -> any ReadableStream {
        let source = container
        var lines = source.logs.map(\.bytes)
        if let tail = tailLines { lines = Array(lines.suffix(max(tail, 0))) }
        let bytes = lines.flatMap { $0 }
        guard follow, source.isRunning else { return BytesReader(bytes) }
        let pipe = BytePipe()
        try? pipe.writer.write(bytes)
        var outputToken = 0
        outputToken = source.observeOutput { _, chunk in try? pipe.writer.write(chunk) }
        var stateToken = 0
        stateToken = source.observeState { [weak source] in
            guard let source, !source.isRunning else { return }
            source.removeObserver(outputToken)
            source.removeObserver(stateToken)
            pipe.writer.close()
        }
        return pipe.reader
    }

    func observeState(_ observer: @escaping () -> Void) -> Int {
        container.observeState(observer)
    }

    func removeObserver(_ token: Int) {
        container.removeObserver(token)
    }
}
