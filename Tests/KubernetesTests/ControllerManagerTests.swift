@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct ControllerManagerTests {
    @Test func oneListNamesEveryControllerOnce() {
        let names = ControllerManager.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names == [
            "replicationcontroller", "replicaset", "deployment", "daemonset", "endpoint", "garbagecollector", "namespace", "nodelifecycle", "service",
        ])
    }

    @Test(arguments: [false, true])
    func theServiceControllerRunsOnlyOnACloud(cloud: Bool) throws {
        let (_, plane, _) = try Fixtures.cluster(nodes: 0, cloud: cloud)
        #expect((plane.controllers.controller(named: "service") != nil) == cloud)
        #expect(plane.controllers.controller(named: "replicaset") is ReplicaSetController)
        #expect(plane.controllers.controllers.count == ControllerManager.all.count - (cloud ? 0 : 1))
    }

    /// Stopping the manager unregisters every controller's handlers from the shared informers.
    @Test func stoppingUnregistersTheHandlers() throws {
        let (_, plane, _) = try Fixtures.cluster(nodes: 0)
        let before = plane.informers.pods.handlerCount
        plane.controllers.stop()
        // The scheduler's handler stays; the replica managers', daemon sets', endpoints' and GC's go.
        #expect(before == 6)
        #expect(plane.informers.pods.handlerCount == 1)
    }
}
