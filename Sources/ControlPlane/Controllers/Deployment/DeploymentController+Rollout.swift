import KubernetesAPI
import Simulation

/// The two strategies (1.8's `rolling.go` and `recreate.go`).
extension DeploymentController {
    /// `rolloutRolling`: scale the new replica set up if the surge allows, else the old ones
    /// down if availability allows; trim the history once the rollout is complete.
    func rolloutRolling(_ deployment: Deployment, sets: [ReplicaSet]) {
        let (deployment, created, oldSets) = replicaSetsAndSyncRevision(deployment, sets: sets, create: true)
        guard var newSet = created else { return }
        if reconcileNewReplicaSet(newSet, old: oldSets, deployment: deployment) {
            newSet = refreshed(newSet)
            syncRolloutStatus(deployment, new: newSet, all: all(newSet, oldSets))
            return
        }
        let active = oldSets.filter { ($0.spec?.replicas ?? 0) > 0 }
        if reconcileOldReplicaSets(active, new: newSet, all: all(newSet, oldSets), deployment: deployment) {
            syncRolloutStatus(deployment, new: newSet, all: all(newSet, oldSets.map(refreshed)))
            return
        }
        if isComplete(deployment, deployment.status) { cleanUpHistory(deployment, oldSets: oldSets) }
        syncRolloutStatus(deployment, new: newSet, all: all(newSet, oldSets))
    }

    /// `reconcileNewReplicaSet`: down to the desired count, or up by what maxSurge allows.
    private func reconcileNewReplicaSet(_ newSet: ReplicaSet, old: [ReplicaSet], deployment: Deployment) -> Bool {
        let desired = Int(deployment.spec?.replicas ?? 1)
        let current = Int(newSet.spec?.replicas ?? 0)
        if current == desired { return false }
        if current > desired { return scale(newSet, to: desired, deployment: deployment) }
        let target = Self.newReplicas(for: deployment, all: all(newSet, old), newReplicas: current)
        return scale(newSet, to: target, deployment: deployment)
    }

    /// `reconcileOldReplicaSets`: first the old pods that are not available anyway, then as
    /// many available ones as keep the deployment above `replicas - maxUnavailable`.
    private func reconcileOldReplicaSets(_ oldSets: [ReplicaSet], new newSet: ReplicaSet, all sets: [ReplicaSet], deployment: Deployment) -> Bool {
        let oldPods = oldSets.reduce(0) { $0 + Int($1.spec?.replicas ?? 0) }
        guard oldPods > 0 else { return false }
        let allPods = sets.reduce(0) { $0 + Int($1.spec?.replicas ?? 0) }
        let minAvailable = Int(deployment.spec?.replicas ?? 1) - Self.maxUnavailable(of: deployment)
        let newUnavailable = Int(newSet.spec?.replicas ?? 0) - Int(newSet.status?.availableReplicas ?? 0)
        let maxScaledDown = allPods - minAvailable - newUnavailable
        guard maxScaledDown > 0 else { return false }
        var cleaned = 0
        var remaining: [ReplicaSet] = []
        for set in oldSets.sorted(by: Self.olderFirst) {
            let replicas = Int(set.spec?.replicas ?? 0), available = Int(set.status?.availableReplicas ?? 0)
            guard cleaned < maxScaledDown, replicas != available else {
                remaining.append(set)
                continue
            }
            let step = min(maxScaledDown - cleaned, replicas - available)
            // A status still counting pods the set no longer wants (it was just scaled down):
            // 1.8's `cleanupUnhealthyReplicas` refuses to "scale down" upwards and the sync
            // ends, to run again once the replica set's status has caught up.
            if step < 0 { return true }
            if step > 0, scale(set, to: replicas - step, deployment: deployment) {
                cleaned += step
                remaining.append(refreshed(set))
            } else {
                remaining.append(set)
            }
        }
        let scaledDown = scaleDownOldForRollingUpdate(remaining, all: [newSet] + remaining, deployment: deployment)
        return cleaned + scaledDown > 0
    }

    /// `scaleDownOldReplicaSetsForRollingUpdate`: only what is available above the minimum.
    private func scaleDownOldForRollingUpdate(_ oldSets: [ReplicaSet], all sets: [ReplicaSet], deployment: Deployment) -> Int {
        let minAvailable = Int(deployment.spec?.replicas ?? 1) - Self.maxUnavailable(of: deployment)
        let available = sets.reduce(0) { $0 + Int($1.status?.availableReplicas ?? 0) }
        guard available > minAvailable else { return 0 }
        let budget = available - minAvailable
        var scaled = 0
        for set in oldSets.sorted(by: Self.olderFirst) where scaled < budget {
            let replicas = Int(set.spec?.replicas ?? 0)
            guard replicas > 0 else { continue }
            let step = min(replicas, budget - scaled)
            if scale(set, to: replicas - step, deployment: deployment) { scaled += step }
        }
        return scaled
    }

    /// `rolloutRecreate`: every old replica set to zero, wait until their pods are gone, then
    /// the new replica set (created only now) straight to the desired count.
    func rolloutRecreate(_ deployment: Deployment, sets: [ReplicaSet]) {
        var (deployment, newSet, oldSets) = replicaSetsAndSyncRevision(deployment, sets: sets, create: false)
        var scaledDown = false
        for set in oldSets where (set.spec?.replicas ?? 0) > 0 {
            if scale(set, to: 0, deployment: deployment) { scaledDown = true }
        }
        if scaledDown {
            syncRolloutStatus(deployment, new: newSet, all: all(newSet, oldSets.map(refreshed)))
            return
        }
        let oldPodsRunning = oldSets.contains { set in
            pods.list(namespace: set.namespace).contains { pod in
                pod.metadata.controllerReference?.uid == set.uid && pod.status?.phase != .failed && pod.status?.phase != .succeeded
            }
        }
        if oldPodsRunning {
            syncRolloutStatus(deployment, new: newSet, all: all(newSet, oldSets))
            return
        }
        if newSet == nil {
            (deployment, newSet, oldSets) = replicaSetsAndSyncRevision(deployment, sets: sets, create: true)
        }
        if let set = newSet, scale(set, to: Int(deployment.spec?.replicas ?? 1), deployment: deployment) {
            newSet = refreshed(set)
        }
        if isComplete(deployment, deployment.status) { cleanUpHistory(deployment, oldSets: oldSets) }
        syncRolloutStatus(deployment, new: newSet, all: all(newSet, oldSets))
    }
}
