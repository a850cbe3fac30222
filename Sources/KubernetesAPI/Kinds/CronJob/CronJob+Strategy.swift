/// How the API server treats cron jobs (`pkg/registry/batch/cronjob`, batch/v1beta1 defaults of 1.8).
extension CronJob {
    /// `SetDefaults_CronJob` of batch/v1beta1: Allow, not suspended, keep 3 successful and 1 failed job.
    public mutating func applyDefaults() {
        guard var spec else { return }
        if (spec.concurrencyPolicy ?? "").isEmpty { spec.concurrencyPolicy = Self.allowConcurrent }
        if spec.suspend == nil { spec.suspend = false }
        if spec.successfulJobsHistoryLimit == nil { spec.successfulJobsHistoryLimit = 3 }
        if spec.failedJobsHistoryLimit == nil { spec.failedJobsHistoryLimit = 1 }
        spec.jobTemplate?.spec?.template?.applyDefaults()
        self.spec = spec
    }

    public mutating func prepareForCreate() {
        status = CronJobStatus()
    }

    public mutating func prepareForUpdate(from old: Self) {
        status = old.status
    }

    public mutating func takeStatus(from other: Self) {
        status = other.status
        if status?.active?.isEmpty == true { status?.active = nil }
    }

    /// `ValidateCronJobSpec`.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let schedule = spec?.schedule ?? ""
        if schedule.isEmpty {
            errors.append(FieldError(.required, "spec.schedule"))
        } else {
            do {
                _ = try CronSchedule(parsing: schedule)
            } catch {
                errors.append(FieldError(.invalid(.string(schedule)), "spec.schedule", error.message))
            }
        }
        errors += WorkloadValidation.nonnegativeErrors(spec?.startingDeadlineSeconds, path: "spec.startingDeadlineSeconds")
        let policy = spec?.concurrencyPolicy ?? ""
        if policy.isEmpty {
            errors.append(FieldError(.required, "spec.concurrencyPolicy"))
        } else if ![Self.allowConcurrent, Self.forbidConcurrent, Self.replaceConcurrent].contains(policy) {
            errors.append(FieldError(.notSupported(.string(policy), supported: [Self.allowConcurrent, Self.forbidConcurrent, Self.replaceConcurrent]), "spec.concurrencyPolicy"))
        }
        let jobSpec = spec?.jobTemplate?.spec
        errors += Job.templateSpecErrors(jobSpec, path: "spec.jobTemplate.spec")
        if let selector = jobSpec?.selector {
            errors.append(FieldError(.invalid(.rendered(selector.goDescription)), "spec.jobTemplate.spec.selector", "`selector` will be auto-generated"))
        }
        if let manual = jobSpec?.manualSelector, manual {
            errors.append(FieldError(.notSupported(.rendered("(*bool)(true)"), supported: ["nil", "false"]), "spec.jobTemplate.spec.manualSelector"))
        }
        errors += WorkloadValidation.nonnegativeErrors(spec?.successfulJobsHistoryLimit.map(Int64.init), path: "spec.successfulJobsHistoryLimit")
        errors += WorkloadValidation.nonnegativeErrors(spec?.failedJobsHistoryLimit.map(Int64.init), path: "spec.failedJobsHistoryLimit")
        return errors
    }

    /// batch/v1beta1 cron jobs keep their jobs when deleted through the API unless told otherwise.
    public var defaultPropagationPolicy: PropagationPolicy { .orphan }
}
