import KubernetesAPI

/// Scaling a deployment while it rolls out (1.8's `isScalingEvent`, `sync` and `scale` in
/// `sync.go`): the new replicas are shared among the active replica sets in proportion to
/// their size, so a rollout keeps its ratio of old to new pods.
extension DeploymentController {
    /// `isScalingEvent`: an active replica set was sized for another replica count than the
    /// deployment's (its desired-replicas annotation).
    func isScalingEvent(_ deployment: Deployment, sets: [ReplicaSet]) -> Bool {
        let (deployment, newSet, oldSets) = replicaSetsAndSyncRevision(deployment, sets: sets, create: false)
        let desired = String(deployment.spec?.replicas ?? 1)
        return Self.active(all(newSet, oldSets)).contains { set in
            guard let annotated = set.metadata.annotations?[Self.desiredReplicasAnnotation], Int32(annotated) != nil else { return false }
            return annotated != desired
        }
    }

    /// `sync`, for a scaling event or a paused deployment: scale, trim the history when
    /// paused, report status; no rollout step.
    func syncScaling(_ deployment: Deployment, sets: [ReplicaSet]) {
        let (deployment, newSet, oldSets) = replicaSetsAndSyncRevision(deployment, sets: sets, create: false)
        scaleProportionally(deployment, new: newSet, old: oldSets)
        if deployment.spec?.paused == true, deployment.spec?.rollbackTo == nil { cleanUpHistory(deployment, oldSets: oldSets) }
        syncDeploymentStatus(deployment, new: newSet.map(refreshed), all: all(newSet, oldSets).map(refreshed))
    }

    /// `scale`: a lone active (or the newest) replica set takes the whole count; a saturated
    /// new one sends the old ones to zero; otherwise, in a rolling update, what the count
    /// plus maxSurge allows beyond the current pods is shared out by size, the rounding
    /// leftover going to the first in line (the largest, newest first when growing, oldest
    /// first when shrinking).
    func scaleProportionally(_ deployment: Deployment, new newSet: ReplicaSet?, old oldSets: [ReplicaSet]) {
        let desired = Int(deployment.spec?.replicas ?? 1)
        if let only = Self.activeOrLatest(newSet, oldSets) {
            if Int(only.spec?.replicas ?? 0) != desired { scale(only, to: desired, deployment: deployment) }
            return
        }
        if let newSet, Self.isSaturated(deployment, newSet) {
            for set in Self.active(oldSets) { scale(set, to: 0, deployment: deployment) }
            return
        }
        guard deployment.spec?.strategy?.type != "Recreate" else { return }
        var sets = Self.active(all(newSet, oldSets))
        let current = sets.reduce(0) { $0 + Int($1.spec?.replicas ?? 0) }
        let allowed = desired > 0 ? desired + Self.maxSurge(of: deployment) : 0
        let toAdd = allowed - current
        let operation: String
        if toAdd > 0 {
            sets.sort { Self.larger($0, $1, newerFirst: true) }
            operation = "up"
        } else if toAdd < 0 {
            sets.sort { Self.larger($0, $1, newerFirst: false) }
            operation = "down"
        } else {
            operation = ""
        }
        var added = 0
        var sizes: [Int] = []
        for set in sets {
            let replicas = Int(set.spec?.replicas ?? 0)
            let share = toAdd == 0 ? 0 : Self.proportion(of: set, deployment, toAdd: toAdd, added: added)
            sizes.append(replicas + share)
            added += share
        }
        for (index, set) in sets.enumerated() {
            var size = sizes[index]
            if index == 0, toAdd != 0 { size = max(0, size + toAdd - added) }
            scale(set, to: size, deployment: deployment, direction: operation)
        }
    }

    static func active(_ sets: [ReplicaSet]) -> [ReplicaSet] {
        sets.filter { ($0.spec?.replicas ?? 0) > 0 }
    }

    /// `FindActiveOrLatest`: the only active replica set; with none, the new one or else the
    /// newest old one; nil when several are active.
    static func activeOrLatest(_ newSet: ReplicaSet?, _ oldSets: [ReplicaSet]) -> ReplicaSet? {
        let newestFirst = oldSets.sorted { olderFirst($1, $0) }
        let active = active(newestFirst + (newSet.map { [$0] } ?? []))
        switch active.count {
        case 0: return newSet ?? newestFirst.first
        case 1: return active[0]
        default: return nil
        }
    }

    /// `IsSaturated`: the new replica set runs the whole count, sized for it, all available.
    static func isSaturated(_ deployment: Deployment, _ set: ReplicaSet) -> Bool {
        let desired = deployment.spec?.replicas ?? 1
        guard let annotated = set.metadata.annotations?[desiredReplicasAnnotation].flatMap({ Int32($0) }) else { return false }
        return set.spec?.replicas == desired && annotated == desired && (set.status?.availableReplicas ?? 0) == desired
    }

    /// `ReplicaSetsBySizeNewer`/`Older`: larger first; equal sizes newer (or older) first.
    static func larger(_ lhs: ReplicaSet, _ rhs: ReplicaSet, newerFirst: Bool) -> Bool {
        let left = lhs.spec?.replicas ?? 0, right = rhs.spec?.replicas ?? 0
        guard left == right else { return left > right }
        return newerFirst ? olderFirst(rhs, lhs) : olderFirst(lhs, rhs)
    }

    /// `GetProportion`: the set's share of `toAdd`, never past what is left to add (or remove).
    static func proportion(of set: ReplicaSet, _ deployment: Deployment, toAdd: Int, added: Int) -> Int {
        let replicas = Int(set.spec?.replicas ?? 0)
        guard replicas != 0, toAdd != 0, toAdd != added else { return 0 }
        let fraction = fraction(of: set, deployment)
        let allowed = toAdd - added
        return toAdd > 0 ? min(fraction, allowed) : max(fraction, allowed)
    }

    /// `getReplicaSetFraction`: the set's size scaled from the total it was sized for (its
    /// max-replicas annotation, else the deployment's pods) to the new total, rounded half up.
    static func fraction(of set: ReplicaSet, _ deployment: Deployment) -> Int {
        let replicas = Int(set.spec?.replicas ?? 0)
        let desired = Int(deployment.spec?.replicas ?? 1)
        if desired == 0 { return -replicas }
        let total = desired + maxSurge(of: deployment)
        let annotated = set.metadata.annotations?[maxReplicasAnnotation].flatMap { Int32($0) }.map(Int.init)
            ?? Int(deployment.status?.replicas ?? 0)
        // 1.8 never scales from a zero total (Go would divide by zero); such a set gets no share.
        guard annotated > 0 else { return 0 }
        let size = Double(replicas * total) / Double(annotated)
        return Int((size + 0.5).rounded(.down)) - replicas
    }
}
