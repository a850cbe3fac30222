import KubernetesAPI
import Simulation

/// A reconcile loop of the controller manager (`pkg/controller/<name>`): it registers event
/// handlers on the shared informers, queues the keys of objects to reconcile and syncs them
/// one at a time on the loop.
public protocol Controller: AnyObject {
    /// Registers the controller's handlers; from then on it reconciles.
    func start() throws(APIError)
    /// Unregisters the handlers and drops queued work.
    func stop()
}

/// What every controller is made with (`ControllerContext` of kube-controller-manager).
public struct ControllerContext {
    public let client: any KubernetesClient
    public let loop: EventLoop
    /// The cluster's shared informers: read objects from their listers, learn of changes
    /// through their handlers.
    public let informers: SharedInformerFactory
    /// Present only for a cluster on a cloud.
    public let cloudProvider: (any CloudProvider)?
    public let nodeTiming: NodeLifecycleController.Timing

    public init(client: any KubernetesClient, loop: EventLoop, informers: SharedInformerFactory,
                cloudProvider: (any CloudProvider)? = nil, nodeTiming: NodeLifecycleController.Timing = .init()) {
        self.client = client
        self.loop = loop
        self.informers = informers
        self.cloudProvider = cloudProvider
        self.nodeTiming = nodeTiming
    }
}

/// One entry of the controller manager's list: a name and how to make the controller (nil
/// when the cluster does not run it).
public struct ControllerDescriptor: Sendable {
    public let name: String
    public let make: @Sendable (ControllerContext) -> (any Controller)?

    public init(_ name: String, _ make: @escaping @Sendable (ControllerContext) -> (any Controller)?) {
        self.name = name
        self.make = make
    }
}
