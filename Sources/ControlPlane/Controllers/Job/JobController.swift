import KubernetesAPI
import Simulation

/// The job controller (`pkg/controller/job` of 1.8): runs a job's pods up to `parallelism` at a
/// time until `completions` of them succeed, stops them when the job outlives
/// `activeDeadlineSeconds` or its pods fail more than `backoffLimit` times, and reports the
/// counts, start and completion times and conditions in the job's status.
public final class JobController: Controller {
    /// `DefaultJobBackOff` and `MaxJobBackOff`: the delay before a job whose pod failed is synced again.
    static let baseBackOff: Duration = .seconds(10)
    static let maxBackOff: Duration = .seconds(360)

    private let client: any KubernetesClient
    private let loop: EventLoop
    private let recorder: EventRecorder
    private let jobInformer: SharedInformer<Job>
    private let podInformer: SharedInformer<Pod>
    private lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.sync(key) }
    private var handlers: [WatchHandle] = []
    private var expectations = ControllerExpectations()
    /// How often each job's sync failed in a row (the rate-limited queue's `NumRequeues`).
    private var requeues: [String: Int] = [:]

    public init(context: ControllerContext) {
        self.client = context.client
        self.loop = context.loop
        self.jobInformer = context.informers.informer(for: Job.self)
        self.podInformer = context.informers.pods
        self.recorder = EventRecorder(client: client, loop: loop, component: "job-controller")
    }

    public func start() throws(APIError) {
        handlers.append(try jobInformer.addEventHandler { [weak self] event in self?.handle(event) })
        handlers.append(try podInformer.addEventHandler { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
    }

    private func handle(_ event: WatchEvent<Job>) {
        let key = ObjectKey.make(namespace: event.object.namespace, name: event.object.name)
        if event.type == .deleted {
            expectations.forget(key)
            requeues[key] = nil
        } else {
            queue.add(key)
        }
    }

    private func handle(_ event: WatchEvent<Pod>) {
        let pod = event.object
        guard let reference = pod.metadata.controllerReference, reference.kind == Job.resource.kind else {
            if event.type != .deleted, pod.isActive, pod.metadata.controllerReference == nil {
                for job in jobInformer.list(namespace: pod.namespace) where job.podSelector.matches(pod.labels) {
                    queue.add(ObjectKey.make(namespace: job.namespace, name: job.name))
                }
            }
            return
        }
        let key = ObjectKey.make(namespace: pod.namespace, name: reference.name)
        guard jobInformer.get(namespace: pod.namespace, name: reference.name)?.uid == reference.uid else { return }
        if event.type == .added { expectations.creationObserved(for: key) }
        if event.type == .deleted || pod.metadata.deletionTimestamp != nil { expectations.deletionObserved(of: pod.name, for: key) }
        // Only a failed pod waits for the back-off before its job is looked at again.
        if pod.status?.phase == .failed && event.type != .deleted {
            queue.add(key, after: backOff(for: key))
        } else {
            queue.add(key)
        }
    }

    /// `getBackoff`: 10 s doubled for each failed sync in a row, at most 6 min.
    private func backOff(for key: String) -> Duration {
        let exponent = requeues[key] ?? 0
        guard exponent > 0 else { return .zero }
        let seconds = min(Int64(10) << min(exponent - 1, 10), Int64(360))
        return .seconds(seconds)
    }

    // MARK: Reconcile

    private func sync(_ key: String) {
        let (namespace, name) = ObjectKey.split(key)
        guard let job = jobInformer.get(namespace: namespace, name: name) else {
            expectations.forget(key)
            requeues[key] = nil
            return
        }
        guard !(job.status?.isFinished ?? false) else { return }
        let needsSync = expectations.areSatisfied(for: key, at: loop.now)
        let pods = claimPods(of: job)
        var active = pods.filter(\.isActive)
        let succeeded = Int32(clamping: pods.filter { $0.status?.phase == .succeeded }.count)
        var failed = Int32(clamping: pods.filter { $0.status?.phase == .failed }.count)
        var status = job.status ?? JobStatus()
        let now = Timestamp.seconds(of: loop.now)
        if status.startTime == nil {
            status.startTime = now
            if let deadline = job.spec?.activeDeadlineSeconds {
                queue.add(key, after: .seconds(max(0, deadline)))
            }
        }
        let hasNewFailure = failed > (job.status?.failed ?? 0)
        let previousRetries = requeues[key] ?? 0
        let exceedsBackOffLimit = hasNewFailure && Int64(previousRetries) + 1 > Int64(job.spec?.backoffLimit ?? 6)
        var failure: (reason: String, message: String)?
        if exceedsBackOffLimit {
            failure = ("BackoffLimitExceeded", "Job has reach the specified backoff limit")
        } else if isPastDeadline(job, status: status) {
            failure = ("DeadlineExceeded", "Job was active longer than specified deadline")
        }
        var activeCount = Int32(clamping: active.count)
        if let failure {
            for pod in active { deletePod(pod, of: job) }
            failed += activeCount
            activeCount = 0
            active = []
            status.conditions = (status.conditions ?? []) + [JobCondition(type: JobCondition.failed, status: .true, time: now, reason: failure.reason, message: failure.message)]
            recorder.record(job, reason: failure.reason, message: failure.message)
        } else {
            if needsSync, job.metadata.deletionTimestamp == nil {
                activeCount = manage(job, key: key, active: active, succeeded: succeeded)
            }
            var complete = false
            if let completions = job.spec?.completions {
                if succeeded >= completions {
                    complete = true
                    if activeCount > 0 {
                        recorder.record(job, type: Event.warning, reason: "TooManyActivePods", message: "Too many active pods running after completion count reached")
                    }
                    if succeeded > completions {
                        recorder.record(job, type: Event.warning, reason: "TooManySucceededPods", message: "Too many succeeded pods running after completion count reached")
                    }
                }
            } else if succeeded > 0 && activeCount == 0 {
                complete = true
            }
            if complete {
                status.conditions = (status.conditions ?? []) + [JobCondition(type: JobCondition.complete, status: .true, time: now)]
                status.completionTime = now
            }
        }
        if (job.status?.succeeded ?? 0) < succeeded { requeues[key] = nil }
        status.active = activeCount
        status.succeeded = succeeded
        status.failed = failed
        let written = status.normalized
        if written != job.status?.normalized {
            var updated = job
            updated.status = written
            _ = try? client.updateStatus(updated)
        }
        if hasNewFailure && !written.isFinished {
            // The sync "fails", so the rate-limited queue counts a retry and comes back soon.
            requeues[key] = previousRetries + 1
            queue.add(key, after: .milliseconds(5 << min(previousRetries, 16)))
        }
    }

    private func isPastDeadline(_ job: Job, status: JobStatus) -> Bool {
        guard let deadline = job.spec?.activeDeadlineSeconds, let start = status.startTime else { return false }
        return loop.now - start.instant >= .seconds(deadline)
    }

    /// The job's pods: those it controls, and orphans its selector matches, which it adopts.
    private func claimPods(of job: Job) -> [Pod] {
        var pods = podInformer.list(controlledBy: job.uid)
        guard job.metadata.deletionTimestamp == nil else { return pods }
        let selector = job.podSelector
        for orphan in podInformer.list(namespace: job.namespace, labelSelector: selector)
        where orphan.metadata.controllerReference == nil && orphan.isActive {
            let adopted = try? client.modify(Pod.self, namespace: orphan.namespace, name: orphan.name) { (current: inout Pod) throws(APIError) in
                guard current.metadata.controllerReference == nil else { return }
                current.metadata.ownerReferences = (current.metadata.ownerReferences ?? []) + [Self.controllerReference(to: job)]
            }
            if let adopted { pods.append(adopted) }
        }
        // Pods it controls that no longer match are released.
        return pods.filter { pod in
            guard !selector.matches(pod.labels) else { return true }
            _ = try? client.modify(Pod.self, namespace: pod.namespace, name: pod.name) { (current: inout Pod) throws(APIError) in
                let kept = (current.metadata.ownerReferences ?? []).filter { $0.uid != job.uid }
                current.metadata.ownerReferences = kept.isEmpty ? nil : kept
            }
            return false
        }
    }

    /// `manageJob`: deletes pods above `parallelism`, creates pods up to it (never more than
    /// the completions still missing); returns the new active count.
    private func manage(_ job: Job, key: String, active: [Pod], succeeded: Int32) -> Int32 {
        let parallelism = Int64(job.spec?.parallelism ?? 1)
        var activeCount = Int64(active.count)
        if activeCount > parallelism {
            let surplus = Int(activeCount - parallelism)
            let victims = active.sorted(by: Self.deletesFirst).prefix(surplus)
            expectations.expectDeletions(of: victims.map(\.name), for: key, at: loop.now)
            activeCount -= Int64(surplus)
            for pod in victims { deletePod(pod, of: job) }
        } else if activeCount < parallelism {
            let wanted: Int64
            if let completions = job.spec?.completions {
                wanted = min(Int64(completions) - Int64(succeeded), parallelism)
            } else {
                wanted = succeeded > 0 ? activeCount : parallelism
            }
            let missing = Int(max(0, min(wanted - activeCount, 500)))
            expectations.expectCreations(missing, for: key, at: loop.now)
            activeCount += Int64(missing)
            for _ in 0..<missing where !createPod(for: job) {
                expectations.creationObserved(for: key)
                activeCount -= 1
            }
        }
        return Int32(clamping: activeCount)
    }

    /// `controller.ActivePods`: unscheduled before scheduled, pending before running, not ready before ready.
    static func deletesFirst(_ lhs: Pod, _ rhs: Pod) -> Bool {
        func rank(_ pod: Pod) -> (Int, Int, Int) {
            let phase: Int = switch pod.status?.phase { case .pending: 0; case .unknown: 1; case .running: 2; default: 3 }
            return ((pod.spec?.nodeName ?? "").isEmpty ? 0 : 1, phase, pod.isReady ? 1 : 0)
        }
        return rank(lhs) < rank(rhs)
    }

    private func createPod(for job: Job) -> Bool {
        guard let template = job.spec?.template else { return false }
        var metadata = ObjectMeta(
            generateName: job.name + "-", namespace: job.namespace, labels: template.metadata?.labels,
            annotations: template.metadata?.annotations, ownerReferences: [Self.controllerReference(to: job)])
        metadata.finalizers = template.metadata?.finalizers
        do {
            let created = try client.create(Pod(metadata: metadata, spec: template.spec))
            recorder.record(job, reason: "SuccessfulCreate", message: "Created pod: \(created.name)")
            return true
        } catch {
            recorder.record(job, type: Event.warning, reason: "FailedCreate", message: "Error creating: \(error.message)")
            return false
        }
    }

    private func deletePod(_ pod: Pod, of job: Job) {
        do {
            _ = try client.delete(Pod.self, namespace: pod.namespace, name: pod.name)
            recorder.record(job, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
        } catch where error.reason == .notFound {
        } catch {
            recorder.record(job, type: Event.warning, reason: "FailedDelete", message: "Error deleting: \(error.message)")
        }
    }

    static func controllerReference(to job: Job) -> OwnerReference {
        OwnerReference(apiVersion: job.apiVersion ?? Job.resource.preferredAPIVersion, kind: Job.resource.kind, name: job.name,
                       uid: job.uid, controller: true, blockOwnerDeletion: true)
    }
}
