@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct ReplicaPodCacheTests {
    /// The pod watch as the replica manager sees it, shuffled by a seed: pods created, relabelled,
    /// adopted, released, made ready, deleted, plus late news of older revisions. The counts an
    /// owner's status reports and the orphans equal a recount over the latest state of each pod.
    @Test(arguments: [7, 8, 9] as [UInt64]) func countsMatchARecountAfterRandomEvents(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let cache = ReplicaPodCache(ownerKind: "ReplicationController")
        var selector = try Labels.Selector.parse("app=a")
        var template = ["app": "a", "tier": "web"]
        let labelChoices: [[String: String]] = [["app": "a"], ["app": "a", "tier": "web"], ["app": "b"], ["app": "b", "tier": "web"], [:]]
        let controllers: [(kind: String, uid: String)?] = [("ReplicationController", "rc-1"), ("ReplicationController", "rc-2"), ("ReplicaSet", "rs-1"), nil]
        var latest: [String: Pod] = [:]
        var history: [Pod] = []
        var revision: Int64 = 0
        for step in 0..<2_000 {
            let name = "pod-\(random.integer(in: 0...40))"
            revision += 1
            switch random.integer(in: 0...9) {
            case 0:
                if let pod = latest.removeValue(forKey: name) {
                    var final = pod
                    final.metadata.resourceVersion = String(revision)
                    cache.observe(final, deleted: true)
                }
            case 1:
                // Late news: an older state of a pod that still exists arrives again and must change nothing.
                if let old = random.element(of: history), latest[old.name] != nil { cache.observe(old) }
            case 2 where step % 200 == 0:
                selector = try Labels.Selector.parse(random.integer(in: 0...1) == 0 ? "app=a" : "app in (a,b)")
                template = random.integer(in: 0...1) == 0 ? ["app": "a", "tier": "web"] : ["app": "a"]
            default:
                var pod = latest[name] ?? Pod(metadata: ObjectMeta(name: name, namespace: "default"))
                pod.metadata.labels = random.element(of: labelChoices)
                if let controller = random.element(of: controllers) ?? nil {
                    pod.metadata.ownerReferences = [OwnerReference(apiVersion: "v1", kind: controller.kind, name: controller.uid, uid: controller.uid, controller: true)]
                } else {
                    pod.metadata.ownerReferences = nil
                }
                var status = PodStatus(phase: random.element(of: [.pending, .running, .succeeded] as [PodPhase]))
                status.conditions = [PodCondition(type: PodCondition.ready, status: random.integer(in: 0...1) == 0 ? .true : .false)]
                pod.status = status
                pod.metadata.deletionTimestamp = random.integer(in: 0...7) == 0 ? Timestamp.seconds(of: .worldEpoch) : nil
                pod.metadata.resourceVersion = String(revision)
                latest[name] = pod
                history.append(pod)
                cache.observe(pod)
            }
            let owned = cache.pods(of: "rc-1")
            owned.configure(selector: selector, templateLabels: template)
            let mine = latest.values.filter { $0.metadata.controllerReference?.uid == "rc-1" }
            let selected = mine.filter { selector.matches($0.labels) }
            let active = selected.filter(\.isActive)
            #expect(owned.activeCount == active.count)
            #expect(owned.readyCount == active.filter(\.isReady).count)
            #expect(owned.fullyLabeledCount == active.filter { pod in template.allSatisfy { pod.labels[$0.key] == $0.value } }.count)
            #expect(owned.unselected == Set(mine.filter { !selector.matches($0.labels) }.map(\.name)))
            #expect(Set(owned.active.map(\.name)) == Set(active.map(\.name)))
            let orphans = latest.values.filter { $0.metadata.controllerReference == nil && $0.isActive }.map(\.name).sorted()
            #expect(cache.orphans(in: "default").map(\.name) == orphans)
        }
    }

    @Test func podsCheapestToLoseComeFirst() {
        func record(_ name: String, node: String?, phase: PodPhase, ready: Bool, created: Int64) -> ReplicaPodRecord {
            var pod = Pod(metadata: ObjectMeta(name: name), spec: PodSpec(containers: []))
            pod.spec?.nodeName = node
            var status = PodStatus(phase: phase)
            status.conditions = [PodCondition(type: PodCondition.ready, status: ready ? .true : .false)]
            pod.status = status
            pod.metadata.creationTimestamp = Timestamp.seconds(of: .worldEpoch + .seconds(created))
            return ReplicaPodRecord(pod, controllerUID: nil)
        }
        let pods = [
            record("old-ready", node: "n", phase: .running, ready: true, created: 1),
            record("new-ready", node: "n", phase: .running, ready: true, created: 5),
            record("not-ready", node: "n", phase: .running, ready: false, created: 1),
            record("pending", node: "n", phase: .pending, ready: false, created: 1),
            record("unassigned", node: nil, phase: .pending, ready: false, created: 1),
        ]
        #expect(pods.sorted(by: ReplicaPodRecord.deletesFirst).map(\.name) == ["unassigned", "pending", "not-ready", "new-ready", "old-ready"])
    }
}

struct RecentlyUsedCacheTests {
    /// Against a plain list kept in order of use: the same entries survive.
    @Test func keepsTheMostRecentlyUsedEntries() throws {
        var random = SeededRandom(seed: 5)
        var cache = RecentlyUsedCache<Int, Int>(capacity: 4)
        var model: [(key: Int, value: Int)] = []
        for step in 0..<3_000 {
            let key = random.integer(in: 0...9)
            if random.integer(in: 0...1) == 0 {
                let expected = model.first { $0.key == key }?.value
                #expect(cache.value(for: key) == expected)
                if let index = model.firstIndex(where: { $0.key == key }) { model.append(model.remove(at: index)) }
            } else {
                cache.set(step, for: key)
                model.removeAll { $0.key == key }
                model.append((key, step))
                if model.count > 4 { model.removeFirst() }
            }
            #expect(cache.count == model.count)
        }
    }
}
