@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct SchedulerTests {
    @Test func bindsPodsAndReportsScheduled() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 1)
        let client = plane.client()
        _ = try client.create(Fixtures.pod("kubia"))
        loop.settle { (try? client.get(Pod.self, namespace: "default", name: "kubia"))?.status?.phase == .running }
        let pod = try client.get(Pod.self, namespace: "default", name: "kubia")
        #expect(pod.spec?.nodeName == "node-1")
        let scheduled = Fixtures.events(client, reason: "Scheduled")
        #expect(scheduled.map(\.message) == ["Successfully assigned kubia to node-1"])
        #expect(scheduled.first?.source?.component == "default-scheduler")
        #expect(scheduled.first?.involvedObject.name == "kubia")
    }

    @Test func reportsInsufficientCPUAndRetriesWhenANodeArrives() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 3)
        let client = plane.client()
        _ = try client.create(Fixtures.pod("hungry", cpu: "3"))
        loop.settle(within: .seconds(5)) { !Fixtures.events(client, reason: "FailedScheduling").isEmpty }
        let failure = try #require(Fixtures.events(client, reason: "FailedScheduling").first)
        #expect(failure.message == "No nodes are available that match all of the predicates: Insufficient cpu (3).")
        #expect(failure.type == "Warning")
        let pending = try client.get(Pod.self, namespace: "default", name: "hungry")
        #expect(pending.status?.condition(PodCondition.podScheduled)?.reason == "Unschedulable")
        #expect(pending.spec?.nodeName == nil)
        _ = try FakeKubelet(client: client, loop: loop, nodeName: "big", index: 9, cpu: "4")
        loop.settle(within: .seconds(10)) { (try? client.get(Pod.self, namespace: "default", name: "hungry"))?.spec?.nodeName != nil }
        #expect(try client.get(Pod.self, namespace: "default", name: "hungry").spec?.nodeName == "big")
    }

    @Test func nodeSelectorsPickLabelledNodes() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 3)
        let client = plane.client()
        _ = try client.create(Fixtures.pod("kubia-gpu", nodeSelector: ["gpu": "true"]))
        loop.settle(within: .seconds(5)) { !Fixtures.events(client, reason: "FailedScheduling").isEmpty }
        #expect(Fixtures.events(client, reason: "FailedScheduling").first?.message
            == "No nodes are available that match all of the predicates: MatchNodeSelector (3).")
        try client.modify(Node.self, namespace: nil, name: "node-2") { (node: inout Node) throws(APIError) in
            node.metadata.labels?["gpu"] = "true"
        }
        loop.settle(within: .seconds(10)) { (try? client.get(Pod.self, namespace: "default", name: "kubia-gpu"))?.spec?.nodeName != nil }
        #expect(try client.get(Pod.self, namespace: "default", name: "kubia-gpu").spec?.nodeName == "node-2")
    }

    @Test func cordonedAndTaintedNodesAreAvoided() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 3)
        let client = plane.client()
        try client.modify(Node.self, namespace: nil, name: "node-1") { (node: inout Node) throws(APIError) in node.spec?.unschedulable = true }
        try client.modify(Node.self, namespace: nil, name: "node-2") { (node: inout Node) throws(APIError) in
            node.spec?.taints = [Taint(key: "node-type", value: "production", effect: "NoSchedule")]
        }
        for index in 0..<4 { _ = try client.create(Fixtures.pod("p\(index)")) }
        loop.settle(within: .seconds(10)) { Fixtures.pods(client).allSatisfy { $0.spec?.nodeName != nil } }
        #expect(Set(Fixtures.pods(client).compactMap(\.spec?.nodeName)) == ["node-3"])
        var tolerant = Fixtures.pod("tolerant")
        tolerant.spec?.tolerations = [Toleration(key: "node-type", operator: "Equal", value: "production", effect: "NoSchedule")]
        tolerant.spec?.nodeSelector = ["kubernetes.io/hostname": "node-2"]
        _ = try client.create(tolerant)
        loop.settle(within: .seconds(10)) { (try? client.get(Pod.self, namespace: "default", name: "tolerant"))?.spec?.nodeName != nil }
        #expect(try client.get(Pod.self, namespace: "default", name: "tolerant").spec?.nodeName == "node-2")
    }

    @Test func noReadyNodesMeansNoNodesAvailable() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 1)
        let client = plane.client()
        try client.modify(Node.self, namespace: nil, name: "node-1") { (node: inout Node) throws(APIError) in node.spec?.unschedulable = true }
        _ = try client.create(Fixtures.pod("kubia"))
        loop.settle(within: .seconds(5)) { !Fixtures.events(client, reason: "FailedScheduling").isEmpty }
        #expect(Fixtures.events(client, reason: "FailedScheduling").first?.message == "no nodes available to schedule pods")
    }

    @Test func podsOfOneControllerSpreadAcrossNodes() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 3)
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 6))
        loop.settle { Fixtures.pods(client).filter { $0.status?.phase == .running }.count == 6 }
        var perNode: [String: Int] = [:]
        for pod in Fixtures.pods(client) { perNode[pod.spec?.nodeName ?? "", default: 0] += 1 }
        #expect(perNode == ["node-1": 2, "node-2": 2, "node-3": 2])
    }

    @Test(arguments: [("v1.7.5", "No nodes are available that match all of the following predicates:: Insufficient cpu (3)."),
                      ("v1.8.0", "No nodes are available that match all of the predicates: Insufficient cpu (3)."),
                      ("v1.8.0-gke.0", "No nodes are available that match all of the predicates: Insufficient cpu (3)."),
                      ("v1.9.0", "0/3 nodes are available: 3 Insufficient cpu.")])
    func theReleaseChoosesTheMessages(version: String, message: String) {
        #expect(SchedulerMessages(kubernetesVersion: version).fitError(3, [(reason: "Insufficient cpu", count: 3)]) == message)
    }

    @Test func laterEraMessageFormat() {
        let message = SchedulerMessages.kubernetes19.fitError(3, [(reason: "Insufficient cpu", count: 3)])
        #expect(message == "0/3 nodes are available: 3 Insufficient cpu.")
        let old = SchedulerMessages.kubernetes18.fitError(3, [(reason: "MatchNodeSelector", count: 1), (reason: "Insufficient cpu", count: 2)])
        #expect(old == "No nodes are available that match all of the predicates: Insufficient cpu (2), MatchNodeSelector (1).")
    }
}

struct PredicateTests {
    @Test func everyFailingPredicateCounts() throws {
        var node = Node(metadata: ObjectMeta(name: "n", labels: ["disk": "hdd"]))
        node.spec = NodeSpec(taints: [Taint(key: "dedicated", value: "db", effect: "NoSchedule")])
        node.status = NodeStatus(capacity: ["cpu": Quantity(1), "memory": try Quantity(parsing: "1Gi"), "pods": Quantity(110)])
        var pod = Fixtures.pod("p", cpu: "2", nodeSelector: ["disk": "ssd"])
        pod.spec?.containers[0].ports = [ContainerPort(hostPort: 80, containerPort: 8080, protocol: "TCP")]
        let info = NodeInfo(node: node)
        info.add(PodUsage(pod))
        let reasons = Predicates.failures(of: PodSchedulingFacts(pod), on: info)
        #expect(reasons == ["Insufficient cpu", "PodFitsHostPorts", "MatchNodeSelector", "PodToleratesNodeTaints"])
    }
}
