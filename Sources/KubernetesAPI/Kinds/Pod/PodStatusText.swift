/// The READY, STATUS and RESTARTS cells of a pod row, by `printPod`'s algorithm.
public struct PodStatusText: Hashable, Sendable {
    public var ready: String
    public var status: String
    public var restarts: Int

    public init(_ pod: Pod) {
        let statuses = pod.status?.containerStatuses ?? []
        var reason = pod.status?.phase?.rawValue ?? ""
        if let podReason = pod.status?.reason, !podReason.isEmpty { reason = podReason }
        var restarts = 0
        var readyCount = 0
        var initializing = false
        let initStatuses = pod.status?.initContainerStatuses ?? []
        let initTotal = pod.spec?.initContainers?.count ?? initStatuses.count
        for (index, container) in initStatuses.enumerated() {
            restarts += Int(container.restartCount)
            if let terminated = container.state?.terminated, terminated.exitCode == 0 { continue }
            if let terminated = container.state?.terminated {
                if let text = terminated.reason, !text.isEmpty {
                    reason = "Init:" + text
                } else if let signal = terminated.signal, signal != 0 {
                    reason = "Init:Signal:\(signal)"
                } else {
                    reason = "Init:ExitCode:\(terminated.exitCode)"
                }
            } else if let waiting = container.state?.waiting, let text = waiting.reason, !text.isEmpty, text != "PodInitializing" {
                reason = "Init:" + text
            } else {
                reason = "Init:\(index)/\(initTotal)"
            }
            initializing = true
            break
        }
        if !initializing {
            restarts = 0
            var hasRunning = false
            for container in statuses.reversed() {
                restarts += Int(container.restartCount)
                if let waiting = container.state?.waiting, let text = waiting.reason, !text.isEmpty {
                    reason = text
                } else if let terminated = container.state?.terminated {
                    if let text = terminated.reason, !text.isEmpty {
                        reason = text
                    } else if let signal = terminated.signal, signal != 0 {
                        reason = "Signal:\(signal)"
                    } else {
                        reason = "ExitCode:\(terminated.exitCode)"
                    }
                } else if container.ready, container.state?.running != nil {
                    hasRunning = true
                    readyCount += 1
                }
            }
            if reason == "Completed" && hasRunning {
                reason = "Running"
            }
        }
        if pod.metadata.deletionTimestamp != nil {
            reason = pod.status?.reason == "NodeLost" ? "Unknown" : "Terminating"
        }
        self.ready = "\(readyCount)/\(pod.spec?.containers.count ?? statuses.count)"
        self.status = reason
        self.restarts = restarts
    }
}
