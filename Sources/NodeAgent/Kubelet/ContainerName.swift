import KubernetesAPI

/// In the node agent a bare `Container` is the pod's container spec; the runtime's is a `RuntimeContainer`.
typealias Container = KubernetesAPI.Container
