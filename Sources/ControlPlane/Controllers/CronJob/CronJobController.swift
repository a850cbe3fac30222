import KubernetesAPI
import Simulation

/// The cron job controller of 1.8 (`pkg/controller/cronjob`): every 10 s it looks at every cron
/// job and its jobs (`syncAll`), starts the most recent missed run unless it is suspended, too
/// late or forbidden by the concurrency policy, keeps the status's active list, and deletes the
/// oldest finished jobs beyond the history limits.
public final class CronJobController: Controller {
    /// `wait.Until(jm.syncAll, 10*time.Second, …)`.
    static let period: Duration = .seconds(10)
    /// More missed start times than this and the controller gives up (`getRecentUnmetScheduleTimes`).
    static let maximumMissedStarts = 100

    private let client: any KubernetesClient
    private let loop: EventLoop
    private let recorder: EventRecorder
    private let cronJobInformer: SharedInformer<CronJob>
    private let jobInformer: SharedInformer<Job>
    private let podInformer: SharedInformer<Pod>
    private var handlers: [WatchHandle] = []
    private var timer: TimerID?

    public init(context: ControllerContext) {
        self.client = context.client
        self.loop = context.loop
        self.cronJobInformer = context.informers.informer(for: CronJob.self)
        self.jobInformer = context.informers.informer(for: Job.self)
        self.podInformer = context.informers.pods
        self.recorder = EventRecorder(client: client, loop: loop, component: "cronjob-controller")
    }

    public func start() throws(APIError) {
        // The listers must be filled; the controller itself reacts to nothing but its clock.
        handlers.append(try cronJobInformer.addEventHandler { _ in })
        handlers.append(try jobInformer.addEventHandler { _ in })
        scheduleTick()
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        if let timer { loop.cancel(timer) }
        timer = nil
    }

    private func scheduleTick() {
        timer = loop.schedule(after: Self.period) { [weak self] in
            guard let self, self.timer != nil else { return }
            self.syncAll()
            self.scheduleTick()
        }
    }

    /// `syncAll`: each cron job with the jobs it controls.
    func syncAll() {
        let cronJobs = cronJobInformer.list()
        guard !cronJobs.isEmpty else { return }
        let now = loop.now
        for cronJob in cronJobs {
            let jobs = jobInformer.list(controlledBy: cronJob.uid)
            var current = syncOne(cronJob, jobs: jobs, now: now)
            cleanUpFinishedJobs(&current, jobs: jobInformer.list(controlledBy: cronJob.uid))
        }
    }

    // MARK: One cron job

    private func syncOne(_ original: CronJob, jobs: [Job], now: VirtualInstant) -> CronJob {
        var cronJob = original
        var active = cronJob.status?.active ?? []
        var children: Set<String> = []
        for job in jobs {
            children.insert(job.uid)
            let listed = active.contains { $0.uid == job.uid }
            let finished = job.status?.isFinished ?? false
            if !listed && !finished {
                recorder.record(cronJob, type: Event.warning, reason: "UnexpectedJob", message: "Saw a job that the controller did not create or forgot: \(job.name)")
            } else if listed && finished {
                active.removeAll { $0.uid == job.uid }
                recorder.record(cronJob, reason: "SawCompletedJob", message: "Saw completed job: \(job.name)")
            }
        }
        for reference in active where !children.contains(reference.uid ?? "") {
            recorder.record(cronJob, reason: "MissingJob", message: "Active job went missing: \(reference.name ?? "")")
            active.removeAll { $0.uid == reference.uid }
        }
        cronJob = writeActive(active, of: cronJob)
        guard cronJob.metadata.deletionTimestamp == nil, cronJob.spec?.suspend != true else { return cronJob }
        let times: [Int64]
        do {
            times = try unmetScheduleTimes(of: cronJob, now: now)
        } catch {
            recorder.record(cronJob, type: Event.warning, reason: "FailedNeedsStart", message: "Cannot determine if job needs to be started: \(error.message)")
            return cronJob
        }
        guard let scheduled = times.last else { return cronJob }
        if let deadline = cronJob.spec?.startingDeadlineSeconds,
           VirtualInstant(secondsSinceEpoch: scheduled) + .seconds(deadline) < now {
            return cronJob
        }
        let policy = cronJob.spec?.concurrencyPolicy ?? CronJob.allowConcurrent
        if policy == CronJob.forbidConcurrent && !(cronJob.status?.active ?? []).isEmpty { return cronJob }
        if policy == CronJob.replaceConcurrent {
            for reference in cronJob.status?.active ?? [] {
                guard let job = jobInformer.get(namespace: cronJob.namespace, name: reference.name ?? "") else {
                    recorder.record(cronJob, type: Event.warning, reason: "FailedGet", message: "Get job: jobs.batch \"\(reference.name ?? "")\" not found")
                    return cronJob
                }
                guard delete(job, of: &cronJob) else { return cronJob }
            }
            cronJob = writeActive(cronJob.status?.active ?? [], of: cronJob)
        }
        let created: Job
        do {
            created = try client.create(job(from: cronJob, scheduled: scheduled))
        } catch {
            recorder.record(cronJob, type: Event.warning, reason: "FailedCreate", message: "Error creating job: \(error.message)")
            return cronJob
        }
        recorder.record(cronJob, reason: "SuccessfulCreate", message: "Created job \(created.name)")
        var status = cronJob.status ?? CronJobStatus()
        status.active = (status.active ?? []) + [ObjectReference(
            kind: Job.resource.kind, namespace: created.namespace, name: created.name, uid: created.uid,
            apiVersion: created.apiVersion, resourceVersion: created.metadata.resourceVersion)]
        status.lastScheduleTime = Timestamp.seconds(of: VirtualInstant(secondsSinceEpoch: scheduled))
        var updated = cronJob
        updated.status = status
        return (try? client.updateStatus(updated)) ?? updated
    }

    /// Writes the active list when it changed; returns the cron job as stored.
    private func writeActive(_ active: [ObjectReference], of cronJob: CronJob) -> CronJob {
        guard active != (cronJob.status?.active ?? []) else { return cronJob }
        var updated = cronJob
        var status = cronJob.status ?? CronJobStatus()
        status.active = active.isEmpty ? nil : active
        updated.status = status
        return (try? client.updateStatus(updated)) ?? updated
    }

    /// `getRecentUnmetScheduleTimes`: the scheduled times since the last run (or creation, or
    /// the starting deadline, whichever is latest) up to now.
    func unmetScheduleTimes(of cronJob: CronJob, now: VirtualInstant) throws(CronScheduleError) -> [Int64] {
        let schedule: CronSchedule
        do {
            schedule = try CronSchedule(parsing: cronJob.spec?.schedule ?? "")
        } catch {
            throw CronScheduleError("Unparseable schedule: \(cronJob.spec?.schedule ?? "") : \(error.message)")
        }
        var earliest = (cronJob.status?.lastScheduleTime ?? cronJob.metadata.creationTimestamp)?.instant ?? now
        if let deadline = cronJob.spec?.startingDeadlineSeconds {
            let limit = now - .seconds(deadline)
            if limit > earliest { earliest = limit }
        }
        guard earliest <= now else { return [] }
        var starts: [Int64] = []
        // Go starts from the instant itself; a fraction of a second only moves it to the next whole one.
        var time = schedule.next(after: Self.wholeSeconds(earliest))
        while true {
            // Go's zero time (no next activation) is never after now, so it piles up as missed starts.
            guard let current = time else { throw Self.tooManyMissedStarts }
            guard VirtualInstant(secondsSinceEpoch: current) <= now else { break }
            starts.append(current)
            if starts.count > Self.maximumMissedStarts { throw Self.tooManyMissedStarts }
            time = schedule.next(after: current)
        }
        return starts
    }

    static let tooManyMissedStarts = CronScheduleError("Too many missed start time (> 100). Set or decrease .spec.startingDeadlineSeconds or check clock skew.")

    /// `t.Add(1s - nanoseconds)` then whole seconds: the second the search starts from, minus one.
    static func wholeSeconds(_ instant: VirtualInstant) -> Int64 {
        let nanoseconds = instant.nanosecondsSinceEpoch
        return nanoseconds >= 0 ? nanoseconds / 1_000_000_000 : (nanoseconds - 999_999_999) / 1_000_000_000
    }

    /// `getJobFromTemplate`: the job is named after the scheduled time in Unix seconds, so the
    /// same run is never created twice.
    func job(from cronJob: CronJob, scheduled: Int64) -> Job {
        let template = cronJob.spec?.jobTemplate
        var metadata = ObjectMeta(
            name: "\(cronJob.name)-\(scheduled)", namespace: cronJob.namespace,
            labels: template?.metadata?.labels, annotations: template?.metadata?.annotations,
            ownerReferences: [OwnerReference(
                apiVersion: cronJob.apiVersion ?? CronJob.resource.preferredAPIVersion, kind: CronJob.resource.kind,
                name: cronJob.name, uid: cronJob.uid, controller: true, blockOwnerDeletion: true)])
        if metadata.labels?.isEmpty == true { metadata.labels = nil }
        return Job(metadata: metadata, spec: template?.spec)
    }

    // MARK: History

    /// `cleanupFinishedJobs`: the oldest finished jobs beyond the limits go, with their pods.
    private func cleanUpFinishedJobs(_ cronJob: inout CronJob, jobs: [Job]) {
        let successfulLimit = cronJob.spec?.successfulJobsHistoryLimit
        let failedLimit = cronJob.spec?.failedJobsHistoryLimit
        guard successfulLimit != nil || failedLimit != nil else { return }
        func finished(_ type: String) -> [Job] {
            jobs.filter { job in (job.status?.conditions ?? []).contains { $0.type == type && $0.status == .true } }
        }
        let before = cronJob.status?.active ?? []
        if let successfulLimit { removeOldest(finished(JobCondition.complete), keeping: Int(successfulLimit), of: &cronJob) }
        if let failedLimit { removeOldest(finished(JobCondition.failed), keeping: Int(failedLimit), of: &cronJob) }
        if (cronJob.status?.active ?? []) != before { cronJob = writeActive(cronJob.status?.active ?? [], of: cronJob) }
    }

    private func removeOldest(_ jobs: [Job], keeping limit: Int, of cronJob: inout CronJob) {
        let surplus = jobs.count - limit
        guard surplus > 0 else { return }
        for job in jobs.sorted(by: Self.startedEarlier).prefix(surplus) { _ = delete(job, of: &cronJob) }
    }

    /// `byJobStartTime`: by start time, unstarted last, names breaking ties.
    static func startedEarlier(_ lhs: Job, _ rhs: Job) -> Bool {
        guard let right = rhs.status?.startTime else { return lhs.status?.startTime != nil }
        guard let left = lhs.status?.startTime else { return false }
        return left == right ? lhs.name < rhs.name : left < right
    }

    /// `deleteJob`, which mimics kubectl's job reaper: parallelism to 0, the pods, then the job.
    private func delete(_ job: Job, of cronJob: inout CronJob) -> Bool {
        if job.spec?.parallelism != 0 {
            do {
                _ = try client.modify(Job.self, namespace: job.namespace, name: job.name) { (current: inout Job) throws(APIError) in
                    current.spec?.parallelism = 0
                }
            } catch {
                recorder.record(cronJob, type: Event.warning, reason: "FailedUpdate", message: "Update job: \(error.message)")
                return false
            }
        }
        for pod in podInformer.list(namespace: job.namespace, labelSelector: job.podSelector) {
            _ = try? client.delete(Pod.self, namespace: pod.namespace, name: pod.name)
        }
        do {
            _ = try client.delete(Job.self, namespace: job.namespace, name: job.name)
        } catch {
            recorder.record(cronJob, type: Event.warning, reason: "FailedDelete", message: "Deleted job: \(error.message)")
            return false
        }
        cronJob.status?.active?.removeAll { $0.uid == job.uid }
        recorder.record(cronJob, reason: "SuccessfulDelete", message: "Deleted job \(job.name)")
        return true
    }
}
