/// Creates jobs on a cron schedule (`batch/v1beta1.CronJob`).
public struct CronJob: APIObject, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: CronJobSpec?
    public var status: CronJobStatus?

    public init(metadata: ObjectMeta, spec: CronJobSpec? = nil, status: CronJobStatus? = nil) {
        self.apiVersion = "batch/v1beta1"
        self.kind = "CronJob"
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    /// 1.8 served batch/v2alpha1 only when the API server was started with it enabled, which
    /// minikube and GKE clusters were not.
    public static let resource = APIResource(
        name: "cronjobs", singularName: "cronjob", kind: "CronJob", group: "batch",
        apiVersions: ["batch/v1beta1"], namespaced: true, shortNames: ["cj"])
}

/// The desired state of a cron job (`CronJobSpec`), fields in Go struct order.
public struct CronJobSpec: Hashable, Sendable, Codable {
    public var schedule: String?
    public var startingDeadlineSeconds: Int64?
    public var concurrencyPolicy: String?
    public var suspend: Bool?
    public var jobTemplate: JobTemplateSpec?
    public var successfulJobsHistoryLimit: Int32?
    public var failedJobsHistoryLimit: Int32?

    public init(schedule: String? = nil, jobTemplate: JobTemplateSpec? = nil) {
        self.schedule = schedule
        self.jobTemplate = jobTemplate
    }
}

/// The job a cron job creates (`JobTemplateSpec`).
public struct JobTemplateSpec: Hashable, Sendable, Codable {
    public var metadata: ObjectMeta?
    public var spec: JobSpec?

    public init(metadata: ObjectMeta? = nil, spec: JobSpec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }
}

/// The observed state of a cron job (`CronJobStatus`).
public struct CronJobStatus: Hashable, Sendable, Codable {
    public var active: [ObjectReference]?
    public var lastScheduleTime: Timestamp?

    public init() {}
}

extension CronJob {
    public static let allowConcurrent = "Allow"
    public static let forbidConcurrent = "Forbid"
    public static let replaceConcurrent = "Replace"
}
