import KubernetesAPI

/// The scheduler's picture of the cluster, kept up to date from its watches rather than
/// recomputed per pod (`schedulercache`): each node with what its pods request, the nodes in
/// name order, and how many pods of each controller every node runs.
final class SchedulerCache {
    /// Where a pod was placed and what it takes there.
    struct Placement {
        var node: String
        var slot: Int
        var usage: PodUsage
        var owner: String?
    }

    /// Every node known by name, including nodes that are gone but still have pods placed on them.
    private var infos: [String: NodeInfo] = [:]
    private var registered: Set<String> = []
    /// The registered nodes in name order, so every pass looks at them in the same order.
    private(set) var sortedNodes: [NodeInfo] = []
    private var schedulable: [NodeInfo]?
    private(set) var placements: [String: Placement] = [:]
    /// Pods per node slot, by the uid of their controller.
    private var ownerCounts: [String: OwnerPodCounts] = [:]
    private var nextSlot = 0

    /// The registered node of that name.
    func node(named name: String) -> NodeInfo? {
        registered.contains(name) ? infos[name] : nil
    }

    /// The schedulable nodes in name order.
    var schedulableNodes: [NodeInfo] {
        if let schedulable { return schedulable }
        let nodes = sortedNodes.filter(\.isSchedulable)
        schedulable = nodes
        return nodes
    }

    /// Adds or updates a node. Returns whether anything placement reads changed.
    @discardableResult
    func update(_ node: Node) -> Bool {
        let name = node.name
        if let info = infos[name], registered.contains(name) {
            let before = info.schedulingView
            info.update(node)
            let changed = before != info.schedulingView
            if changed, before.isSchedulable != info.isSchedulable { schedulable = nil }
            return changed
        }
        let info = infos[name] ?? makeInfo(node)
        info.update(node)
        infos[name] = info
        registered.insert(name)
        let position = sortedNodes.firstIndex { $0.name > name } ?? sortedNodes.count
        sortedNodes.insert(info, at: position)
        schedulable = nil
        return true
    }

    /// Removes a node; what is known of its pods stays until they go.
    func remove(nodeNamed name: String) {
        guard registered.remove(name) != nil else { return }
        sortedNodes.removeAll { $0.name == name }
        schedulable = nil
        if let info = infos[name], info.podCount == 0 { infos[name] = nil }
    }

    private func makeInfo(_ node: Node) -> NodeInfo {
        let info = NodeInfo(node: node, slot: nextSlot)
        nextSlot += 1
        return info
    }

    // MARK: Pods

    /// Records a pod as placed on a node (moving it if it was placed elsewhere).
    func place(_ key: String, pod: Pod, node name: String) {
        if let current = placements[key], current.node == name { return }
        unplace(key)
        let info: NodeInfo
        if let known = infos[name] {
            info = known
        } else {
            // A pod bound to a node not seen yet: its node info waits for the node.
            info = makeInfo(Node(metadata: ObjectMeta(name: name)))
            infos[name] = info
        }
        let usage = PodUsage(pod)
        let owner = pod.metadata.controllerReference?.uid
        placements[key] = Placement(node: name, slot: info.slot, usage: usage, owner: owner)
        info.add(usage)
        if let owner {
            let counts = ownerCounts[owner] ?? OwnerPodCounts()
            ownerCounts[owner] = counts
            counts.add(1, at: info.slot)
        }
    }

    /// Forgets a pod's placement. Returns whether it was placed.
    @discardableResult
    func unplace(_ key: String) -> Bool {
        guard let placement = placements.removeValue(forKey: key) else { return false }
        if let info = infos[placement.node], info.slot == placement.slot {
            info.add(placement.usage, sign: -1)
            if info.podCount == 0, !registered.contains(placement.node) { infos[placement.node] = nil }
        }
        if let owner = placement.owner, let counts = ownerCounts[owner] {
            counts.add(-1, at: placement.slot)
            if counts.total == 0 { ownerCounts[owner] = nil }
        }
        return true
    }

    func isPlaced(_ key: String) -> Bool { placements[key] != nil }

    /// Pods of the controller on each node, indexed by `NodeInfo.slot` (slots past the end: none).
    func podCounts(ofOwner uid: String?) -> [Int] {
        uid.flatMap { ownerCounts[$0]?.perSlot } ?? []
    }
}

/// One controller's pods per node slot; a class so that a count changes in place, not by
/// copying the array.
private final class OwnerPodCounts {
    private(set) var perSlot: [Int] = []
    private(set) var total = 0

    func add(_ amount: Int, at slot: Int) {
        if perSlot.count <= slot { perSlot.append(contentsOf: repeatElement(0, count: slot + 1 - perSlot.count)) }
        perSlot[slot] += amount
        total += amount
    }
}
