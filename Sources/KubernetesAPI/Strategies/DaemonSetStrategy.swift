extension DaemonSet {
    /// `SetDefaults_DaemonSet` of the version written: extensions/v1beta1 takes selector and labels
    /// from the template and updates OnDelete; apps/v1beta2 and later update RollingUpdate.
    public mutating func applyDefaults() {
        guard var spec else { return }
        let legacy = (apiVersion ?? "extensions/v1beta1") == "extensions/v1beta1"
        let templateLabels = spec.template?.metadata?.labels ?? [:]
        if legacy {
            if spec.selector == nil, !templateLabels.isEmpty { spec.selector = LabelSelector(matchLabels: templateLabels) }
            if (metadata.labels ?? [:]).isEmpty, !templateLabels.isEmpty { metadata.labels = templateLabels }
            if (spec.templateGeneration ?? 0) == 0 { spec.templateGeneration = 1 }
        }
        var strategy = spec.updateStrategy ?? DaemonSetUpdateStrategy()
        if (strategy.type ?? "").isEmpty { strategy.type = legacy ? "OnDelete" : "RollingUpdate" }
        if strategy.type == "RollingUpdate" {
            var rolling = strategy.rollingUpdate ?? RollingUpdateDaemonSet()
            if rolling.maxUnavailable == nil { rolling.maxUnavailable = .int(1) }
            strategy.rollingUpdate = rolling
        }
        spec.updateStrategy = strategy
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
        spec.template?.applyDefaults()
        self.spec = spec
    }

    /// `ValidateDaemonSetSpec`.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let selector = spec?.selector
        if let selector { errors += WorkloadValidation.labelSelectorErrors(selector, path: "spec.selector") }
        let parsed = try? LabelSelector.selector(for: selector)
        if let parsed, !parsed.matches(spec?.template?.metadata?.labels ?? [:]) {
            errors.append(FieldError(.invalid(.labelMap(spec?.template?.metadata?.labels)), "spec.template.metadata.labels",
                                     "`selector` does not match template `labels`"))
        }
        if let selector, selector.matchLabels.isEmpty, selector.matchExpressions.isEmpty {
            errors.append(FieldError(.invalid(.rendered(selector.goDescription)), "spec.selector", "empty selector is invalid for daemonset"))
        }
        errors += WorkloadValidation.templateErrors(spec?.template, selector: nil, path: "spec.template")
        if let deadline = spec?.template?.spec?.activeDeadlineSeconds {
            errors.append(FieldError(.invalid(.integer(deadline)), "spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in DaemonSet is not Supported"))
        }
        errors += WorkloadValidation.nonnegativeErrors(spec?.minReadySeconds.map(Int64.init), path: "spec.minReadySeconds")
        errors += WorkloadValidation.nonnegativeErrors(spec?.templateGeneration, path: "spec.templateGeneration")
        if let strategy = spec?.updateStrategy {
            switch strategy.type ?? "" {
            case "OnDelete":
                break
            case "RollingUpdate":
                if let unavailable = strategy.rollingUpdate?.maxUnavailable {
                    let path = "spec.updateStrategy.rollingUpdate.maxUnavailable"
                    errors += WorkloadValidation.intOrPercentErrors(unavailable, path: path)
                    if WorkloadValidation.intOrPercentValue(unavailable) == 0 {
                        errors.append(FieldError(.invalid(.rendered(unavailable.goDescription)), path, "cannot be 0"))
                    }
                    if WorkloadValidation.isValidPercent(unavailable), WorkloadValidation.intOrPercentValue(unavailable) > 100 {
                        errors.append(FieldError(.invalid(.rendered(unavailable.goDescription)), path, "must not be greater than 100%"))
                    }
                }
            case let other:
                errors.append(FieldError(.notSupported(.string(other), supported: ["OnDelete", "RollingUpdate"]), "spec.updateStrategy.type"))
            }
        }
        errors += WorkloadValidation.nonnegativeErrors(spec?.revisionHistoryLimit.map(Int64.init), path: "spec.revisionHistoryLimit")
        return errors
    }

    /// The annotation apps/v1beta2 and later keep extensions/v1beta1's `templateGeneration` in.
    public static let templateGenerationAnnotation = "deprecated.daemonset.template.generation"

    /// How many times the template was set: `spec.templateGeneration` in extensions/v1beta1, an
    /// annotation in later versions.
    public var templateGeneration: Int64 {
        spec?.templateGeneration ?? metadata.annotations?[Self.templateGenerationAnnotation].flatMap { Int64($0) } ?? 1
    }

    private mutating func setTemplateGeneration(_ generation: Int64) {
        if (apiVersion ?? "extensions/v1beta1") == "extensions/v1beta1" {
            spec?.templateGeneration = generation
        } else {
            metadata.annotations = (metadata.annotations ?? [:]).merging([Self.templateGenerationAnnotation: String(generation)]) { _, new in new }
        }
    }

    public mutating func prepareForCreate() {
        status = Self.initialStatus
        metadata.generation = 1
        setTemplateGeneration(1)
    }

    /// A template change is a new template generation.
    public mutating func prepareForUpdate(from old: DaemonSet) {
        status = old.status
        metadata.generation = spec != old.spec ? (old.metadata.generation ?? 0) + 1 : old.metadata.generation
        let generation = old.templateGeneration
        setTemplateGeneration(spec?.template != old.spec?.template ? generation + 1 : generation)
    }

    /// Only apps/v1 deletes dependents by default.
    public var defaultPropagationPolicy: PropagationPolicy { apiVersion == "apps/v1" ? .background : .orphan }

    /// The pods the daemon set counts; nil and broken selectors select nothing.
    public var podSelector: Labels.Selector {
        (try? LabelSelector.selector(for: spec?.selector)) ?? .nothing
    }
}

extension DaemonSet: GenerationTrackedObject {
    public static var initialStatus: DaemonSetStatus { DaemonSetStatus() }
}
