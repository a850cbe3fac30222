extension PodSpec {
    /// `SetDefaults_PodSpec` and the container defaults of core/v1.
    public mutating func applyDefaults() {
        if (restartPolicy ?? "").isEmpty { restartPolicy = "Always" }
        if (dnsPolicy ?? "").isEmpty { dnsPolicy = "ClusterFirst" }
        if securityContext == nil { securityContext = PodSecurityContext() }
        if terminationGracePeriodSeconds == nil { terminationGracePeriodSeconds = 30 }
        if (schedulerName ?? "").isEmpty { schedulerName = "default-scheduler" }
        if var list = volumes {
            for index in list.indices where list[index].sourceNames.isEmpty {
                // A volume without a source is an emptyDir.
                list[index].emptyDir = EmptyDirVolumeSource()
            }
            for index in list.indices {
                if list[index].secret != nil, list[index].secret?.defaultMode == nil { list[index].secret?.defaultMode = 420 }
                if list[index].configMap != nil, list[index].configMap?.defaultMode == nil { list[index].configMap?.defaultMode = 420 }
                if list[index].downwardAPI != nil, list[index].downwardAPI?.defaultMode == nil { list[index].downwardAPI?.defaultMode = 420 }
                if list[index].hostPath != nil, list[index].hostPath?.type == nil { list[index].hostPath?.type = "" }
            }
            volumes = list
        }
        for index in containers.indices { containers[index].applyDefaults() }
        if var list = initContainers {
            for index in list.indices { list[index].applyDefaults() }
            initContainers = list
        }
    }
}

extension Container {
    /// `SetDefaults_Container` and friends: pull policy from the tag, termination message, probe timings, TCP ports.
    public mutating func applyDefaults() {
        if (imagePullPolicy ?? "").isEmpty {
            imagePullPolicy = Container.defaultPullPolicy(image: image ?? "")
        }
        if (terminationMessagePath ?? "").isEmpty { terminationMessagePath = "/dev/termination-log" }
        if (terminationMessagePolicy ?? "").isEmpty { terminationMessagePolicy = "File" }
        if var list = ports {
            for index in list.indices where (list[index].protocol ?? "").isEmpty { list[index].protocol = "TCP" }
            ports = list
        }
        if resources == nil { resources = ResourceRequirements() }
        // Limits without requests make requests equal to the limits.
        if let limits = resources?.limits, !limits.isEmpty {
            var requests = resources?.requests ?? [:]
            for (name, quantity) in limits where requests[name] == nil { requests[name] = quantity }
            resources?.requests = requests
        }
        livenessProbe?.applyDefaults()
        readinessProbe?.applyDefaults()
        lifecycle?.postStart?.httpGet?.applyDefaults()
        lifecycle?.preStop?.httpGet?.applyDefaults()
    }

    /// `Always` for `:latest` or no tag, `IfNotPresent` otherwise (digests included).
    public static func defaultPullPolicy(image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
        return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }
}

extension Probe {
    mutating func applyDefaults() {
        if timeoutSeconds == nil || timeoutSeconds == 0 { timeoutSeconds = 1 }
        if periodSeconds == nil || periodSeconds == 0 { periodSeconds = 10 }
        if successThreshold == nil || successThreshold == 0 { successThreshold = 1 }
        if failureThreshold == nil || failureThreshold == 0 { failureThreshold = 3 }
        httpGet?.applyDefaults()
    }
}

extension HTTPGetAction {
    mutating func applyDefaults() {
        if (path ?? "").isEmpty { path = "/" }
        if (scheme ?? "").isEmpty { scheme = "HTTP" }
    }
}

extension PodTemplateSpec {
    mutating func applyDefaults() {
        spec?.applyDefaults()
    }
}
