/// Runs pods until a number of them finish successfully (`batch/v1.Job`).
public struct Job: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: JobSpec?
    public var status: JobStatus?

    public init(metadata: ObjectMeta, spec: JobSpec? = nil, status: JobStatus? = nil) {
        self.apiVersion = "batch/v1"
        self.kind = "Job"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    public static let resource = APIResource(
        name: "jobs", singularName: "job", kind: "Job", group: "batch",
        apiVersions: ["batch/v1"], namespaced: true, shortNames: [])

    public static let selectableFields = ["status.successful"]

    public func fieldValue(_ field: String) -> String? {
        switch field {
        case "status.successful": String(status?.succeeded ?? 0)
        default: metadataFieldValue(field)
        }
    }
}

/// The desired state of a job (`JobSpec`), fields in Go struct order.
public struct JobSpec: Hashable, Sendable, Codable {
    public var parallelism: Int32?
    public var completions: Int32?
    public var activeDeadlineSeconds: Int64?
    public var backoffLimit: Int32?
    public var selector: LabelSelector?
    public var manualSelector: Bool?
    public var template: PodTemplateSpec?

    public init(parallelism: Int32? = nil, completions: Int32? = nil, template: PodTemplateSpec? = nil) {
        self.parallelism = parallelism
        self.completions = completions
        self.template = template
    }
}

/// The observed state of a job (`JobStatus`); zero counts are left out, as Go's `omitempty` does.
public struct JobStatus: Hashable, Sendable, Codable {
    public var conditions: [JobCondition]?
    public var startTime: Timestamp?
    public var completionTime: Timestamp?
    public var active: Int32?
    public var succeeded: Int32?
    public var failed: Int32?

    public init() {}

    /// The status as the API writes it: empty lists and zero counts dropped.
    package var normalized: JobStatus {
        var copy = self
        if copy.conditions?.isEmpty == true { copy.conditions = nil }
        if copy.active == 0 { copy.active = nil }
        if copy.succeeded == 0 { copy.succeeded = nil }
        if copy.failed == 0 { copy.failed = nil }
        return copy
    }

    /// Whether a `Complete` or `Failed` condition is true (`IsJobFinished`).
    public var isFinished: Bool {
        (conditions ?? []).contains { ($0.type == JobCondition.complete || $0.type == JobCondition.failed) && $0.status == .true }
    }
}

/// One observation of a job (`JobCondition`).
public struct JobCondition: Hashable, Sendable, Codable {
    public static let complete = "Complete"
    public static let failed = "Failed"

    public var type: String
    public var status: ConditionStatus
    public var lastProbeTime: Timestamp?
    public var lastTransitionTime: Timestamp?
    public var reason: String?
    public var message: String?

    public init(type: String, status: ConditionStatus, time: Timestamp?, reason: String? = nil, message: String? = nil) {
        self.type = type
        self.status = status
        self.lastProbeTime = time
        self.lastTransitionTime = time
        self.reason = reason
        self.message = message
    }
}

extension Job {
    /// The pods the job selects (nothing when its selector is missing or malformed).
    public var podSelector: Labels.Selector {
        (try? LabelSelector.selector(for: spec?.selector)) ?? .nothing
    }
}
