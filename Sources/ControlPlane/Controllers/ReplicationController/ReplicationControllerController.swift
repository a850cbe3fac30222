import KubernetesAPI
import Simulation

extension ReplicationController: PodReplicaOwner {
    public static var controllerComponent: String { "replication-controller" }
    public var desiredReplicas: Int { Int(spec?.replicas ?? 1) }
    public var podTemplate: PodTemplateSpec? { spec?.template }
    public var minReadySeconds: Int { Int(spec?.minReadySeconds ?? 0) }
    public var replicaStatus: ReplicationControllerStatus? {
        get { status }
        set { status = newValue }
    }
}

/// The replication controller manager (`pkg/controller/replication`).
public typealias ReplicationControllerController = ReplicaManager<ReplicationController>
