import KubernetesAPI
import Formatting
import Simulation

/// Finding and creating the new replica set, revisions, scaling and history (1.8's `sync.go`).
extension DeploymentController {
    /// `getAllReplicaSetsAndSyncRevision`: the new replica set (created when `create` and
    /// missing) with its revision bumped past the old ones, and the deployment as written back.
    func replicaSetsAndSyncRevision(_ deployment: Deployment, sets: [ReplicaSet], create: Bool)
        -> (deployment: Deployment, new: ReplicaSet?, old: [ReplicaSet]) {
        let template = deployment.spec?.template
        let existing = sets.filter { PodTemplateHash.stripped($0.spec?.template) == template }.sorted(by: Self.olderFirst).first
        let oldSets = sets.filter { $0.uid != existing?.uid }
        let newRevision = (oldSets.map(Self.revision(of:)).max() ?? 0) + 1
        var deployment = deployment
        var newSet: ReplicaSet?
        if let existing {
            newSet = syncRevision(of: existing, to: newRevision, deployment: deployment)
            if deployment.spec?.progressDeadlineSeconds != nil, condition("Progressing", in: deployment.status) == nil {
                var status = deployment.status ?? DeploymentStatus()
                setCondition(&status, "Progressing", .true, "FoundNewReplicaSet", "Found new replica set \(goQuoted(existing.name))")
                deployment = writeStatus(deployment, status)
            }
        } else if create {
            newSet = createReplicaSet(for: &deployment, oldSets: oldSets, revision: newRevision)
        }
        if newSet != nil, deployment.metadata.annotations?[Self.revisionAnnotation] != String(newRevision) {
            if let updated = try? client.modify(Deployment.self, namespace: deployment.namespace, name: deployment.name, { (current: inout Deployment) throws(APIError) in
                var annotations = current.metadata.annotations ?? [:]
                annotations[Self.revisionAnnotation] = String(newRevision)
                current.metadata.annotations = annotations
            }) {
                deployment = updated
            }
        }
        return (deployment, newSet, oldSets)
    }

    /// `SetNewReplicaSetAnnotations` on an existing new replica set: the deployment's shared
    /// annotations, and its revision moved up (the old number kept in the revision history);
    /// not its replica counts, which only an existing set's scaling changes.
    private func syncRevision(of set: ReplicaSet, to revision: Int64, deployment: Deployment) -> ReplicaSet {
        var annotations = set.metadata.annotations ?? [:]
        copySharedAnnotations(from: deployment, into: &annotations)
        let old = Self.revision(of: set)
        if old < revision {
            if let oldText = set.metadata.annotations?[Self.revisionAnnotation], !oldText.isEmpty {
                let history = annotations[Self.revisionHistoryAnnotation].map { $0 + "," } ?? ""
                annotations[Self.revisionHistoryAnnotation] = history + oldText
            }
            annotations[Self.revisionAnnotation] = String(revision)
        }
        // The replica-count annotations are left to scaling: they tell a scaling event apart.
        guard annotations != (set.metadata.annotations ?? [:]) else { return set }
        return (try? client.modify(ReplicaSet.self, namespace: set.namespace, name: set.name) { (current: inout ReplicaSet) throws(APIError) in
            current.metadata.annotations = annotations
        }) ?? set
    }

    func copySharedAnnotations(from deployment: Deployment, into annotations: inout [String: String]) {
        for (key, value) in deployment.metadata.annotations ?? [:] where !Self.unsharedAnnotations.contains(key) {
            annotations[key] = value
        }
    }

    /// A new replica set for the template, created at the size the strategy allows right away
    /// (`NewRSNewReplicas`), with the Progressing condition `NewReplicaSetCreated`.
    private func createReplicaSet(for deployment: inout Deployment, oldSets: [ReplicaSet], revision: Int64) -> ReplicaSet? {
        guard let spec = deployment.spec else { return nil }
        let hash = PodTemplateHash.compute(spec.template, collisionCount: deployment.status?.collisionCount.map(Int.init))
        var template = spec.template ?? PodTemplateSpec()
        var templateMetadata = template.metadata ?? ObjectMeta()
        templateMetadata.labels = (templateMetadata.labels ?? [:]).merging([PodTemplateHash.label: hash]) { _, new in new }
        template.metadata = templateMetadata
        var selector = spec.selector ?? LabelSelector()
        selector.matchLabels[PodTemplateHash.label] = hash
        let desired = Int(spec.replicas ?? 1)
        var annotations: [String: String] = [:]
        copySharedAnnotations(from: deployment, into: &annotations)
        annotations[Self.revisionAnnotation] = String(revision)
        annotations[Self.desiredReplicasAnnotation] = String(desired)
        annotations[Self.maxReplicasAnnotation] = String(desired + Self.maxSurge(of: deployment))
        let replicas = Self.newReplicas(for: deployment, all: oldSets, newReplicas: 0)
        var replicaSet = ReplicaSet(
            apiVersion: Self.replicaSetAPIVersion(for: deployment),
            metadata: ObjectMeta(
                name: deployment.name + "-" + PodTemplateHash.safeEncode(hash), namespace: deployment.namespace, labels: templateMetadata.labels,
                annotations: annotations, ownerReferences: [Self.controllerReference(to: deployment)]),
            spec: ReplicaSetSpec(replicas: Int32(clamping: replicas), selector: selector, template: template))
        replicaSet.spec?.minReadySeconds = spec.minReadySeconds
        let created: ReplicaSet
        do {
            created = try client.create(replicaSet)
        } catch where error.reason == .alreadyExists {
            return replicaSets.get(namespace: deployment.namespace, name: replicaSet.name)
        } catch {
            return nil
        }
        if replicas > 0 {
            recorder.record(deployment, reason: "ScalingReplicaSet", message: "Scaled up replica set \(created.name) to \(replicas)")
        }
        if spec.progressDeadlineSeconds != nil {
            var status = deployment.status ?? DeploymentStatus()
            setCondition(&status, "Progressing", .true, "NewReplicaSetCreated", "Created new replica set \(goQuoted(created.name))")
            deployment = writeStatus(deployment, status)
        }
        return created
    }

    /// `NewRSNewReplicas`: Recreate goes straight to the desired count; a rolling update adds
    /// as many as maxSurge leaves room for, never past the desired count.
    static func newReplicas(for deployment: Deployment, all sets: [ReplicaSet], newReplicas current: Int) -> Int {
        let desired = Int(deployment.spec?.replicas ?? 1)
        guard deployment.spec?.strategy?.type != "Recreate" else { return desired }
        let total = sets.reduce(0) { $0 + Int($1.spec?.replicas ?? 0) }
        let maxTotal = desired + maxSurge(of: deployment)
        guard total < maxTotal else { return current }
        return current + min(maxTotal - total, desired - current)
    }

    /// Scales a replica set and records `Scaled up/down replica set …` (`scaleReplicaSetAndRecordEvent`).
    @discardableResult
    /// `direction` is the word the event uses (proportional scaling names the whole operation's).
    func scale(_ set: ReplicaSet, to replicas: Int, deployment: Deployment, direction: String? = nil) -> Bool {
        let before = Int(set.spec?.replicas ?? 0)
        let desired = Int(deployment.spec?.replicas ?? 1)
        let desiredText = String(desired), maxText = String(desired + Self.maxSurge(of: deployment))
        let annotations = set.metadata.annotations ?? [:]
        guard before != replicas || annotations[Self.desiredReplicasAnnotation] != desiredText || annotations[Self.maxReplicasAnnotation] != maxText else {
            return false
        }
        let updated = try? client.modify(ReplicaSet.self, namespace: set.namespace, name: set.name) { (current: inout ReplicaSet) throws(APIError) in
            current.spec?.replicas = Int32(clamping: replicas)
            var annotations = current.metadata.annotations ?? [:]
            annotations[Self.desiredReplicasAnnotation] = desiredText
            annotations[Self.maxReplicasAnnotation] = maxText
            current.metadata.annotations = annotations
        }
        guard updated != nil, before != replicas else { return false }
        let direction = direction ?? (replicas > before ? "up" : "down")
        recorder.record(deployment, reason: "ScalingReplicaSet", message: "Scaled \(direction) replica set \(set.name) to \(replicas)")
        return true
    }

    /// `cleanupDeployment`: old replica sets beyond `revisionHistoryLimit` that run nothing
    /// are deleted, oldest first.
    func cleanUpHistory(_ deployment: Deployment, oldSets: [ReplicaSet]) {
        guard let limit = deployment.spec?.revisionHistoryLimit.map(Int.init) else { return }
        let cleanable = oldSets.filter { $0.metadata.deletionTimestamp == nil }.sorted(by: Self.olderFirst)
        let excess = cleanable.count - limit
        guard excess > 0 else { return }
        for set in cleanable.prefix(excess) {
            guard (set.status?.replicas ?? 0) == 0, (set.spec?.replicas ?? 0) == 0,
                  (set.metadata.generation ?? 0) <= (set.status?.observedGeneration ?? 0) else { continue }
            _ = try? client.delete(ReplicaSet.self, namespace: set.namespace, name: set.name, options: DeleteOptions(propagationPolicy: .background))
        }
    }

    // MARK: Fenceposts

    /// `ResolveFenceposts`: maxSurge rounds up, maxUnavailable down; both zero allows one unavailable.
    static func fenceposts(of deployment: Deployment) -> (surge: Int, unavailable: Int) {
        let desired = Int(deployment.spec?.replicas ?? 1)
        let rolling = deployment.spec?.strategy?.rollingUpdate
        let surge = rolling?.maxSurge?.scaledValue(total: desired, roundUp: true) ?? 0
        var unavailable = rolling?.maxUnavailable?.scaledValue(total: desired, roundUp: false) ?? 0
        if surge == 0, unavailable == 0 { unavailable = 1 }
        return (surge, unavailable)
    }

    static func maxSurge(of deployment: Deployment) -> Int {
        guard deployment.spec?.strategy?.type != "Recreate" else { return 0 }
        return fenceposts(of: deployment).surge
    }

    /// `MaxUnavailable`: zero for Recreate and for zero replicas, never more than the replicas.
    static func maxUnavailable(of deployment: Deployment) -> Int {
        let desired = Int(deployment.spec?.replicas ?? 1)
        guard deployment.spec?.strategy?.type != "Recreate", desired > 0 else { return 0 }
        return min(fenceposts(of: deployment).unavailable, desired)
    }
}
