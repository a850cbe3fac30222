@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct StoreIndexTests {
    /// Pods created, relabelled, bound and deleted at random: each index holds exactly the pods
    /// that have the value, and every list through the indexes equals a filtered full list.
    @Test(arguments: [11, 12] as [UInt64]) func indexedListsMatchAFullScan(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let server = APIServer(loop: EventLoop(seed: seed))
        let client = server.client()
        let labelChoices: [[String: String]?] = [["app": "a"], ["app": "b"], ["app": "a", "tier": "web"], nil]
        let nodes = ["node-1", "node-2", "node-3"]
        let selectors = try ["app=a", "app=b", "tier=web", "app=a,tier=web"].map { try Labels.Selector.parse($0) }
        for step in 0..<600 {
            let name = "pod-\(random.integer(in: 0...30))"
            let existing = try? client.get(Pod.self, namespace: "default", name: name)
            switch random.integer(in: 0...5) {
            case 0:
                if existing != nil { _ = try client.delete(Pod.self, namespace: "default", name: name, options: DeleteOptions(gracePeriodSeconds: 0)) }
            case 1:
                if existing != nil, (existing?.spec?.nodeName ?? "").isEmpty {
                    try client.bind(pod: name, namespace: "default", to: nodes[random.integer(in: 0...2)])
                }
            default:
                if var pod = existing {
                    pod.metadata.labels = labelChoices[random.integer(in: 0...3)]
                    _ = try client.update(pod)
                } else {
                    _ = try client.create(Fixtures.pod(name, labels: labelChoices[random.integer(in: 0...3)]))
                }
            }
            guard step % 20 == 0 else { continue }
            let all = try client.list(Pod.self, namespace: "default").items
            for selector in selectors {
                let indexed = try client.list(Pod.self, namespace: "default", labelSelector: selector).items.map(\.name)
                #expect(indexed == all.filter { selector.matches($0.labels) }.map(\.name))
            }
            let store = server.store(Pod.self)
            for (label, value) in [("app", "a"), ("app", "b"), ("tier", "web")] {
                #expect(store.indexedKeys(label: label, value: value) == Set(all.filter { $0.labels[label] == value }.map { "default/" + $0.name }))
            }
            for node in nodes {
                #expect(store.indexedKeys(field: "spec.nodeName", value: node) == Set(all.filter { $0.spec?.nodeName == node }.map { "default/" + $0.name }))
                let field = Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: node)])
                let indexed = try client.list(Pod.self, fieldSelector: field).items.map(\.name)
                #expect(indexed == all.filter { $0.spec?.nodeName == node }.map(\.name))
            }
        }
    }
}
