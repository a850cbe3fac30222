import Kubernetes

/// Finds the API server behind a kubeconfig `server:` address, as the network would.
///
/// The cloud tooling (`minikube start`, `gcloud container clusters create`) registers its
/// clusters; kubectl only ever sees the client it is handed, never the cluster itself.
public protocol ClusterDirectory: AnyObject {
    /// The client of the API server listening at `server` (e.g. `https://192.168.99.100:8443`),
    /// or nil when nothing answers there.
    func client(forServer server: String) -> (any KubernetesClient)?
    /// What the kubelets serve for a cluster: logs and exec. Nil when the cluster has none.
    func kubelet(forServer server: String) -> (any KubeletConnection)?
    /// The version the server reports to `kubectl version` (`v1.8.0`).
    func serverVersion(forServer server: String) -> String
}

extension ClusterDirectory {
    public func kubelet(forServer server: String) -> (any KubeletConnection)? { nil }
    public func serverVersion(forServer server: String) -> String { "v1.8.0" }
}

/// A directory of fixed entries, for tests and simple worlds.
public final class StaticClusterDirectory: ClusterDirectory {
    private var clients: [String: any KubernetesClient] = [:]
    private var kubelets: [String: any KubeletConnection] = [:]

    public init() {}

    public func register(server: String, client: any KubernetesClient, kubelet: (any KubeletConnection)? = nil) {
        clients[server] = client
        kubelets[server] = kubelet
    }

    public func remove(server: String) {
        clients[server] = nil
        kubelets[server] = nil
    }

    public func client(forServer server: String) -> (any KubernetesClient)? { clients[server] }
    public func kubelet(forServer server: String) -> (any KubeletConnection)? { kubelets[server] }
}
