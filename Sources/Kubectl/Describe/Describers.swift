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
                             desired: Int(controller.spec?.replicas ?? 0), current: Int(controller.status?.replicas ?? 0), template: controller.spec?.template, into: &text)
        case let set as ReplicaSet:
            describeReplicas(object, selector: LabelSelector.format(set.spec?.selector), selectorValue: (try? LabelSelector.selector(for: set.spec?.selector)) ?? .nothing,
                             desired: Int(set.spec?.replicas ?? 0), current: Int(set.status?.replicas ?? 0), template: set.spec?.template, into: &text)
        case let deployment as Deployment: describeDeployment(deployment, into: &text)
        case let configMap as ConfigMap: describeConfigMap(configMap, into: &text)
        case let secret as Secret: describeSecret(secret, into: &text)
        case let ingress as Ingress: describeIngress(ingress, into: &text)
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

    func joined(_ values: [String]) -> String {
        values.isEmpty ? "<none>" : values.joined(separator: ",")
    }

    // MARK: Events

    /// The 1.8 events table: `FirstSeen LastSeen Count From SubObjectPath Type Reason Message`.
    func events(for object: any APIObject, into text: inout DescribeText) {
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
