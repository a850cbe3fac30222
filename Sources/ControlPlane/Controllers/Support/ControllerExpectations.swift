import KubernetesAPI
import Simulation

/// The creations and deletions a controller has asked for and not yet seen in its watch
/// (`controller.UIDTrackingControllerExpectations`). While any are outstanding its cache is
/// behind the server, so it must not count pods again and create or delete twice.
struct ControllerExpectations {
    /// After this long without news the expectations lapse, so a lost event cannot stall an owner.
    static let timeout: Duration = .seconds(300)

    private struct Pending {
        var creations = 0
        var deletions: Set<String> = []
        var since: VirtualInstant
    }

    private var pending: [String: Pending] = [:]

    /// Whether the owner may be managed: nothing outstanding, or it has lapsed.
    func areSatisfied(for key: String, at now: VirtualInstant) -> Bool {
        guard let entry = pending[key] else { return true }
        return (entry.creations <= 0 && entry.deletions.isEmpty) || now - entry.since > Self.timeout
    }

    mutating func expectCreations(_ count: Int, for key: String, at now: VirtualInstant) {
        pending[key] = Pending(creations: count, since: now)
    }

    mutating func expectDeletions(of names: [String], for key: String, at now: VirtualInstant) {
        pending[key] = Pending(deletions: Set(names), since: now)
    }

    mutating func creationObserved(for key: String) {
        guard var entry = pending[key] else { return }
        entry.creations -= 1
        settle(entry, for: key)
    }

    mutating func deletionObserved(of name: String, for key: String) {
        guard var entry = pending[key], entry.deletions.remove(name) != nil else { return }
        settle(entry, for: key)
    }

    mutating func forget(_ key: String) {
        pending[key] = nil
    }

    private mutating func settle(_ entry: Pending, for key: String) {
        pending[key] = entry.creations <= 0 && entry.deletions.isEmpty ? nil : entry
    }
}
