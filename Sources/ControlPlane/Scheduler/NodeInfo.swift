import KubernetesAPI

/// What the scheduler knows of one node: the node, the facts placement reads from it (cached,
/// since every pod looks at every node), and the pods it already carries.
final class NodeInfo {
    private(set) var node: Node
    /// The node's place in the per-controller pod counts (`SchedulerCache`); never reused.
    let slot: Int
    private(set) var name: String = ""
    private(set) var labels: [String: String] = [:]
    private(set) var taints: [Taint] = []
    private(set) var isSchedulable = false
    private(set) var hasMemoryPressure = false
    private(set) var hasDiskPressure = false
    private(set) var allocatableMilliCPU: Int64 = 0
    private(set) var allocatableMemory: Int64 = 0
    private(set) var allowedPods = 110
    var requestedMilliCPU: Int64 = 0
    var requestedMemory: Int64 = 0
    /// Requests with the scoring defaults (100m, 200Mi) for containers that ask for nothing.
    var nonZeroMilliCPU: Int64 = 0
    var nonZeroMemory: Int64 = 0
    var podCount = 0
    var hostPorts: [String: Int] = [:]

    init(node: Node, slot: Int = 0) {
        self.node = node
        self.slot = slot
        update(node)
    }

    /// What of the node matters for placement, to tell a change that may let waiting pods fit
    /// from a heartbeat.
    struct SchedulingView: Equatable {
        var isSchedulable: Bool
        var labels: [String: String]
        var taints: [Taint]
        var allocatable: ResourceList?
        var hasMemoryPressure: Bool
        var hasDiskPressure: Bool
    }

    var schedulingView: SchedulingView {
        SchedulingView(isSchedulable: isSchedulable, labels: labels, taints: taints, allocatable: node.status?.allocatable,
                       hasMemoryPressure: hasMemoryPressure, hasDiskPressure: hasDiskPressure)
    }

    func update(_ node: Node) {
        self.node = node
        name = node.name
        labels = node.labels
        taints = node.spec?.taints ?? []
        isSchedulable = Predicates.isSchedulable(node)
        hasMemoryPressure = node.status?.condition(NodeCondition.memoryPressure)?.status == .true
        hasDiskPressure = node.status?.condition(NodeCondition.diskPressure)?.status == .true
        func allocatable(_ name: String) -> Quantity? {
            node.status?.allocatable?[name] ?? node.status?.capacity?[name]
        }
        allocatableMilliCPU = allocatable("cpu")?.milliValue ?? 0
        allocatableMemory = allocatable("memory")?.value ?? 0
        allowedPods = Int(allocatable("pods")?.value ?? 110)
    }

    func add(_ usage: PodUsage, sign: Int64 = 1) {
        requestedMilliCPU += sign * usage.milliCPU
        requestedMemory += sign * usage.memory
        nonZeroMilliCPU += sign * usage.nonZeroMilliCPU
        nonZeroMemory += sign * usage.nonZeroMemory
        podCount += Int(sign)
        for port in usage.hostPorts {
            hostPorts[port, default: 0] += Int(sign)
            if hostPorts[port] ?? 0 <= 0 { hostPorts[port] = nil }
        }
    }
}

/// The resources and host ports a pod takes on its node.
struct PodUsage: Equatable {
    var milliCPU: Int64 = 0
    var memory: Int64 = 0
    var nonZeroMilliCPU: Int64 = 0
    var nonZeroMemory: Int64 = 0
    var hostPorts: [String] = []

    static let defaultMilliCPU: Int64 = 100
    static let defaultMemory: Int64 = 200 * 1024 * 1024

    /// Containers' requests summed; each init container may raise the total to its own requests.
    init(_ pod: Pod) {
        for container in pod.spec?.containers ?? [] {
            let requests = container.resources?.requests ?? [:]
            let cpu = requests["cpu"]?.milliValue ?? 0
            let memory = requests["memory"]?.value ?? 0
            milliCPU += cpu
            self.memory += memory
            nonZeroMilliCPU += requests["cpu"] == nil ? Self.defaultMilliCPU : cpu
            nonZeroMemory += requests["memory"] == nil ? Self.defaultMemory : memory
            for port in container.ports ?? [] where (port.hostPort ?? 0) > 0 {
                hostPorts.append("\(port.protocol ?? "TCP")/\(port.hostPort ?? 0)")
            }
        }
        for container in pod.spec?.initContainers ?? [] {
            let requests = container.resources?.requests ?? [:]
            milliCPU = max(milliCPU, requests["cpu"]?.milliValue ?? 0)
            memory = max(memory, requests["memory"]?.value ?? 0)
        }
    }
}
