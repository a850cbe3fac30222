import Formatting
/// Checks shared by the controllers that own pods.
enum WorkloadValidation {
    /// `ValidatePodTemplateSpecForRC`/`…ForReplicaSet`: the selector must match the template's labels,
    /// and the template must restart its pods always.
    static func templateErrors(_ template: PodTemplateSpec?, selector: Labels.Selector?, path: String) -> [FieldError] {
        guard let template else { return [FieldError(.required, path)] }
        var errors: [FieldError] = []
        let labels = template.metadata?.labels ?? [:]
        if let selector, !selector.isEmpty, !selector.matches(labels) {
            errors.append(FieldError(.invalid(.labelMap(template.metadata?.labels)), path + ".metadata.labels", "`selector` does not match template `labels`"))
        }
        if let metadata = template.metadata { errors += NameValidation.metadataErrors(metadata, path: path + ".metadata") }
        if let spec = template.spec {
            errors += spec.validationErrors(path: path + ".spec")
            if spec.restartPolicy != "Always" {
                errors.append(FieldError(.notSupported(.string(spec.restartPolicy ?? ""), supported: ["Always"]), path + ".spec.restartPolicy"))
            }
        } else {
            errors.append(FieldError(.required, path + ".spec.containers"))
        }
        return errors
    }

    /// What ReplicaSets and Deployments check alike: the name and metadata, the replica count,
    /// the label selector, and the template it must select.
    static func selectingWorkloadErrors(_ metadata: ObjectMeta, replicas: Int?, selector: LabelSelector?,
                                        template: PodTemplateSpec?) -> [FieldError] {
        var errors = NameValidation.errors(name: metadata.name, generateName: metadata.generateName,
                                           format: LabelValidation.dns1123SubdomainErrors, allowsDots: true)
        errors += NameValidation.metadataErrors(metadata)
        errors += replicasErrors(replicas, path: "spec.replicas")
        let (selectorErrors, parsed) = selectorErrors(selector, path: "spec.selector")
        errors += selectorErrors
        if let parsed {
            errors += templateErrors(template, selector: parsed, path: "spec.template")
        }
        return errors
    }

    static func replicasErrors(_ replicas: Int?, path: String) -> [FieldError] {
        guard let replicas, replicas < 0 else { return [] }
        return [FieldError(.invalid(.integer(Int64(replicas))), path, "must be greater than or equal to 0")]
    }

    /// A `metav1.LabelSelector` for set-based kinds: required, not empty, well-formed.
    static func selectorErrors(_ selector: LabelSelector?, path: String) -> (errors: [FieldError], parsed: Labels.Selector?) {
        guard let selector else { return ([FieldError(.required, path)], .nothing) }
        var errors: [FieldError] = []
        if selector.matchLabels.isEmpty && selector.matchExpressions.isEmpty {
            errors.append(FieldError(.invalid(.rendered(selector.goDescription)), path, "empty selector is invalid for deployment"))
        }
        do {
            return (errors, try selector.selector())
        } catch {
            errors.append(FieldError(.invalid(.rendered(selector.goDescription)), path, "invalid label selector"))
            return (errors, nil)
        }
    }
}

extension LabelSelector {
    /// `%#v` of a `metav1.LabelSelector`, as invalid-value messages print it.
    var goDescription: String {
        let labels = matchLabels.isEmpty
            ? "map[string]string(nil)"
            : "map[string]string{" + matchLabels.keys.sorted().map { goQuoted($0) + ":" + goQuoted(matchLabels[$0] ?? "") }.joined(separator: ", ") + "}"
        let expressions = matchExpressions.isEmpty ? "[]v1.LabelSelectorRequirement(nil)" : "[]v1.LabelSelectorRequirement{...}"
        return "&v1.LabelSelector{MatchLabels:\(labels), MatchExpressions:\(expressions)}"
    }
}
