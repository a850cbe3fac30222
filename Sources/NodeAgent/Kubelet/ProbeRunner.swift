import KubernetesAPI
import Kernel
import Simulation

/// One liveness or readiness probe of one container of a pod, as the kubelet's probe worker
/// runs it (`pkg/kubelet/prober/worker.go`): it lives as long as the pod, ticks every
/// `periodSeconds` from the pod's admission, probes only a running container whose age has
/// reached `initialDelaySeconds`, and changes its result only after `failureThreshold` failures
/// or `successThreshold` successes in a row. Each new container starts from the kind's initial
/// result (readiness: failure, liveness: success).
final class ProbeRunner {
    enum Kind: String { case liveness = "Liveness", readiness = "Readiness" }

    /// What one probe found (`probe.Result` with its output, or the prober's error).
    enum Outcome: Equatable {
        case success
        case failure(String)
        /// The probe could not run (a named port the container does not have): the result is thrown away.
        case error(String)
    }

    let kind: Kind
    let probe: Probe
    unowned let worker: PodWorker
    unowned let record: ContainerRecord
    private var timer: TimerID?
    private(set) var stopped = false
    private var probing = false
    /// The container the results belong to; a new one resets them.
    private weak var container: (any RuntimeContainer)?
    private var containerID: String?
    /// A liveness failure holds probing until the kubelet has started a new container.
    private var onHold = false
    private var lastResult: Bool?
    private var resultRun = 0

    init(kind: Kind, probe: Probe, worker: PodWorker, record: ContainerRecord) {
        self.kind = kind
        self.probe = probe
        self.worker = worker
        self.record = record
    }

    private var period: Duration { .seconds(Int64(max(probe.periodSeconds ?? 10, 1))) }
    var timeout: Duration { .seconds(Int64(max(probe.timeoutSeconds ?? 1, 1))) }
    private var failureThreshold: Int { Int(max(probe.failureThreshold ?? 3, 1)) }
    private var successThreshold: Int { Int(max(probe.successThreshold ?? 1, 1)) }

    /// Probes once now (the worker's first `doProbe`), then at every period.
    func start() {
        tick()
    }

    func stop() {
        stopped = true
        if let timer { worker.loop.cancel(timer) }
        timer = nil
    }

    private func tick() {
        guard !stopped else { return }
        timer = worker.loop.schedule(after: period) { [weak self] in self?.tick() }
        // A probe still waiting for its answer (a slow HTTP server) makes the tick wait, as
        // Go's ticker drops ticks a busy receiver misses.
        guard !probing else { return }
        probing = true
        worker.loop.spawn { [self] in
            await self.probeOnce()
            self.probing = false
        }
    }

    private func probeOnce() async {
        guard !stopped else { return }
        // A container that will not be started again needs no more probing (the worker ends).
        if let terminated = record.terminated, record.running == nil,
           worker.restartPolicy == "Never" || (worker.restartPolicy == "OnFailure" && terminated.exitCode == 0) {
            stop()
            return
        }
        guard let current = record.current else { return }
        if containerID != current.id {
            containerID = current.id
            container = current
            lastResult = nil
            resultRun = 0
            onHold = false
        }
        guard !onHold, let container, container.isRunning, record.running != nil, !record.killing else { return }
        if let started = record.startedInstant, worker.loop.now - started < .seconds(Int64(probe.initialDelaySeconds ?? 0)) { return }
        let outcome = await check(container)
        guard !stopped, container === record.current, container.isRunning else { return }
        let succeeded: Bool
        switch outcome {
        case .success:
            succeeded = true
        case .failure(let output):
            event("\(kind.rawValue) probe failed: \(output)")
            succeeded = false
        case .error(let message):
            event("\(kind.rawValue) probe errored: \(message)")
            return
        }
        if lastResult == succeeded {
            resultRun += 1
        } else {
            lastResult = succeeded
            resultRun = 1
        }
        if succeeded ? resultRun < successThreshold : resultRun < failureThreshold { return }
        switch kind {
        case .readiness:
            if record.ready != succeeded {
                record.ready = succeeded
                worker.writeStatus()
            }
        case .liveness:
            if !succeeded {
                onHold = true
                worker.killForLiveness(record, container)
            }
        }
    }

    private func event(_ message: String) {
        worker.kubelet.recorder.record(worker.pod, type: Event.warning, reason: "Unhealthy", message: message,
                                       fieldPath: "spec.containers{\(record.spec.name)}")
    }
}
