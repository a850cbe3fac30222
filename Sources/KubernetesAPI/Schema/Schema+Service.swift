extension APISchema {
    static let service = SchemaDefinition(
        "v1.Service",
        "A service gives a set of pods one stable name and address. It forwards connections on its ports to the pods its selector matches, and can be exposed on every node or through a cloud load balancer.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(serviceSpec), "How the service behaves: its ports, selector, type and addresses."),
            SchemaField("status", .definition(serviceStatus), "What the system last observed about the service, such as its load balancer. Filled in by the system; read-only."),
        ])

    static let serviceSpec = SchemaDefinition(
        "v1.ServiceSpec",
        "The desired behaviour of a service.",
        [
            SchemaField("clusterIP", .string, "The service's virtual IP address inside the cluster. Usually the master assigns it; a valid IP can be asked for, and None makes a headless service without one. Only ExternalName services may leave it out, and it cannot be changed."),
            SchemaField("externalIPs", .array(.string), "Extra IP addresses, managed outside Kubernetes, on which the nodes also accept traffic for the service."),
            SchemaField("externalName", .string, "For type ExternalName, the DNS name the service's name points to (a CNAME record)."),
            SchemaField("externalTrafficPolicy", .string, "For NodePort and LoadBalancer services, whether outside traffic may be forwarded to pods on other nodes (Cluster, the default) or only to pods on the node it arrived at (Local), which keeps the client's address."),
            SchemaField("healthCheckNodePort", .integer, "For LoadBalancer services with externalTrafficPolicy Local, the node port the load balancer checks health on."),
            SchemaField("loadBalancerIP", .string, "For type LoadBalancer, the IP address to ask the cloud provider for, when it supports choosing one."),
            SchemaField("loadBalancerSourceRanges", .array(.string), "For type LoadBalancer, the client address ranges (CIDRs) the cloud load balancer lets through."),
            SchemaField("ports", .array(.definition(servicePort)), "The ports the service exposes."),
            SchemaField("publishNotReadyAddresses", .boolean, "Whether the service's DNS records include pods that are not ready."),
            SchemaField("selector", .map(.string), "Labels of the pods the service forwards to. When empty, the service's endpoints are left for someone else to manage."),
            SchemaField("sessionAffinity", .string, "ClientIP sends all connections of one client to the same pod; None (the default) spreads them."),
            SchemaField("type", .string, "How the service is exposed: ClusterIP (the default) inside the cluster only, NodePort also on a port of every node, LoadBalancer also through a cloud load balancer, or ExternalName as a DNS alias."),
        ])

    static let servicePort = SchemaDefinition(
        "v1.ServicePort",
        "One port a service exposes.",
        [
            SchemaField("name", .string, "The port's name, a DNS label unique within the service. Required when the service has more than one port."),
            SchemaField("nodePort", .integer, "For NodePort and LoadBalancer services, the port opened on every node. Chosen by the system when not given."),
            SchemaField("port", .integer, "The port the service listens on.", required: true),
            SchemaField("protocol", .string, "TCP or UDP. Defaults to TCP."),
            SchemaField("targetPort", .definition(intOrString), "The port of the pods that connections are forwarded to, by number or by the name of a container port. Defaults to the value of port."),
        ])

    static let serviceStatus = SchemaDefinition(
        "v1.ServiceStatus",
        "The observed state of a service.",
        [SchemaField("loadBalancer", .definition(loadBalancerStatus), "The load balancer in front of the service, if there is one.")])

    static let loadBalancerStatus = SchemaDefinition(
        "v1.LoadBalancerStatus",
        "The state of a load balancer.",
        [SchemaField("ingress", .array(.definition(loadBalancerIngress)), "The addresses at which the load balancer receives traffic for the service.")])

    static let loadBalancerIngress = SchemaDefinition(
        "v1.LoadBalancerIngress",
        "One entry point of a load balancer.",
        [
            SchemaField("hostname", .string, "Set for load balancers reached through a DNS name."),
            SchemaField("ip", .string, "Set for load balancers reached through an IP address."),
        ])

    static let endpoints = SchemaDefinition(
        "v1.Endpoints",
        "The addresses behind a service: for each subset, the IP addresses of its pods and the ports they serve on. The endpoints controller keeps it in step with the service's selector.",
        typeAndObjectMeta() + [
            SchemaField("subsets", .array(.definition(endpointSubset)), "Groups of addresses that share the same ports. Every address appears with every port of its subset.", required: true),
        ])

    static let endpointSubset = SchemaDefinition(
        "v1.EndpointSubset",
        "A group of addresses that serve on the same ports.",
        [
            SchemaField("addresses", .array(.definition(endpointAddress)), "Addresses of ready pods, which receive traffic."),
            SchemaField("notReadyAddresses", .array(.definition(endpointAddress)), "Addresses of pods that are not ready yet, or were ready but failed their readiness check since."),
            SchemaField("ports", .array(.definition(endpointPort)), "The ports the addresses serve on."),
        ])

    static let endpointAddress = SchemaDefinition(
        "v1.EndpointAddress",
        "One address behind a service.",
        [
            SchemaField("hostname", .string, "The host name of the address, if it has one."),
            SchemaField("ip", .string, "The IP address; not a loopback, link-local or multicast one.", required: true),
            SchemaField("nodeName", .string, "The node hosting this address, which lets components find endpoints local to a node."),
            SchemaField("targetRef", .definition(objectReference), "The object (usually a pod) that owns this address."),
        ])

    static let endpointPort = SchemaDefinition(
        "v1.EndpointPort",
        "One port of the addresses of a subset.",
        [
            SchemaField("name", .string, "The port's name, matching the service port it belongs to. Optional when there is only one port.", required: false),
            SchemaField("port", .integer, "The port number.", required: true),
            SchemaField("protocol", .string, "TCP or UDP. Defaults to TCP."),
        ])
}
