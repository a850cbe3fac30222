import Simulation

extension Describers {
    /// 1.8's `describeDaemonSet`: no namespace line, and the node counts written with a plain
    /// space, so they stand outside the aligned columns around them.
    func describeDaemonSet(_ set: DaemonSet, into text: inout DescribeText) {
        let status = set.status
        text.line(0, "Name:\t" + set.name)
        text.line(0, "Selector:\t" + LabelSelector.format(set.spec?.selector))
        text.line(0, "Node-Selector:\t" + Labels.format(set.spec?.template?.spec?.nodeSelector ?? [:]))
        text.map(0, "Labels", set.metadata.labels)
        text.annotations(0, set.metadata.annotations)
        text.line(0, "Desired Number of Nodes Scheduled: \(status?.desiredNumberScheduled ?? 0)")
        text.line(0, "Current Number of Nodes Scheduled: \(status?.currentNumberScheduled ?? 0)")
        text.line(0, "Number of Nodes Scheduled with Up-to-date Pods: \(status?.updatedNumberScheduled ?? 0)")
        text.line(0, "Number of Nodes Scheduled with Available Pods: \(status?.numberAvailable ?? 0)")
        text.line(0, "Number of Nodes Misscheduled: \(status?.numberMisscheduled ?? 0)")
        // 1.8 counted every pod the selector matches, owned or not.
        let selector = (try? LabelSelector.selector(for: set.spec?.selector)) ?? .nothing
        let pods = (try? client.list(Pod.self, namespace: set.namespace, labelSelector: selector).items) ?? []
        func count(_ phase: PodPhase) -> Int { pods.filter { $0.status?.phase == phase }.count }
        text.line(0, "Pods Status:\t\(count(.running)) Running / \(count(.pending)) Waiting / \(count(.succeeded)) Succeeded / \(count(.failed)) Failed")
        describeTemplate(set.spec?.template, into: &text)
        events(for: set, into: &text)
    }
}
