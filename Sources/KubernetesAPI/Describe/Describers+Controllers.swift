import Formatting
import Simulation

extension Describers {
    func describeReplicas(_ object: any APIObject, selector: String, selectorValue: Labels.Selector, desired: Int, current: Int, template: PodTemplateSpec?, into text: inout DescribeText) {
        text.line(0, "Name:\t" + object.name)
        text.line(0, "Namespace:\t" + object.namespace)
        text.line(0, "Selector:\t" + selector)
        text.map(0, "Labels", object.metadata.labels)
        text.annotations(0, object.metadata.annotations)
        text.line(0, "Replicas:\t\(current) current / \(desired) desired")
        let pods = ((try? client.list(Pod.self, namespace: object.namespace, labelSelector: selectorValue).items) ?? [])
            .filter { $0.metadata.controllerReference?.uid == object.uid }
        func count(_ phase: PodPhase) -> Int { pods.filter { $0.status?.phase == phase }.count }
        text.line(0, "Pods Status:\t\(count(.running)) Running / \(count(.pending)) Waiting / \(count(.succeeded)) Succeeded / \(count(.failed)) Failed")
        describeTemplate(template, into: &text)
        events(for: object, into: &text)
    }

    func describeTemplate(_ template: PodTemplateSpec?, into text: inout DescribeText) {
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

    /// `DescribePodTemplate` written straight out with no tabwriter, as `kubectl rollout history
    /// --revision=N` prints it (`printTemplate`): raw tabs after each label.
    public func podTemplateText(_ template: PodTemplateSpec) -> String {
        var text = "Pod Template:\n"
        func multiline(_ title: String, _ entries: [String: String]) {
            text += "  " + title + ":\t"
            guard !entries.isEmpty else {
                text += "<none>\n"
                return
            }
            // Later lines repeat the initial indent before the inner tab, as 1.8's multiline printers did.
            for (index, key) in entries.keys.sorted().enumerated() {
                let entry = title == "Annotations" ? DescribeText.annotation(key, entries[key] ?? "") : key + "=" + (entries[key] ?? "")
                text += (index == 0 ? "" : "  \t") + entry + "\n"
            }
        }
        multiline("Labels", template.metadata?.labels ?? [:])
        if let annotations = template.metadata?.annotations, !annotations.isEmpty { multiline("Annotations", annotations) }
        var rest = DescribeText()
        rest.line(1, "Containers:")
        for container in template.spec?.containers ?? [] {
            // The template's container names sit one space further in, as 1.8 printed them.
            var copy = container
            copy.name = " " + container.name
            describeContainer(copy, status: nil, level: 1, into: &rest)
        }
        if let volumes = template.spec?.volumes, !volumes.isEmpty {
            rest.line(1, "Volumes:")
            for volume in volumes {
                rest.line(2, volume.name + ":")
                for (label, value) in VolumeText.lines(volume) { rest.line(3, label + ":\t" + value) }
            }
        } else {
            rest.line(1, "Volumes:\t<none>")
        }
        return text + rest.text
    }

    func describeDeployment(_ deployment: Deployment, into text: inout DescribeText) {
        let status = deployment.status
        let desired = deployment.spec?.replicas ?? 0
        text.line(0, "Name:\t" + deployment.name)
        text.line(0, "Namespace:\t" + deployment.namespace)
        text.line(0, "CreationTimestamp:\t" + DescribeText.time(deployment.metadata.creationTimestamp))
        text.map(0, "Labels", deployment.metadata.labels)
        text.annotations(0, deployment.metadata.annotations)
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

    func intOrString(_ value: IntOrString?, _ fallback: String) -> String {
        switch value {
        case .int(let number): String(number)
        case .string(let text): text
        case nil: fallback
        }
    }
}
