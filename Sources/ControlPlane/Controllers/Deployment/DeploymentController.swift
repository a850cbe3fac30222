import Formatting
import KubernetesAPI
import Simulation

/// Runs deployments through replica sets (`pkg/controller/deployment` of 1.8): one replica set
/// per template, named `<deployment>-<hash>`; a rolling update scales the new one up and the
/// old ones down within maxSurge/maxUnavailable, Recreate scales the old ones to zero first;
/// rollbacks (`spec.rollbackTo`), pausing, revision history and the Progressing condition with
/// its deadline. Deployments, replica sets and pods are read from the shared informers.
public final class DeploymentController: Controller {
    static let revisionAnnotation = "deployment.kubernetes.io/revision"
    static let revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"
    static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
    static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"
    /// Annotations a deployment keeps to itself: never copied to or from its replica sets.
    static let unsharedAnnotations: Set<String> = [
        "kubectl.kubernetes.io/last-applied-configuration", revisionAnnotation, revisionHistoryAnnotation,
        desiredReplicasAnnotation, maxReplicasAnnotation,
    ]

    let client: any KubernetesClient
    let loop: EventLoop
    let recorder: EventRecorder
    let deployments: SharedInformer<Deployment>
    let replicaSets: SharedInformer<ReplicaSet>
    let pods: SharedInformer<Pod>
    private(set) lazy var queue = WorkQueue(loop: loop) { [weak self] key in self?.sync(key) }
    private var handlers: [WatchHandle] = []

    public init(context: ControllerContext) {
        self.client = context.client
        self.loop = context.loop
        self.deployments = context.informers.informer(for: Deployment.self)
        self.replicaSets = context.informers.informer(for: ReplicaSet.self)
        self.pods = context.informers.pods
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
        // `deletePod`: a Recreate rollout waits for the last old pod to be gone.
        handlers.append(try pods.addEventHandler { [weak self] event in
            guard event.type == .deleted else { return }
            self?.podDeleted(event.object)
        })
    }

    private func podDeleted(_ pod: Pod) {
        guard let owner = pod.metadata.controllerReference, owner.kind == "ReplicaSet",
              let set = replicaSets.get(namespace: pod.namespace, name: owner.name),
              let reference = set.metadata.controllerReference, reference.kind == "Deployment",
              let deployment = deployments.get(namespace: pod.namespace, name: reference.name),
              deployment.spec?.strategy?.type == "Recreate" else { return }
        let remaining = replicaSets.list(controlledBy: deployment.uid).contains { set in
            pods.list(namespace: pod.namespace).contains { $0.metadata.controllerReference?.uid == set.uid }
        }
        if !remaining { queue.add(ObjectKey.make(namespace: deployment.namespace, name: deployment.name)) }
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        queue.stop()
    }

    // MARK: Reconcile

    /// `syncDeployment`: pause conditions, then a paused sync, a rollback, a scaling sync or a rollout.
    private func sync(_ key: String) {
        let (namespace, name) = ObjectKey.split(key)
        guard var deployment = deployments.get(namespace: namespace, name: name),
              deployment.metadata.deletionTimestamp == nil, let spec = deployment.spec else { return }
        guard !deployment.podSelector.isEmpty else { return }
        let sets = ownedReplicaSets(of: deployment)
        deployment = checkPausedConditions(deployment)
        if spec.paused == true {
            syncScaling(deployment, sets: sets)
            return
        }
        if spec.rollbackTo != nil {
            rollback(deployment, sets: sets)
            return
        }
        if isScalingEvent(deployment, sets: sets) {
            syncScaling(deployment, sets: sets)
            return
        }
        if spec.strategy?.type == "Recreate" {
            rolloutRecreate(deployment, sets: sets)
        } else {
            rolloutRolling(deployment, sets: sets)
        }
    }

    /// The replica sets the deployment controls, adopting orphans its selector matches.
    private func ownedReplicaSets(of deployment: Deployment) -> [ReplicaSet] {
        let selector = deployment.podSelector
        var sets: [ReplicaSet] = []
        for replicaSet in replicaSets.list(namespace: deployment.namespace) {
            if let reference = replicaSet.metadata.controllerReference {
                if reference.uid == deployment.uid { sets.append(replicaSet) }
            } else if selector.matches(replicaSet.spec?.template?.metadata?.labels ?? [:]), replicaSet.metadata.deletionTimestamp == nil {
                if let adopted = try? client.modify(ReplicaSet.self, namespace: deployment.namespace, name: replicaSet.name, { (current: inout ReplicaSet) throws(APIError) in
                    current.metadata.ownerReferences = (current.metadata.ownerReferences ?? []) + [Self.controllerReference(to: deployment)]
                }) {
                    sets.append(adopted)
                }
            }
        }
        return sets
    }

    func all(_ new: ReplicaSet?, _ old: [ReplicaSet]) -> [ReplicaSet] {
        old + (new.map { [$0] } ?? [])
    }

    /// Reads a replica set back from the server after a write, so later steps see its new spec.
    func refreshed(_ set: ReplicaSet) -> ReplicaSet {
        (try? client.get(ReplicaSet.self, namespace: set.namespace, name: set.name)) ?? set
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

    static func revision(of set: ReplicaSet) -> Int64 {
        Int64(set.metadata.annotations?[revisionAnnotation] ?? "") ?? 0
    }

    /// `ReplicaSetsByCreationTimestamp`: oldest first, then by name.
    static func olderFirst(_ lhs: ReplicaSet, _ rhs: ReplicaSet) -> Bool {
        let lhsTime = lhs.metadata.creationTimestamp?.instant.nanosecondsSinceEpoch ?? 0
        let rhsTime = rhs.metadata.creationTimestamp?.instant.nanosecondsSinceEpoch ?? 0
        return lhsTime != rhsTime ? lhsTime < rhsTime : lhs.name < rhs.name
    }
}
