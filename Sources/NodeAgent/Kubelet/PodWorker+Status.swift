import KubernetesAPI
import Simulation

extension PodWorker {
    /// Posts the pod's phase, conditions and container statuses, as the status manager does.
    func writeStatus() {
        // A node cut off from the network cannot tell the API server anything.
        guard !halted, kubelet.isConnected else { return }
        let now = Timestamp.seconds(of: loop.now)
        let statuses = records.map { $0.status(runtime: kubelet.runtime) }.sorted { $0.name < $1.name }
        let allReady = records.allSatisfy(\.ready)
        let unready = records.filter { !$0.ready }.map(\.spec.name)
        let phase: PodPhase
        if records.contains(where: \.everStarted) {
            let done = records.allSatisfy { $0.terminated != nil }
            if restartPolicy != "Always", done {
                phase = records.allSatisfy { $0.terminated?.exitCode == 0 } ? .succeeded : .failed
            } else {
                phase = .running
            }
        } else {
            phase = .pending
        }
        let hostIP = kubelet.configuration.internalIP
        let ip = podIP
        _ = try? kubelet.client.modify(Pod.self, namespace: pod.namespace, name: pod.name, status: true) { (current: inout Pod) throws(APIError) in
            guard current.uid == self.uid else { return }
            var status = current.status ?? PodStatus()
            status.phase = phase
            status.hostIP = hostIP
            status.podIP = ip
            status.startTime = status.startTime ?? now
            status.qosClass = status.qosClass ?? "BestEffort"
            status.setCondition(PodCondition.initialized, .true, at: now)
            if allReady {
                status.setCondition(PodCondition.ready, .true, at: now)
            } else {
                status.setCondition(PodCondition.ready, .false, at: now, reason: "ContainersNotReady",
                                    message: "containers with unready status: [\(unready.joined(separator: " "))]")
            }
            status.setCondition(PodCondition.podScheduled, .true, at: now)
            status.conditions = status.conditions?.sorted { Self.conditionOrder($0.type) < Self.conditionOrder($1.type) }
            status.containerStatuses = statuses
            current.status = status
        }
    }

    static func conditionOrder(_ type: String) -> Int {
        switch type {
        case PodCondition.initialized: 0
        case PodCondition.ready: 1
        case PodCondition.podScheduled: 2
        default: 3
        }
    }
}
