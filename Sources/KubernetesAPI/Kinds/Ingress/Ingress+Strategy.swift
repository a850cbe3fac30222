/// How the API server treats `Ingress` (1.8's `ingressStrategy` and `ValidateIngress`).
extension Ingress {
    public mutating func prepareForCreate() {
        status = IngressStatus(loadBalancer: LoadBalancerStatus())
        metadata.generation = 1
    }

    public mutating func prepareForUpdate(from old: Self) {
        status = old.status
        metadata.generation = spec != old.spec ? (old.metadata.generation ?? 0) + 1 : old.metadata.generation
    }

    public mutating func takeStatus(from other: Self) {
        status = other.status
    }

    /// `ValidateIngressSpec`.
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        let rules = spec?.rules ?? []
        if let backend = spec?.backend {
            errors += Self.backendErrors(backend, path: "spec.backend")
        } else if rules.isEmpty {
            errors.append(FieldError(.invalid(.rendered("[]extensions.IngressRule(nil)")), "spec.rules", "either `backend` or `rules` must be specified"))
        }
        for (index, rule) in rules.enumerated() {
            if let host = rule.host, !host.isEmpty {
                let path = "spec.rules[\(index)].host"
                if NameLookup.isIPAddress(host) {
                    errors.append(FieldError(.invalid(.string(host)), path, "must be a DNS name, not an IP address"))
                }
                errors += Self.hostErrors(host).map { FieldError(.invalid(.string(host)), path, $0) }
            }
            // 1.8 reports every rule's paths under rules[0] (`fldPath.Index(0)`).
            guard let http = rule.http else { continue }
            if (http.paths ?? []).isEmpty { errors.append(FieldError(.required, "spec.rules[0].http.paths")) }
            for (pathIndex, entry) in (http.paths ?? []).enumerated() {
                if let path = entry.path, !path.isEmpty, !path.hasPrefix("/") {
                    errors.append(FieldError(.invalid(.string(path)), "spec.rules[0].http.paths[\(pathIndex)].path", "must be an absolute path"))
                }
                errors += Self.backendErrors(entry.backend, path: "spec.rules[0].http.backend")
            }
        }
        for entry in spec?.tls ?? [] {
            for (index, host) in (entry.hosts ?? []).enumerated() {
                errors += Self.hostErrors(host).map { FieldError(.invalid(.string(host)), "spec.tls[\(index)].hosts", $0) }
            }
        }
        return errors
    }

    /// `IsDNS1123Subdomain`, or `IsWildcardDNS1123Subdomain` for a host with a `*`.
    static func hostErrors(_ host: String) -> [String] {
        guard host.contains("*") else { return LabelValidation.dns1123SubdomainErrors(host) }
        var errors: [String] = []
        if host.utf8.count > 253 { errors.append(LabelValidation.maxLengthError(253)) }
        if !host.hasPrefix("*.") || !LabelValidation.dns1123SubdomainErrors(String(host.dropFirst(2))).isEmpty {
            errors.append(LabelValidation.regexError(
                "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character",
                "\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", examples: ["*.example.com"]))
        }
        return errors
    }

    /// `validateIngressBackend`: a service name (a DNS-1035 label) and a port by number or name.
    static func backendErrors(_ backend: IngressBackend, path: String) -> [FieldError] {
        guard !backend.serviceName.isEmpty else { return [FieldError(.required, path + ".serviceName")] }
        var errors = NameValidation.dns1035LabelErrors(backend.serviceName).map {
            FieldError(.invalid(.string(backend.serviceName)), path + ".serviceName", $0)
        }
        switch backend.servicePort {
        case .int(let number) where !(1...65535).contains(number):
            errors.append(FieldError(.invalid(.integer(Int64(number))), path + ".servicePort", "must be between 1 and 65535, inclusive"))
        case .string(let name):
            errors += Container.portNameErrors(name).map { FieldError(.invalid(.string(name)), path + ".servicePort", $0) }
        default:
            break
        }
        return errors
    }
}

/// Address literals as Go's `net.ParseIP` accepts them.
enum NameLookup {
    static func isIPAddress(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ part in part.count <= 3 && Int(part).map { (0...255).contains($0) } == true }) { return true }
        return text.contains(":") && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}
