extension Pod {
    public mutating func applyDefaults() {
        spec?.applyDefaults()
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if let spec {
            errors += spec.validationErrors(path: "spec")
        } else {
            errors.append(FieldError(.required, "spec.containers"))
        }
        return errors
    }

    public func validateUpdate(from old: Pod) -> [FieldError] {
        var errors: [FieldError] = []
        // Only images, the active deadline and added tolerations may change.
        var comparable = spec
        comparable?.activeDeadlineSeconds = old.spec?.activeDeadlineSeconds
        comparable?.tolerations = old.spec?.tolerations
        if var containers = comparable?.containers, let oldContainers = old.spec?.containers, containers.count == oldContainers.count {
            for index in containers.indices { containers[index].image = oldContainers[index].image }
            comparable?.containers = containers
        }
        if comparable != old.spec {
            errors.append(FieldError(
                .forbidden, "spec",
                "pod updates may not change fields other than `spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds` or `spec.tolerations` (only additions to existing tolerations)"))
        }
        if let spec { errors += spec.containers.enumerated().compactMap { index, container in
            (container.image ?? "").isEmpty ? FieldError(.required, "spec.containers[\(index)].image") : nil
        } }
        return errors
    }

    public mutating func prepareForCreate() {
        var status = PodStatus(phase: .pending)
        status.qosClass = qosClass
        self.status = status
    }

    public mutating func prepareForUpdate(from old: Pod) {
        status = old.status
    }

    public mutating func takeStatus(from other: Pod) {
        status = other.status
    }

    /// The ServiceAccount admission plugin: the `default` account and its token volume.
    public mutating func admit(_ context: AdmissionContext, old: Pod?) throws(APIError) {
        guard old == nil, var spec else { return }
        if (spec.serviceAccountName ?? "").isEmpty { spec.serviceAccountName = spec.serviceAccount ?? "default" }
        if (spec.serviceAccount ?? "").isEmpty { spec.serviceAccount = spec.serviceAccountName }
        if spec.automountServiceAccountToken != false, spec.serviceAccountName == "default" {
            let tokenName = context.serviceAccountTokenName(namespace: namespace)
            let mountPath = "/var/run/secrets/kubernetes.io/serviceaccount"
            var volumes = spec.volumes ?? []
            if !volumes.contains(where: { $0.name == tokenName }) {
                var volume = Volume(name: tokenName)
                volume.secret = SecretVolumeSource(secretName: tokenName, defaultMode: 420)
                volumes.append(volume)
                spec.volumes = volumes
            }
            for index in spec.containers.indices {
                var mounts = spec.containers[index].volumeMounts ?? []
                if !mounts.contains(where: { $0.mountPath == mountPath }) {
                    mounts.append(VolumeMount(name: tokenName, readOnly: true, mountPath: mountPath))
                    spec.containers[index].volumeMounts = mounts
                }
            }
        }
        self.spec = spec
    }

    /// `GetPodQOS`: Guaranteed when every container limits cpu and memory to its requests,
    /// BestEffort when nothing is requested or limited, Burstable otherwise.
    public var qosClass: String {
        let containers = (spec?.initContainers ?? []) + (spec?.containers ?? [])
        var anySet = false
        var guaranteed = true
        for container in containers {
            let requests = container.resources?.requests ?? [:]
            let limits = container.resources?.limits ?? [:]
            if !requests.isEmpty || !limits.isEmpty { anySet = true }
            for resource in ["cpu", "memory"] {
                guard let limit = limits[resource] else {
                    guaranteed = false
                    continue
                }
                if let request = requests[resource], request != limit { guaranteed = false }
            }
        }
        if !anySet { return "BestEffort" }
        return guaranteed ? "Guaranteed" : "Burstable"
    }
}

extension SecretVolumeSource {
    init(secretName: String, defaultMode: Int32) {
        self.secretName = secretName
        self.defaultMode = defaultMode
    }
}
