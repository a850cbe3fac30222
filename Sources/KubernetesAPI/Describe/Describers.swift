import Formatting
import Simulation

/// `kubectl describe` of Kubernetes ≈1.8: each kind declares its sections
/// (`KindDeclaration.describe(into:with:)`) from the helpers here; kubectl aligns and prints them.
public struct Describers {
    let client: any KubernetesClient
    let now: VirtualInstant

    public init(client: any KubernetesClient, now: VirtualInstant) {
        self.client = client
        self.now = now
    }

    /// The sections of one object, as its kind declares them.
    public func describe(_ object: any APIObject) -> DescribeText {
        var text = DescribeText()
        if let declared = object as? any KindDeclaration {
            declared.describe(into: &text, with: self)
        } else {
            describeGeneric(object, into: &text)
        }
        return text
    }

    /// What kinds without a describer of their own show: name, namespace, labels, annotations, events.
    func describeGeneric(_ object: any APIObject, into text: inout DescribeText) {
        text.line(0, "Name:\t" + object.name)
        if !object.namespace.isEmpty { text.line(0, "Namespace:\t" + object.namespace) }
        text.map(0, "Labels", object.metadata.labels)
        text.map(0, "Annotations", object.metadata.annotations, separator: ": ")
        events(for: object, into: &text)
    }

    func describeNamespace(_ namespace: Namespace, into text: inout DescribeText) {
        text.line(0, "Name:\t" + namespace.name)
        text.map(0, "Labels", namespace.metadata.labels)
        text.map(0, "Annotations", namespace.metadata.annotations, separator: ": ")
        text.line(0, "Status:\t" + (namespace.status?.phase ?? "Active"))
        text.line(0, "")
        text.line(0, "No resource quota.")
        text.line(0, "")
        text.line(0, "No resource limits.")
    }

    func describeEndpoints(_ endpoints: Endpoints, into text: inout DescribeText) {
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
        events(for: endpoints, into: &text)
    }

    func describeReplicationController(_ controller: ReplicationController, into text: inout DescribeText) {
        describeReplicas(controller, selector: Labels.format(controller.spec?.selector ?? [:]), selectorValue: Labels.Selector(matching: controller.spec?.selector ?? [:]),
                         desired: Int(controller.spec?.replicas ?? 0), current: Int(controller.status?.replicas ?? 0), template: controller.spec?.template, into: &text)
    }

    func describeReplicaSet(_ set: ReplicaSet, into text: inout DescribeText) {
        describeReplicas(set, selector: LabelSelector.format(set.spec?.selector), selectorValue: (try? LabelSelector.selector(for: set.spec?.selector)) ?? .nothing,
                         desired: Int(set.spec?.replicas ?? 0), current: Int(set.status?.replicas ?? 0), template: set.spec?.template, into: &text)
    }

    /// Go's `strings.TrimSpace`, which 1.8 applies to event messages (an exec probe's output ends in a newline).
    static func trimmedSpace(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        return String(text.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
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
            text.line(1, "\(TableCells.age(event.firstTimestamp, now: now))\t\(TableCells.age(event.lastTimestamp, now: now))\t\(event.count ?? 1)\t\(source)\t\(event.involvedObject.fieldPath ?? "")\t\(event.type ?? "")\t\(event.reason ?? "")\t\(Self.trimmedSpace(event.message ?? ""))")
        }
    }
}
