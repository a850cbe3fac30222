import KubernetesAPI
import Simulation

/// The API server's bootstrap controller: the `kubernetes` service in `default` and its
/// endpoints belong to the master, which puts them back when they are missing. The real one
/// reconciles every `--endpoint-reconciler` interval (10 s) from start; here the timer is only
/// set once something is missing, at the next such tick, so a cluster nobody disturbs has no
/// extra timers.
extension APIServer {
    /// How often the real master reconciles its service (`EndpointInterval`).
    static let masterServiceInterval: Duration = .seconds(10)
    static let masterServiceName = "kubernetes"
    static let masterServiceNamespace = "default"

    /// The master's service as a fresh cluster has it.
    func masterService() -> Service {
        var service = Service(
            metadata: ObjectMeta(name: Self.masterServiceName, namespace: Self.masterServiceNamespace,
                                 labels: ["component": "apiserver", "provider": "kubernetes"]),
            spec: ServiceSpec(ports: [ServicePort(name: "https", port: 443, targetPort: .int(Int32(configuration.securePort)))]))
        service.spec?.clusterIP = admission.clusterIP(offset: 1)
        service.spec?.sessionAffinity = "ClientIP"
        return service
    }

    /// The master's endpoints: the API server's own address.
    func masterEndpoints() -> Endpoints {
        Endpoints(
            metadata: ObjectMeta(name: Self.masterServiceName, namespace: Self.masterServiceNamespace),
            subsets: [EndpointSubset(
                addresses: [EndpointAddress(ip: configuration.masterAddress)],
                ports: [EndpointPort(name: "https", port: Int32(configuration.securePort), protocol: "TCP")])])
    }

    /// Called for every object deleted for good: losing the master's service or endpoints
    /// sets the reconcile timer.
    func noteDeletion<Object: APIObject>(_ object: Object) {
        guard object is Service || object is Endpoints,
              object.name == Self.masterServiceName, object.metadata.namespace == Self.masterServiceNamespace,
              !masterServiceReconcilePending else { return }
        masterServiceReconcilePending = true
        let elapsed = max(0, (loop.now - bootedAt).nanoseconds)
        let interval = Self.masterServiceInterval.nanoseconds
        let ticks = elapsed / interval + 1
        loop.schedule(at: bootedAt + .nanoseconds(ticks * interval)) { [weak self] in
            self?.reconcileMasterService()
        }
    }

    /// Creates the master's service and endpoints where they are missing.
    func reconcileMasterService() {
        masterServiceReconcilePending = false
        if store(Service.self).object(namespace: Self.masterServiceNamespace, name: Self.masterServiceName) == nil {
            _ = try? create(masterService())
        }
        if store(Endpoints.self).object(namespace: Self.masterServiceNamespace, name: Self.masterServiceName) == nil {
            _ = try? create(masterEndpoints())
        }
    }
}
