extension Service {
    public static var nameRule: NameRule { .dns1035Label }

    /// `SetDefaults_Service`: ClusterIP type, no session affinity, TCP, target port = port, Cluster traffic policy.
    public mutating func applyDefaults() {
        guard var spec else { return }
        if (spec.type ?? "").isEmpty { spec.type = ServiceSpec.clusterIP }
        if (spec.sessionAffinity ?? "").isEmpty { spec.sessionAffinity = "None" }
        if var ports = spec.ports {
            for index in ports.indices {
                if (ports[index].protocol ?? "").isEmpty { ports[index].protocol = "TCP" }
                if ports[index].targetPort == nil || ports[index].targetPort == .int(0) || ports[index].targetPort == .string("") {
                    ports[index].targetPort = .int(ports[index].port)
                }
            }
            spec.ports = ports
        }
        if (spec.type == ServiceSpec.nodePort || spec.type == ServiceSpec.loadBalancer), (spec.externalTrafficPolicy ?? "").isEmpty {
            spec.externalTrafficPolicy = "Cluster"
        }
        self.spec = spec
    }

    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        guard let spec else { return errors + [FieldError(.required, "spec.ports")] }
        let types = [ServiceSpec.clusterIP, ServiceSpec.externalName, ServiceSpec.loadBalancer, ServiceSpec.nodePort]
        let type = spec.type ?? ServiceSpec.clusterIP
        if !types.contains(type) {
            errors.append(FieldError(.notSupported(.string(type), supported: types), "spec.type"))
        }
        let ports = spec.ports ?? []
        if ports.isEmpty, type != ServiceSpec.externalName, spec.clusterIP != "None" {
            errors.append(FieldError(.required, "spec.ports"))
        }
        var names: Set<String> = []
        for (index, port) in ports.enumerated() {
            let path = "spec.ports[\(index)]"
            let name = port.name ?? ""
            if ports.count > 1, name.isEmpty {
                errors.append(FieldError(.required, path + ".name"))
            } else if !name.isEmpty {
                errors += LabelValidation.dns1123LabelErrors(name).map { FieldError(.invalid(.string(name)), path + ".name", $0) }
                if names.contains(name) { errors.append(FieldError(.duplicate(.string(name)), path + ".name")) }
                names.insert(name)
            }
            if !(1...65535).contains(port.port) {
                errors.append(FieldError(.invalid(.integer(Int64(port.port))), path + ".port", "must be between 1 and 65535, inclusive"))
            }
            let protocols = ["TCP", "UDP"]
            if let value = port.protocol, !protocols.contains(value) {
                errors.append(FieldError(.notSupported(.string(value), supported: protocols), path + ".protocol"))
            }
            switch port.targetPort {
            case .int(let number)? where !(1...65535).contains(number):
                errors.append(FieldError(.invalid(.integer(Int64(number))), path + ".targetPort", "must be between 1 and 65535, inclusive"))
            case .string(let text)?:
                errors += Container.portNameErrors(text).map { FieldError(.invalid(.string(text)), path + ".targetPort", $0) }
            default:
                break
            }
            if let nodePort = port.nodePort, nodePort != 0, type == ServiceSpec.clusterIP {
                errors.append(FieldError(.forbidden, path + ".nodePort", "may not be used when `type` is 'ClusterIP'"))
            }
        }
        let affinities = ["ClientIP", "None"]
        if let affinity = spec.sessionAffinity, !affinities.contains(affinity) {
            errors.append(FieldError(.notSupported(.string(affinity), supported: affinities), "spec.sessionAffinity"))
        }
        if let policy = spec.externalTrafficPolicy, !policy.isEmpty {
            if type != ServiceSpec.nodePort, type != ServiceSpec.loadBalancer {
                errors.append(FieldError(.invalid(.string(policy)), "spec.externalTrafficPolicy", "ExternalTrafficPolicy can only be set on NodePort and LoadBalancer service"))
            } else if !["Local", "Cluster"].contains(policy) {
                errors.append(FieldError(.invalid(.string(policy)), "spec.externalTrafficPolicy", "ExternalTrafficPolicy must be empty, Cluster or Local"))
            }
        }
        if type == ServiceSpec.externalName, (spec.externalName ?? "").isEmpty {
            errors.append(FieldError(.required, "spec.externalName"))
        }
        for key in (spec.selector ?? [:]).keys.sorted() {
            errors += LabelValidation.qualifiedNameErrors(key).map { FieldError(.invalid(.string(key)), "spec.selector", $0) }
        }
        return errors
    }

    public func validateUpdate(from old: Service) -> [FieldError] {
        var errors = validate()
        if let oldIP = old.spec?.clusterIP, !oldIP.isEmpty, let newIP = spec?.clusterIP, !newIP.isEmpty, newIP != oldIP,
           spec?.type != ServiceSpec.externalName {
            errors.append(FieldError(.invalid(.string(newIP)), "spec.clusterIP", "field is immutable"))
        }
        return errors
    }

    public mutating func prepareForCreate() {
        status = ServiceStatus(loadBalancer: LoadBalancerStatus())
    }

    /// The service's export strategy: status cleared and, unless exact, the addresses this
    /// cluster allocated (node ports only for type NodePort, as 1.8 did).
    public mutating func prepareForExport(exact: Bool) {
        status = ServiceStatus(loadBalancer: LoadBalancerStatus())
        guard !exact else { return }
        if spec?.clusterIP != "None" { spec?.clusterIP = nil }
        if spec?.type == ServiceSpec.nodePort, let ports = spec?.ports {
            spec?.ports = ports.map { port in
                var copy = port
                copy.nodePort = nil
                return copy
            }
        }
    }

    public mutating func prepareForUpdate(from old: Service) {
        status = old.status
        // An update that leaves the cluster IP out keeps the allocated one.
        if (spec?.clusterIP ?? "").isEmpty, spec?.type != ServiceSpec.externalName { spec?.clusterIP = old.spec?.clusterIP }
    }

    public mutating func takeStatus(from other: Service) {
        status = other.status
    }

    /// The ClusterIP and NodePort allocators of the service REST storage.
    public mutating func admit(_ context: AdmissionContext, old: Service?) throws(APIError) {
        guard var spec else { return }
        let type = spec.type ?? ServiceSpec.clusterIP
        var errors: [FieldError] = []
        var claimedPorts: [Int] = []
        var claimedIP: Int?
        if old == nil || (old?.spec?.clusterIP ?? "").isEmpty {
            if type == ServiceSpec.externalName {
                spec.clusterIP = nil
            } else if let requested = spec.clusterIP, !requested.isEmpty {
                if requested != "None" {
                    if let offset = context.clusterIPOffset(requested), offset > 0 {
                        if context.clusterIPs.allocate(offset) {
                            claimedIP = offset
                        } else {
                            errors.append(FieldError(.invalid(.string(requested)), "spec.clusterIP", "provided IP is already allocated"))
                        }
                    } else {
                        errors.append(FieldError(
                            .invalid(.string(requested)), "spec.clusterIP",
                            "provided IP is not in the valid range. The range of valid IPs is \(context.configuration.serviceCIDR)"))
                    }
                }
            } else if let offset = context.clusterIPs.allocateNext() {
                claimedIP = offset
                spec.clusterIP = context.clusterIP(offset: offset)
            } else {
                errors.append(FieldError(.invalid(.string("")), "spec.clusterIP", "range is full"))
            }
        }
        let oldPorts = Set((old?.spec?.ports ?? []).compactMap(\.nodePort))
        if var ports = spec.ports {
            let needsNodePorts = type == ServiceSpec.nodePort || type == ServiceSpec.loadBalancer
            for index in ports.indices {
                guard needsNodePorts else {
                    ports[index].nodePort = nil
                    continue
                }
                if let requested = ports[index].nodePort, requested != 0 {
                    if oldPorts.contains(requested) { continue }
                    let range = context.configuration.nodePortRange
                    if !range.contains(Int(requested)) {
                        errors.append(FieldError(
                            .invalid(.integer(Int64(requested))), "spec.ports[\(index)].nodePort",
                            "provided port is not in the valid range. The range of valid ports is \(range.lowerBound)-\(range.upperBound)"))
                    } else if context.nodePorts.allocate(Int(requested)) {
                        claimedPorts.append(Int(requested))
                    } else {
                        errors.append(FieldError(.invalid(.integer(Int64(requested))), "spec.ports[\(index)].nodePort", "provided port is already allocated"))
                    }
                } else if let previous = old?.spec?.ports?.first(where: { $0.port == ports[index].port })?.nodePort {
                    ports[index].nodePort = previous
                } else if let port = context.nodePorts.allocateNext() {
                    claimedPorts.append(port)
                    ports[index].nodePort = Int32(clamping: port)
                }
            }
            spec.ports = ports
        }
        func giveBack() {
            // Give back what this request took; the service is not stored.
            if let claimedIP { context.clusterIPs.release(claimedIP) }
            for port in claimedPorts { context.nodePorts.release(port) }
        }
        if !errors.isEmpty {
            giveBack()
            throw APIError.invalid(Service.resource, name, errors)
        }
        // A LoadBalancer with the Local policy gets the node port its load balancer checks
        // nodes on (1.8's allocateHealthCheckNodePort); a service that stops needing it frees it.
        let oldHealthCheck = Int(old?.spec?.healthCheckNodePort ?? 0)
        if type == ServiceSpec.loadBalancer, spec.externalTrafficPolicy == "Local" {
            let requested = Int(spec.healthCheckNodePort ?? 0)
            if oldHealthCheck != 0, requested == 0 || requested == oldHealthCheck {
                spec.healthCheckNodePort = Int32(clamping: oldHealthCheck)
            } else if oldHealthCheck != 0 {
                giveBack()
                throw APIError.invalid(Service.resource, name, [FieldError(
                    .invalid(.integer(Int64(requested))), "spec.healthCheckNodePort",
                    "cannot change healthCheckNodePort on loadBalancer service with externalTraffic=Local during update")])
            } else if requested != 0 {
                guard context.nodePorts.allocate(requested) else {
                    giveBack()
                    throw APIError(reason: .internalError, code: 500,
                                   message: "Internal error occurred: failed to allocate requested HealthCheck NodePort \(requested): provided port is already allocated")
                }
                claimedPorts.append(requested)
                if oldHealthCheck != 0 { context.nodePorts.release(oldHealthCheck) }
            } else if let port = context.nodePorts.allocateNext() {
                claimedPorts.append(port)
                spec.healthCheckNodePort = Int32(clamping: port)
            }
        } else if oldHealthCheck != 0 {
            // Leaving the Local policy (or the LoadBalancer type) gives the port back.
            context.nodePorts.release(oldHealthCheck)
            spec.healthCheckNodePort = nil
        } else if let port = spec.healthCheckNodePort, port != 0 {
            // ValidateServiceExternalTrafficFieldsCombination, after allocation as in 1.8.
            giveBack()
            throw APIError.invalid(Service.resource, name, [FieldError(
                .invalid(.integer(Int64(port))), "spec.healthCheckNodePort",
                "HealthCheckNodePort can only be set on LoadBalancer service with ExternalTrafficPolicy=Local")])
        }
        let newPorts = Set((spec.ports ?? []).compactMap(\.nodePort))
        for port in oldPorts.subtracting(newPorts) { context.nodePorts.release(Int(port)) }
        self.spec = spec
    }

    public func release(_ context: AdmissionContext) {
        if let ip = spec?.clusterIP, let offset = context.clusterIPOffset(ip) { context.clusterIPs.release(offset) }
        for port in (spec?.ports ?? []).compactMap(\.nodePort) { context.nodePorts.release(Int(port)) }
        if let port = spec?.healthCheckNodePort, port != 0 { context.nodePorts.release(Int(port)) }
    }
}
