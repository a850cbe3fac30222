import KubernetesAPI
import Simulation

extension ReplicaSet: PodReplicaOwner {
    public static var controllerComponent: String { "replicaset-controller" }
    public var desiredReplicas: Int { Int(spec?.replicas ?? 1) }
    public var podTemplate: PodTemplateSpec? { spec?.template }
    public var minReadySeconds: Int { Int(spec?.minReadySeconds ?? 0) }
    public var replicaStatus: ReplicationControllerStatus? {
        get { status }
        set { status = newValue }
    }
}

/// The replica set controller (`pkg/controller/replicaset`).
public typealias ReplicaSetController = ReplicaManager<ReplicaSet>
