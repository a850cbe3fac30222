@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct DeletionTests {
    @Test func gracefulDeletionWaitsForTheKubelet() throws {
        let (loop, plane, kubelets) = try Fixtures.cluster(nodes: 1)
        let client = plane.client()
        kubelets[0].terminationDelay = .seconds(3)
        _ = try client.create(Fixtures.pod("kubia"))
        loop.settle { (try? client.get(Pod.self, namespace: "default", name: "kubia"))?.status?.phase == .running }
        let deletedAt = loop.now
        let terminating: Pod = try client.delete(Pod.self, namespace: "default", name: "kubia")
        #expect(terminating.metadata.deletionGracePeriodSeconds == 30)
        #expect(terminating.metadata.deletionTimestamp == Timestamp.seconds(of: deletedAt + .seconds(30)))
        loop.advance(by: .seconds(2))
        #expect((try? client.get(Pod.self, namespace: "default", name: "kubia")) != nil)
        loop.advance(by: .seconds(2))
        #expect(throws: APIError.self) { try client.get(Pod.self, namespace: "default", name: "kubia") }
    }

    @Test func unscheduledPodsGoAtOnce() throws {
        let client = APIServer(loop: EventLoop(seed: 1)).client()
        _ = try client.create(Fixtures.pod("kubia"))
        try client.delete(Pod.self, namespace: "default", name: "kubia")
        #expect(throws: APIError.self) { try client.get(Pod.self, namespace: "default", name: "kubia") }
    }

    @Test func gracePeriodComesFromTheRequestOrThePod() throws {
        let loop = EventLoop(seed: 1)
        let client = APIServer(loop: loop).client()
        var pod = Fixtures.pod("a")
        pod.spec?.nodeName = "node-1"
        pod.spec?.terminationGracePeriodSeconds = 5
        _ = try client.create(pod)
        let deleted: Pod = try client.delete(Pod.self, namespace: "default", name: "a")
        #expect(deleted.metadata.deletionGracePeriodSeconds == 5)
        let shortened: Pod = try client.delete(Pod.self, namespace: "default", name: "a", options: DeleteOptions(gracePeriodSeconds: 1))
        #expect(shortened.metadata.deletionGracePeriodSeconds == 1)
        _ = try client.delete(Pod.self, namespace: "default", name: "a", options: DeleteOptions(gracePeriodSeconds: 0))
        #expect(throws: APIError.self) { try client.get(Pod.self, namespace: "default", name: "a") }
    }

    @Test func cascadingDeleteRemovesPods() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        _ = try client.delete(ReplicationController.self, namespace: "default", name: "kubia", options: DeleteOptions(propagationPolicy: .background))
        loop.settle { Fixtures.pods(client).isEmpty }
        #expect(Fixtures.pods(client).isEmpty)
    }

    @Test func orphaningDeleteKeepsPods() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        // core/v1 replication controllers orphan by default.
        try client.delete(ReplicationController.self, namespace: "default", name: "kubia")
        loop.settle { (try? client.get(ReplicationController.self, namespace: "default", name: "kubia")) == nil }
        loop.advance(by: .seconds(30))
        let pods = Fixtures.pods(client)
        #expect(pods.count == 3)
        #expect(pods.allSatisfy { $0.metadata.ownerReferences == nil && $0.metadata.deletionTimestamp == nil })
        // A new controller with the same selector adopts them instead of creating more.
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).allSatisfy { $0.metadata.controllerReference != nil } }
        #expect(Fixtures.pods(client).count == 3)
    }

    @Test func deletingANamespaceDeletesItsContent() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Namespace(metadata: ObjectMeta(name: "custom-namespace")))
        _ = try client.create(Fixtures.pod("kubia-manual", namespace: "custom-namespace"))
        loop.settle { Fixtures.pods(client, namespace: "custom-namespace").first?.status?.phase == .running }
        let terminating: Namespace = try client.delete(Namespace.self, namespace: nil, name: "custom-namespace")
        #expect(terminating.status?.phase == "Terminating")
        let refused = #expect(throws: APIError.self) { try client.create(Fixtures.pod("late", namespace: "custom-namespace")) }
        #expect(refused?.message == "pods \"late\" is forbidden: unable to create new content in namespace custom-namespace because it is being terminated")
        loop.settle { (try? client.get(Namespace.self, namespace: nil, name: "custom-namespace")) == nil }
        #expect(Fixtures.pods(client, namespace: "custom-namespace").isEmpty)
        #expect(throws: APIError.self) { try client.get(Namespace.self, namespace: nil, name: "custom-namespace") }
    }
}

struct GracefulDeletionTimerTests {
    @Test(arguments: [true, false])
    func aTimerCanStandInForTheKubelet(enabled: Bool) throws {
        let loop = EventLoop(seed: 1)
        var configuration = ClusterConfiguration()
        configuration.finishesExpiredGracefulDeletions = enabled
        let client = APIServer(loop: loop, configuration: configuration).client()
        var pod = Fixtures.pod("kubia")
        pod.spec?.nodeName = "node-1"
        _ = try client.create(pod)
        try client.delete(Pod.self, namespace: "default", name: "kubia")
        loop.advance(by: .seconds(29))
        #expect((try? client.get(Pod.self, namespace: "default", name: "kubia")) != nil)
        loop.advance(by: .seconds(1))
        #expect(((try? client.get(Pod.self, namespace: "default", name: "kubia")) == nil) == enabled)
    }
}
