import Formatting
import KubernetesAPI

extension Commands {
    static let expose = CommandSpec(
        name: "expose",
        summary: "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes Service",
        description: """
            Expose a resource as a new Kubernetes service.

            Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that
            resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a
            service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only
            the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports,
            all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the
            resource it exposes.

            Possible resources include (case insensitive):

            pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)
            """,
        examples: """
              # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000.
              kubectl expose rc nginx --port=80 --target-port=8000

              # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
              kubectl expose pod valid-pod --port=444 --name=frontend

              # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000.
              kubectl expose rs nginx --port=80 --target-port=8000

              # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000.
              kubectl expose deployment nginx --port=80 --target-port=8000
            """,
        usage: "kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]",
        declareFlags: { flags in
            flags.add("external-ip", nil, .string, "Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.")
            flags.add("labels", "l", .string, "Labels to apply to the service created by this call.")
            flags.add("load-balancer-ip", nil, .string, "IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).")
            flags.add("name", nil, .string, "The name for the newly created object.")
            flags.add("port", nil, .string, "The port that the service should serve on. Copied from the resource being exposed, if unspecified")
            flags.add("protocol", nil, .string, "The network protocol for the service to be created. Default is 'TCP'.")
            flags.add("selector", nil, .string, "A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)")
            flags.add("session-affinity", nil, .string, "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'")
            flags.add("target-port", nil, .string, "Name or number for the port on the container that the service should direct traffic to. Optional.")
            flags.add("type", nil, .string, "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.")
        },
        run: { invocation, flags in try ExposeCommand(invocation: invocation, flags: flags).run() })
}

/// `kubectl expose`: a Service selecting what a controller, pod or service selects.
struct ExposeCommand {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() throws -> Int32 {
        let requests = try ResourceArguments.parse(flags.positional, allowAll: false)
        guard let request = requests.first, let name = request.names.first else {
            throw KubectlError.usage("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", command: "expose")
        }
        let client = try invocation.client()
        let object = try request.type.get(client, invocation.namespace, name)
        guard request.type.capabilities.contains(.exposable) else {
            throw KubectlError.message("cannot expose a \(request.type.kind)")
        }
        let (selector, ports) = try introspect(object)
        var selectorLabels = selector
        if let text = flags.string("selector"), !text.isEmpty {
            selectorLabels = try LabelList.parse(text)
        }
        guard let selectorLabels, !selectorLabels.isEmpty else {
            throw KubectlError.usage("couldn't retrieve selectors via --selector flag or introspection: the \(request.type.resource.singularName) has no labels and cannot be exposed", command: "expose")
        }
        let proto = flags.string("protocol").flatMap { $0.isEmpty ? nil : $0 } ?? "TCP"
        var servicePorts: [ServicePort] = []
        if let portText = flags.string("port"), !portText.isEmpty {
            // The generator's `strconv.Atoi`, then Go's `int32(port)`; the server checks the range.
            let port: Int32
            switch GoIntegers.atoi(portText) {
            case .success(let number): port = GoIntegers.int32(number)
            case .failure(let error): throw KubectlError.message(error.message)
            }
            servicePorts = [ServicePort(protocol: proto, port: port, targetPort: .int(port))]
        } else {
            for (index, port) in ports.enumerated() {
                let portName = ports.count > 1 ? "port-\(index + 1)" : nil
                servicePorts.append(ServicePort(name: portName, protocol: port.protocol ?? proto, port: port.containerPort, targetPort: .int(port.containerPort)))
            }
        }
        guard !servicePorts.isEmpty else {
            throw KubectlError.usage("couldn't find port via --port flag or introspection", command: "expose")
        }
        if let target = flags.string("target-port"), !target.isEmpty {
            // `intstr.FromInt(strconv.Atoi(…))`, a name when Atoi fails.
            let value: IntOrString = (try? GoIntegers.atoi(target).get()).map { .int(GoIntegers.int32($0)) } ?? .string(target)
            for index in servicePorts.indices { servicePorts[index].targetPort = value }
        }
        var labels = object.labels
        if let text = flags.string("labels"), !text.isEmpty { labels = try LabelList.parse(text) }
        let serviceName = flags.string("name").flatMap { $0.isEmpty ? nil : $0 } ?? object.name
        var spec = ServiceSpec(ports: servicePorts)
        spec.selector = selectorLabels
        if let type = flags.string("type"), !type.isEmpty { spec.type = type }
        if let affinity = flags.string("session-affinity"), !affinity.isEmpty { spec.sessionAffinity = affinity }
        if let external = flags.string("external-ip"), !external.isEmpty { spec.externalIPs = [external] }
        if let address = flags.string("load-balancer-ip"), !address.isEmpty { spec.loadBalancerIP = address }
        let service = Service(metadata: ObjectMeta(name: serviceName, namespace: invocation.namespace, labels: labels.isEmpty ? nil : labels), spec: spec)
        let created = try client.create(service)
        invocation.print(Messages.operation(created, "exposed"))
        return 0
    }

    /// The selector and container ports the exposed object implies.
    func introspect(_ object: any APIObject) throws(KubectlError) -> ([String: String]?, [ContainerPort]) {
        guard let exposed = object as? any ExposableObject else {
            throw .message("cannot expose a \(Swift.type(of: object).resource.kind)")
        }
        return (try matchLabels(exposed.exposedSelector), exposed.exposedPorts)
    }

    func matchLabels(_ selector: LabelSelector?) throws(KubectlError) -> [String: String]? {
        guard let selector else { return nil }
        if !selector.matchExpressions.isEmpty {
            throw .message("couldn't convert expressions - \"\(selector.matchExpressions.map(\.key).joined(separator: ","))\" to map-based selector format")
        }
        return selector.matchLabels
    }
}
