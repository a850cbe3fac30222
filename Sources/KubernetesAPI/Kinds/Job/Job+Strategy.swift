/// How the API server treats jobs (`pkg/registry/batch/job` and `SetDefaults_Job` of 1.8).
extension Job {
    /// `SetDefaults_Job`: one completion and one pod at a time when neither is set, six retries,
    /// labels from the template.
    public mutating func applyDefaults() {
        guard var spec else { return }
        if spec.completions == nil && spec.parallelism == nil {
            spec.completions = 1
            spec.parallelism = 1
        }
        if spec.parallelism == nil { spec.parallelism = 1 }
        if spec.backoffLimit == nil { spec.backoffLimit = 6 }
        let templateLabels = spec.template?.metadata?.labels ?? [:]
        if !templateLabels.isEmpty, (metadata.labels ?? [:]).isEmpty { metadata.labels = templateLabels }
        spec.template?.applyDefaults()
        self.spec = spec
    }

    public mutating func prepareForCreate() {
        status = JobStatus()
    }

    public mutating func prepareForUpdate(from old: Self) {
        status = old.status
    }

    public mutating func takeStatus(from other: Self) {
        status = other.status?.normalized
    }

    /// The job's selector is made from its uid, so the server hands the uid out before it validates.
    public static var assignsUIDBeforeValidation: Bool { true }

    /// `generateSelector`, which 1.8's job strategy runs as it validates a new job: unless the
    /// selector is manual, the template gets `controller-uid` and `job-name` labels and the
    /// selector matches the uid.
    public mutating func completeWithUID() {
        guard spec?.manualSelector != true, var spec else { return }
        var template = spec.template ?? PodTemplateSpec()
        var templateMetadata = template.metadata ?? ObjectMeta()
        var labels = templateMetadata.labels ?? [:]
        if labels[Self.jobNameLabel] == nil { labels[Self.jobNameLabel] = name }
        if labels[Self.controllerUIDLabel] == nil { labels[Self.controllerUIDLabel] = uid }
        templateMetadata.labels = labels
        template.metadata = templateMetadata
        spec.template = template
        var selector = spec.selector ?? LabelSelector()
        if selector.matchLabels[Self.controllerUIDLabel] == nil { selector.matchLabels[Self.controllerUIDLabel] = uid }
        spec.selector = selector
        self.spec = spec
    }

    public static let controllerUIDLabel = "controller-uid"
    public static let jobNameLabel = "job-name"

    public func validate() -> [FieldError] {
        generatedSelectorErrors() + Self.specErrors(spec, path: "spec")
    }

    /// `ValidateGeneratedSelector`.
    private func generatedSelectorErrors() -> [FieldError] {
        guard spec?.manualSelector != true, let selector = spec?.selector else { return [] }
        var errors: [FieldError] = []
        if uid.isEmpty { errors.append(FieldError(.required, "metadata.uid")) }
        let templateLabels = spec?.template?.metadata?.labels
        for (key, expected) in [(Self.controllerUIDLabel, uid), (Self.jobNameLabel, name)] {
            let path = "spec.template.metadata.labels[\(key)]"
            guard let actual = templateLabels?[key] else {
                errors.append(FieldError(.required, path, expected))
                continue
            }
            if actual != expected {
                errors.append(FieldError(.invalid(.labelMap(templateLabels)), path, "must be '\(expected)'"))
            }
        }
        if let parsed = try? selector.selector(),
           !parsed.matches([Self.controllerUIDLabel: uid, Self.jobNameLabel: name]) {
            errors.append(FieldError(.invalid(.rendered(selector.goDescription)), "spec.selector", "`selector` not auto-generated"))
        }
        return errors
    }

    /// `ValidateJobSpec`: the spec's own rules, then a selector that matches the template.
    static func specErrors(_ spec: JobSpec?, path: String) -> [FieldError] {
        var errors = templateSpecErrors(spec, path: path)
        let template = spec?.template
        guard let selector = spec?.selector else {
            errors.append(FieldError(.required, path + ".selector"))
            return errors
        }
        do {
            let parsed = try selector.selector()
            if !parsed.matches(template?.metadata?.labels ?? [:]) {
                errors.append(FieldError(.invalid(.labelMap(template?.metadata?.labels)), path + ".template.metadata.labels", "`selector` does not match template `labels`"))
            }
        } catch {
            errors.append(FieldError(.invalid(.rendered(selector.goDescription)), path + ".selector", "invalid label selector"))
        }
        return errors
    }

    /// `validateJobSpec`, shared with cron jobs' job templates: counts, the pod template and its restart policy.
    static func templateSpecErrors(_ spec: JobSpec?, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        errors += WorkloadValidation.nonnegativeErrors(spec?.parallelism.map(Int64.init), path: path + ".parallelism")
        errors += WorkloadValidation.nonnegativeErrors(spec?.completions.map(Int64.init), path: path + ".completions")
        errors += WorkloadValidation.nonnegativeErrors(spec?.activeDeadlineSeconds, path: path + ".activeDeadlineSeconds")
        errors += WorkloadValidation.nonnegativeErrors(spec?.backoffLimit.map(Int64.init), path: path + ".backoffLimit")
        let template = spec?.template
        if let metadata = template?.metadata { errors += NameValidation.metadataErrors(metadata, path: path + ".template.metadata") }
        if let podSpec = template?.spec {
            errors += podSpec.validationErrors(path: path + ".template.spec")
        } else {
            errors.append(FieldError(.required, path + ".template.spec.containers"))
        }
        let restartPolicy = template?.spec?.restartPolicy ?? ""
        if restartPolicy != "OnFailure" && restartPolicy != "Never" {
            errors.append(FieldError(.notSupported(.string(restartPolicy), supported: ["OnFailure", "Never"]), path + ".template.spec.restartPolicy"))
        }
        return errors
    }

    /// `spec.completions`, `spec.selector` and `spec.template` may not change (`ValidateJobSpecUpdate`).
    public func validateUpdate(from old: Self) -> [FieldError] {
        var errors = Self.specErrors(spec, path: "spec")
        if spec?.completions != old.spec?.completions {
            errors.append(FieldError(.invalid(.rendered(spec?.completions.map(String.init) ?? "nil")), "spec.completions", "field is immutable"))
        }
        if spec?.selector != old.spec?.selector {
            errors.append(FieldError(.invalid(.rendered(spec?.selector?.goDescription ?? "nil")), "spec.selector", "field is immutable"))
        }
        if spec?.template != old.spec?.template {
            errors.append(FieldError(.invalid(.rendered("core.PodTemplateSpec{...}")), "spec.template", "field is immutable"))
        }
        return errors
    }

    /// batch/v1 jobs keep their pods when deleted through the API (kubectl's reaper removes them).
    public var defaultPropagationPolicy: PropagationPolicy { .orphan }
}
