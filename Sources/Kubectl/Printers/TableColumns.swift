import Formatting
import Kubernetes
import Simulation

/// The columns `kubectl get` printed for each kind in Kubernetes ≈1.8, and the cells of one object.
enum TableColumns {
    /// The kind's declared columns.
    static func headers(for type: ResourceType, wide: Bool) -> [String] {
        type.declaration.headers(wide: wide)
    }

    static func age(_ timestamp: Timestamp?, now: VirtualInstant) -> String {
        guard let timestamp else { return "<unknown>" }
        return KubernetesDuration.short(now - timestamp.instant)
    }

    /// The cells of one object's row; `name` is what the NAME column shows (`po/x` in mixed listings).
    static func row(for object: any APIObject, name: String, wide: Bool, now: VirtualInstant) -> [String] {
        let age = age(object.metadata.creationTimestamp, now: now)
        switch object {
        case let pod as Pod:
            let status = PodStatusText(pod)
            var cells = [name, status.ready, status.status, String(status.restarts), age]
            if wide {
                cells += [nonEmpty(pod.status?.podIP), nonEmpty(pod.spec?.nodeName)]
            }
            return cells
        case let controller as ReplicationController:
            let template = controller.spec?.template?.spec
            var cells = [name, String(controller.spec?.replicas ?? 0), String(controller.status?.replicas ?? 0),
                         String(controller.status?.readyReplicas ?? 0), age]
            if wide { cells += containerCells(template) + [Labels.format(controller.spec?.selector ?? [:])] }
            return cells
        case let set as ReplicaSet:
            var cells = [name, String(set.spec?.replicas ?? 0), String(set.status?.replicas ?? 0), String(set.status?.readyReplicas ?? 0), age]
            if wide { cells += containerCells(set.spec?.template?.spec) + [LabelSelector.format(set.spec?.selector)] }
            return cells
        case let deployment as Deployment:
            var cells = [name, String(deployment.spec?.replicas ?? 0), String(deployment.status?.replicas ?? 0),
                         String(deployment.status?.updatedReplicas ?? 0), String(deployment.status?.availableReplicas ?? 0), age]
            if wide { cells += containerCells(deployment.spec?.template?.spec) + [LabelSelector.format(deployment.spec?.selector)] }
            return cells
        case let service as Service:
            var cells = [name, service.spec?.type ?? "ClusterIP", nonEmpty(service.spec?.clusterIP), externalIP(service), ports(service), age]
            if wide { cells.append(Labels.format(service.spec?.selector ?? [:])) }
            return cells
        case let endpoints as Endpoints:
            return [name, endpointsText(endpoints), age]
        case let node as Node:
            var status = node.isReady ? "Ready" : (node.status?.conditions?.contains { $0.type == NodeCondition.ready } == true ? "NotReady" : "Unknown")
            if node.status?.conditions?.first(where: { $0.type == NodeCondition.ready })?.status == .unknown { status = "NotReady" }
            if node.spec?.unschedulable == true { status += ",SchedulingDisabled" }
            var cells = [name, status, roles(node), age, node.status?.nodeInfo?.kubeletVersion ?? ""]
            if wide {
                let external = node.status?.addresses?.first { $0.type == "ExternalIP" }?.address
                let info = node.status?.nodeInfo
                cells += [nonEmpty(external), info?.osImage ?? "<unknown>", info?.kernelVersion ?? "<unknown>", info?.containerRuntimeVersion ?? "<unknown>"]
            }
            return cells
        case let namespace as Namespace:
            return [name, namespace.status?.phase ?? "Active", age]
        case let event as Event:
            let source = [event.source?.component, event.source?.host].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return [Self.age(event.lastTimestamp, now: now), Self.age(event.firstTimestamp, now: now), String(event.count ?? 1),
                    event.involvedObject.name ?? "", event.involvedObject.kind ?? "", event.involvedObject.fieldPath ?? "",
                    event.type ?? "", event.reason ?? "", source, event.message ?? ""]
        case let component as ComponentStatus:
            let healthy = component.conditions?.first { $0.type == "Healthy" }
            return [name, healthy?.status == .true ? "Healthy" : "Unhealthy", healthy?.message ?? "", healthy?.error ?? ""]
        default:
            return [name, age]
        }
    }

    static func nonEmpty(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "<none>" }
        return text
    }

    private static func containerCells(_ spec: PodSpec?) -> [String] {
        let containers = spec?.containers ?? []
        return [containers.map(\.name).joined(separator: ","), containers.map { $0.image ?? "" }.joined(separator: ",")]
    }

    static func externalIP(_ service: Service) -> String {
        let external = service.spec?.externalIPs ?? []
        switch service.spec?.type ?? "ClusterIP" {
        case "LoadBalancer":
            let ingress = (service.status?.loadBalancer?.ingress ?? []).compactMap { $0.ip ?? $0.hostname }
            let all = ingress + external
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        case "ExternalName":
            return service.spec?.externalName ?? "<none>"
        default:
            return external.isEmpty ? "<none>" : external.joined(separator: ",")
        }
    }

    static func ports(_ service: Service) -> String {
        let ports = service.spec?.ports ?? []
        guard !ports.isEmpty else { return "<none>" }
        return ports.map { port in
            let proto = port.protocol ?? "TCP"
            if let nodePort = port.nodePort, nodePort != 0 { return "\(port.port):\(nodePort)/\(proto)" }
            return "\(port.port)/\(proto)"
        }.joined(separator: ",")
    }

    /// Up to three `ip:port` pairs, then ` + N more...`.
    static func endpointsText(_ endpoints: Endpoints) -> String {
        var pairs: [String] = []
        var total = 0
        for subset in endpoints.subsets ?? [] {
            let ports = subset.ports ?? []
            for address in subset.addresses ?? [] {
                if ports.isEmpty {
                    total += 1
                    if pairs.count < 3 { pairs.append(address.ip) }
                }
                for port in ports {
                    total += 1
                    if pairs.count < 3 { pairs.append("\(address.ip):\(port.port)") }
                }
            }
        }
        guard total > 0 else { return "<none>" }
        var text = pairs.joined(separator: ",")
        if total > pairs.count { text += " + \(total - pairs.count) more..." }
        return text
    }

    static func roles(_ node: Node) -> String {
        var roles: [String] = []
        for (key, value) in node.labels {
            if key.hasPrefix("node-role.kubernetes.io/") {
                let role = String(key.dropFirst("node-role.kubernetes.io/".count))
                if !role.isEmpty { roles.append(role) }
            } else if key == "kubernetes.io/role", !value.isEmpty {
                roles.append(value)
            }
        }
        return roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ",")
    }
}
