extension Namespace {
    /// Namespaces carry the `kubernetes` finalizer and start `Active`.
    public mutating func applyDefaults() {
        if spec == nil || (spec?.finalizers ?? []).isEmpty, metadata.deletionTimestamp == nil {
            spec = NamespaceSpec(finalizers: spec?.finalizers ?? ["kubernetes"])
        }
    }

    public static var nameRule: NameRule { .dns1123Label }

    public mutating func prepareForCreate() {
        status = NamespaceStatus(phase: "Active")
    }

    public mutating func prepareForUpdate(from old: Namespace) {
        status = old.status
    }

    public mutating func takeStatus(from other: Namespace) {
        status = other.status
    }

    /// The `kubernetes` finalizer keeps a deleted namespace until its content is gone.
    public var hasPendingFinalizers: Bool {
        !(metadata.finalizers ?? []).isEmpty || !(spec?.finalizers ?? []).isEmpty
    }

    public mutating func markTerminating() {
        status = NamespaceStatus(phase: "Terminating")
    }
}

extension Node {
    public mutating func applyDefaults() {
        if spec == nil { spec = NodeSpec() }
        if (spec?.externalID ?? "").isEmpty { spec?.externalID = metadata.name }
    }

    public mutating func prepareForCreate() {}

    public mutating func prepareForUpdate(from old: Node) {
        status = old.status
    }

    public mutating func takeStatus(from other: Node) {
        status = other.status
    }
}

extension Endpoints {
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        for (index, subset) in (subsets ?? []).enumerated() {
            for (addressIndex, address) in (subset.addresses ?? []).enumerated() where IPv4Range.address(address.ip) == nil {
                errors.append(FieldError(.invalid(.string(address.ip)), "subsets[\(index)].addresses[\(addressIndex)].ip", "must be a valid IP address"))
            }
            for (portIndex, port) in (subset.ports ?? []).enumerated() where !(1...65535).contains(port.port) {
                errors.append(FieldError(.invalid(.integer(Int64(port.port))), "subsets[\(index)].ports[\(portIndex)].port", "must be between 1 and 65535, inclusive"))
            }
        }
        return errors
    }

    public mutating func applyDefaults() {
        guard var list = subsets else { return }
        for index in list.indices {
            if var ports = list[index].ports {
                for portIndex in ports.indices where (ports[portIndex].protocol ?? "").isEmpty { ports[portIndex].protocol = "TCP" }
                list[index].ports = ports
            }
        }
        subsets = list
    }
}

extension Event {
    public func validate() -> [FieldError] {
        var errors: [FieldError] = []
        if (involvedObject.namespace ?? "") != namespace, !(involvedObject.namespace ?? "").isEmpty {
            errors.append(FieldError(.invalid(.string(involvedObject.namespace ?? "")), "involvedObject.namespace", "does not match event.namespace"))
        }
        return errors
    }
}
