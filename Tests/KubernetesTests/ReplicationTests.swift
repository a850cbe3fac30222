@testable import KubernetesAPI
@testable import NodeAgent
import Simulation
import Testing

struct ReplicationTests {
    @Test func replicationControllerCreatesNamedPodsWithEvents() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter { $0.isReady }.count == 3 }
        let pods = Fixtures.pods(client)
        #expect(pods.count == 3)
        for pod in pods {
            #expect(pod.name.hasPrefix("kubia-") && pod.name.count == 11)
            #expect(pod.metadata.controllerReference?.kind == "ReplicationController")
            #expect(pod.metadata.generateName == "kubia-")
        }
        let created = Fixtures.events(client, reason: "SuccessfulCreate")
        #expect(created.compactMap(\.message).sorted() == pods.map { "Created pod: \($0.name)" }.sorted())
        #expect(created.first?.source?.component == "replication-controller")
        loop.settle(within: .seconds(5)) { (try? client.get(ReplicationController.self, namespace: "default", name: "kubia"))?.status?.readyReplicas == 3 }
        let status = try client.get(ReplicationController.self, namespace: "default", name: "kubia").status
        #expect(status?.replicas == 3 && status?.readyReplicas == 3 && status?.availableReplicas == 3)
    }

    @Test func replacesADeletedPod() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter { $0.isReady }.count == 3 }
        let victim = try #require(Fixtures.pods(client).first)
        try client.delete(Pod.self, namespace: "default", name: victim.name)
        loop.runReady()
        let during = Fixtures.pods(client)
        #expect(during.count == 4, "the terminating pod and its replacement")
        #expect(during.first { $0.name == victim.name }?.metadata.deletionTimestamp != nil)
        loop.settle { Fixtures.pods(client).count == 3 && Fixtures.pods(client).allSatisfy(\.isReady) }
        #expect(!Fixtures.pods(client).contains { $0.name == victim.name })
    }

    @Test func scalingDownDeletesPods() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter { $0.isReady }.count == 3 }
        try client.modify(ReplicationController.self, namespace: "default", name: "kubia") { (rc: inout ReplicationController) throws(APIError) in
            rc.spec?.replicas = 1
        }
        loop.settle { Fixtures.pods(client).count == 1 }
        #expect(Fixtures.events(client, reason: "SuccessfulDelete").count == 2)
    }

    @Test func relabelledPodLeavesAndIsReplaced() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter { $0.isReady }.count == 3 }
        let moved = try #require(Fixtures.pods(client).first)
        try client.modify(Pod.self, namespace: "default", name: moved.name) { (pod: inout Pod) throws(APIError) in
            pod.metadata.labels = ["app": "foo"]
        }
        loop.settle { Fixtures.pods(client, selector: "app=kubia").filter(\.isReady).count == 3 }
        let released = try client.get(Pod.self, namespace: "default", name: moved.name)
        #expect(released.metadata.ownerReferences == nil)
        #expect(Fixtures.pods(client).count == 4)
        // Relabelling it back makes it adoptable again, and one pod too many goes.
        try client.modify(Pod.self, namespace: "default", name: moved.name) { (pod: inout Pod) throws(APIError) in
            pod.metadata.labels = ["app": "kubia"]
        }
        loop.settle { Fixtures.pods(client).count == 3 }
        #expect(Fixtures.pods(client, selector: "app=kubia").count == 3)
    }

    @Test func orphanPodsMatchingTheSelectorAreAdopted() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.pod("manual", labels: ["app": "kubia"]))
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 2))
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 2 }
        let manual = try client.get(Pod.self, namespace: "default", name: "manual")
        #expect(manual.metadata.controllerReference?.name == "kubia")
        #expect(Fixtures.pods(client).count == 2)
    }

    @Test func nodeFailureMovesPodsAfterTheEvictionTimeout() throws {
        let (loop, plane, kubelets) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 3))
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        let failed = kubelets[1]
        let stranded = Fixtures.pods(client).filter { $0.spec?.nodeName == failed.nodeName }.map(\.name)
        #expect(!stranded.isEmpty)
        failed.stop()
        let stoppedAt = loop.now
        loop.settle(within: .seconds(120)) { (try? client.get(Node.self, namespace: nil, name: failed.nodeName))?.isReady == false }
        let notReadyAfter = loop.now - stoppedAt
        #expect(notReadyAfter >= .seconds(40) && notReadyAfter <= .seconds(60))
        let node = try client.get(Node.self, namespace: nil, name: failed.nodeName)
        #expect(node.status?.condition(NodeCondition.ready)?.status == .unknown)
        #expect(node.status?.condition(NodeCondition.ready)?.message == "Kubelet stopped posting node status.")
        #expect(Fixtures.pods(client).filter { stranded.contains($0.name) }.allSatisfy { !$0.isReady })
        loop.advance(by: .seconds(200))
        #expect(Fixtures.pods(client).filter { stranded.contains($0.name) }.allSatisfy { $0.metadata.deletionTimestamp == nil }, "not evicted before five minutes")
        loop.settle(within: .seconds(200)) { Fixtures.pods(client).filter { $0.isActive && $0.isReady }.count == 3 }
        let active = Fixtures.pods(client).filter(\.isActive)
        #expect(active.count == 3)
        #expect(active.allSatisfy { $0.spec?.nodeName != failed.nodeName })
        let lost = Fixtures.pods(client).filter { stranded.contains($0.name) }
        #expect(lost.allSatisfy { $0.metadata.deletionTimestamp != nil && $0.status?.reason == "NodeLost" }, "they stay Terminating: their kubelet is gone")
    }

    @Test func replicaSetWithMatchExpressions() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        let replicaSet = ReplicaSet(
            apiVersion: "apps/v1beta2", metadata: ObjectMeta(name: "kubia"),
            spec: ReplicaSetSpec(
                replicas: 3, selector: LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "app", operator: "In", values: ["kubia"])]),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: ["app": "kubia"]), spec: PodSpec(containers: [Fixtures.container()]))))
        _ = try client.create(replicaSet)
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        #expect(Fixtures.pods(client).allSatisfy { $0.metadata.controllerReference?.kind == "ReplicaSet" })
        #expect(Fixtures.events(client, reason: "SuccessfulCreate").first?.source?.component == "replicaset-controller")
    }
}
