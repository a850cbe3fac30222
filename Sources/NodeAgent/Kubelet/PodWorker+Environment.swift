import KubernetesAPI
import Kernel

extension PodWorker {
    /// The pod's IP, hostname files and DNS go onto the container's machine, as the network plugin and kubelet do.
    func configureNetwork(of container: any RuntimeContainer, first: Bool) {
        let machine = container.machine
        let stack = machine.networkStack
        if first, let podIP {
            kubelet.network.assign(podIP, to: stack)
            podStack = stack
            stack.addresses = ["127.0.0.1", podIP] + stack.addresses.filter { $0 != podIP && !$0.hasPrefix("127.") }
            addHostPorts(podIP: podIP)
        }
        let namespace = pod.namespace
        let domain = kubelet.configuration.clusterDomain
        let search = ["\(namespace).svc.\(domain)", "svc.\(domain)", domain]
        stack.resolver = { [weak kubelet] name in kubelet?.nameResolver?(name, search) }
        kubelet.searchPaths[ObjectIdentifier(machine)] = search
        let hosts = "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n\(podIP ?? "")\t\(hostname)\n"
        try? machine.fileSystem.writeFile("/etc/hosts", Array(hosts.utf8))
        let resolv = "nameserver \(kubelet.configuration.clusterDNS)\nsearch \(search.joined(separator: " "))\noptions ndots:5\n"
        try? machine.fileSystem.writeFile("/etc/resolv.conf", Array(resolv.utf8))
    }

    /// The container's environment: its own variables, then the services of the namespace.
    func environment(for record: ContainerRecord) -> [String] {
        var result: [String] = []
        for variable in record.spec.env ?? [] {
            if let value = variable.value {
                result.append("\(variable.name)=\(value)")
            } else if let field = variable.valueFrom?.fieldRef?.fieldPath {
                let value: String? = switch field {
                case "metadata.name": pod.name
                case "metadata.namespace": pod.namespace
                case "status.podIP": podIP
                case "spec.nodeName": kubelet.configuration.nodeName
                case "spec.serviceAccountName": pod.spec?.serviceAccountName
                case "status.hostIP": kubelet.configuration.internalIP
                default: nil
                }
                result.append("\(variable.name)=\(value ?? "")")
            }
        }
        let services = kubelet.informers.services.list(namespace: pod.namespace)
        for service in services {
            guard let clusterIP = service.spec?.clusterIP, clusterIP != "None", !clusterIP.isEmpty, let ports = service.spec?.ports, let first = ports.first else { continue }
            let prefix = service.name.uppercased().replacingOccurrences(of: "-", with: "_")
            result.append("\(prefix)_SERVICE_HOST=\(clusterIP)")
            result.append("\(prefix)_SERVICE_PORT=\(first.port)")
            for port in ports {
                let proto = port.protocol ?? "TCP"
                if let name = port.name { result.append("\(prefix)_SERVICE_PORT_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))=\(port.port)") }
                let base = "\(prefix)_PORT_\(port.port)_\(proto)"
                result.append("\(base)=\(proto.lowercased())://\(clusterIP):\(port.port)")
                result.append("\(base)_PROTO=\(proto.lowercased())")
                result.append("\(base)_PORT=\(port.port)")
                result.append("\(base)_ADDR=\(clusterIP)")
            }
            result.append("\(prefix)_PORT=\((first.protocol ?? "TCP").lowercased())://\(clusterIP):\(first.port)")
        }
        return result
    }

    /// `hostPort`s: the node's addresses forward those ports to the pod (the hostport DNAT rules).
    private func addHostPorts(podIP: String) {
        var forwarded: [Int: Int] = [:]
        for container in pod.spec?.containers ?? [] {
            for port in container.ports ?? [] where (port.hostPort ?? 0) > 0 {
                forwarded[Int(port.hostPort ?? 0)] = Int(port.containerPort)
            }
        }
        guard !forwarded.isEmpty else { return }
        let nodeAddresses = Set([kubelet.configuration.internalIP] + [kubelet.configuration.externalIP].compactMap { $0 })
        kubelet.network.add(NetworkRule(name: "hostport-" + podIP) { address, port, _ in
            guard nodeAddresses.contains(address), let target = forwarded[port] else { return nil }
            return (podIP, target)
        })
    }

    /// Replaces `$(NAME)` by the variable's value when the container has it; `$$` is a `$`.
    static func expandReferences(_ text: String, environment: [String]) -> String {
        guard text.contains("$") else { return text }
        var values: [String: String] = [:]
        for entry in environment {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            values[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        var result = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            result += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("$") {
                result += "$"
                rest = after.dropFirst()
            } else if after.hasPrefix("("), let close = after.firstIndex(of: ")"), let value = values[String(after[after.index(after: after.startIndex)..<close])] {
                result += value
                rest = after[after.index(after: close)...]
            } else {
                result += "$"
                rest = after
            }
        }
        return result + rest
    }
}
