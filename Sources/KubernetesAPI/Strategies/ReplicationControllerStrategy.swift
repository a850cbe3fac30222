extension ReplicationController {
    /// `SetDefaults_ReplicationController`: selector and labels from the template, one replica.
    public mutating func applyDefaults() {
        guard var spec else { return }
        let templateLabels = spec.template?.metadata?.labels ?? [:]
        if (spec.selector ?? [:]).isEmpty, !templateLabels.isEmpty { spec.selector = templateLabels }
        if (metadata.labels ?? [:]).isEmpty, !templateLabels.isEmpty { metadata.labels = templateLabels }
        if spec.replicas == nil { spec.replicas = 1 }
        spec.template?.applyDefaults()
        self.spec = spec
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let selectorMap = spec?.selector ?? [:]
        errors += WorkloadValidation.nonnegativeErrors(spec?.minReadySeconds.map(Int64.init), path: "spec.minReadySeconds")
        errors += WorkloadValidation.replicasErrors(spec?.replicas, path: "spec.replicas")
        if selectorMap.isEmpty { errors.append(FieldError(.required, "spec.selector")) }
        for key in selectorMap.keys.sorted() {
            errors += LabelValidation.qualifiedNameErrors(key).map { FieldError(.invalid(.string(key)), "spec.selector", $0) }
        }
        errors += WorkloadValidation.templateErrors(spec?.template, selector: Labels.Selector(matching: selectorMap), path: "spec.template")
        return errors
    }

    /// core/v1 replication controllers orphan their pods unless told otherwise.
    public var defaultPropagationPolicy: PropagationPolicy { .orphan }

    /// The selector as a label selector (nil selector selects nothing).
    public var podSelector: Labels.Selector {
        guard let selector = spec?.selector, !selector.isEmpty else { return .nothing }
        return Labels.Selector(matching: selector)
    }
}

extension ReplicaSet {
    /// extensions/v1beta1 defaults the selector and labels from the template; apps/v1beta2 and apps/v1 do not.
    public mutating func applyDefaults() {
        guard var spec else { return }
        let templateLabels = spec.template?.metadata?.labels ?? [:]
        if apiVersion == "extensions/v1beta1" {
            if spec.selector == nil, !templateLabels.isEmpty { spec.selector = LabelSelector(matchLabels: templateLabels) }
            if (metadata.labels ?? [:]).isEmpty, !templateLabels.isEmpty { metadata.labels = templateLabels }
        }
        if spec.replicas == nil { spec.replicas = 1 }
        spec.template?.applyDefaults()
        self.spec = spec
    }

    public func validate() -> [FieldError] {
        WorkloadValidation.selectingWorkloadErrors(metadata, replicas: spec?.replicas, minReadySeconds: spec?.minReadySeconds,
                                                   selector: spec?.selector, template: spec?.template)
    }

    /// Only apps/v1 deletes dependents by default.
    public var defaultPropagationPolicy: PropagationPolicy { apiVersion == "apps/v1" ? .background : .orphan }

    public var podSelector: Labels.Selector {
        (try? LabelSelector.selector(for: spec?.selector)) ?? .nothing
    }
}

extension Deployment {
    /// The era's per-version defaults: selectors from template labels in extensions/v1beta1 and
    /// apps/v1beta1; surge and unavailability 1/1 in extensions, 25%/25% elsewhere; history limits.
    public mutating func applyDefaults() {
        guard var spec else { return }
        let version = apiVersion ?? "extensions/v1beta1"
        let templateLabels = spec.template?.metadata?.labels ?? [:]
        if version == "extensions/v1beta1" || version == "apps/v1beta1" {
            if spec.selector == nil, !templateLabels.isEmpty { spec.selector = LabelSelector(matchLabels: templateLabels) }
            if (metadata.labels ?? [:]).isEmpty, !templateLabels.isEmpty { metadata.labels = templateLabels }
        }
        if spec.replicas == nil { spec.replicas = 1 }
        var strategy = spec.strategy ?? DeploymentStrategy()
        if (strategy.type ?? "").isEmpty { strategy.type = "RollingUpdate" }
        if strategy.type == "RollingUpdate" {
            var rolling = strategy.rollingUpdate ?? RollingUpdateDeployment()
            let fallback: IntOrString = version == "extensions/v1beta1" ? .int(1) : .string("25%")
            if rolling.maxUnavailable == nil { rolling.maxUnavailable = fallback }
            if rolling.maxSurge == nil { rolling.maxSurge = fallback }
            strategy.rollingUpdate = rolling
        }
        spec.strategy = strategy
        switch version {
        case "extensions/v1beta1":
            break
        case "apps/v1beta1":
            if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 2 }
            if spec.progressDeadlineSeconds == nil { spec.progressDeadlineSeconds = 600 }
        default:
            if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
            if spec.progressDeadlineSeconds == nil { spec.progressDeadlineSeconds = 600 }
        }
        spec.template?.applyDefaults()
        self.spec = spec
    }

    public func validate() -> [FieldError] {
        var errors = WorkloadValidation.selectingWorkloadErrors(metadata, replicas: spec?.replicas, selector: spec?.selector,
                                                                template: spec?.template)
        if let type = spec?.strategy?.type, !["RollingUpdate", "Recreate"].contains(type) {
            errors.append(FieldError(.notSupported(.string(type), supported: ["Recreate", "RollingUpdate"]), "spec.strategy.type"))
        }
        if let rollingUpdate = spec?.strategy?.rollingUpdate, spec?.strategy?.type != "Recreate" {
            errors += WorkloadValidation.rollingUpdateErrors(rollingUpdate, path: "spec.strategy.rollingUpdate")
        }
        errors += WorkloadValidation.nonnegativeErrors(spec?.minReadySeconds.map(Int64.init), path: "spec.minReadySeconds")
        errors += WorkloadValidation.nonnegativeErrors(spec?.revisionHistoryLimit.map(Int64.init), path: "spec.revisionHistoryLimit")
        if let deadline = spec?.progressDeadlineSeconds {
            errors += WorkloadValidation.nonnegativeErrors(Int64(deadline), path: "spec.progressDeadlineSeconds")
            if deadline <= spec?.minReadySeconds ?? 0 {
                errors.append(FieldError(.invalid(.integer(Int64(deadline))), "spec.progressDeadlineSeconds", "must be greater than minReadySeconds"))
            }
        }
        return errors
    }

    public var defaultPropagationPolicy: PropagationPolicy { apiVersion == "apps/v1" ? .background : .orphan }

    public var podSelector: Labels.Selector {
        (try? LabelSelector.selector(for: spec?.selector)) ?? .nothing
    }
}

/// Workloads whose spec changes bump `metadata.generation`, and whose status only the status
/// subresource writes (what the controllers report back).
public protocol GenerationTrackedObject: APIObject {
    associatedtype Spec: Equatable
    associatedtype Status: Equatable
    var spec: Spec? { get }
    var status: Status? { get set }
    /// The status a new object starts with.
    static var initialStatus: Status { get }
}

extension GenerationTrackedObject {
    public mutating func prepareForCreate() {
        status = Self.initialStatus
        metadata.generation = 1
    }

    public mutating func prepareForUpdate(from old: Self) {
        status = old.status
        metadata.generation = spec != old.spec ? (old.metadata.generation ?? 0) + 1 : old.metadata.generation
    }

    public mutating func takeStatus(from other: Self) {
        status = other.status
    }
}

extension ReplicationController: GenerationTrackedObject {
    public static var initialStatus: ReplicationControllerStatus { ReplicationControllerStatus() }
}

extension ReplicaSet: GenerationTrackedObject {
    public static var initialStatus: ReplicationControllerStatus { ReplicationControllerStatus() }
}

extension Deployment: GenerationTrackedObject {
    public static var initialStatus: DeploymentStatus { DeploymentStatus() }
}
