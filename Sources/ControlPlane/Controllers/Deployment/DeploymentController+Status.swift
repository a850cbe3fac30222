import KubernetesAPI
import Formatting
import Simulation

/// Status and conditions (1.8's `progress.go` and `deploymentutil`): counts from the replica
/// sets, `Available`, and `Progressing` with its deadline.
extension DeploymentController {
    /// `calculateStatus`: the counts, and `Available` against `replicas - maxUnavailable`.
    func calculateStatus(_ deployment: Deployment, new: ReplicaSet?, all sets: [ReplicaSet]) -> DeploymentStatus {
        func sum(_ value: (ReplicaSet) -> Int32?) -> Int { sets.reduce(0) { $0 + Int(value($1) ?? 0) } }
        let available = sum { $0.status?.availableReplicas }
        let total = sum { $0.spec?.replicas }
        var status = deployment.status ?? DeploymentStatus()
        status.observedGeneration = deployment.metadata.generation
        status.replicas = Self.optional(sum { $0.status?.replicas })
        status.updatedReplicas = Self.optional(Int(new?.status?.replicas ?? 0))
        status.readyReplicas = Self.optional(sum { $0.status?.readyReplicas })
        status.availableReplicas = Self.optional(available)
        status.unavailableReplicas = Self.optional(max(0, total - available))
        let desired = Int(deployment.spec?.replicas ?? 1)
        if available >= desired - Self.maxUnavailable(of: deployment) {
            setCondition(&status, "Available", .true, "MinimumReplicasAvailable", "Deployment has minimum availability.")
        } else {
            setCondition(&status, "Available", .false, "MinimumReplicasUnavailable", "Deployment does not have minimum availability.")
        }
        return status
    }

    /// Counts the API leaves out when zero (`omitempty`).
    private static func optional(_ value: Int) -> Int32? {
        value == 0 ? nil : Int32(clamping: value)
    }

    /// `syncDeploymentStatus`: the counts only (a paused deployment).
    func syncDeploymentStatus(_ deployment: Deployment, new: ReplicaSet?, all sets: [ReplicaSet]) {
        let status = calculateStatus(deployment, new: new, all: sets)
        guard status != deployment.status else { return }
        _ = writeStatus(deployment, status)
    }

    /// `syncRolloutStatus`: the counts, and whether the rollout completed, progressed since the
    /// last look, or went longer than `progressDeadlineSeconds` without progress.
    func syncRolloutStatus(_ deployment: Deployment, new: ReplicaSet?, all sets: [ReplicaSet]) {
        var status = calculateStatus(deployment, new: new, all: sets)
        let current = condition("Progressing", in: deployment.status)
        if deployment.spec?.progressDeadlineSeconds == nil {
            status.conditions?.removeAll { $0.type == "Progressing" }
        }
        let completeBefore = (status.replicas ?? 0) == (status.updatedReplicas ?? 0) && current?.reason == "NewReplicaSetAvailable"
        if deployment.spec?.progressDeadlineSeconds != nil, !completeBefore {
            let setName = new.map { "ReplicaSet \(goQuoted($0.name))" } ?? "Deployment \(goQuoted(deployment.name))"
            if isComplete(deployment, status) {
                setCondition(&status, "Progressing", .true, "NewReplicaSetAvailable", "\(setName) has successfully progressed.")
            } else if isProgressing(deployment, status) {
                // Progress refreshes lastUpdateTime even with the same reason; the transition
                // time stays while the status stays True.
                var condition = DeploymentCondition(type: "Progressing", status: .true, lastUpdateTime: now, lastTransitionTime: now,
                                                    reason: "ReplicaSetUpdated", message: "\(setName) is progressing.")
                if let current, current.status == .true { condition.lastTransitionTime = current.lastTransitionTime }
                status.conditions = (status.conditions ?? []).filter { $0.type != "Progressing" } + [condition]
            } else if hasTimedOut(deployment, status) {
                setCondition(&status, "Progressing", .false, "ProgressDeadlineExceeded", "\(setName) has timed out progressing.")
            }
        }
        if status == deployment.status {
            requeueIfStuck(deployment, status)
            return
        }
        _ = writeStatus(deployment, status)
    }

    /// `DeploymentComplete`: every replica updated and available, no old ones, generation observed.
    func isComplete(_ deployment: Deployment, _ status: DeploymentStatus?) -> Bool {
        let desired = Int(deployment.spec?.replicas ?? 1)
        return Int(status?.updatedReplicas ?? 0) == desired && Int(status?.replicas ?? 0) == desired
            && Int(status?.availableReplicas ?? 0) == desired
            && (status?.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0)
    }

    /// `DeploymentProgressing`: more updated, ready or available pods, or fewer old ones.
    private func isProgressing(_ deployment: Deployment, _ status: DeploymentStatus) -> Bool {
        let old = deployment.status
        func value(_ number: Int32?) -> Int { Int(number ?? 0) }
        let oldOld = value(old?.replicas) - value(old?.updatedReplicas)
        let newOld = value(status.replicas) - value(status.updatedReplicas)
        return value(status.updatedReplicas) > value(old?.updatedReplicas) || newOld < oldOld
            || value(status.readyReplicas) > value(old?.readyReplicas) || value(status.availableReplicas) > value(old?.availableReplicas)
    }

    /// `DeploymentTimedOut`: the last progress is older than the deadline.
    private func hasTimedOut(_ deployment: Deployment, _ status: DeploymentStatus) -> Bool {
        guard let deadline = deployment.spec?.progressDeadlineSeconds, let condition = condition("Progressing", in: status) else { return false }
        if condition.reason == "ProgressDeadlineExceeded" { return true }
        guard let from = condition.lastUpdateTime?.instant else { return false }
        return from + .seconds(Int64(deadline)) < loop.now
    }

    /// `requeueStuckDeployment`: look again when the deadline passes, if nothing happens before.
    private func requeueIfStuck(_ deployment: Deployment, _ status: DeploymentStatus) {
        guard let deadline = deployment.spec?.progressDeadlineSeconds, let current = condition("Progressing", in: deployment.status),
              !isComplete(deployment, status), current.reason != "ProgressDeadlineExceeded",
              let from = current.lastUpdateTime?.instant else { return }
        let key = ObjectKey.make(namespace: deployment.namespace, name: deployment.name)
        let after = from + .seconds(Int64(deadline)) - loop.now
        queue.add(key, after: after < .seconds(1) ? .seconds(1) : after + .seconds(1))
    }

    /// `checkPausedConditions`: Progressing `Unknown` while paused (`DeploymentPaused`) and
    /// after a resume (`DeploymentResumed`), unless the rollout already timed out.
    func checkPausedConditions(_ deployment: Deployment) -> Deployment {
        guard deployment.spec?.progressDeadlineSeconds != nil else { return deployment }
        let current = condition("Progressing", in: deployment.status)
        guard current?.reason != "ProgressDeadlineExceeded" else { return deployment }
        let pausedBefore = current?.reason == "DeploymentPaused"
        var status = deployment.status ?? DeploymentStatus()
        if deployment.spec?.paused == true, !pausedBefore {
            setCondition(&status, "Progressing", .unknown, "DeploymentPaused", "Deployment is paused")
        } else if deployment.spec?.paused != true, pausedBefore {
            setCondition(&status, "Progressing", .unknown, "DeploymentResumed", "Deployment is resumed")
        } else {
            return deployment
        }
        return writeStatus(deployment, status)
    }

    // MARK: Conditions

    var now: Timestamp { Timestamp.seconds(of: loop.now) }

    func condition(_ type: String, in status: DeploymentStatus?) -> DeploymentCondition? {
        status?.conditions?.first { $0.type == type }
    }

    /// `SetDeploymentCondition`: nothing when status and reason are the same; otherwise the
    /// condition goes to the end, keeping its transition time when its status stays.
    func setCondition(_ status: inout DeploymentStatus, _ type: String, _ value: ConditionStatus, _ reason: String, _ message: String) {
        let current = condition(type, in: status)
        if let current, current.status == value, current.reason == reason { return }
        var condition = DeploymentCondition(type: type, status: value, lastUpdateTime: now, lastTransitionTime: now, reason: reason, message: message)
        if let current, current.status == value { condition.lastTransitionTime = current.lastTransitionTime }
        status.conditions = (status.conditions ?? []).filter { $0.type != type } + [condition]
    }

    /// Writes the status; the deployment as stored afterwards (unchanged on failure).
    func writeStatus(_ deployment: Deployment, _ status: DeploymentStatus) -> Deployment {
        (try? client.modify(Deployment.self, namespace: deployment.namespace, name: deployment.name, status: true) { (current: inout Deployment) throws(APIError) in
            current.status = status
        }) ?? deployment
    }
}
