@testable import KubernetesAPI
import Simulation
import Testing

struct ScaleTests {
    /// 100 nodes and 2,000 pods through the scheduler, the replica manager and the kubelets stays fast.
    @Test(.timeLimit(.minutes(1))) func hundredNodesTwoThousandPods() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 100)
        let client = plane.client()
        for index in 0..<20 {
            _ = try client.create(Fixtures.replicationController("app-\(index)", replicas: 100, labels: ["app": "app-\(index)"]))
        }
        loop.settle(within: .seconds(60)) {
            (try? client.list(Pod.self, namespace: "default", fieldSelector: try Fields.Selector.parse("status.phase=Running")).items.count) == 2000
        }
        let pods = try client.list(Pod.self, namespace: "default").items
        #expect(pods.count == 2000)
        var perNode: [String: Int] = [:]
        for pod in pods { perNode[pod.spec?.nodeName ?? "", default: 0] += 1 }
        #expect(perNode.count == 100)
        #expect(perNode.values.max() ?? 0 <= 25)
        let onOneNode = try client.list(Pod.self, fieldSelector: try Fields.Selector.parse("spec.nodeName=node-7")).items
        #expect(onOneNode.count == perNode["node-7"])
        let oneApp = try client.list(Pod.self, namespace: "default", labelSelector: try Labels.Selector.parse("app=app-3")).items
        #expect(oneApp.count == 100)
    }
}
