/// What the scheduler knows of one node: the node and the pods it already carries.
struct NodeInfo {
    var node: Node
    var requestedMilliCPU: Int64 = 0
    var requestedMemory: Int64 = 0
    /// Requests with the scoring defaults (100m, 200Mi) for containers that ask for nothing.
    var nonZeroMilliCPU: Int64 = 0
    var nonZeroMemory: Int64 = 0
    var podCount = 0
    var hostPorts: [String: Int] = [:]

    init(node: Node) {
        self.node = node
    }

    var allocatableMilliCPU: Int64 { allocatable("cpu")?.milliValue ?? 0 }
    var allocatableMemory: Int64 { allocatable("memory")?.value ?? 0 }
    var allowedPods: Int { Int(allocatable("pods")?.value ?? 110) }

    private func allocatable(_ name: String) -> Quantity? {
        node.status?.allocatable?[name] ?? node.status?.capacity?[name]
    }

    mutating func add(_ usage: PodUsage, sign: Int64 = 1) {
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
