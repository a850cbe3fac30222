import KubernetesAPI
import Simulation

/// Gives LoadBalancer services an external address from the cloud after the cloud's delay, and
/// takes it back when the service goes or changes type (`pkg/controller/service`).
/// Without a cloud provider it is not run, so such services stay `<pending>`.
public final class ServiceLoadBalancerController: Controller {
    private let client: any KubernetesClient
    private let loop: EventLoop
    private let cloud: any CloudProvider
    private let recorder: EventRecorder
    private let serviceInformer: SharedInformer<Service>
    private let nodeInformer: SharedInformer<Node>
    private var handlers: [WatchHandle] = []
    /// Services with a balancer (or one being made), by key, with their uid.
    private var balanced: [String: Service] = [:]
    private var provisioning: [String: TimerID] = [:]

    public init(context: ControllerContext, cloud: any CloudProvider) {
        self.client = context.client
        self.loop = context.loop
        self.cloud = cloud
        self.serviceInformer = context.informers.services
        self.nodeInformer = context.informers.nodes
        self.recorder = EventRecorder(client: client, loop: loop, component: "service-controller")
    }

    public func start() throws(APIError) {
        handlers.append(try serviceInformer.addEventHandler { [weak self] event in self?.handle(event) })
    }

    public func stop() {
        for handler in handlers { handler.stop() }
        handlers.removeAll()
        for timer in provisioning.values { loop.cancel(timer) }
        provisioning.removeAll()
    }

    private func handle(_ event: WatchEvent<Service>) {
        let service = event.object
        let key = ObjectKey.make(namespace: service.namespace, name: service.name)
        let wantsBalancer = event.type != .deleted && service.spec?.type == ServiceSpec.loadBalancer && service.metadata.deletionTimestamp == nil
        if wantsBalancer {
            let hasAddress = !(service.status?.loadBalancer?.ingress ?? []).isEmpty
            if balanced[key] == nil || balanced[key]?.uid != service.uid {
                balanced[key] = service
                if !hasAddress { provision(service, key: key) }
            }
        } else if let previous = balanced.removeValue(forKey: key) {
            if let timer = provisioning.removeValue(forKey: key) { loop.cancel(timer) }
            recorder.record(service, reason: "DeletingLoadBalancer", message: "Deleting load balancer")
            cloud.deleteLoadBalancer(for: previous)
            recorder.record(service, reason: "DeletedLoadBalancer", message: "Deleted load balancer")
            if event.type != .deleted, !(service.status?.loadBalancer?.ingress ?? []).isEmpty {
                _ = try? client.modify(Service.self, namespace: service.namespace, name: service.name, status: true) { (current: inout Service) throws(APIError) in
                    current.status = ServiceStatus(loadBalancer: LoadBalancerStatus())
                }
            }
        }
    }

    private func provision(_ service: Service, key: String) {
        recorder.record(service, reason: "CreatingLoadBalancer", message: "Creating load balancer")
        provisioning[key] = loop.schedule(after: cloud.provisioningDelay) { [weak self] in
            guard let self else { return }
            self.provisioning[key] = nil
            guard let current = self.serviceInformer.get(namespace: service.namespace, name: service.name),
                  current.uid == service.uid, current.spec?.type == ServiceSpec.loadBalancer else { return }
            let nodes = self.nodeInformer.list()
            guard let status = self.cloud.ensureLoadBalancer(for: current, nodes: nodes) else {
                self.recorder.record(current, type: Event.warning, reason: "CreatingLoadBalancerFailed", message: "Error creating load balancer (will retry): no address available")
                return
            }
            _ = try? self.client.modify(Service.self, namespace: current.namespace, name: current.name, status: true) { (latest: inout Service) throws(APIError) in
                latest.status = ServiceStatus(loadBalancer: status)
            }
            self.recorder.record(current, reason: "CreatedLoadBalancer", message: "Created load balancer")
        }
    }
}
