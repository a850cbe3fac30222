import ImageReferences
import KubernetesAPI
import Kernel
import Simulation

/// Runs one pod on its node: the sandbox, each container's pulls, starts, restarts and probes,
/// and the status written back to the API server.
final class PodWorker {
    unowned let kubelet: Kubelet
    var pod: Pod
    let uid: String
    var records: [ContainerRecord]
    var sandbox: (any RuntimeContainer)?
    var podIP: String?
    /// The stack the pod's IP lives on (its first container's).
    var podStack: NetworkStack?
    private(set) var halted = false
    private var terminating = false
    private var timers: [TimerID] = []
    /// How long setting up the sandbox and creating a container take in virtual time.
    static let sandboxDelay: Duration = .seconds(1)
    static let pullLatency: Duration = .seconds(2)
    static let syncDelay: Duration = .seconds(1)

    var loop: EventLoop { kubelet.loop }
    var runtime: any ContainerRuntime { kubelet.runtime }
    var volumeManager: VolumeManager { VolumeManager(node: kubelet.machine) }

    init(kubelet: Kubelet, pod: Pod) {
        self.kubelet = kubelet
        self.pod = pod
        self.uid = pod.uid
        self.records = (pod.spec?.containers ?? []).map { ContainerRecord(spec: $0) }
    }

    var restartPolicy: String { pod.spec?.restartPolicy ?? "Always" }

    // MARK: Lifecycle

    func begin() {
        if pod.metadata.deletionTimestamp != nil {
            finishDeletion()
            return
        }
        writeStatus()
        startProbes()
        after(Self.sandboxDelay) { [self] in
            createSandbox()
            for record in records { loop.spawn { [self] in await self.startContainer(record) } }
        }
    }

    func update(_ pod: Pod) {
        self.pod = pod
        if pod.metadata.deletionTimestamp != nil, !terminating {
            terminating = true
            loop.spawn { [self] in await self.terminate() }
        }
    }

    /// Stops everything at once (the node went down or the pod vanished).
    func halt() {
        guard !halted else { return }
        halted = true
        for timer in timers { loop.cancel(timer) }
        for record in records {
            for probe in record.probes { probe.stop() }
            if let token = record.stateToken { record.current?.removeObserver(token) }
            for container in [record.current, record.previous].compactMap({ $0 }) {
                kubelet.searchPaths[ObjectIdentifier(container.machine)] = nil
            }
            if let container = record.current, container.isRunning { try? container.remove(force: true) }
        }
        if let sandbox { try? sandbox.remove(force: true) }
        releaseAddress()
    }

    private func after(_ delay: Duration, _ work: @escaping () -> Void) {
        let timer = loop.schedule(after: delay) { [weak self] in
            guard let self, !self.halted else { return }
            work()
        }
        timers.append(timer)
        if timers.count > 64 { timers.removeFirst(32) }
    }

    // MARK: Sandbox

    private func createSandbox() {
        guard !halted, !terminating else { return }
        for problem in volumeManager.setUp(pod) {
            event(nil, type: Event.warning, reason: "FailedMount", message: problem)
        }
        podIP = kubelet.allocatePodAddress()
        let pause = kubelet.configuration.pauseImage
        if runtime.isImagePresent(pause) {
            var configuration = RuntimeContainerConfiguration(name: "k8s_POD_\(pod.name)_\(pod.namespace)_\(uid)_0", image: pause)
            configuration.hostname = hostname
            if let container = try? runtime.createContainer(configuration) {
                try? container.start()
                sandbox = container
            }
        }
    }

    var hostname: String {
        let name = pod.spec?.hostname ?? pod.name
        return String(name.prefix(63))
    }

    private func releaseAddress() {
        if let podIP {
            kubelet.network.remove(ruleNamed: "hostport-" + podIP)
            kubelet.network.release(podIP)
            kubelet.releasePodAddress(podIP)
        }
        podIP = nil
        podStack = nil
    }

    // MARK: Containers

    private func fieldPath(_ record: ContainerRecord) -> String {
        "spec.containers{\(record.spec.name)}"
    }

    private func event(_ record: ContainerRecord?, type: String = Event.normal, reason: String, message: String) {
        kubelet.recorder.record(pod, type: type, reason: reason, message: message, fieldPath: record.map { self.fieldPath($0) })
    }

    private func pullPolicy(_ record: ContainerRecord) -> String {
        if let policy = record.spec.imagePullPolicy { return policy }
        let tag = record.imageTag
        return tag == ImageReference.defaultTag || tag == nil ? "Always" : "IfNotPresent"
    }

    /// Pulls (as the policy says) and starts one container; schedules retries on failure.
    func startContainer(_ record: ContainerRecord) async {
        guard !halted, !terminating else { return }
        guard record.imageTag != nil else {
            record.waiting = ContainerStateWaiting(reason: "InvalidImageName", message: "Failed to apply default image tag \"\(record.image)\": couldn't parse image reference \"\(record.image)\": invalid reference format")
            event(record, type: Event.warning, reason: "InspectFailed", message: record.waiting?.message ?? "")
            writeStatus()
            return
        }
        let present = runtime.isImagePresent(record.image)
        if pullPolicy(record) == "Always" || !present {
            if pullPolicy(record) == "Never" {
                record.waiting = ContainerStateWaiting(reason: "ErrImageNeverPull", message: "Container image \"\(record.image)\" is not present with pull policy of Never")
                event(record, type: Event.warning, reason: "ErrImageNeverPull", message: record.waiting?.message ?? "")
                writeStatus()
                return
            }
            if record.pullBackOff.isActive(at: loop.now) {
                record.waiting = ContainerStateWaiting(reason: "ImagePullBackOff", message: "Back-off pulling image \"\(record.image)\"")
                event(record, reason: "BackOff", message: "Back-off pulling image \"\(record.image)\"")
                event(nil, type: Event.warning, reason: "FailedSync", message: "Error syncing pod")
                writeStatus()
                if let deadline = record.pullBackOff.deadline {
                    after(deadline - loop.now) { [self] in loop.spawn { await self.startContainer(record) } }
                }
                return
            }
            event(record, reason: "Pulling", message: "pulling image \"\(record.image)\"")
            await loop.sleep(for: Self.pullLatency)
            guard !halted, !terminating else { return }
            do {
                try await runtime.pullImage(record.image)
            } catch {
                guard !halted, !terminating else { return }
                let message = "rpc error: code = Unknown desc = Error response from daemon: \(error.message)"
                record.waiting = ContainerStateWaiting(reason: "ErrImagePull", message: message)
                record.pullBackOff.next(at: loop.now)
                event(record, type: Event.warning, reason: "Failed", message: "Failed to pull image \"\(record.image)\": \(message)")
                event(nil, type: Event.warning, reason: "FailedSync", message: "Error syncing pod")
                writeStatus()
                // The next sync finds the pull in back-off; the one after its window pulls again.
                after(Self.syncDelay) { [self] in loop.spawn { await self.startContainer(record) } }
                return
            }
            guard !halted, !terminating else { return }
            event(record, reason: "Pulled", message: "Successfully pulled image \"\(record.image)\"")
        } else {
            event(record, reason: "Pulled", message: "Container image \"\(record.image)\" already present on machine")
        }
        record.pullBackOff.reset()
        run(record)
    }

    private func run(_ record: ContainerRecord) {
        var spec = RuntimeContainerConfiguration(name: "k8s_\(record.spec.name)_\(pod.name)_\(pod.namespace)_\(uid)_\(record.restartCount)",
                                                 image: record.image)
        spec.hostname = hostname
        let environment = environment(for: record)
        // `$(VAR)` in command and args names a variable of the container (expansion.Expand).
        let expand = { (words: [String]) in words.map { Self.expandReferences($0, environment: environment) } }
        if let command = record.spec.command, !command.isEmpty {
            spec.entrypoint = expand(command)
            spec.command = expand(record.spec.args ?? [])
        } else if let args = record.spec.args, !args.isEmpty {
            spec.command = expand(args)
        }
        spec.workingDirectory = record.spec.workingDir
        spec.environment = environment
        spec.interactive = record.spec.stdin ?? false
        spec.tty = record.spec.tty ?? false
        spec.binds = volumeManager.binds(for: record.spec, in: pod)
        let container: any RuntimeContainer
        do {
            container = try runtime.createContainer(spec)
            try container.start()
        } catch {
            record.waiting = ContainerStateWaiting(reason: "RunContainerError", message: error.message)
            event(record, type: Event.warning, reason: "Failed", message: "Error: failed to start container \"\(record.spec.name)\": Error response from daemon: \(error.message)")
            writeStatus()
            return
        }
        if let previous = record.previous, previous !== record.current {
            kubelet.searchPaths[ObjectIdentifier(previous.machine)] = nil
            try? previous.remove(force: false)
        }
        record.previous = record.current
        record.current = container
        if let reference = runtime.imageReference(of: record.image) { record.imageID = reference }
        configureNetwork(of: container, first: record === records.first)
        event(record, reason: "Created", message: "Created container")
        event(record, reason: "Started", message: "Started container")
        if let terminated = record.terminated { record.lastTerminated = terminated }
        record.waiting = nil
        record.terminated = nil
        record.running = ContainerStateRunning(startedAt: Timestamp.seconds(of: loop.now))
        record.startedInstant = loop.now
        record.everStarted = true
        record.killing = false
        record.ready = record.spec.readinessProbe == nil
        record.stateToken = container.observeState { [weak self, weak record, weak container] in
            guard let self, let record, let container, container.hasExited, record.current === container, record.running != nil else { return }
            self.containerExited(record, container)
        }
        writeStatus()
    }

    /// The probe workers live as long as the pod (the prober manager's `AddPod`) and follow
    /// each container the kubelet starts for it.
    private func startProbes() {
        for record in records {
            if let probe = record.spec.readinessProbe {
                record.probes.append(ProbeRunner(kind: .readiness, probe: probe, worker: self, record: record))
            }
            if let probe = record.spec.livenessProbe {
                record.probes.append(ProbeRunner(kind: .liveness, probe: probe, worker: self, record: record))
            }
            for probe in record.probes { probe.start() }
        }
    }

    // MARK: Exits and restarts

    private func containerExited(_ record: ContainerRecord, _ container: any RuntimeContainer) {
        guard !halted else { return }
        let status = Int(container.exitCode)
        let finished = Timestamp.seconds(of: loop.now)
        let terminated = ContainerStateTerminated(
            exitCode: Int32(clamping: status), reason: status == 0 ? "Completed" : "Error",
            startedAt: record.running?.startedAt, finishedAt: finished, containerID: runtime.name + "://" + container.id)
        record.running = nil
        record.terminated = terminated
        record.ready = false
        guard !terminating else {
            writeStatus()
            return
        }
        let restart = restartPolicy == "Always" || (restartPolicy == "OnFailure" && status != 0)
        writeStatus()
        guard restart else { return }
        let finishedAt = loop.now
        after(Self.syncDelay) { [self] in
            // 1.8's `doBackOff` counts the window from when the container finished.
            if record.crashBackOff.isActive(since: finishedAt, at: loop.now), let window = record.crashBackOff.current {
                let deadline = finishedAt + window
                record.lastTerminated = terminated
                record.terminated = nil
                record.waiting = ContainerStateWaiting(
                    reason: "CrashLoopBackOff",
                    message: "Back-off \(Self.format(window)) restarting failed container=\(record.spec.name) pod=\(pod.name)_\(pod.namespace)(\(uid))")
                event(record, type: Event.warning, reason: "BackOff", message: "Back-off restarting failed container")
                event(nil, type: Event.warning, reason: "FailedSync", message: "Error syncing pod")
                writeStatus()
                after(deadline - loop.now) { [self] in restartContainer(record) }
            } else {
                restartContainer(record)
            }
        }
    }

    private func restartContainer(_ record: ContainerRecord) {
        guard !halted, !terminating else { return }
        record.crashBackOff.next(at: loop.now)
        record.restartCount += 1
        loop.spawn { [self] in await self.startContainer(record) }
    }

    /// Go's `time.Duration` text for whole seconds and minutes (`10s`, `1m20s`, `5m0s`).
    static func format(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        return seconds >= 60 ? "\(seconds / 60)m\(seconds % 60)s" : "\(seconds)s"
    }

    /// Kills a container the liveness probe gave up on; the exit is then handled as any other.
    /// 1.8's kubelet names the container as `docker://NAME` in this event, as for `Need to kill Pod`.
    func killForLiveness(_ record: ContainerRecord, _ container: any RuntimeContainer) {
        guard !record.killing, container.isRunning else { return }
        record.killing = true
        let reason = "Container failed liveness probe."
        let message = restartPolicy == "Never" ? reason : reason + ". Container will be killed and recreated."
        event(record, reason: "Killing", message: "Killing container with id \(runtime.name)://\(record.spec.name):\(message)")
        let grace = Duration.seconds(pod.spec?.terminationGracePeriodSeconds ?? 30)
        loop.spawn { await container.stop(timeout: grace) }
    }

    // MARK: Deletion

    private func terminate() async {
        let grace = Duration.seconds(pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30)
        for record in records {
            for probe in record.probes { probe.stop() }
            guard let container = record.current, container.isRunning else { continue }
            event(record, reason: "Killing", message: "Killing container with id \(runtime.name)://\(record.spec.name):Need to kill Pod")
        }
        // The kubelet kills a pod's containers in parallel (one goroutine each), so the
        // whole pod is gone within one grace period, however many containers it has.
        let running = records.compactMap { record in record.current.flatMap { $0.isRunning ? $0 : nil } }
        guard !running.isEmpty else {
            finishDeletion()
            return
        }
        let pending = PendingCount(running.count)
        for container in running {
            loop.spawn { [self] in
                await container.stop(timeout: grace)
                if pending.finishOne() { self.finishDeletion() }
            }
        }
    }

    private func finishDeletion() {
        guard !halted else { return }
        halt()
        volumeManager.tearDown(podUID: uid)
        kubelet.forget(self)
        _ = try? kubelet.client.delete(Pod.self, namespace: pod.namespace, name: pod.name, options: DeleteOptions(gracePeriodSeconds: 0))
    }
}

/// How many of a pod's container stops are still running.
private final class PendingCount {
    private var remaining: Int

    init(_ count: Int) { remaining = count }

    /// Counts one stop done; true for the last.
    func finishOne() -> Bool {
        remaining -= 1
        return remaining == 0
    }
}
