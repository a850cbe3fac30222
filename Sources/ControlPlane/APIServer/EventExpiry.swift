import KubernetesAPI
import Simulation

extension APIServer {
    /// How long an event lives after its last write (the API server's `--event-ttl`, one hour).
    public static let eventTimeToLive: Duration = .seconds(3600)

    /// Events expire an hour after they were last written, as their etcd lease does.
    func scheduleExpiry<Object: APIObject>(of object: Object) {
        guard Object.self == Event.self, let version = object.metadata.resourceVersion else { return }
        let namespace = object.metadata.namespace, name = object.name
        loop.schedule(after: Self.eventTimeToLive) { [weak self] in
            guard let self, let current = self.store(Event.self).object(namespace: namespace, name: name),
                  current.metadata.resourceVersion == version else { return }
            _ = self.finishDeletion(current)
        }
    }
}
