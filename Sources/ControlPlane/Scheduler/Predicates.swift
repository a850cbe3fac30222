import KubernetesAPI

/// What the predicates and priorities read of the pod being placed, taken once per attempt
/// rather than once for every node looked at.
struct PodSchedulingFacts {
    let usage: PodUsage
    /// The node the pod asks for by name, if any.
    let requestedNode: String?
    let nodeSelector: [String: String]
    let tolerations: [Toleration]
    let isBestEffort: Bool

    init(_ pod: Pod) {
        usage = PodUsage(pod)
        let nodeName = pod.spec?.nodeName ?? ""
        requestedNode = nodeName.isEmpty ? nil : nodeName
        nodeSelector = pod.spec?.nodeSelector ?? [:]
        tolerations = pod.spec?.tolerations ?? []
        isBestEffort = pod.qosClass == "BestEffort"
    }
}

/// The filters a node must pass to take a pod (the 1.8 default predicates that apply here).
enum Predicates {
    /// The reasons the node cannot take the pod; empty when it can. Every predicate runs and
    /// all reasons count, as `podFitsOnNode` did in 1.7–1.8.
    static func failures(of pod: PodSchedulingFacts, on info: NodeInfo) -> [String] {
        var reasons: [String] = []
        let usage = pod.usage
        if info.podCount + 1 > info.allowedPods {
            reasons.append(PredicateFailure.insufficient("pods"))
        }
        if usage.milliCPU > 0 || usage.memory > 0 {
            if info.allocatableMilliCPU < usage.milliCPU + info.requestedMilliCPU {
                reasons.append(PredicateFailure.insufficient("cpu"))
            }
            if info.allocatableMemory < usage.memory + info.requestedMemory {
                reasons.append(PredicateFailure.insufficient("memory"))
            }
        }
        if let nodeName = pod.requestedNode, nodeName != info.name {
            reasons.append(PredicateFailure.hostName)
        }
        if !usage.hostPorts.isEmpty, usage.hostPorts.contains(where: { info.hostPorts[$0] != nil }) {
            reasons.append(PredicateFailure.hostPorts)
        }
        if !pod.nodeSelector.isEmpty {
            let labels = info.labels
            if !pod.nodeSelector.allSatisfy({ labels[$0.key] == $0.value }) {
                reasons.append(PredicateFailure.nodeSelector)
            }
        }
        if !info.taints.isEmpty {
            let tolerations = pod.tolerations
            let intolerable = info.taints.contains { taint in
                (taint.effect == "NoSchedule" || taint.effect == "NoExecute") && !tolerations.contains { $0.tolerates(taint) }
            }
            if intolerable { reasons.append(PredicateFailure.taints) }
        }
        if info.hasMemoryPressure, pod.isBestEffort { reasons.append(PredicateFailure.memoryPressure) }
        if info.hasDiskPressure { reasons.append(PredicateFailure.diskPressure) }
        return reasons
    }

    /// Nodes the 1.8 scheduler does not even consider: not Ready, out of disk, or cordoned.
    static func isSchedulable(_ node: Node) -> Bool {
        if node.spec?.unschedulable == true { return false }
        guard node.isReady else { return false }
        if node.status?.condition(NodeCondition.outOfDisk)?.status == .true { return false }
        return true
    }
}

/// The 1.8 default priorities that apply here, each scoring 0–10.
enum Priorities {
    /// LeastRequestedPriority + BalancedResourceAllocation + SelectorSpreadPriority + TaintTolerationPriority.
    static func score(usage: PodUsage, on info: NodeInfo, sameOwnerCount: Int, maxSameOwnerCount: Int, tolerations: [Toleration]) -> Int64 {
        let cpuCapacity = info.allocatableMilliCPU
        let memoryCapacity = info.allocatableMemory
        let cpuRequested = info.nonZeroMilliCPU + usage.nonZeroMilliCPU
        let memoryRequested = info.nonZeroMemory + usage.nonZeroMemory
        func leastRequested(_ requested: Int64, _ capacity: Int64) -> Int64 {
            guard capacity > 0, requested <= capacity else { return 0 }
            return (capacity - requested) * 10 / capacity
        }
        let least = (leastRequested(cpuRequested, cpuCapacity) + leastRequested(memoryRequested, memoryCapacity)) / 2
        var balanced: Int64 = 0
        if cpuCapacity > 0, memoryCapacity > 0 {
            let cpuFraction = Double(cpuRequested) / Double(cpuCapacity)
            let memoryFraction = Double(memoryRequested) / Double(memoryCapacity)
            if cpuFraction < 1, memoryFraction < 1 {
                balanced = Int64(10 - abs(cpuFraction - memoryFraction) * 10)
            }
        }
        var spread: Int64 = 10
        if maxSameOwnerCount > 0 {
            spread = Int64(10 * (maxSameOwnerCount - sameOwnerCount) / maxSameOwnerCount)
        }
        let intolerable = info.taints.contains { taint in
            taint.effect == "PreferNoSchedule" && !tolerations.contains { $0.tolerates(taint) }
        }
        let taintScore: Int64 = intolerable ? 0 : 10
        return least + balanced + spread + taintScore
    }
}
