@testable import ControlPlane
@testable import KubernetesAPI
import Simulation
import Testing

struct SchedulerCacheTests {
    /// Random node registrations and removals and pod placements, moves and removals: every
    /// count the cache keeps equals a recount from the pods placed.
    @Test(arguments: [1, 2, 3] as [UInt64]) func countsMatchARecountAfterRandomChanges(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let cache = SchedulerCache()
        let nodeNames = (0..<8).map { "node-\($0)" }
        let owners: [String?] = ["rc-a", "rc-b", nil]
        var registered: Set<String> = []
        var placed: [String: (node: String, pod: Pod)] = [:]
        for step in 0..<1_500 {
            switch random.integer(in: 0...9) {
            case 0:
                let name = nodeNames[random.integer(in: 0...(nodeNames.count - 1))]
                cache.update(Self.node(name, unschedulable: random.integer(in: 0...4) == 0))
                registered.insert(name)
            case 1:
                let name = nodeNames[random.integer(in: 0...(nodeNames.count - 1))]
                cache.remove(nodeNamed: name)
                registered.remove(name)
            case 2, 3:
                if let key = placed.keys.sorted().first(where: { _ in random.integer(in: 0...3) == 0 }) {
                    cache.unplace(key)
                    placed[key] = nil
                }
            default:
                let key = "default/pod-\(random.integer(in: 0...60))"
                let node = nodeNames[random.integer(in: 0...(nodeNames.count - 1))]
                let pod = placed[key]?.pod ?? Self.pod(owner: random.element(of: owners) ?? nil, milliCPU: random.integer(in: 0...3) * 100,
                                                       hostPort: random.integer(in: 0...5) == 0 ? 80 : nil)
                cache.place(key, pod: pod, node: node)
                placed[key] = (node, pod)
            }
            if step % 25 == 0 { try Self.check(cache, registered: registered, placed: placed, owners: owners) }
        }
        try Self.check(cache, registered: registered, placed: placed, owners: owners)
    }

    static func check(_ cache: SchedulerCache, registered: Set<String>, placed: [String: (node: String, pod: Pod)], owners: [String?]) throws {
        #expect(cache.sortedNodes.map(\.name) == registered.sorted())
        #expect(cache.schedulableNodes.map(\.name) == cache.sortedNodes.filter(\.isSchedulable).map(\.name))
        #expect(Set(cache.placements.keys) == Set(placed.keys))
        for name in registered {
            let info = try #require(cache.node(named: name))
            let here = placed.values.filter { $0.node == name }.map(\.pod)
            #expect(info.podCount == here.count)
            #expect(info.requestedMilliCPU == here.map { PodUsage($0).milliCPU }.reduce(0, +))
            #expect(info.nonZeroMemory == here.map { PodUsage($0).nonZeroMemory }.reduce(0, +))
            let ports = here.flatMap { PodUsage($0).hostPorts }
            #expect(info.hostPorts == Dictionary(ports.map { ($0, 1) }, uniquingKeysWith: +))
            for case let owner? in owners {
                let counts = cache.podCounts(ofOwner: owner)
                let cached = info.slot < counts.count ? counts[info.slot] : 0
                #expect(cached == here.filter { $0.metadata.controllerReference?.uid == owner }.count)
            }
        }
    }

    static func node(_ name: String, unschedulable: Bool) -> Node {
        var node = Node(metadata: ObjectMeta(name: name))
        node.spec = NodeSpec(unschedulable: unschedulable)
        node.status = NodeStatus(capacity: ["cpu": Quantity(4), "pods": Quantity(110)],
                                 conditions: [NodeCondition(type: NodeCondition.ready, status: .true)])
        return node
    }

    static func pod(owner: String?, milliCPU: Int, hostPort: Int32?) -> Pod {
        var container = Container(name: "c", image: "i", ports: hostPort.map { [ContainerPort(hostPort: $0, containerPort: 8080, protocol: "TCP")] })
        if milliCPU > 0 { container.resources = ResourceRequirements(requests: ["cpu": Quantity(milliValue: Int64(milliCPU))]) }
        let references = owner.map { [OwnerReference(apiVersion: "v1", kind: "ReplicationController", name: $0, uid: $0, controller: true)] }
        return Pod(metadata: ObjectMeta(name: "p", ownerReferences: references), spec: PodSpec(containers: [container]))
    }

    @Test(arguments: [(1, 1), (100, 100), (101, 100), (500, 230), (1_000, 420), (5_000, 500), (20_000, 1_000)])
    func nodesLookedForGrowSlowerThanTheCluster(nodes: Int, wanted: Int) {
        #expect(Scheduler.nodesToFind(among: nodes) == wanted)
    }
}

struct LargeClusterSchedulingTests {
    /// Past 100 nodes a pass stops at the first fitting share of the nodes, starting where the
    /// last one stopped: pods still spread over every node (a node outside the window may miss
    /// a turn), and a pod that fits nowhere still reports every node's reason.
    @Test(.timeLimit(.minutes(1))) func samplingSpreadsPodsAndStillReportsEveryNode() throws {
        let (loop, plane, _) = try Fixtures.cluster(nodes: 120)
        let client = plane.client()
        _ = try client.create(Fixtures.replicationController("kubia", replicas: 240))
        _ = try client.create(Fixtures.pod("hungry", cpu: "64"))
        loop.settle(within: .seconds(60)) {
            Fixtures.pods(client).filter { $0.status?.phase == .running }.count == 240
                && !Fixtures.events(client, reason: "FailedScheduling").isEmpty
        }
        var perNode: [String: Int] = [:]
        for pod in Fixtures.pods(client) where pod.status?.phase == .running { perNode[pod.spec?.nodeName ?? "", default: 0] += 1 }
        #expect(perNode.count == 120)
        #expect(perNode.values.max() ?? 0 <= 3)
        #expect(Fixtures.events(client, reason: "FailedScheduling").first?.message
            == "No nodes are available that match all of the predicates: Insufficient cpu (120).")
    }
}
