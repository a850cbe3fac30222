extension PodSpec {
    /// `ValidatePodSpec`: volumes, containers, policies and the node selector.
    func validationErrors(path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var volumeNames: Set<String> = []
        for (index, volume) in (volumes ?? []).enumerated() {
            let volumePath = "\(path).volumes[\(index)]"
            if volume.name.isEmpty {
                errors.append(FieldError(.required, volumePath + ".name"))
            } else {
                errors += LabelValidation.dns1123LabelErrors(volume.name).map { FieldError(.invalid(.string(volume.name)), volumePath + ".name", $0) }
                if volumeNames.contains(volume.name) { errors.append(FieldError(.duplicate(.string(volume.name)), volumePath + ".name")) }
                volumeNames.insert(volume.name)
            }
            if volume.sourceNames.isEmpty {
                errors.append(FieldError(.required, volumePath, "must specify a volume type"))
            } else if volume.sourceNames.count > 1 {
                errors.append(FieldError(.forbidden, volumePath + "." + volume.sourceNames[1], "may not specify more than 1 volume type"))
            }
        }
        if containers.isEmpty {
            errors.append(FieldError(.required, path + ".containers"))
        }
        var containerNames: Set<String> = []
        for (index, container) in (initContainers ?? []).enumerated() {
            errors += container.validationErrors(path: "\(path).initContainers[\(index)]", volumes: volumeNames, names: &containerNames)
        }
        for (index, container) in containers.enumerated() {
            errors += container.validationErrors(path: "\(path).containers[\(index)]", volumes: volumeNames, names: &containerNames)
        }
        let restartPolicies = ["Always", "OnFailure", "Never"]
        if let restartPolicy, !restartPolicies.contains(restartPolicy) {
            errors.append(FieldError(.notSupported(.string(restartPolicy), supported: restartPolicies), path + ".restartPolicy"))
        }
        let dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default"]
        if let dnsPolicy, !dnsPolicies.contains(dnsPolicy) {
            errors.append(FieldError(.notSupported(.string(dnsPolicy), supported: dnsPolicies), path + ".dnsPolicy"))
        }
        for key in (nodeSelector ?? [:]).keys.sorted() {
            let value = nodeSelector?[key] ?? ""
            errors += LabelValidation.qualifiedNameErrors(key).map { FieldError(.invalid(.string(key)), path + ".nodeSelector", $0) }
            errors += LabelValidation.labelValueErrors(value).map { FieldError(.invalid(.string(value)), path + ".nodeSelector", $0) }
        }
        if let seconds = terminationGracePeriodSeconds, seconds < 0 {
            errors.append(FieldError(.invalid(.integer(seconds)), path + ".terminationGracePeriodSeconds", "must be greater than or equal to 0"))
        }
        if let seconds = activeDeadlineSeconds, seconds <= 0 {
            errors.append(FieldError(.invalid(.integer(seconds)), path + ".activeDeadlineSeconds", "must be greater than or equal to 1"))
        }
        for (index, toleration) in (tolerations ?? []).enumerated() {
            let operators = ["Equal", "Exists"]
            if let op = toleration.operator, !op.isEmpty, !operators.contains(op) {
                errors.append(FieldError(.notSupported(.string(op), supported: operators), "\(path).tolerations[\(index)].operator"))
            }
            let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]
            if let effect = toleration.effect, !effect.isEmpty, !effects.contains(effect) {
                errors.append(FieldError(.notSupported(.string(effect), supported: effects), "\(path).tolerations[\(index)].effect"))
            }
        }
        return errors
    }
}

extension Container {
    /// `validateContainers` for one container.
    func validationErrors(path: String, volumes: Set<String>, names: inout Set<String>) -> [FieldError] {
        var errors: [FieldError] = []
        if name.isEmpty {
            errors.append(FieldError(.required, path + ".name"))
        } else {
            errors += LabelValidation.dns1123LabelErrors(name).map { FieldError(.invalid(.string(name)), path + ".name", $0) }
            if names.contains(name) { errors.append(FieldError(.duplicate(.string(name)), path + ".name")) }
            names.insert(name)
        }
        if (image ?? "").isEmpty {
            errors.append(FieldError(.required, path + ".image"))
        }
        if let probe = livenessProbe {
            errors += probe.validationErrors(path: path + ".livenessProbe")
            if probe.successThreshold != 1 {
                errors.append(FieldError(.invalid(.integer(Int64(probe.successThreshold ?? 0))), path + ".livenessProbe.successThreshold", "must be 1"))
            }
        }
        if let probe = readinessProbe { errors += probe.validationErrors(path: path + ".readinessProbe") }
        var portNames: Set<String> = []
        for (index, port) in (ports ?? []).enumerated() {
            let portPath = "\(path).ports[\(index)]"
            if let portName = port.name, !portName.isEmpty {
                errors += Self.portNameErrors(portName).map { FieldError(.invalid(.string(portName)), portPath + ".name", $0) }
                if portNames.contains(portName) { errors.append(FieldError(.duplicate(.string(portName)), portPath + ".name")) }
                portNames.insert(portName)
            }
            if port.containerPort == 0 {
                errors.append(FieldError(.required, portPath + ".containerPort"))
            } else if !(1...65535).contains(port.containerPort) {
                errors.append(FieldError(.invalid(.integer(Int64(port.containerPort))), portPath + ".containerPort", "must be between 1 and 65535, inclusive"))
            }
            if let hostPort = port.hostPort, hostPort != 0, !(1...65535).contains(hostPort) {
                errors.append(FieldError(.invalid(.integer(Int64(hostPort))), portPath + ".hostPort", "must be between 1 and 65535, inclusive"))
            }
            let protocols = ["TCP", "UDP"]
            if let value = port.protocol, !protocols.contains(value) {
                errors.append(FieldError(.notSupported(.string(value), supported: protocols), portPath + ".protocol"))
            }
        }
        var mountPoints: Set<String> = []
        for (index, mount) in (volumeMounts ?? []).enumerated() {
            let mountPath = "\(path).volumeMounts[\(index)]"
            if mount.name.isEmpty {
                errors.append(FieldError(.required, mountPath + ".name"))
            } else if !volumes.contains(mount.name) {
                errors.append(FieldError(.notFound(.string(mount.name)), mountPath + ".name"))
            }
            if mount.mountPath.isEmpty { errors.append(FieldError(.required, mountPath + ".mountPath")) }
            if mountPoints.contains(mount.mountPath) {
                errors.append(FieldError(.invalid(.string(mount.mountPath)), mountPath + ".mountPath", "must be unique"))
            }
            mountPoints.insert(mount.mountPath)
            if let subPath = mount.subPath, !subPath.isEmpty {
                // 1.8 names the list, not the entry, in this path (`fldPath.Child("subPath")`).
                let subPathField = "\(path).volumeMounts.subPath"
                if subPath.hasPrefix("/") {
                    errors.append(FieldError(.invalid(.string(subPath)), subPathField, "must be a relative path"))
                }
                if subPath.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
                    errors.append(FieldError(.invalid(.string(subPath)), subPathField, "must not contain '..'"))
                }
            }
        }
        let pullPolicies = ["Always", "IfNotPresent", "Never"]
        if let policy = imagePullPolicy, !pullPolicies.contains(policy) {
            errors.append(FieldError(.notSupported(.string(policy), supported: pullPolicies), path + ".imagePullPolicy"))
        }
        let limits = resources?.limits ?? [:]
        for (resourceName, request) in (resources?.requests ?? [:]).sorted(by: { $0.key < $1.key }) {
            if let limit = limits[resourceName], request > limit {
                errors.append(FieldError(
                    .invalid(.string(request.description)), path + ".resources.requests",
                    "must be less than or equal to \(resourceName) limit"))
            }
        }
        return errors
    }

    /// `IsValidPortName` (IANA service names).
    static func portNameErrors(_ name: String) -> [String] {
        var errors: [String] = []
        if name.count > 15 { errors.append("must be no more than 15 characters") }
        let bytes = Array(name.utf8)
        let allowed = bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        if !allowed { errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)") }
        if name.contains("--") { errors.append("must not contain consecutive hyphens") }
        if !bytes.contains(where: { $0 >= 97 && $0 <= 122 }) { errors.append("must contain at least one letter or number (a-z, 0-9)") }
        if name.hasPrefix("-") || name.hasSuffix("-") { errors.append("must not begin or end with a hyphen") }
        return errors
    }
}

extension Probe {
    /// `validateProbe`: exactly one handler, well formed, and every count and period a non-negative int32.
    func validationErrors(path: String) -> [FieldError] {
        var errors = handlerErrors(path: path)
        let fields: [(String, Int32?)] = [
            ("initialDelaySeconds", initialDelaySeconds), ("timeoutSeconds", timeoutSeconds), ("periodSeconds", periodSeconds),
            ("successThreshold", successThreshold), ("failureThreshold", failureThreshold),
        ]
        errors += fields.flatMap { name, value in WorkloadValidation.nonnegativeErrors(value.map(Int64.init), path: path + "." + name) }
        return errors
    }

    /// `validateHandler`: the first of exec, httpGet and tcpSocket counts, a second is forbidden.
    private func handlerErrors(path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var handlers = 0
        func take(_ present: Bool, _ name: String, _ validate: () -> [FieldError]) {
            guard present else { return }
            if handlers > 0 {
                errors.append(FieldError(.forbidden, path + "." + name, "may not specify more than 1 handler type"))
            } else {
                handlers += 1
                errors += validate()
            }
        }
        take(exec != nil, "exec") {
            (exec?.command ?? []).isEmpty ? [FieldError(.required, path + ".exec.command")] : []
        }
        take(httpGet != nil, "httpGet") {
            guard let httpGet else { return [] }
            var found: [FieldError] = []
            if (httpGet.path ?? "").isEmpty { found.append(FieldError(.required, path + ".httpGet.path")) }
            found += Self.portErrors(httpGet.port, path: path + ".httpGet.port")
            let scheme = httpGet.scheme ?? ""
            if scheme != "HTTP", scheme != "HTTPS" {
                found.append(FieldError(.notSupported(.string(scheme), supported: ["HTTP", "HTTPS"]), path + ".httpGet.scheme"))
            }
            return found
        }
        take(tcpSocket != nil, "tcpSocket") {
            tcpSocket.map { Self.portErrors($0.port, path: path + ".tcpSocket.port") } ?? []
        }
        if handlers == 0 { errors.append(FieldError(.required, path, "must specify a handler type")) }
        return errors
    }

    /// `ValidatePortNumOrName`.
    private static func portErrors(_ port: IntOrString, path: String) -> [FieldError] {
        switch port {
        case .int(let number):
            return (1...65535).contains(number) ? [] : [FieldError(.invalid(.integer(Int64(number))), path, "must be between 1 and 65535, inclusive")]
        case .string(let name):
            return Container.portNameErrors(name).map { FieldError(.invalid(.string(name)), path, $0) }
        }
    }
}
