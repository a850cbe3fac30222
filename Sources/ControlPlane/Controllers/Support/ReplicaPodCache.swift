import KubernetesAPI
import Simulation

/// One pod as the replica manager remembers it from the pod watch: what counting, adopting,
/// releasing and choosing pods to delete read, without the rest of the object.
struct ReplicaPodRecord: Equatable {
    var name: String
    /// The revision the record was taken at; older news of the pod is ignored.
    var revision: Int64
    var labels: [String: String]
    /// The uid of the controller of the manager's kind, nil for a pod without a controller.
    var controllerUID: String?
    var isActive: Bool
    var isReady: Bool
    var readySince: VirtualInstant?
    var isAssigned: Bool
    var phaseRank: Int
    var restarts: Int
    var createdNanoseconds: Int64
    /// Whether the owner's selector and template labels hold for the pod (set by `OwnedPods`).
    var isSelected = false
    var isFullyLabeled = false

    init(_ pod: Pod, controllerUID: String?) {
        name = pod.name
        revision = Int64(pod.metadata.resourceVersion ?? "") ?? 0
        labels = pod.labels
        self.controllerUID = controllerUID
        isActive = pod.isActive
        let ready = pod.status?.condition(PodCondition.ready)
        isReady = ready?.status == .true
        readySince = ready?.lastTransitionTime?.instant
        isAssigned = !(pod.spec?.nodeName ?? "").isEmpty
        switch pod.status?.phase {
        case .unknown?: phaseRank = 1
        case .running?: phaseRank = 2
        default: phaseRank = 0
        }
        var restarts = 0
        for status in pod.status?.containerStatuses ?? [] { restarts = max(restarts, Int(status.restartCount)) }
        self.restarts = restarts
        createdNanoseconds = pod.metadata.creationTimestamp?.instant.nanosecondsSinceEpoch ?? 0
    }

    /// `controller.ActivePods` order: the pods cheapest to lose come first.
    static func deletesFirst(_ lhs: ReplicaPodRecord, _ rhs: ReplicaPodRecord) -> Bool {
        if lhs.isAssigned != rhs.isAssigned { return !lhs.isAssigned }
        if lhs.phaseRank != rhs.phaseRank { return lhs.phaseRank < rhs.phaseRank }
        if lhs.isReady != rhs.isReady { return !lhs.isReady }
        if lhs.restarts != rhs.restarts { return lhs.restarts > rhs.restarts }
        if lhs.createdNanoseconds != rhs.createdNanoseconds { return lhs.createdNanoseconds > rhs.createdNanoseconds }
        return lhs.name < rhs.name
    }
}

/// The pods one owner controls, with the counts its status reports kept up to date as pods
/// change, so that a sync costs nothing like a list of every pod.
final class OwnedPods {
    private(set) var records: [String: ReplicaPodRecord] = [:]
    private var selector: Labels.Selector?
    private var templateLabels: [String: String] = [:]
    /// Counts over the selected, active pods.
    private(set) var activeCount = 0
    private(set) var fullyLabeledCount = 0
    private(set) var readyCount = 0
    /// Pods pointing at the owner that its selector no longer selects, to be released.
    private(set) var unselected: Set<String> = []

    var isEmpty: Bool { records.isEmpty }

    /// Sets what the flags are computed against; when it changed, every pod is looked at again.
    func configure(selector: Labels.Selector, templateLabels: [String: String]) {
        guard selector != self.selector || templateLabels != self.templateLabels else { return }
        self.selector = selector
        self.templateLabels = templateLabels
        let all = records
        records.removeAll(keepingCapacity: true)
        activeCount = 0
        fullyLabeledCount = 0
        readyCount = 0
        unselected.removeAll()
        for record in all.values { insert(record) }
    }

    func insert(_ record: ReplicaPodRecord) {
        remove(record.name)
        var record = record
        record.isSelected = selector?.matches(record.labels) ?? false
        record.isFullyLabeled = templateLabels.allSatisfy { record.labels[$0.key] == $0.value }
        records[record.name] = record
        count(record, sign: 1)
    }

    func remove(_ name: String) {
        guard let record = records.removeValue(forKey: name) else { return }
        count(record, sign: -1)
    }

    /// The selected pods that are neither finished nor being deleted.
    var active: [ReplicaPodRecord] {
        records.values.filter { $0.isSelected && $0.isActive }
    }

    private func count(_ record: ReplicaPodRecord, sign: Int) {
        guard record.isSelected else {
            if sign > 0 { unselected.insert(record.name) } else { unselected.remove(record.name) }
            return
        }
        guard record.isActive else { return }
        activeCount += sign
        if record.isFullyLabeled { fullyLabeledCount += sign }
        if record.isReady { readyCount += sign }
    }
}

/// The replica manager's view of the pods (the shared informer's cache of the real controller):
/// the pods controlled by owners of its kind, by owner uid, and the pods without a controller,
/// by namespace. Filled from the pod watch and from the server's answers to its own writes.
final class ReplicaPodCache {
    private enum Place: Equatable {
        case owned(String)
        case orphan(String)
        /// Controlled by another kind: only its revision is kept, to recognise older news.
        case elsewhere
    }

    private let ownerKind: String
    private var owned: [String: OwnedPods] = [:]
    private var orphans: [String: [String: ReplicaPodRecord]] = [:]
    /// Where each pod's record is, with its revision, by `namespace/name`.
    private var places: [String: (place: Place, revision: Int64)] = [:]

    init(ownerKind: String) {
        self.ownerKind = ownerKind
    }

    /// The pods an owner controls; empty until one of them is seen.
    func pods(of ownerUID: String) -> OwnedPods {
        if let pods = owned[ownerUID] { return pods }
        let pods = OwnedPods()
        owned[ownerUID] = pods
        return pods
    }

    /// Forgets an owner that is gone (its pods stay until their own events say otherwise).
    func forget(ownerUID: String) {
        if owned[ownerUID]?.isEmpty == true { owned[ownerUID] = nil }
    }

    /// Active pods without a controller in a namespace, in name order.
    func orphans(in namespace: String) -> [ReplicaPodRecord] {
        (orphans[namespace] ?? [:]).values.filter(\.isActive).sorted { $0.name < $1.name }
    }

    /// Takes in the pod's new state (or its deletion). Returns the record now held, if any.
    /// News older than what the cache holds is ignored.
    @discardableResult
    func observe(_ pod: Pod, deleted: Bool = false) -> ReplicaPodRecord? {
        let key = ObjectKey.make(namespace: pod.namespace, name: pod.name)
        let revision = Int64(pod.metadata.resourceVersion ?? "") ?? 0
        if let current = places[key], current.revision > revision { return nil }
        if let current = places[key] { removeRecord(named: pod.name, from: current.place) }
        places[key] = nil
        guard !deleted else { return nil }
        let reference = pod.metadata.controllerReference
        // Pods controlled by another kind are that kind's manager's business.
        if let reference, reference.kind != ownerKind {
            places[key] = (.elsewhere, revision)
            return nil
        }
        let record = ReplicaPodRecord(pod, controllerUID: reference?.uid)
        if let uid = reference?.uid {
            pods(of: uid).insert(record)
            places[key] = (.owned(uid), revision)
        } else {
            orphans[pod.namespace, default: [:]][pod.name] = record
            places[key] = (.orphan(pod.namespace), revision)
        }
        return record
    }

    private func removeRecord(named name: String, from place: Place) {
        switch place {
        case .owned(let uid):
            owned[uid]?.remove(name)
        case .orphan(let namespace):
            orphans[namespace]?[name] = nil
            if orphans[namespace]?.isEmpty == true { orphans[namespace] = nil }
        case .elsewhere:
            break
        }
    }
}
