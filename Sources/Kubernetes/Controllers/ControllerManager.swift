import Simulation

/// The kube-controller-manager: every controller of the simulated cluster, started together.
public final class ControllerManager {
    public let replicationControllers: ReplicationControllerController
    public let replicaSets: ReplicaSetController
    public let deployments: DeploymentController
    public let endpoints: EndpointsController
    public let garbageCollector: GarbageCollector
    public let namespaces: NamespaceController
    public let nodeLifecycle: NodeLifecycleController
    /// Present only with a cloud provider; without one LoadBalancer services stay pending.
    public let serviceLoadBalancers: ServiceLoadBalancerController?

    public init(client: any KubernetesClient, loop: EventLoop, cloudProvider: (any CloudProvider)? = nil, nodeTiming: NodeLifecycleController.Timing = .init()) {
        replicationControllers = ReplicationControllerController(client: client, loop: loop)
        replicaSets = ReplicaSetController(client: client, loop: loop)
        deployments = DeploymentController(client: client, loop: loop)
        endpoints = EndpointsController(client: client, loop: loop)
        garbageCollector = GarbageCollector(client: client, loop: loop)
        namespaces = NamespaceController(client: client, loop: loop)
        nodeLifecycle = NodeLifecycleController(client: client, loop: loop, timing: nodeTiming)
        serviceLoadBalancers = cloudProvider.map { ServiceLoadBalancerController(client: client, loop: loop, cloud: $0) }
    }

    public func start() throws(APIError) {
        try replicationControllers.start()
        try replicaSets.start()
        try deployments.start()
        try endpoints.start()
        try garbageCollector.start()
        try namespaces.start()
        try nodeLifecycle.start()
        try serviceLoadBalancers?.start()
    }

    public func stop() {
        replicationControllers.stop()
        replicaSets.stop()
        deployments.stop()
        endpoints.stop()
        garbageCollector.stop()
        namespaces.stop()
        nodeLifecycle.stop()
        serviceLoadBalancers?.stop()
    }
}

/// A whole control plane on one event loop: API server, scheduler and controller manager.
public final class ControlPlane {
    public let server: APIServer
    public let scheduler: Scheduler
    public let controllers: ControllerManager

    public init(loop: EventLoop, configuration: ClusterConfiguration = ClusterConfiguration(), cloudProvider: (any CloudProvider)? = nil, schedulerMessages: SchedulerMessages = .kubernetes18) {
        server = APIServer(loop: loop, configuration: configuration)
        scheduler = Scheduler(client: server.client(), loop: loop, messages: schedulerMessages)
        controllers = ControllerManager(client: server.client(), loop: loop, cloudProvider: cloudProvider)
    }

    /// Starts the scheduler and the controllers watching.
    public func start() throws(APIError) {
        try scheduler.start()
        try controllers.start()
    }

    public func stop() {
        scheduler.stop()
        controllers.stop()
    }

    /// A new client of the API server.
    public func client() -> any KubernetesClient { server.client() }
}
