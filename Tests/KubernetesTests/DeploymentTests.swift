@testable import KubernetesAPI
import Simulation
import Testing

struct DeploymentTests {
    private func deployment(image: String = "luksa/kubia:v1") -> Deployment {
        Deployment(
            apiVersion: "extensions/v1beta1", metadata: ObjectMeta(name: "kubia"),
            spec: DeploymentSpec(replicas: 3, template: PodTemplateSpec(
                metadata: ObjectMeta(labels: ["app": "kubia"]), spec: PodSpec(containers: [Fixtures.container(image: image)]))))
    }

    @Test func deploymentRunsPodsThroughAHashedReplicaSet() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(deployment())
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        let sets = try client.list(ReplicaSet.self, namespace: "default").items
        #expect(sets.count == 1)
        let replicaSet = try #require(sets.first)
        let hash = try #require(replicaSet.labels["pod-template-hash"])
        #expect(replicaSet.name == "kubia-" + hash)
        #expect(hash.allSatisfy { "456789bcdf".contains($0) })
        #expect(replicaSet.metadata.annotations?["deployment.kubernetes.io/revision"] == "1")
        for pod in Fixtures.pods(client) {
            #expect(pod.name.hasPrefix(replicaSet.name + "-"))
            #expect(pod.labels["pod-template-hash"] == hash)
        }
        #expect(Fixtures.events(client, reason: "ScalingReplicaSet").map(\.message) == ["Scaled up replica set \(replicaSet.name) to 3"])
        loop.settle(within: .seconds(5)) { (try? client.get(Deployment.self, namespace: "default", name: "kubia"))?.status?.availableReplicas == 3 }
        let status = try client.get(Deployment.self, namespace: "default", name: "kubia").status
        #expect(status?.replicas == 3 && status?.updatedReplicas == 3 && status?.availableReplicas == 3)
        #expect(status?.conditions?.first { $0.type == "Available" }?.status == .true)
    }

    @Test func changingTheTemplateRollsToANewReplicaSet() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(deployment())
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        let first = try #require(try client.list(ReplicaSet.self, namespace: "default").items.first)
        try client.modify(Deployment.self, namespace: "default", name: "kubia") { (deployment: inout Deployment) throws(APIError) in
            deployment.spec?.template?.spec?.containers[0].image = "luksa/kubia:v2"
        }
        loop.settle(within: .seconds(300)) {
            let pods = Fixtures.pods(client)
            return pods.count == 3 && pods.allSatisfy { $0.spec?.containers[0].image == "luksa/kubia:v2" && $0.isReady }
        }
        let sets = try client.list(ReplicaSet.self, namespace: "default").items
        #expect(sets.count == 2)
        #expect(sets.first { $0.name == first.name }?.spec?.replicas == 0)
        let second = try #require(sets.first { $0.name != first.name })
        #expect(second.spec?.replicas == 3)
        #expect(second.metadata.annotations?["deployment.kubernetes.io/revision"] == "2")
    }
}

struct RecreateDeploymentTests {
    @Test func recreateStopsOldPodsBeforeStartingNewOnes() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        var deployment = Deployment(
            apiVersion: "apps/v1beta1", metadata: ObjectMeta(name: "kubia"),
            spec: DeploymentSpec(replicas: 2, template: PodTemplateSpec(
                metadata: ObjectMeta(labels: ["app": "kubia"]), spec: PodSpec(containers: [Fixtures.container(image: "luksa/kubia:v1")]))))
        deployment.spec?.strategy = DeploymentStrategy(type: "Recreate")
        _ = try client.create(deployment)
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 2 }
        try client.modify(Deployment.self, namespace: "default", name: "kubia") { (current: inout Deployment) throws(APIError) in
            current.spec?.template?.spec?.containers[0].image = "luksa/kubia:v2"
        }
        var sawMixedVersions = false
        loop.settle(within: .seconds(120)) {
            let images = Set(Fixtures.pods(client).filter(\.isActive).compactMap { $0.spec?.containers[0].image })
            if images.count > 1 { sawMixedVersions = true }
            let pods = Fixtures.pods(client)
            return pods.count == 2 && pods.allSatisfy { $0.spec?.containers[0].image == "luksa/kubia:v2" && $0.isReady }
        }
        #expect(!sawMixedVersions)
        #expect(Fixtures.pods(client).allSatisfy { $0.spec?.containers[0].image == "luksa/kubia:v2" })
        #expect(try client.get(Deployment.self, namespace: "default", name: "kubia").spec?.strategy?.rollingUpdate == nil)
    }
}
