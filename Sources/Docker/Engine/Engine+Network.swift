import Kernel

extension DockerEngine {
    /// The lowest free address on the default bridge (172.17.0.2 upwards).
    func allocateAddress() -> String {
        for index in 2..<65_000 where index % 256 != 0 && index % 256 != 255 {
            let address = "\(bridgePrefix).\(index / 256).\(index % 256)"
            if !allocatedAddresses.contains(address) {
                allocatedAddresses.insert(address)
                return address
            }
        }
        return bridgePrefix + ".255.254"
    }

    /// Resolves `-P` and checks that the host ports are free; returns the bindings to apply.
    func resolvePorts(for container: Container) throws(DockerError) -> [PortBinding] {
        var bindings = container.spec.ports.map { binding -> PortBinding in
            guard binding.hostPort == 0 else { return binding }
            var resolved = binding
            resolved.hostPort = nextFreeHostPort()
            return resolved
        }
        if container.spec.publishAll {
            for exposed in container.config.exposedPorts.sorted() {
                let parts = exposed.split(separator: "/")
                guard let port = parts.first.flatMap({ Int($0) }),
                      !bindings.contains(where: { $0.containerPort == port }) else { continue }
                bindings.append(PortBinding(hostPort: nextFreeHostPort(), containerPort: port,
                                            proto: parts.count > 1 ? String(parts[1]) : "tcp"))
            }
        }
        for binding in bindings {
            if allocatedHostPorts[binding.hostPort] != nil {
                throw .portAllocated(endpoint: container.name, containerID: container.id, port: binding.hostPort)
            }
            if host.networkStack.isListening(on: binding.hostPort) {
                throw .portInUse(endpoint: container.name, containerID: container.id, port: binding.hostPort)
            }
        }
        return bindings
    }

    private func nextFreeHostPort() -> Int {
        while allocatedHostPorts[nextEphemeralHostPort] != nil || host.networkStack.isListening(on: nextEphemeralHostPort) {
            nextEphemeralHostPort += 1
        }
        defer { nextEphemeralHostPort += 1 }
        return nextEphemeralHostPort
    }

    /// Connects the container to the bridge and publishes its ports on the host.
    func connect(_ container: Container, address: String, bindings: [PortBinding]) {
        container.ipAddress = address
        network.assign(address, to: container.machine.networkStack)
        container.ports = bindings
        let hostStack = host.networkStack
        for binding in bindings {
            allocatedHostPorts[binding.hostPort] = container.id
            hostStack.reservePort(binding.hostPort)
            let hostPort = binding.hostPort, containerPort = binding.containerPort
            // docker-proxy listens on the host port and connects to the container only then.
            network.add(NetworkRule(name: ruleName(container, hostPort), acceptsFirst: true) { [weak hostStack] destination, port, source in
                guard let hostStack, port == hostPort else { return nil }
                let toHost = (destination.hasPrefix("127.") && source === hostStack) || hostStack.addresses.contains(destination)
                return toHost ? (address, containerPort) : nil
            })
        }
    }

    /// Takes the container off the bridge and withdraws its published ports.
    func disconnect(_ container: Container) {
        if let address = container.ipAddress {
            network.release(address)
            allocatedAddresses.remove(address)
        }
        container.ipAddress = nil
        for binding in container.ports where allocatedHostPorts[binding.hostPort] == container.id {
            allocatedHostPorts[binding.hostPort] = nil
            host.networkStack.releasePort(binding.hostPort)
            network.remove(ruleNamed: ruleName(container, binding.hostPort))
        }
    }

    private func ruleName(_ container: Container, _ port: Int) -> String {
        "docker \(container.id) \(port)"
    }
}
