import Formatting
import Simulation

extension Describers {
    func describeService(_ service: Service, into text: inout DescribeText) {
        text.line(0, "Name:\t" + service.name)
        text.line(0, "Namespace:\t" + service.namespace)
        text.map(0, "Labels", service.metadata.labels)
        text.annotations(0, service.metadata.annotations)
        text.line(0, "Selector:\t" + Labels.format(service.spec?.selector ?? [:]))
        text.line(0, "Type:\t" + (service.spec?.type ?? "ClusterIP"))
        text.line(0, "IP:\t" + (service.spec?.clusterIP ?? ""))
        if let external = service.spec?.externalIPs, !external.isEmpty {
            text.line(0, "External IPs:\t" + external.joined(separator: ","))
        }
        if let externalName = service.spec?.externalName, !externalName.isEmpty {
            text.line(0, "External Name:\t" + externalName)
        }
        let ingress = (service.status?.loadBalancer?.ingress ?? []).compactMap { $0.ip ?? $0.hostname }
        if !ingress.isEmpty { text.line(0, "LoadBalancer Ingress:\t" + ingress.joined(separator: ", ")) }
        let endpoints = try? client.get(Endpoints.self, namespace: service.namespace, name: service.name)
        for port in service.spec?.ports ?? [] {
            let name = (port.name ?? "").isEmpty ? "<unset>" : (port.name ?? "")
            let proto = port.protocol ?? "TCP"
            text.line(0, "Port:\t\(name)\t\(port.port)/\(proto)")
            let target: String
            switch port.targetPort {
            case .int(let number): target = "\(number)/\(proto)"
            case .string(let name): target = "\(name)/\(proto)"
            case nil: target = "\(port.port)/\(proto)"
            }
            text.line(0, "TargetPort:\t" + target)
            if let nodePort = port.nodePort, nodePort != 0 {
                text.line(0, "NodePort:\t\(name)\t\(nodePort)/\(proto)")
            }
            var addresses: [String] = []
            for subset in endpoints?.subsets ?? [] {
                let matching = (subset.ports ?? []).filter { ($0.name ?? "") == (port.name ?? "") || (subset.ports?.count == 1) }
                for endpointPort in matching {
                    for address in subset.addresses ?? [] { addresses.append("\(address.ip):\(endpointPort.port)") }
                }
            }
            text.line(0, "Endpoints:\t" + (addresses.isEmpty ? "<none>" : addresses.joined(separator: ",")))
        }
        text.line(0, "Session Affinity:\t" + (service.spec?.sessionAffinity ?? "None"))
        if let policy = service.spec?.externalTrafficPolicy, !policy.isEmpty { text.line(0, "External Traffic Policy:\t" + policy) }
        if let port = service.spec?.healthCheckNodePort, port != 0 { text.line(0, "HealthCheck NodePort:\t\(port)") }
        events(for: service, into: &text)
    }

    func describeNode(_ node: Node, into text: inout DescribeText) {
        text.line(0, "Name:\t" + node.name)
        text.line(0, "Roles:\t" + node.rolesCell)
        text.map(0, "Labels", node.metadata.labels)
        text.annotations(0, node.metadata.annotations)
        text.line(0, "CreationTimestamp:\t" + DescribeText.time(node.metadata.creationTimestamp))
        let taints = (node.spec?.taints ?? []).map { "\($0.key)\($0.value.map { "=" + $0 } ?? ""):\($0.effect)" }
        text.line(0, "Taints:\t" + (taints.isEmpty ? "<none>" : taints.joined(separator: "\n\t")))
        text.line(0, "Unschedulable:\t" + (node.spec?.unschedulable == true ? "true" : "false"))
        text.line(0, "Conditions:")
        text.line(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage")
        text.line(1, "----\t------\t-----------------\t------------------\t------\t-------")
        for condition in node.status?.conditions ?? [] {
            text.line(1, "\(condition.type) \t\(condition.status.rawValue) \t\(DescribeText.time(condition.lastHeartbeatTime)) \t\(DescribeText.time(condition.lastTransitionTime)) \t\(condition.reason ?? "") \t\(condition.message ?? "")")
        }
        text.line(0, "Addresses:")
        for address in node.status?.addresses ?? [] { text.line(1, address.type + ":\t" + address.address) }
        for (label, list) in [("Capacity", node.status?.capacity), ("Allocatable", node.status?.allocatable)] {
            text.line(0, label + ":")
            for key in (list ?? [:]).keys.sorted() {
                text.line(1, "\(key):\t\(list?[key].map { "\($0)" } ?? "")")
            }
        }
        if let info = node.status?.nodeInfo {
            text.line(0, "System Info:")
            text.line(1, "Machine ID:\t" + info.machineID)
            text.line(1, "System UUID:\t" + info.systemUUID)
            text.line(1, "Boot ID:\t" + info.bootID)
            text.line(1, "Kernel Version:\t" + info.kernelVersion)
            text.line(1, "OS Image:\t" + info.osImage)
            text.line(1, "Operating System:\t" + info.operatingSystem)
            text.line(1, "Architecture:\t" + info.architecture)
            text.line(1, "Container Runtime Version:\t" + info.containerRuntimeVersion)
            text.line(1, "Kubelet Version:\t" + info.kubeletVersion)
            text.line(1, "Kube-Proxy Version:\t" + info.kubeProxyVersion)
        }
        if let cidr = node.spec?.podCIDR, !cidr.isEmpty { text.line(0, "PodCIDR:\t" + cidr) }
        if let id = node.spec?.externalID, !id.isEmpty { text.line(0, "ExternalID:\t" + id) }
        let selector = Fields.Selector([Fields.Requirement(field: "spec.nodeName", equals: node.name)])
        let pods = ((try? client.list(Pod.self, namespace: nil, fieldSelector: selector).items) ?? []).filter { !$0.isTerminated }
        text.line(0, "Non-terminated Pods:\t(\(pods.count) in total)")
        text.line(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits")
        text.line(1, "---------\t----\t\t------------\t----------\t---------------\t-------------")
        for pod in pods {
            text.line(1, "\(pod.namespace)\t\(pod.name)\t\t0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)")
        }
        text.line(0, "Allocated resources:")
        text.line(1, "(Total limits may be over 100 percent, i.e., overcommitted.)")
        text.line(1, "CPU Requests\tCPU Limits\tMemory Requests\tMemory Limits")
        text.line(1, "------------\t----------\t---------------\t-------------")
        text.line(1, "0 (0%)\t0 (0%)\t0 (0%)\t0 (0%)")
        events(for: node, into: &text)
    }
}
