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

    /// What ReplicaSets and Deployments check alike: the replica count,
    /// the label selector, and the template it must select.
    static func selectingWorkloadErrors(_ metadata: ObjectMeta, replicas: Int32?, minReadySeconds: Int32? = nil,
                                        selector: LabelSelector?, template: PodTemplateSpec?) -> [FieldError] {
        var errors = replicasErrors(replicas, path: "spec.replicas")
        errors += nonnegativeErrors(minReadySeconds.map(Int64.init), path: "spec.minReadySeconds")
        let (selectorErrors, parsed) = selectorErrors(selector, path: "spec.selector")
        errors += selectorErrors
        if let parsed {
            errors += templateErrors(template, selector: parsed, path: "spec.template")
        }
        return errors
    }

    static func replicasErrors(_ replicas: Int32?, path: String) -> [FieldError] {
        nonnegativeErrors(replicas.map(Int64.init), path: path)
    }

    /// `ValidateNonnegativeField`.
    static func nonnegativeErrors(_ value: Int64?, path: String) -> [FieldError] {
        guard let value, value < 0 else { return [] }
        return [FieldError(.invalid(.integer(value)), path, "must be greater than or equal to 0")]
    }

    /// A `metav1.LabelSelector` for set-based kinds: required, not empty, well-formed.
    static func selectorErrors(_ selector: LabelSelector?, path: String) -> (errors: [FieldError], parsed: Labels.Selector?) {
        guard let selector else { return ([FieldError(.required, path)], .nothing) }
        var errors = labelSelectorErrors(selector, path: path)
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

extension WorkloadValidation {
    /// `ValidateLabelSelector`: the keys and values of `matchLabels`, and each requirement's
    /// operator, values and key.
    static func labelSelectorErrors(_ selector: LabelSelector, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for key in selector.matchLabels.keys.sorted() {
            let value = selector.matchLabels[key] ?? ""
            errors += LabelValidation.qualifiedNameErrors(key).map { FieldError(.invalid(.string(key)), path + ".matchLabels", $0) }
            errors += LabelValidation.labelValueErrors(value).map { FieldError(.invalid(.string(value)), path + ".matchLabels", $0) }
        }
        for (index, requirement) in selector.matchExpressions.enumerated() {
            let base = "\(path).matchExpressions[\(index)]"
            switch requirement.operator {
            case LabelSelectorRequirement.inOperator, LabelSelectorRequirement.notInOperator:
                if requirement.values.isEmpty {
                    errors.append(FieldError(.required, base + ".values", "must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case LabelSelectorRequirement.existsOperator, LabelSelectorRequirement.doesNotExistOperator:
                if !requirement.values.isEmpty {
                    errors.append(FieldError(.forbidden, base + ".values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            default:
                errors.append(FieldError(.invalid(.string(requirement.operator)), base + ".operator", "not a valid selector operator"))
            }
            errors += LabelValidation.qualifiedNameErrors(requirement.key).map { FieldError(.invalid(.string(requirement.key)), base + ".key", $0) }
        }
        return errors
    }

    /// `ValidateRollingUpdateDeployment`: each bound a non-negative number or a percentage, not both
    /// zero, and at most 100% unavailable.
    static func rollingUpdateErrors(_ rollingUpdate: RollingUpdateDeployment, path: String) -> [FieldError] {
        let unavailable = rollingUpdate.maxUnavailable ?? .int(0)
        let surge = rollingUpdate.maxSurge ?? .int(0)
        var errors = intOrPercentErrors(unavailable, path: path + ".maxUnavailable")
        errors += intOrPercentErrors(surge, path: path + ".maxSurge")
        if intOrPercentValue(unavailable) == 0, intOrPercentValue(surge) == 0 {
            errors.append(FieldError(.invalid(.rendered(unavailable.goDescription)), path + ".maxUnavailable", "may not be 0 when `maxSurge` is 0"))
        }
        if case .string = unavailable, isValidPercent(unavailable), intOrPercentValue(unavailable) > 100 {
            errors.append(FieldError(.invalid(.rendered(unavailable.goDescription)), path + ".maxUnavailable", "must not be greater than 100%"))
        }
        return errors
    }

    /// `ValidatePositiveIntOrPercent`.
    static func intOrPercentErrors(_ value: IntOrString, path: String) -> [FieldError] {
        switch value {
        case .string:
            guard !isValidPercent(value) else { return [] }
            return [FieldError(.invalid(.rendered(value.goDescription)), path, "must be an integer or percentage (e.g '5%')")]
        case .int(let number):
            return nonnegativeErrors(Int64(number), path: path)
        }
    }

    /// `IsValidPercent`: digits and a percent sign.
    static func isValidPercent(_ value: IntOrString) -> Bool {
        guard case .string(let text) = value, text.hasSuffix("%") else { return false }
        let digits = text.dropLast()
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `getIntOrPercentValue`: a percentage Atoi cannot read counts as 0, as in Go.
    static func intOrPercentValue(_ value: IntOrString) -> Int {
        switch value {
        case .int(let number): Int(number)
        case .string: isValidPercent(value) ? (value.percentValue ?? 0) : 0
        }
    }
}

extension IntOrString {
    /// `%#v` of an `intstr.IntOrString`, as invalid-value messages print it.
    var goDescription: String {
        switch self {
        case .int(let number): "intstr.IntOrString{Type:0, IntVal:\(number), StrVal:\"\"}"
        case .string(let text): "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(goQuoted(text))}"
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
