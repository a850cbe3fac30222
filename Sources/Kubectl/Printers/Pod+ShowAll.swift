import KubernetesAPI

extension Pod {
    /// 1.8's `filterPods`: without `--show-all`, a pod whose reason (or, without one, phase)
    /// is Succeeded or Failed is not listed; an evicted pod keeps its reason and stays.
    var isHiddenWithoutShowAll: Bool {
        var reason = status?.phase?.rawValue ?? ""
        if let podReason = status?.reason, !podReason.isEmpty { reason = podReason }
        return reason == PodPhase.succeeded.rawValue || reason == PodPhase.failed.rawValue
    }
}
