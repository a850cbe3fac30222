import Testing
import Simulation
@testable import ControlPlane
@testable import KubernetesAPI

/// The deployment controller as 1.8's `pkg/controller/deployment` behaves: fenceposts, the
/// order of scaling, rollbacks, pausing, history and the progress deadline.
struct DeploymentRolloutTests {
    private func deployment(_ apiVersion: String = "apps/v1beta1", replicas: Int32 = 3, image: String = "luksa/kubia:v1",
                            surge: IntOrString? = nil, unavailable: IntOrString? = nil) -> Deployment {
        var deployment = Deployment(
            apiVersion: apiVersion, metadata: ObjectMeta(name: "kubia"),
            spec: DeploymentSpec(replicas: replicas, template: PodTemplateSpec(
                metadata: ObjectMeta(labels: ["app": "kubia"]), spec: PodSpec(containers: [Fixtures.container("nodejs", image: image)]))))
        if surge != nil || unavailable != nil {
            deployment.spec?.strategy = DeploymentStrategy(type: "RollingUpdate", rollingUpdate: RollingUpdateDeployment(maxUnavailable: unavailable, maxSurge: surge))
        }
        return deployment
    }

    private func setImage(_ client: any KubernetesClient, _ image: String) throws {
        try client.modify(Deployment.self, namespace: "default", name: "kubia") { (deployment: inout Deployment) throws(APIError) in
            deployment.spec?.template?.spec?.containers[0].image = image
        }
    }

    private func images(_ client: any KubernetesClient) -> [String] {
        Fixtures.pods(client).filter(\.isActive).compactMap { $0.spec?.containers[0].image }.sorted()
    }

    private func deploymentNow(_ client: any KubernetesClient) throws -> Deployment {
        try client.get(Deployment.self, namespace: "default", name: "kubia")
    }

    /// `ResolveFenceposts` and `MaxUnavailable`: surge rounds up, unavailability down, both
    /// zero allows one, never more unavailable than replicas.
    @Test(arguments: [
        (Int32(3), IntOrString.string("25%"), IntOrString.string("25%"), 1, 0),
        (Int32(10), .string("25%"), .string("25%"), 3, 2),
        (Int32(4), .string("50%"), .string("10%"), 2, 0),
        (Int32(3), .int(1), .int(0), 1, 0),
        (Int32(3), .int(0), .int(0), 0, 1),
        (Int32(2), .int(0), .int(5), 0, 2),
        (Int32(1), .string("1%"), .string("1%"), 1, 0),
    ])
    func fenceposts(replicas: Int32, surge: IntOrString, unavailable: IntOrString, expectedSurge: Int, expectedUnavailable: Int) {
        let value = deployment(replicas: replicas, surge: surge, unavailable: unavailable)
        #expect(DeploymentController.maxSurge(of: value) == expectedSurge)
        #expect(DeploymentController.maxUnavailable(of: value) == expectedUnavailable)
    }

    /// Recreate has no fenceposts at all.
    @Test func recreateHasNoSurge() {
        var value = deployment()
        value.spec?.strategy = DeploymentStrategy(type: "Recreate")
        #expect(DeploymentController.maxSurge(of: value) == 0)
        #expect(DeploymentController.maxUnavailable(of: value) == 0)
    }

    /// 25%/25% of three: one pod over, none under: the new set goes up one at a time and the
    /// old one down one at a time, never below three available.
    @Test func rollingUpdateKeepsThreeAvailable() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(deployment())
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        try setImage(client, "luksa/kubia:v2")
        var fewestReady = 3
        loop.settle(within: .seconds(300)) {
            let pods = Fixtures.pods(client).filter(\.isActive)
            fewestReady = min(fewestReady, pods.filter(\.isReady).count)
            return images(client) == Array(repeating: "luksa/kubia:v2", count: 3) && pods.allSatisfy(\.isReady)
        }
        #expect(fewestReady >= 3)
        let messages = Fixtures.events(client, reason: "ScalingReplicaSet").map(\.message)
        let sets = try client.list(ReplicaSet.self, namespace: "default").items
        let old = try #require(sets.first { $0.spec?.template?.spec?.containers[0].image == "luksa/kubia:v1" })
        let new = try #require(sets.first { $0.spec?.template?.spec?.containers[0].image == "luksa/kubia:v2" })
        #expect(messages == [
            "Scaled up replica set \(old.name) to 3",
            "Scaled up replica set \(new.name) to 1", "Scaled down replica set \(old.name) to 2",
            "Scaled up replica set \(new.name) to 2", "Scaled down replica set \(old.name) to 1",
            "Scaled up replica set \(new.name) to 3", "Scaled down replica set \(old.name) to 0",
        ])
        let status = try deploymentNow(client).status
        #expect(status?.conditions?.map(\.type) == ["Available", "Progressing"])
        #expect(status?.conditions?.last?.reason == "NewReplicaSetAvailable")
        #expect(status?.conditions?.last?.message == "ReplicaSet \"\(new.name)\" has successfully progressed.")
        #expect(try deploymentNow(client).metadata.annotations?["deployment.kubernetes.io/revision"] == "2")
    }

    /// A version that never becomes ready: with maxUnavailable 0 the rollout stops at one new
    /// pod, the old ones keep serving, and after progressDeadlineSeconds the Progressing
    /// condition turns False with ProgressDeadlineExceeded.
    @Test func badVersionStallsAndTimesOut() throws {
        let (loop, plane, kubelets) = try Fixtures.cluster()
        for kubelet in kubelets { kubelet.isReadyPod = { $0.spec?.containers.first?.image != "luksa/kubia:v3" } }
        let client = plane.client()
        var value = deployment(surge: .int(1), unavailable: .int(0))
        value.spec?.progressDeadlineSeconds = 60
        _ = try client.create(value)
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        try setImage(client, "luksa/kubia:v3")
        loop.advance(by: .seconds(30))
        #expect(images(client) == ["luksa/kubia:v1", "luksa/kubia:v1", "luksa/kubia:v1", "luksa/kubia:v3"])
        let stalled = try deploymentNow(client)
        #expect(stalled.status?.updatedReplicas == 1)
        #expect(stalled.status?.conditions?.first { $0.type == "Progressing" }?.status == .true)
        loop.advance(by: .seconds(60))
        let timedOut = try deploymentNow(client).status?.conditions?.first { $0.type == "Progressing" }
        #expect(timedOut?.status == .false)
        #expect(timedOut?.reason == "ProgressDeadlineExceeded")
        #expect(timedOut?.message?.hasSuffix("has timed out progressing.") == true)
        #expect(images(client) == ["luksa/kubia:v1", "luksa/kubia:v1", "luksa/kubia:v1", "luksa/kubia:v3"])
    }

    /// `spec.rollbackTo` with revision 0 goes back to the revision before; the controller
    /// clears it, copies the old template back and tells so in an event.
    @Test func rollbackToThePreviousRevision() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(deployment())
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        try setImage(client, "luksa/kubia:v2")
        loop.settle(within: .seconds(300)) { images(client) == Array(repeating: "luksa/kubia:v2", count: 3) }
        try client.modify(Deployment.self, namespace: "default", name: "kubia") { (deployment: inout Deployment) throws(APIError) in
            deployment.spec?.rollbackTo = RollbackConfig(revision: 0)
        }
        loop.settle(within: .seconds(300)) { images(client) == Array(repeating: "luksa/kubia:v1", count: 3) }
        let rolledBack = try deploymentNow(client)
        #expect(rolledBack.spec?.rollbackTo == nil)
        #expect(rolledBack.spec?.template?.spec?.containers[0].image == "luksa/kubia:v1")
        #expect(Fixtures.events(client, reason: "DeploymentRollback").map(\.message) == ["Rolled back deployment \"kubia\" to revision 1"])
        // The old replica set is reused and moves up to revision 3, keeping its old number.
        let sets = try client.list(ReplicaSet.self, namespace: "default").items
        let reused = try #require(sets.first { $0.spec?.template?.spec?.containers[0].image == "luksa/kubia:v1" })
        #expect(reused.metadata.annotations?["deployment.kubernetes.io/revision"] == "3")
        #expect(reused.metadata.annotations?["deployment.kubernetes.io/revision-history"] == "1")
        #expect(sets.count == 2)
    }

    @Test(arguments: [(Int64(9), "Unable to find the revision to rollback to."), (Int64(0), "Unable to find last revision.")])
    func rollbackToAMissingRevisionIsSkipped(revision: Int64, message: String) throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(deployment())
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        try client.modify(Deployment.self, namespace: "default", name: "kubia") { (deployment: inout Deployment) throws(APIError) in
            deployment.spec?.rollbackTo = RollbackConfig(revision: revision)
        }
        loop.advance(by: .seconds(5))
        #expect(Fixtures.events(client, reason: "DeploymentRollbackRevisionNotFound").map(\.message) == [message])
        #expect(try deploymentNow(client).spec?.rollbackTo == nil)
        #expect(images(client) == Array(repeating: "luksa/kubia:v1", count: 3))
    }

    /// While paused, a new template makes no replica set; resuming rolls it out.
    @Test func pausedDeploymentsWaitForResume() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(deployment())
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        try client.modify(Deployment.self, namespace: "default", name: "kubia") { (deployment: inout Deployment) throws(APIError) in
            deployment.spec?.paused = true
            deployment.spec?.template?.spec?.containers[0].image = "luksa/kubia:v2"
        }
        loop.advance(by: .seconds(30))
        #expect(try client.list(ReplicaSet.self, namespace: "default").items.count == 1)
        #expect(try deploymentNow(client).status?.conditions?.first { $0.type == "Progressing" }?.reason == "DeploymentPaused")
        try client.modify(Deployment.self, namespace: "default", name: "kubia") { (deployment: inout Deployment) throws(APIError) in
            deployment.spec?.paused = false
        }
        loop.settle(within: .seconds(300)) { images(client) == Array(repeating: "luksa/kubia:v2", count: 3) }
        #expect(try client.list(ReplicaSet.self, namespace: "default").items.count == 2)
    }

    /// `revisionHistoryLimit` (2 by default in apps/v1beta1) keeps that many idle old sets.
    @Test func historyBeyondTheLimitIsDeleted() throws {
        let (loop, plane, _) = try Fixtures.cluster()
        let client = plane.client()
        _ = try client.create(deployment())
        loop.settle { Fixtures.pods(client).filter(\.isReady).count == 3 }
        for version in ["v2", "v3", "v4"] {
            // Sets made in the same second are ordered by name (`ReplicaSetsByCreationTimestamp`).
            loop.advance(by: .seconds(5))
            try setImage(client, "luksa/kubia:" + version)
            loop.settle(within: .seconds(300)) { images(client) == Array(repeating: "luksa/kubia:" + version, count: 3) }
            loop.advance(by: .seconds(5))
        }
        let kept = try client.list(ReplicaSet.self, namespace: "default").items.compactMap { $0.spec?.template?.spec?.containers[0].image }.sorted()
        #expect(kept == ["luksa/kubia:v2", "luksa/kubia:v3", "luksa/kubia:v4"])
    }

    /// Defaults differ by group version (1.8's `SetDefaults_Deployment` of each).
    @Test(arguments: [
        ("extensions/v1beta1", IntOrString.int(1), Int32?.none, Int32?.none),
        ("apps/v1beta1", .string("25%"), Int32?(2), Int32?(600)),
        ("apps/v1beta2", .string("25%"), Int32?(10), Int32?(600)),
    ])
    func defaultsByVersion(apiVersion: String, fencepost: IntOrString, historyLimit: Int32?, deadline: Int32?) throws {
        var value = deployment(apiVersion)
        if apiVersion == "apps/v1beta2" { value.spec?.selector = LabelSelector(matchLabels: ["app": "kubia"]) }
        value.applyDefaults()
        #expect(value.spec?.strategy?.rollingUpdate?.maxSurge == fencepost)
        #expect(value.spec?.strategy?.rollingUpdate?.maxUnavailable == fencepost)
        #expect(value.spec?.revisionHistoryLimit == historyLimit)
        #expect(value.spec?.progressDeadlineSeconds == deadline)
    }

    @Test func lastRevisionIsTheSecondHighest() {
        func set(_ revision: String) -> ReplicaSet {
            ReplicaSet(metadata: ObjectMeta(name: "r" + revision, annotations: ["deployment.kubernetes.io/revision": revision]))
        }
        #expect(DeploymentController.lastRevision([set("1"), set("4"), set("3")]) == 3)
        #expect(DeploymentController.lastRevision([set("2")]) == 0)
        #expect(DeploymentController.lastRevision([]) == 0)
    }
}
