extension APISchema {
    static let node = SchemaDefinition(
        "v1.Node",
        "A node is a worker machine of the cluster, with a kubelet that runs the pods scheduled onto it. The node controller tracks it under a unique name.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(nodeSpec), "How the node should be used, such as whether new pods may be scheduled onto it."),
            SchemaField("status", .definition(nodeStatus), "What the node's kubelet last reported about it. Filled in by the system; read-only."),
        ])

    static let nodeSpec = SchemaDefinition(
        "v1.NodeSpec",
        "The desired state of a node.",
        [
            SchemaField("externalID", .string, "The ID the cloud provider knows the node by. Deprecated."),
            SchemaField("podCIDR", .string, "The range of pod IP addresses assigned to this node."),
            SchemaField("providerID", .string, "The node's ID in the cloud provider's form, <provider>://<id>."),
            SchemaField("taints", .array(.definition(taint)), "Taints that repel pods that do not tolerate them."),
            SchemaField("unschedulable", .boolean, "Whether new pods are kept off the node (as kubectl cordon does). Pods already there keep running."),
        ])

    static let taint = SchemaDefinition(
        "v1.Taint",
        "A mark on a node that repels every pod not tolerating it.",
        [
            SchemaField("effect", .string, "What happens to pods that do not tolerate the taint: NoSchedule, PreferNoSchedule or NoExecute.", required: true),
            SchemaField("key", .string, "The taint's key.", required: true),
            SchemaField("timeAdded", .definition(time), "When the taint was added; only kept for NoExecute taints."),
            SchemaField("value", .string, "The taint's value."),
        ])

    static let nodeStatus = SchemaDefinition(
        "v1.NodeStatus",
        "The most recently observed state of a node.",
        [
            SchemaField("addresses", .array(.definition(nodeAddress)), "The addresses the node can be reached at, such as InternalIP and Hostname."),
            SchemaField("allocatable", .map(.definition(quantity)), "The resources available to pods, which is the capacity minus what the system reserves. Defaults to the capacity."),
            SchemaField("capacity", .map(.definition(quantity)), "The node's total resources, such as cpu, memory and pods."),
            SchemaField("conditions", .array(.definition(nodeCondition)), "The current conditions of the node, such as Ready, OutOfDisk, MemoryPressure and DiskPressure."),
            SchemaField("daemonEndpoints", .definition(nodeDaemonEndpoints), "The ports of the daemons running on the node."),
            SchemaField("images", .array(.definition(containerImage)), "The container images present on the node."),
            SchemaField("nodeInfo", .definition(nodeSystemInfo), "Identifiers and versions of the node's system and software."),
            SchemaField("phase", .string, "The node's lifecycle phase. Deprecated and no longer set."),
        ])

    static let nodeCondition = SchemaDefinition(
        "v1.NodeCondition",
        "One aspect of a node's health and whether it currently holds.",
        [
            SchemaField("lastHeartbeatTime", .definition(time), "When the kubelet last reported this condition."),
            SchemaField("lastTransitionTime", .definition(time), "When the condition last changed from one status to another."),
            SchemaField("message", .string, "A readable explanation of the last transition."),
            SchemaField("reason", .string, "A one-word CamelCase reason for the last transition."),
            SchemaField("status", .string, "True, False or Unknown.", required: true),
            SchemaField("type", .string, "Which condition this is, such as Ready or DiskPressure.", required: true),
        ])

    static let nodeAddress = SchemaDefinition(
        "v1.NodeAddress",
        "One address of a node.",
        [
            SchemaField("address", .string, "The address itself.", required: true),
            SchemaField("type", .string, "Hostname, ExternalIP or InternalIP.", required: true),
        ])

    static let nodeDaemonEndpoints = SchemaDefinition(
        "v1.NodeDaemonEndpoints",
        "The ports of the daemons on a node.",
        [SchemaField("kubeletEndpoint", .definition(daemonEndpoint), "The port the kubelet listens on.")])

    static let daemonEndpoint = SchemaDefinition(
        "v1.DaemonEndpoint",
        "The port of one daemon.",
        [SchemaField("Port", .integer, "The port number.", required: true)])

    static let nodeSystemInfo = SchemaDefinition(
        "v1.NodeSystemInfo",
        "Identifiers and versions that describe a node.",
        [
            SchemaField("architecture", .string, "The node's CPU architecture, such as amd64.", required: true),
            SchemaField("bootID", .string, "An ID that changes every time the node boots.", required: true),
            SchemaField("containerRuntimeVersion", .string, "The container runtime and its version, such as docker://17.9.0.", required: true),
            SchemaField("kernelVersion", .string, "The kernel version, as uname -r reports it.", required: true),
            SchemaField("kubeProxyVersion", .string, "The version of kube-proxy on the node.", required: true),
            SchemaField("kubeletVersion", .string, "The version of the node's kubelet.", required: true),
            SchemaField("machineID", .string, "The machine ID from /etc/machine-id, unique per installation.", required: true),
            SchemaField("operatingSystem", .string, "The operating system the node runs, such as linux.", required: true),
            SchemaField("osImage", .string, "The operating system image as /etc/os-release names it.", required: true),
            SchemaField("systemUUID", .string, "The hardware UUID the machine reports.", required: true),
        ])

    static let containerImage = SchemaDefinition(
        "v1.ContainerImage",
        "An image stored on a node.",
        [
            SchemaField("names", .array(.string), "The names the image is known by, such as luksa/kubia:latest.", required: true),
            SchemaField("sizeBytes", .integer, "The size of the image in bytes."),
        ])
}
