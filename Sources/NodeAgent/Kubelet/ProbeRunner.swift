import Docker
import KubernetesAPI
import Kernel
import Simulation

/// Runs one liveness or readiness probe of a container on the kubelet's schedule:
/// first after `initialDelaySeconds`, then every `periodSeconds`.
final class ProbeRunner {
    enum Kind: String { case liveness = "Liveness", readiness = "Readiness" }

    let kind: Kind
    let probe: Probe
    unowned let worker: PodWorker
    weak var record: ContainerRecord?
    weak var container: Docker.Container?
    private var timer: TimerID?
    private var stopped = false
    private var failures = 0
    private var successes = 0

    init(kind: Kind, probe: Probe, worker: PodWorker, record: ContainerRecord, container: Docker.Container) {
        self.kind = kind
        self.probe = probe
        self.worker = worker
        self.record = record
        self.container = container
    }

    private var period: Duration { .seconds(Int64(max(probe.periodSeconds ?? 10, 1))) }
    private var timeout: Duration { .seconds(Int64(max(probe.timeoutSeconds ?? 1, 1))) }
    private var failureThreshold: Int { Int(max(probe.failureThreshold ?? 3, 1)) }
    private var successThreshold: Int { Int(max(probe.successThreshold ?? 1, 1)) }

    func start() {
        schedule(after: .seconds(Int64(max(probe.initialDelaySeconds ?? 0, 0))))
    }

    func stop() {
        stopped = true
        if let timer { worker.loop.cancel(timer) }
        timer = nil
    }

    private func schedule(after delay: Duration) {
        timer = worker.loop.schedule(after: delay) { [weak self] in
            guard let self, !self.stopped else { return }
            self.worker.loop.spawn { await self.runOnce() }
        }
    }

    private func runOnce() async {
        guard !stopped, let container, container.isRunning else { return }
        let failure = await check(container)
        guard !stopped, let record else { return }
        if let failure {
            successes = 0
            failures += 1
            worker.kubelet.recorder.record(worker.pod, type: Event.warning, reason: "Unhealthy", message: "\(kind.rawValue) probe failed: \(failure)",
                                           fieldPath: "spec.containers{\(record.spec.name)}")
            if failures >= failureThreshold {
                switch kind {
                case .readiness:
                    if record.ready {
                        record.ready = false
                        worker.writeStatus()
                    }
                case .liveness:
                    failures = 0
                    worker.killForLiveness(record, container)
                    return
                }
            }
        } else {
            failures = 0
            successes += 1
            if kind == .readiness, !record.ready, successes >= successThreshold {
                record.ready = true
                worker.writeStatus()
            }
        }
        schedule(after: period)
    }

    /// Nil when the probe succeeds, else the failure's text as the kubelet reports it.
    private func check(_ container: Docker.Container) async -> String? {
        if let exec = probe.exec {
            return await checkExec(exec.command ?? [], container)
        }
        let host = probe.httpGet?.host ?? worker.podIP ?? ""
        if let http = probe.httpGet {
            guard let port = resolve(http.port) else { return "HTTP probe failed: invalid port" }
            return await checkHTTP(http, host: host, port: port)
        }
        if let tcp = probe.tcpSocket {
            guard let port = resolve(tcp.port) else { return "invalid port" }
            let address = tcp.host ?? host
            do {
                let connection = try worker.kubelet.machine.networkStack.connect(address: address, port: port)
                connection.close()
                return nil
            } catch {
                return "dial tcp \(address):\(port): getsockopt: connection refused"
            }
        }
        return nil
    }

    private func resolve(_ port: IntOrString) -> Int? {
        switch port {
        case .int(let number): return Int(number)
        case .string(let name):
            return record?.spec.ports?.first { $0.name == name }.map { Int($0.containerPort) } ?? Int(name)
        }
    }

    private func checkExec(_ command: [String], _ container: Docker.Container) async -> String? {
        let output = CollectingStream()
        do {
            let process = try worker.engine.exec(in: container, arguments: command, stdin: EmptyReader(), stdout: output, stderr: output)
            let status = try await process.waitForExit()
            return status == 0 ? nil : output.text
        } catch {
            return output.text
        }
    }

    /// `kube-probe/1.8` for kubelet `v1.8.0`: the major and minor release, as the kubelet builds it.
    static func userAgent(kubeletVersion: String) -> String {
        "kube-probe/" + kubeletVersion.drop { $0 == "v" }.split(separator: ".").prefix(2).joined(separator: ".")
    }

    private func checkHTTP(_ action: HTTPGetAction, host: String, port: Int) async -> String? {
        let path = action.path ?? "/"
        let url = "\((action.scheme ?? "HTTP").lowercased())://\(host):\(port)\(path)"
        let connection: Connection
        do {
            connection = try worker.kubelet.machine.networkStack.connect(address: host, port: port)
        } catch {
            return "Get \(url): dial tcp \(host):\(port): getsockopt: connection refused"
        }
        var headers = HTTPHeaders()
        headers.set("Host", "\(host):\(port)")
        headers.set("User-Agent", Self.userAgent(kubeletVersion: worker.kubelet.configuration.kubeletVersion))
        for header in action.httpHeaders ?? [] { headers.set(header.name, header.value) }
        headers.set("Connection", "close")
        let request = HTTPRequest(method: "GET", target: path, headers: headers)
        try? connection.output.write(request.serialized)
        var timedOut = false
        let timer = worker.loop.schedule(after: timeout) {
            timedOut = true
            connection.close()
        }
        let response = try? await HTTPReader(connection.input).readResponse()
        worker.loop.cancel(timer)
        connection.close()
        guard let response, !timedOut else {
            return "Get \(url): net/http: request canceled (Client.Timeout exceeded while awaiting headers)"
        }
        return (200..<400).contains(response.status) ? nil : "HTTP probe failed with statuscode: \(response.status)"
    }
}
