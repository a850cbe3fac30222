import Formatting
import KubernetesAPI
import Simulation

/// Runs deployments through replica sets (`pkg/controller/deployment`): one replica set per
/// template, named `<deployment>-<pod-template-hash>`; rolling updates scale the new one up and
/// the old ones down within maxSurge/maxUnavailable; Recreate scales old ones to zero first.
/// Deployments and replica sets are read from the shared informers' listers.
public final class DeploymentController: Controller {
    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
    static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"

    private let client: any KubernetesClient
    private let loop: EventLoop
    private let recorder: EventRecorder
    private let deployments: SharedInformer<Deployment>
    private let replicaSets: SharedInformer<ReplicaSet>
    private lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.sync(key) }
    private var handlers: [WatchHandle] = []

    public init(context: ControllerContext) {
        self.client = context.client
        self.loop = context.loop
        self.deployments = context.informers.informer(for: Deployment.self)
        self.replicaSets = context.informers.informer(for: ReplicaSet.self)
        self.recorder = EventRecorder(client: client, loop: loop, component: "deployment-controller")
    }

    public func start() throws(APIError) {
        handlers.append(try deployments.addEventHandler { [weak self] event in
            guard event.type != .deleted else { return }
            self?.queue.add(ObjectKey.make(namespace: event.object.namespace, name: event.object.name))
        })
        handlers.append(try replicaSets.addEventHandler { [weak self] event in
            guard let reference = event.object.metadata.controllerReference, reference.kind == "Deployment" else { return }
            self?.queue.add(ObjectKey.make(namespace: event.object.namespace, name: reference.name))
        })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
    }

    // MARK: Reconcile

    private func sync(_ key: String) {
        let (namespace, name) = ObjectKey.split(key)
        guard let deployment = deployments.get(namespace: namespace, name: name),
              deployment.metadata.deletionTimestamp == nil, let spec = deployment.spec else { return }
        let selector = deployment.podSelector
        guard !selector.isEmpty else { return }
        var sets: [ReplicaSet] = []
        for replicaSet in replicaSets.list(namespace: namespace) {
            if let reference = replicaSet.metadata.controllerReference {
                if reference.uid == deployment.uid { sets.append(replicaSet) }
            } else if selector.matches(replicaSet.spec?.template?.metadata?.labels ?? [:]), replicaSet.metadata.deletionTimestamp == nil {
                if let adopted = try? client.modify(ReplicaSet.self, namespace: namespace, name: replicaSet.name, { (current: inout ReplicaSet) throws(APIError) in
                    current.metadata.ownerReferences = (current.metadata.ownerReferences ?? []) + [Self.controllerReference(to: deployment)]
                }) {
                    sets.append(adopted)
                }
            }
        }
        let template = spec.template
        var newSet = sets.first { PodTemplateHash.stripped($0.spec?.template) == template }
        let oldSets = sets.filter { $0.uid != newSet?.uid }
        if spec.paused == true {
            updateStatus(deployment, new: newSet, all: sets)
            return
        }
        if newSet == nil {
            newSet = createReplicaSet(for: deployment, oldSets: oldSets)
        }
        guard let current = newSet else { return }
        let desired = Int(spec.replicas ?? 1)
        if spec.strategy?.type == "Recreate" {
            recreate(deployment, new: current, old: oldSets, desired: desired)
        } else {
            rollingUpdate(deployment, new: current, old: oldSets, desired: desired)
        }
        let refreshed = replicaSets.list(controlledBy: deployment.uid).filter { $0.namespace == namespace }
        cleanUpHistory(deployment, sets: refreshed, newUID: current.uid)
        updateStatus(deployment, new: refreshed.first { $0.uid == current.uid }, all: refreshed)
    }

    private func createReplicaSet(for deployment: Deployment, oldSets: [ReplicaSet]) -> ReplicaSet? {
        guard let spec = deployment.spec else { return nil }
        let hash = PodTemplateHash.compute(spec.template, collisionCount: deployment.status?.collisionCount.map(Int.init))
        var template = spec.template ?? PodTemplateSpec()
        var templateMetadata = template.metadata ?? ObjectMeta()
        templateMetadata.labels = (templateMetadata.labels ?? [:]).merging([PodTemplateHash.label: hash]) { _, new in new }
        template.metadata = templateMetadata
        var selector = spec.selector ?? LabelSelector()
        selector.matchLabels[PodTemplateHash.label] = hash
        let revision = (oldSets.compactMap { Int($0.metadata.annotations?[Self.revisionAnnotation] ?? "") }.max() ?? 0) + 1
        let desired = Int(spec.replicas ?? 1)
        let surge = Self.maxSurge(of: deployment, desired: desired)
        var annotations = deployment.metadata.annotations ?? [:]
        annotations[Self.revisionAnnotation] = String(revision)
        annotations[Self.desiredReplicasAnnotation] = String(desired)
        annotations[Self.maxReplicasAnnotation] = String(desired + surge)
        let initialReplicas = oldSets.contains { ($0.spec?.replicas ?? 0) > 0 } ? 0 : desired
        var replicaSet = ReplicaSet(
            apiVersion: Self.replicaSetAPIVersion(for: deployment),
            metadata: ObjectMeta(
                name: deployment.name + "-" + hash, namespace: deployment.namespace, labels: templateMetadata.labels,
                annotations: annotations, ownerReferences: [Self.controllerReference(to: deployment)]),
            spec: ReplicaSetSpec(replicas: Int32(clamping: initialReplicas), selector: selector, template: template))
        replicaSet.spec?.minReadySeconds = spec.minReadySeconds
        do {
            let created = try client.create(replicaSet)
            recorder.record(deployment, reason: "ScalingReplicaSet", message: "Scaled up replica set \(created.name) to \(initialReplicas)")
            _ = try? client.modify(Deployment.self, namespace: deployment.namespace, name: deployment.name) { (current: inout Deployment) throws(APIError) in
                var annotations = current.metadata.annotations ?? [:]
                annotations[Self.revisionAnnotation] = String(revision)
                current.metadata.annotations = annotations
            }
            return created
        } catch where error.reason == .alreadyExists {
            return replicaSets.get(namespace: deployment.namespace, name: replicaSet.name)
        } catch {
            return nil
        }
    }

    private func rollingUpdate(_ deployment: Deployment, new: ReplicaSet, old: [ReplicaSet], desired: Int) {
        let surge = Self.maxSurge(of: deployment, desired: desired)
        let unavailable = Self.maxUnavailable(of: deployment, desired: desired)
        let all = [new] + old
        let total = all.reduce(0) { $0 + Int($1.spec?.replicas ?? 0) }
        var newReplicas = Int(new.spec?.replicas ?? 0)
        if newReplicas < desired {
            let room = desired + surge - total
            let step = min(room, desired - newReplicas)
            if step > 0 {
                newReplicas += step
                scale(new, to: newReplicas, deployment: deployment)
            }
        } else if newReplicas > desired {
            newReplicas = desired
            scale(new, to: desired, deployment: deployment)
        }
        // Old sets shrink only as far as availability allows (`reconcileOldReplicaSets`).
        let minAvailable = desired - unavailable
        let newUnavailable = max(0, newReplicas - Int(new.status?.availableReplicas ?? 0))
        let totalNow = old.reduce(newReplicas) { $0 + Int($1.spec?.replicas ?? 0) }
        var budget = max(0, totalNow - minAvailable - newUnavailable)
        for set in old.sorted(by: Self.olderFirst) where budget > 0 {
            let replicas = Int(set.spec?.replicas ?? 0)
            guard replicas > 0 else { continue }
            let step = min(replicas, budget)
            scale(set, to: replicas - step, deployment: deployment)
            budget -= step
        }
    }

    private func recreate(_ deployment: Deployment, new: ReplicaSet, old: [ReplicaSet], desired: Int) {
        var oldRunning = false
        for set in old where (set.spec?.replicas ?? 0) > 0 || (set.status?.replicas ?? 0) > 0 {
            oldRunning = true
            if (set.spec?.replicas ?? 0) > 0 { scale(set, to: 0, deployment: deployment) }
        }
        if !oldRunning, Int(new.spec?.replicas ?? 0) != desired {
            scale(new, to: desired, deployment: deployment)
        }
    }

    private func scale(_ set: ReplicaSet, to replicas: Int, deployment: Deployment) {
        let before = Int(set.spec?.replicas ?? 0)
        guard before != replicas else { return }
        let desired = Int(deployment.spec?.replicas ?? 1)
        let surge = Self.maxSurge(of: deployment, desired: desired)
        let updated = try? client.modify(ReplicaSet.self, namespace: set.namespace, name: set.name) { (current: inout ReplicaSet) throws(APIError) in
            current.spec?.replicas = Int32(clamping: replicas)
            var annotations = current.metadata.annotations ?? [:]
            annotations[Self.desiredReplicasAnnotation] = String(desired)
            annotations[Self.maxReplicasAnnotation] = String(desired + surge)
            current.metadata.annotations = annotations
        }
        guard updated != nil else { return }
        let direction = replicas > before ? "up" : "down"
        recorder.record(deployment, reason: "ScalingReplicaSet", message: "Scaled \(direction) replica set \(set.name) to \(replicas)")
    }

    /// Old replica sets beyond `revisionHistoryLimit` that run nothing are deleted, oldest first.
    private func cleanUpHistory(_ deployment: Deployment, sets: [ReplicaSet], newUID: String) {
        guard let limit = deployment.spec?.revisionHistoryLimit.map(Int.init) else { return }
        let idle = sets.filter { $0.uid != newUID && ($0.spec?.replicas ?? 0) == 0 && ($0.status?.replicas ?? 0) == 0 }.sorted(by: Self.olderFirst)
        guard idle.count > limit else { return }
        for set in idle.prefix(idle.count - limit) {
            _ = try? client.delete(ReplicaSet.self, namespace: set.namespace, name: set.name, options: DeleteOptions(propagationPolicy: .background))
        }
    }

    private func updateStatus(_ deployment: Deployment, new: ReplicaSet?, all: [ReplicaSet]) {
        let desired = Int(deployment.spec?.replicas ?? 1)
        let now = Timestamp.seconds(of: loop.now)
        var status = deployment.status ?? DeploymentStatus()
        status.observedGeneration = deployment.metadata.generation
        let replicas = all.reduce(0) { $0 + Int($1.status?.replicas ?? 0) }
        let ready = all.reduce(0) { $0 + Int($1.status?.readyReplicas ?? 0) }
        let available = all.reduce(0) { $0 + Int($1.status?.availableReplicas ?? 0) }
        status.replicas = replicas == 0 ? nil : Int32(clamping: replicas)
        status.updatedReplicas = (new?.status?.replicas ?? 0) == 0 ? nil : new?.status?.replicas
        status.readyReplicas = ready == 0 ? nil : Int32(clamping: ready)
        status.availableReplicas = available == 0 ? nil : Int32(clamping: available)
        let unavailable = max(0, max(desired, replicas) - available)
        status.unavailableReplicas = unavailable == 0 ? nil : Int32(clamping: unavailable)
        let minAvailable = desired - Self.maxUnavailable(of: deployment, desired: desired)
        var conditions = status.conditions ?? []
        func set(_ type: String, _ value: ConditionStatus, _ reason: String, _ message: String) {
            if let index = conditions.firstIndex(where: { $0.type == type }) {
                if conditions[index].status != value { conditions[index].lastTransitionTime = now }
                if conditions[index].reason != reason || conditions[index].message != message || conditions[index].status != value {
                    conditions[index].lastUpdateTime = now
                }
                conditions[index].status = value
                conditions[index].reason = reason
                conditions[index].message = message
            } else {
                conditions.append(DeploymentCondition(type: type, status: value, lastUpdateTime: now, lastTransitionTime: now, reason: reason, message: message))
            }
        }
        if available >= minAvailable {
            set("Available", .true, "MinimumReplicasAvailable", "Deployment has minimum availability.")
        } else {
            set("Available", .false, "MinimumReplicasUnavailable", "Deployment does not have minimum availability.")
        }
        if deployment.spec?.progressDeadlineSeconds != nil, let new {
            let complete = Int(new.status?.availableReplicas ?? 0) >= desired && replicas == desired
            if complete {
                set("Progressing", .true, "NewReplicaSetAvailable", "ReplicaSet \(goQuoted(new.name)) has successfully progressed.")
            } else if conditions.contains(where: { $0.type == "Progressing" }) {
                set("Progressing", .true, "ReplicaSetUpdated", "ReplicaSet \(goQuoted(new.name)) is progressing.")
            } else {
                set("Progressing", .true, "NewReplicaSetCreated", "Created new replica set \(goQuoted(new.name))")
            }
        }
        status.conditions = conditions
        guard status != deployment.status else { return }
        _ = try? client.modify(Deployment.self, namespace: deployment.namespace, name: deployment.name, status: true) { (current: inout Deployment) throws(APIError) in
            current.status = status
        }
    }

    // MARK: Helpers

    static func controllerReference(to deployment: Deployment) -> OwnerReference {
        OwnerReference(
            apiVersion: deployment.apiVersion ?? "extensions/v1beta1", kind: "Deployment", name: deployment.name, uid: deployment.uid,
            controller: true, blockOwnerDeletion: true)
    }

    /// Replica sets come in the group version of their deployment.
    static func replicaSetAPIVersion(for deployment: Deployment) -> String {
        switch deployment.apiVersion {
        case "apps/v1": "apps/v1"
        case "apps/v1beta2": "apps/v1beta2"
        default: "extensions/v1beta1"
        }
    }

    static func maxSurge(of deployment: Deployment, desired: Int) -> Int {
        guard deployment.spec?.strategy?.type != "Recreate" else { return 0 }
        return deployment.spec?.strategy?.rollingUpdate?.maxSurge?.scaledValue(total: desired, roundUp: true) ?? 1
    }

    static func maxUnavailable(of deployment: Deployment, desired: Int) -> Int {
        guard deployment.spec?.strategy?.type != "Recreate" else { return 0 }
        let value = deployment.spec?.strategy?.rollingUpdate?.maxUnavailable?.scaledValue(total: desired, roundUp: false) ?? 1
        // Both zero would stall the rollout; Kubernetes then allows one unavailable pod.
        if value == 0, maxSurge(of: deployment, desired: desired) == 0 { return 1 }
        return min(value, desired)
    }

    static func olderFirst(_ lhs: ReplicaSet, _ rhs: ReplicaSet) -> Bool {
        let lhsTime = lhs.metadata.creationTimestamp?.instant.nanosecondsSinceEpoch ?? 0
        let rhsTime = rhs.metadata.creationTimestamp?.instant.nanosecondsSinceEpoch ?? 0
        return lhsTime != rhsTime ? lhsTime < rhsTime : lhs.name < rhs.name
    }
}
