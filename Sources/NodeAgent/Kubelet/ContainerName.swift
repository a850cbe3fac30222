import KubernetesAPI

/// In the node agent a bare `Container` is the pod's container spec; the engine's is `Docker.Container`.
typealias Container = KubernetesAPI.Container
