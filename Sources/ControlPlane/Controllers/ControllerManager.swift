import KubernetesAPI
import Simulation

/// The kube-controller-manager: every controller of the simulated cluster, started together on
/// the cluster's shared informers.
public final class ControllerManager {
    /// Every controller, in the order they start (which is the order their handlers are told of
    /// a change). Adding a controller is one folder and one line here.
    public static let all: [ControllerDescriptor] = [
        ControllerDescriptor("replicationcontroller") { ReplicationControllerController(context: $0) },
        ControllerDescriptor("replicaset") { ReplicaSetController(context: $0) },
        ControllerDescriptor("deployment") { DeploymentController(context: $0) },
        ControllerDescriptor("daemonset") { DaemonSetController(context: $0) },
        ControllerDescriptor("endpoint") { EndpointsController(context: $0) },
        ControllerDescriptor("garbagecollector") { GarbageCollector(context: $0) },
        ControllerDescriptor("namespace") { NamespaceController(context: $0) },
        ControllerDescriptor("nodelifecycle") { NodeLifecycleController(context: $0) },
        ControllerDescriptor("service") { context in context.cloudProvider.map { ServiceLoadBalancerController(context: context, cloud: $0) } },
    ]

    public let context: ControllerContext
    /// The controllers this cluster runs, by name, in start order.
    public let controllers: [(name: String, controller: any Controller)]

    public init(context: ControllerContext) {
        self.context = context
        controllers = Self.all.compactMap { descriptor in descriptor.make(context).map { (descriptor.name, $0) } }
    }

    public convenience init(client: any KubernetesClient, loop: EventLoop, informers: SharedInformerFactory? = nil,
                            cloudProvider: (any CloudProvider)? = nil, nodeTiming: NodeLifecycleController.Timing = .init()) {
        self.init(context: ControllerContext(
            client: client, loop: loop, informers: informers ?? SharedInformerFactory(client: client, loop: loop),
            cloudProvider: cloudProvider, nodeTiming: nodeTiming))
    }

    /// The running controller of that name (`replicaset`, `garbagecollector` …).
    public func controller(named name: String) -> (any Controller)? {
        controllers.first { $0.name == name }?.controller
    }

    public func start() throws(APIError) {
        for (_, controller) in controllers { try controller.start() }
    }

    public func stop() {
        for (_, controller) in controllers { controller.stop() }
    }
}

/// A whole control plane on one event loop: API server, shared informers, scheduler and
/// controller manager.
public final class ControlPlane {
    public let server: APIServer
    /// The cluster's shared informers, for the scheduler and controllers here and for the
    /// kubelets, kube-proxy and DNS of the cluster's nodes.
    public let informers: SharedInformerFactory
    public let scheduler: Scheduler
    public let controllers: ControllerManager

    public init(loop: EventLoop, configuration: ClusterConfiguration = ClusterConfiguration(), cloudProvider: (any CloudProvider)? = nil, schedulerMessages: SchedulerMessages = .kubernetes18) {
        server = APIServer(loop: loop, configuration: configuration)
        informers = SharedInformerFactory(client: server.client(), loop: loop)
        scheduler = Scheduler(client: server.client(), loop: loop, informers: informers, messages: schedulerMessages)
        controllers = ControllerManager(client: server.client(), loop: loop, informers: informers, cloudProvider: cloudProvider)
    }

    /// Starts the scheduler and the controllers watching.
    public func start() throws(APIError) {
        try scheduler.start()
        try controllers.start()
    }

    public func stop() {
        scheduler.stop()
        controllers.stop()
        informers.stop()
    }

    /// A new client of the API server.
    public func client() -> any KubernetesClient { server.client() }
}
