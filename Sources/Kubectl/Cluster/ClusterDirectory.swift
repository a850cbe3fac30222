import KubernetesAPI

/// Finds the API server behind a kubeconfig `server:` address, as the network would.
///
/// The cloud tooling (`minikube start`, `gcloud container clusters create`) registers its
/// clusters; kubectl only ever sees the client it is handed, never the cluster itself.
public protocol ClusterDirectory: AnyObject {
    /// The client of the API server listening at `server` (e.g. `https://192.168.99.100:8443`),
    /// or nil when nothing answers there.
    func client(forServer server: String) -> (any KubernetesClient)?
    /// What the kubelets serve for a cluster: logs and exec. Nil when the cluster has none.
    func kubelet(forServer server: String) -> (any PodRuntime)?
    /// The version the server reports to `kubectl version`; nil for the era's own.
    func serverVersion(forServer server: String) -> String?
}

extension ClusterDirectory {
    public func kubelet(forServer server: String) -> (any PodRuntime)? { nil }
    public func serverVersion(forServer server: String) -> String? { nil }
}

/// The clusters `minikube` and `gcloud` made are the directory kubectl looks servers up in.
extension ClusterRegistry: ClusterDirectory {
    public func kubelet(forServer server: String) -> (any PodRuntime)? {
        runtime(forServer: server)
    }
}
