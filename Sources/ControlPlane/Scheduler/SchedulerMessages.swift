import KubernetesAPI

/// The scheduler's user-visible texts, which changed between releases.
public struct SchedulerMessages: Sendable {
    /// Builds the FailedScheduling message from the node count and the reasons with their node counts.
    public var fitError: @Sendable (_ nodeCount: Int, _ reasons: [(reason: String, count: Int)]) -> String
    public var noNodes: String
    /// The Scheduled event message from the pod and node names.
    public var scheduled: @Sendable (_ pod: Pod, _ node: String) -> String

    public init(
        fitError: @escaping @Sendable (Int, [(reason: String, count: Int)]) -> String, noNodes: String,
        scheduled: @escaping @Sendable (Pod, String) -> String
    ) {
        self.fitError = fitError
        self.noNodes = noNodes
        self.scheduled = scheduled
    }

    /// The texts of the release `version` names (`v1.8.0`, `v1.8.0-gke.0`): 1.7 and before,
    /// 1.8, or 1.9 and later.
    public init(kubernetesVersion version: String) {
        let numbers = version.drop { $0 == "v" }.split(separator: ".").map { Int($0.prefix { $0.isNumber }) }
        switch numbers.count > 1 ? numbers[1] : nil {
        case let minor? where minor <= 7: self = .kubernetes17
        case 8?: self = .kubernetes18
        default: self = .kubernetes19
        }
    }

    /// Kubernetes 1.6–1.7: `No nodes are available that match all of the following predicates:: Insufficient cpu (3).`
    public static let kubernetes17 = SchedulerMessages(
        fitError: { _, reasons in
            let parts = reasons.map { "\($0.reason) (\($0.count))" }.sorted()
            return "No nodes are available that match all of the following predicates:: " + parts.joined(separator: ", ") + "."
        },
        noNodes: "no nodes available to schedule pods",
        scheduled: { pod, node in "Successfully assigned \(pod.name) to \(node)" })

    /// Kubernetes 1.8: `No nodes are available that match all of the predicates: Insufficient cpu (3).`
    public static let kubernetes18 = SchedulerMessages(
        fitError: { _, reasons in
            let parts = reasons.map { "\($0.reason) (\($0.count))" }.sorted()
            return "No nodes are available that match all of the predicates: " + parts.joined(separator: ", ") + "."
        },
        noNodes: "no nodes available to schedule pods",
        scheduled: { pod, node in "Successfully assigned \(pod.name) to \(node)" })

    /// Kubernetes 1.9 and later: `0/3 nodes are available: 3 Insufficient cpu.`
    public static let kubernetes19 = SchedulerMessages(
        fitError: { nodeCount, reasons in
            let parts = reasons.map { "\($0.count) \($0.reason)" }.sorted()
            return "0/\(nodeCount) nodes are available: " + parts.joined(separator: ", ") + "."
        },
        noNodes: "no nodes available to schedule pods",
        scheduled: { pod, node in "Successfully assigned \(pod.name) to \(node)" })
}

/// The reasons predicates give (1.8 spellings).
enum PredicateFailure {
    static func insufficient(_ resource: String) -> String { "Insufficient \(resource)" }
    static let hostPorts = "PodFitsHostPorts"
    static let nodeSelector = "MatchNodeSelector"
    static let taints = "PodToleratesNodeTaints"
    static let memoryPressure = "NodeUnderMemoryPressure"
    static let diskPressure = "NodeUnderDiskPressure"
    static let hostName = "HostName"
}
