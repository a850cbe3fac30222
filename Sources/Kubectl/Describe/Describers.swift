import Formatting
import Kubernetes
import Simulation

/// `kubectl describe` of Kubernetes ≈1.8, one section layout per kind.
struct Describers {
    let client: any KubernetesClient
    let now: VirtualInstant

    func describe(_ object: any APIObject) -> String {
        var text = DescribeText()
        switch object {
        case let pod as Pod: describePod(pod, into: &text)
        case let node as Node: describeNode(node, into: &text)
        case let service as Service: describeService(service, into: &text)
        case let controller as ReplicationController:
            describeReplicas(object, selector: Labels.format(controller.spec?.selector ?? [:]), selectorValue: Labels.Selector(matching: controller.spec?.selector ?? [:]),
                             desired: controller.spec?.replicas ?? 0, current: controller.status?.replicas ?? 0, template: controller.spec?.template, into: &text)
        case let set as ReplicaSet:
            describeReplicas(object, selector: LabelSelector.format(set.spec?.selector), selectorValue: (try? LabelSelector.selector(for: set.spec?.selector)) ?? .nothing,
                             desired: set.spec?.replicas ?? 0, current: set.status?.replicas ?? 0, template: set.spec?.template, into: &text)
        case let deployment as Deployment: describeDeployment(deployment, into: &text)
        case let namespace as Namespace:
            text.line(0, "Name:\t" + namespace.name)
            text.map(0, "Labels", namespace.metadata.labels)
            text.map(0, "Annotations", namespace.metadata.annotations, separator: ": ")
            text.line(0, "Status:\t" + (namespace.status?.phase ?? "Active"))
            text.line(0, "")
            text.line(0, "No resource quota.")
            text.line(0, "")
            text.line(0, "No resource limits.")
            return text.rendered
        case let endpoints as Endpoints:
            text.line(0, "Name:\t" + endpoints.name)
            text.line(0, "Namespace:\t" + endpoints.namespace)
            text.map(0, "Labels", endpoints.metadata.labels)
            text.map(0, "Annotations", endpoints.metadata.annotations, separator: ": ")
            text.line(0, "Subsets:")
            for subset in endpoints.subsets ?? [] {
                text.line(1, "Addresses:\t" + joined((subset.addresses ?? []).map(\.ip)))
                text.line(1, "NotReadyAddresses:\t" + joined((subset.notReadyAddresses ?? []).map(\.ip)))
                text.line(1, "Ports:")
                text.line(2, "Name\tPort\tProtocol")
                text.line(2, "----\t----\t--------")
                for port in subset.ports ?? [] {
                    text.line(2, (port.name.map { $0.isEmpty ? "<unset>" : $0 } ?? "<unset>") + "\t\(port.port)\t" + (port.protocol ?? "TCP"))
                }
                text.line(0, "")
            }
            events(for: object, into: &text)
        default:
            text.line(0, "Name:\t" + object.name)
            if !object.namespace.isEmpty { text.line(0, "Namespace:\t" + object.namespace) }
            text.map(0, "Labels", object.metadata.labels)
            text.map(0, "Annotations", object.metadata.annotations, separator: ": ")
            events(for: object, into: &text)
        }
        return text.rendered
    }

    private func joined(_ values: [String]) -> String {
        values.isEmpty ? "<none>" : values.joined(separator: ",")
    }

    // MARK: Pods

    private func describePod(_ pod: Pod, into text: inout DescribeText) {
        text.line(0, "Name:\t" + pod.name)
        text.line(0, "Namespace:\t" + pod.namespace)
        if let node = pod.spec?.nodeName, !node.isEmpty {
            text.line(0, "Node:\t" + node + "/" + (pod.status?.hostIP ?? ""))
        } else {
            text.line(0, "Node:\t<none>")
        }
        if let start = pod.status?.startTime { text.line(0, "Start Time:\t" + DescribeText.time(start)) }
        text.map(0, "Labels", pod.metadata.labels)
        text.map(0, "Annotations", pod.metadata.annotations, separator: "=")
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

    private func describeContainer(_ container: Container, status: ContainerStatus?, level: Int, into text: inout DescribeText) {
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
        let mounts = container.volumeMounts ?? []
        if mounts.isEmpty {
            text.line(level + 1, "Mounts:\t<none>")
        } else {
            text.line(level + 1, "Mounts:")
            for mount in mounts {
                text.line(level + 2, "\(mount.mountPath) from \(mount.name) (\(mount.readOnly == true ? "ro" : "rw"))")
            }
        }
    }

    private func describeState(_ label: String, _ state: ContainerState?, level: Int, into text: inout DescribeText) {
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

    private func probeText(_ probe: Probe) -> String {
        var action = "unknown"
        if let get = probe.httpGet {
            let port: String
            switch get.port {
            case .int(let number): port = String(number)
            case .string(let name): port = name
            }
            action = "http-get \((get.scheme ?? "HTTP").lowercased())://\(get.host ?? ""):\(port)\(get.path ?? "")"
        } else if let tcp = probe.tcpSocket {
            switch tcp.port {
            case .int(let number): action = "tcp-socket :\(number)"
            case .string(let name): action = "tcp-socket :\(name)"
            }
        } else if let exec = probe.exec {
            action = "exec [" + (exec.command ?? []).joined(separator: " ") + "]"
        }
        return "\(action) delay=\(probe.initialDelaySeconds ?? 0)s timeout=\(probe.timeoutSeconds ?? 1)s period=\(probe.periodSeconds ?? 10)s #success=\(probe.successThreshold ?? 1) #failure=\(probe.failureThreshold ?? 3)"
    }

    private func describeVolumes(_ volumes: [Volume]?, into text: inout DescribeText) {
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

    // MARK: Controllers

    private func describeReplicas(_ object: any APIObject, selector: String, selectorValue: Labels.Selector, desired: Int, current: Int, template: PodTemplateSpec?, into text: inout DescribeText) {
        text.line(0, "Name:\t" + object.name)
        text.line(0, "Namespace:\t" + object.namespace)
        text.line(0, "Selector:\t" + selector)
        text.map(0, "Labels", object.metadata.labels)
        text.map(0, "Annotations", object.metadata.annotations, separator: "=")
        text.line(0, "Replicas:\t\(current) current / \(desired) desired")
        let pods = ((try? client.list(Pod.self, namespace: object.namespace, labelSelector: selectorValue).items) ?? [])
            .filter { $0.metadata.controllerReference?.uid == object.uid }
        func count(_ phase: PodPhase) -> Int { pods.filter { $0.status?.phase == phase }.count }
        text.line(0, "Pods Status:\t\(count(.running)) Running / \(count(.pending)) Waiting / \(count(.succeeded)) Succeeded / \(count(.failed)) Failed")
        describeTemplate(template, into: &text)
        events(for: object, into: &text)
    }

    private func describeTemplate(_ template: PodTemplateSpec?, into text: inout DescribeText) {
        text.line(0, "Pod Template:")
        text.map(1, "Labels", template?.metadata?.labels)
        text.line(1, "Containers:")
        for container in template?.spec?.containers ?? [] {
            // The template's container names sit one space further in, as 1.8 printed them.
            var copy = container
            copy.name = " " + container.name
            describeContainer(copy, status: nil, level: 1, into: &text)
        }
        if let volumes = template?.spec?.volumes, !volumes.isEmpty {
            text.line(1, "Volumes:")
            for volume in volumes {
                text.line(2, volume.name + ":")
                for (label, value) in VolumeText.lines(volume) { text.line(3, label + ":\t" + value) }
            }
        } else {
            text.line(1, "Volumes:\t<none>")
        }
    }

    private func describeDeployment(_ deployment: Deployment, into text: inout DescribeText) {
        let status = deployment.status
        let desired = deployment.spec?.replicas ?? 0
        text.line(0, "Name:\t" + deployment.name)
        text.line(0, "Namespace:\t" + deployment.namespace)
        text.line(0, "CreationTimestamp:\t" + DescribeText.time(deployment.metadata.creationTimestamp))
        text.map(0, "Labels", deployment.metadata.labels)
        text.map(0, "Annotations", deployment.metadata.annotations, separator: "=")
        text.line(0, "Selector:\t" + LabelSelector.format(deployment.spec?.selector))
        text.line(0, "Replicas:\t\(desired) desired | \(status?.updatedReplicas ?? 0) updated | \(status?.replicas ?? 0) total | \(status?.availableReplicas ?? 0) available | \(status?.unavailableReplicas ?? 0) unavailable")
        let strategy = deployment.spec?.strategy?.type ?? "RollingUpdate"
        text.line(0, "StrategyType:\t" + strategy)
        text.line(0, "MinReadySeconds:\t\(deployment.spec?.minReadySeconds ?? 0)")
        if strategy == "RollingUpdate" {
            let rolling = deployment.spec?.strategy?.rollingUpdate
            text.line(0, "RollingUpdateStrategy:\t\(intOrString(rolling?.maxUnavailable, "25%")) max unavailable, \(intOrString(rolling?.maxSurge, "25%")) max surge")
        }
        describeTemplate(deployment.spec?.template, into: &text)
        if let conditions = status?.conditions, !conditions.isEmpty {
            text.line(0, "Conditions:")
            text.line(1, "Type\tStatus\tReason")
            text.line(1, "----\t------\t------")
            for condition in conditions {
                text.line(1, "\(condition.type) \t\(condition.status.rawValue)\t\(condition.reason ?? "")")
            }
        }
        let sets = ((try? client.list(ReplicaSet.self, namespace: deployment.namespace).items) ?? [])
            .filter { $0.metadata.controllerReference?.uid == deployment.uid }
        let template = deployment.spec?.template?.spec
        let newSet = sets.first { $0.spec?.template?.spec == template }
        let oldSets = sets.filter { $0.uid != newSet?.uid && ($0.spec?.replicas ?? 0) > 0 }
        text.line(0, "OldReplicaSets:\t" + (oldSets.isEmpty ? "<none>" : oldSets.map { "\($0.name) (\($0.status?.replicas ?? 0)/\($0.spec?.replicas ?? 0) replicas created)" }.joined(separator: ", ")))
        text.line(0, "NewReplicaSet:\t" + (newSet.map { "\($0.name) (\($0.status?.replicas ?? 0)/\($0.spec?.replicas ?? 0) replicas created)" } ?? "<none>"))
        events(for: deployment, into: &text)
    }

    private func intOrString(_ value: IntOrString?, _ fallback: String) -> String {
        switch value {
        case .int(let number): String(number)
        case .string(let text): text
        case nil: fallback
        }
    }

    // MARK: Services and nodes

    private func describeService(_ service: Service, into text: inout DescribeText) {
        text.line(0, "Name:\t" + service.name)
        text.line(0, "Namespace:\t" + service.namespace)
        text.map(0, "Labels", service.metadata.labels)
        text.map(0, "Annotations", service.metadata.annotations, separator: "=")
        text.line(0, "Selector:\t" + Labels.format(service.spec?.selector ?? [:]))
        text.line(0, "Type:\t" + (service.spec?.type ?? "ClusterIP"))
        text.line(0, "IP:\t" + (service.spec?.clusterIP ?? ""))
        if let external = service.spec?.externalIPs, !external.isEmpty {
            text.line(0, "External IPs:\t" + external.joined(separator: ","))
        }
        let ingress = (service.status?.loadBalancer?.ingress ?? []).compactMap { $0.ip ?? $0.hostname }
        if !ingress.isEmpty { text.line(0, "LoadBalancer Ingress:\t" + ingress.joined(separator: ", ")) }
        let endpoints = try? client.get(Endpoints.self, namespace: service.namespace, name: service.name)
        for port in service.spec?.ports ?? [] {
            let name = (port.name ?? "").isEmpty ? "<unset>" : (port.name ?? "")
            let proto = port.protocol ?? "TCP"
            text.line(0, "Port:\t\(name)\t\(port.port)/\(proto)")
            let target: String
            switch port.targetPort {
            case .int(let number): target = "\(number)/\(proto)"
            case .string(let name): target = "\(name)/\(proto)"
            case nil: target = "\(port.port)/\(proto)"
            }
            text.line(0, "TargetPort:\t" + target)
            if let nodePort = port.nodePort, nodePort != 0 {
                text.line(0, "NodePort:\t\(name)\t\(nodePort)/\(proto)")
            }
            var addresses: [String] = []
            for subset in endpoints?.subsets ?? [] {
                let matching = (subset.ports ?? []).filter { ($0.name ?? "") == (port.name ?? "") || (subset.ports?.count == 1) }
                for endpointPort in matching {
                    for address in subset.addresses ?? [] { addresses.append("\(address.ip):\(endpointPort.port)") }
                }
            }
            text.line(0, "Endpoints:\t" + (addresses.isEmpty ? "<none>" : addresses.joined(separator: ",")))
        }
        text.line(0, "Session Affinity:\t" + (service.spec?.sessionAffinity ?? "None"))
        if let policy = service.spec?.externalTrafficPolicy, !policy.isEmpty { text.line(0, "External Traffic Policy:\t" + policy) }
        events(for: service, into: &text)
    }

    private func describeNode(_ node: Node, into text: inout DescribeText) {
        text.line(0, "Name:\t" + node.name)
        text.line(0, "Roles:\t" + TableColumns.roles(node))
        text.map(0, "Labels", node.metadata.labels)
        text.map(0, "Annotations", node.metadata.annotations, separator: "=")
        text.line(0, "CreationTimestamp:\t" + DescribeText.time(node.metadata.creationTimestamp))
        let taints = (node.spec?.taints ?? []).map { "\($0.key)\($0.value.map { "=" + $0 } ?? ""):\($0.effect)" }
        text.line(0, "Taints:\t" + (taints.isEmpty ? "<none>" : taints.joined(separator: "\n\t")))
        text.line(0, "Unschedulable:\t" + (node.spec?.unschedulable == true ? "true" : "false"))
        text.line(0, "Conditions:")
        text.line(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage")
        text.line(1, "----\t------\t-----------------\t------------------\t------\t-------")
        for condition in node.status?.conditions ?? [] {
            text.line(1, "\(condition.type) \t\(condition.status.rawValue) \t\(DescribeText.time(condition.lastHeartbeatTime)) \t\(DescribeText.time(condition.lastTransitionTime)) \t\(condition.reason ?? "") \t\(condition.message ?? "")")
        }
        text.line(0, "Addresses:")
        for address in node.status?.addresses ?? [] { text.line(1, address.type + ":\t" + address.address) }
        for (label, list) in [("Capacity", node.status?.capacity), ("Allocatable", node.status?.allocatable)] {
            text.line(0, label + ":")
            for key in (list ?? [:]).keys.sorted() {
                text.line(1, "\(key):\t\(list?[key].map { "\($0)" } ?? "")")
            }
        }
        if let info = node.status?.nodeInfo {
            text.line(0, "System Info:")
            text.line(1, "Machine ID:\t" + info.machineID)
            text.line(1, "System UUID:\t" + info.systemUUID)
            text.line(1, "Boot ID:\t" + info.bootID)
            text.line(1, "Kernel Version:\t" + info.kernelVersion)
            text.line(1, "OS Image:\t" + info.osImage)
            text.line(1, "Operating System:\t" + info.operatingSystem)
            text.line(1, "Architecture:\t" + info.architecture)
            text.line(1, "Container Runtime Version:\t" + info.containerRuntimeVersion)
            text.line(1, "Kubelet Version:\t" + info.kubeletVersion)
            text.line(1, "Kube-Proxy Version:\t" + info.kubeProxyVersion)
        }
        if let cidr = node.spec?.podCIDR, !cidr.isEmpty { text.line(0, "PodCIDR:\t" + cidr) }
        if let id = node.spec?.externalID, !id.isEmpty { text.line(0, "ExternalID:\t" + id) }
        let selector = Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: node.name)])
        let pods = ((try? client.list(Pod.self, namespace: nil, fieldSelector: selector).items) ?? []).filter { !$0.isTerminated }
        text.line(0, "Non-terminated Pods:\t(\(pods.count) in total)")
        text.line(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits")
        text.line(1, "---------\t----\t\t------------\t----------\t---------------\t-------------")
        for pod in pods {
            text.line(1, "\(pod.namespace)\t\(pod.name)\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)")
        }
        text.line(0, "Allocated resources:")
        text.line(1, "(Total limits may be over 100 percent, i.e., overcommitted.)")
        text.line(1, "CPU Requests\tCPU Limits\tMemory Requests\tMemory Limits")
        text.line(1, "------------\t----------\t---------------\t-------------")
        text.line(1, "0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)")
        events(for: node, into: &text)
    }

    // MARK: Events

    /// The 1.8 events table: `FirstSeen LastSeen Count From SubObjectPath Type Reason Message`.
    private func events(for object: any APIObject, into text: inout DescribeText) {
        let namespace = object.namespace.isEmpty ? nil : object.namespace
        let events = ((try? client.list(Event.self, namespace: namespace).items) ?? []).filter {
            $0.involvedObject.name == object.name && $0.involvedObject.kind == Swift.type(of: object).resource.kind
                && ($0.involvedObject.uid == nil || $0.involvedObject.uid == object.uid || object.uid.isEmpty)
        }.sorted { ($0.firstTimestamp ?? Timestamp(.worldEpoch)) < ($1.firstTimestamp ?? Timestamp(.worldEpoch)) }
        guard !events.isEmpty else {
            text.line(0, "Events:\t<none>")
            return
        }
        text.line(0, "Events:")
        text.line(1, "FirstSeen\tLastSeen\tCount\tFrom\tSubObjectPath\tType\tReason\tMessage")
        text.line(1, "---------\t--------\t-----\t----\t-------------\t--------\t------\t-------")
        for event in events {
            let source = [event.source?.component, event.source?.host].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            text.line(1, "\(TableColumns.age(event.firstTimestamp, now: now))\t\(TableColumns.age(event.lastTimestamp, now: now))\t\(event.count ?? 1)\t\(source)\t\(event.involvedObject.fieldPath ?? "")\t\(event.type ?? "")\t\(event.reason ?? "")\t\(event.message ?? "")")
        }
    }
}
