import Formatting
import Simulation

extension Describers {
    func describePod(_ pod: Pod, into text: inout DescribeText) {
        text.line(0, "Name:\t" + pod.name)
        text.line(0, "Namespace:\t" + pod.namespace)
        if let node = pod.spec?.nodeName, !node.isEmpty {
            text.line(0, "Node:\t" + node + "/" + (pod.status?.hostIP ?? ""))
        } else {
            text.line(0, "Node:\t<none>")
        }
        if let start = pod.status?.startTime { text.line(0, "Start Time:\t" + DescribeText.time(start)) }
        text.map(0, "Labels", pod.metadata.labels)
        text.annotations(0, pod.metadata.annotations)
        if let deletion = pod.metadata.deletionTimestamp {
            text.line(0, "Status:\tTerminating (expires \(DescribeText.time(deletion)))")
            text.line(0, "Termination Grace Period:\t\(pod.metadata.deletionGracePeriodSeconds ?? 30)s")
        } else {
            text.line(0, "Status:\t" + (pod.status?.phase?.rawValue ?? ""))
        }
        if let reason = pod.status?.reason, !reason.isEmpty { text.line(0, "Reason:\t" + reason) }
        if let message = pod.status?.message, !message.isEmpty { text.line(0, "Message:\t" + message) }
        text.line(0, "IP:\t" + (pod.status?.podIP ?? ""))
        if let owner = pod.metadata.controllerReference {
            text.line(0, "Controlled By:\t\(owner.kind)/\(owner.name)")
        }
        let statuses = pod.status?.containerStatuses ?? []
        text.line(0, "Containers:")
        for container in pod.spec?.containers ?? [] {
            describeContainer(container, status: statuses.first { $0.name == container.name }, level: 1, into: &text)
        }
        if let conditions = pod.status?.conditions, !conditions.isEmpty {
            text.line(0, "Conditions:")
            text.line(1, "Type\tStatus")
            for condition in conditions {
                text.line(1, "\(condition.type) \t\(condition.status.rawValue) ")
            }
        }
        describeVolumes(pod.spec?.volumes, into: &text)
        text.line(0, "QoS Class:\t" + (pod.status?.qosClass ?? "BestEffort"))
        text.map(0, "Node-Selectors", pod.spec?.nodeSelector)
        let tolerations = (pod.spec?.tolerations ?? []).map { toleration -> String in
            var line = toleration.key ?? ""
            if let value = toleration.value, !value.isEmpty { line += "=" + value }
            if let effect = toleration.effect, !effect.isEmpty { line += ":" + effect }
            if let seconds = toleration.tolerationSeconds { line += " for \(seconds)s" }
            return line
        }
        if tolerations.isEmpty {
            text.line(0, "Tolerations:\t<none>")
        } else {
            for (index, toleration) in tolerations.enumerated() {
                text.line(0, (index == 0 ? "Tolerations:" : "") + "\t" + toleration)
            }
        }
        events(for: pod, into: &text)
    }

    func describeContainer(_ container: Container, status: ContainerStatus?, level: Int, into text: inout DescribeText) {
        text.line(level, container.name + ":")
        if let status {
            text.line(level + 1, "Container ID:\t" + (status.containerID ?? ""))
        }
        text.line(level + 1, "Image:\t" + (container.image ?? ""))
        if let status { text.line(level + 1, "Image ID:\t" + status.imageID) }
        let ports = (container.ports ?? []).map { "\($0.containerPort)/\($0.protocol ?? "TCP")" }
        text.line(level + 1, "Port:\t" + (ports.isEmpty ? "<none>" : ports.joined(separator: ", ")))
        if let command = container.command, !command.isEmpty {
            text.line(level + 1, "Command:")
            for word in command { text.line(level + 2, word) }
        }
        if let args = container.args, !args.isEmpty {
            text.line(level + 1, "Args:")
            for word in args { text.line(level + 2, word) }
        }
        if let status {
            describeState("State", status.state, level: level + 1, into: &text)
            if let last = status.lastState, last.running != nil || last.terminated != nil || last.waiting != nil {
                describeState("Last State", last, level: level + 1, into: &text)
            }
            text.line(level + 1, "Ready:\t" + (status.ready ? "True" : "False"))
            text.line(level + 1, "Restart Count:\t\(status.restartCount)")
        }
        if let limits = container.resources?.limits, !limits.isEmpty {
            text.line(level + 1, "Limits:")
            for key in limits.keys.sorted() { text.line(level + 2, "\(key):\t\(limits[key].map { "\($0)" } ?? "")") }
        }
        if let requests = container.resources?.requests, !requests.isEmpty {
            text.line(level + 1, "Requests:")
            for key in requests.keys.sorted() { text.line(level + 2, "\(key):\t\(requests[key].map { "\($0)" } ?? "")") }
        }
        if let probe = container.livenessProbe { text.line(level + 1, "Liveness:\t" + probeText(probe)) }
        if let probe = container.readinessProbe { text.line(level + 1, "Readiness:\t" + probeText(probe)) }
        let environment = container.env ?? []
        if environment.isEmpty {
            text.line(level + 1, "Environment:\t<none>")
        } else {
            text.line(level + 1, "Environment:")
            for variable in environment {
                text.line(level + 2, variable.name + ":\t" + (variable.value ?? ""))
            }
        }
        // 1.8 sorts by mount path (`SortableVolumeMounts`).
        let mounts = (container.volumeMounts ?? []).sorted { $0.mountPath < $1.mountPath }
        if mounts.isEmpty {
            text.line(level + 1, "Mounts:\t<none>")
        } else {
            text.line(level + 1, "Mounts:")
            for mount in mounts {
                text.line(level + 2, "\(mount.mountPath) from \(mount.name) (\(mount.readOnly == true ? "ro" : "rw"))")
            }
        }
    }

    func describeState(_ label: String, _ state: ContainerState?, level: Int, into text: inout DescribeText) {
        if let running = state?.running {
            text.line(level, label + ":\tRunning")
            text.line(level + 1, "Started:\t" + DescribeText.time(running.startedAt))
        } else if let waiting = state?.waiting {
            text.line(level, label + ":\tWaiting")
            if let reason = waiting.reason { text.line(level + 1, "Reason:\t" + reason) }
        } else if let terminated = state?.terminated {
            text.line(level, label + ":\tTerminated")
            if let reason = terminated.reason { text.line(level + 1, "Reason:\t" + reason) }
            text.line(level + 1, "Exit Code:\t\(terminated.exitCode)")
            text.line(level + 1, "Started:\t" + DescribeText.time(terminated.startedAt))
            text.line(level + 1, "Finished:\t" + DescribeText.time(terminated.finishedAt))
        } else {
            text.line(level, label + ":\tWaiting")
        }
    }

    /// `describeProbe`: the action as a URL or command, then the timings.
    func probeText(_ probe: Probe) -> String {
        let attributes = "delay=\(probe.initialDelaySeconds ?? 0)s timeout=\(probe.timeoutSeconds ?? 0)s period=\(probe.periodSeconds ?? 0)s #success=\(probe.successThreshold ?? 0) #failure=\(probe.failureThreshold ?? 0)"
        if let exec = probe.exec {
            return "exec [" + (exec.command ?? []).joined(separator: " ") + "] " + attributes
        }
        if let get = probe.httpGet {
            // Go's url.URL{Scheme, Host: JoinHostPort(host, port), Path}.String().
            let host = get.host ?? ""
            let port = get.port.description
            let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            var path = get.path ?? ""
            if !path.isEmpty, !path.hasPrefix("/") { path = "/" + path }
            return "http-get \((get.scheme ?? "").lowercased())://\(authority)\(path) " + attributes
        }
        if let tcp = probe.tcpSocket {
            return "tcp-socket \(tcp.host ?? ""):\(tcp.port.description) " + attributes
        }
        return "unknown " + attributes
    }

    func describeVolumes(_ volumes: [Volume]?, into text: inout DescribeText) {
        guard let volumes, !volumes.isEmpty else {
            text.line(0, "Volumes:\t<none>")
            return
        }
        text.line(0, "Volumes:")
        for volume in volumes {
            text.line(1, volume.name + ":")
            for (label, value) in VolumeText.lines(volume) {
                text.line(2, label + ":\t" + value)
            }
        }
    }
}
