import Simulation

extension Describers {
    /// 1.8's `describeJob`.
    func describeJob(_ job: Job, into text: inout DescribeText) {
        text.line(0, "Name:\t" + job.name)
        text.line(0, "Namespace:\t" + job.namespace)
        text.line(0, "Selector:\t" + LabelSelector.format(job.spec?.selector))
        text.map(0, "Labels", job.metadata.labels)
        text.annotations(0, job.metadata.annotations)
        text.line(0, "Parallelism:\t\(job.spec?.parallelism ?? 0)")
        text.line(0, "Completions:\t" + (job.spec?.completions.map(String.init) ?? "<unset>"))
        if let start = job.status?.startTime { text.line(0, "Start Time:\t" + DescribeText.time(start)) }
        if let deadline = job.spec?.activeDeadlineSeconds { text.line(0, "Active Deadline Seconds:\t\(deadline)s") }
        let status = job.status
        text.line(0, "Pods Statuses:\t\(status?.active ?? 0) Running / \(status?.succeeded ?? 0) Succeeded / \(status?.failed ?? 0) Failed")
        describeTemplate(job.spec?.template, into: &text)
        events(for: job, into: &text)
    }

    /// 1.8's `describeCronJob` with its `describeJobTemplate` and `printActiveJobs`.
    func describeCronJob(_ cronJob: CronJob, into text: inout DescribeText) {
        let spec = cronJob.spec
        text.line(0, "Name:\t" + cronJob.name)
        text.line(0, "Namespace:\t" + cronJob.namespace)
        text.map(0, "Labels", cronJob.metadata.labels)
        text.annotations(0, cronJob.metadata.annotations)
        text.line(0, "Schedule:\t" + (spec?.schedule ?? ""))
        text.line(0, "Concurrency Policy:\t" + (spec?.concurrencyPolicy ?? ""))
        text.line(0, "Suspend:\t" + (spec?.suspend.map { $0 ? "True" : "False" } ?? "<unset>"))
        text.line(0, "Starting Deadline Seconds:\t" + (spec?.startingDeadlineSeconds.map { "\($0)s" } ?? "<unset>"))
        let jobSpec = spec?.jobTemplate?.spec
        text.line(0, "Selector:\t" + (jobSpec?.selector.map { LabelSelector.format($0) } ?? "<unset>"))
        text.line(0, "Parallelism:\t" + (jobSpec?.parallelism.map(String.init) ?? "<unset>"))
        text.line(0, "Completions:\t" + (jobSpec?.completions.map(String.init) ?? "<unset>"))
        if let deadline = jobSpec?.activeDeadlineSeconds { text.line(0, "Active Deadline Seconds:\t\(deadline)s") }
        describeTemplate(jobSpec?.template, into: &text)
        text.line(0, "Last Schedule Time:\t" + (cronJob.status?.lastScheduleTime.map { DescribeText.time($0) } ?? "<unset>"))
        let active = (cronJob.status?.active ?? []).map { $0.name ?? "" }
        text.line(0, "Active Jobs:\t" + (active.isEmpty ? "<none>" : active.joined(separator: ", ")))
        events(for: cronJob, into: &text)
    }
}
