import KubernetesAPI
import Simulation

/// The kubelet's per-container back-off (`flowcontrol.Backoff`): 10 s doubling to 5 min, forgotten
/// after twice the maximum without trouble.
struct BackOff {
    var initial: Duration = .seconds(10)
    var maximum: Duration = .seconds(300)
    private(set) var current: Duration?
    private(set) var lastUpdate: VirtualInstant?

    /// Whether `now` still falls in the window that started at the last update.
    func isActive(at now: VirtualInstant) -> Bool {
        guard let current, let lastUpdate else { return false }
        return now < lastUpdate + current
    }

    /// `IsInBackOffSince`: whether `now` falls in the current window counted from `event` (for a
    /// crashed container, when it finished), unless the item has been quiet long enough to be forgotten.
    func isActive(since event: VirtualInstant, at now: VirtualInstant) -> Bool {
        guard let current, let lastUpdate, event - lastUpdate <= maximum * 2 else { return false }
        return now - event < current
    }

    /// When the window ends.
    var deadline: VirtualInstant? {
        guard let current, let lastUpdate else { return nil }
        return lastUpdate + current
    }

    /// Starts the next window at `now`: the first is `initial`, each later one twice as long.
    mutating func next(at now: VirtualInstant) {
        if let current, let lastUpdate, now - lastUpdate < maximum * 2 {
            self.current = min(current * 2, maximum)
        } else {
            current = initial
        }
        lastUpdate = now
    }

    mutating func reset() {
        current = nil
        lastUpdate = nil
    }
}
