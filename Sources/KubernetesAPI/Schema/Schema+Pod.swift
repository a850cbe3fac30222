extension APISchema {
    static let pod = SchemaDefinition(
        "v1.Pod",
        "A pod is a group of containers that share network and storage and run together on one node. Clients create pods and the scheduler assigns them to nodes.",
        typeAndObjectMeta() + [
            SchemaField("spec", .definition(podSpec), "What the pod should run and how: its containers, volumes and scheduling wishes."),
            SchemaField("status", .definition(podStatus), "What the system last observed about the pod. It may lag behind reality; the kubelet and other components fill it in, clients cannot."),
        ])

    static let podTemplateSpec = SchemaDefinition(
        "v1.PodTemplateSpec",
        "A blueprint from which a controller creates pods.",
        [
            SchemaField("metadata", .definition(objectMeta), "The metadata every pod made from this template gets, notably its labels."),
            SchemaField("spec", .definition(podSpec), "The specification of the pods made from this template."),
        ])

    static let podSpec = SchemaDefinition(
        "v1.PodSpec",
        "The desired state of a pod.",
        [
            SchemaField("activeDeadlineSeconds", .integer, "How long, in seconds, the pod may be active on a node after it started before the system marks it failed and kills its containers. Must be a positive integer."),
            SchemaField("automountServiceAccountToken", .boolean, "Whether the service account's API token is mounted into the containers automatically."),
            SchemaField("containers", .array(.definition(container)), "The containers of the pod. A pod needs at least one; they cannot be added or removed later.", required: true),
            SchemaField("dnsPolicy", .string, "How the containers resolve names: ClusterFirst (the default) asks the cluster DNS first, ClusterFirstWithHostNet does so for pods on the host network, and Default uses the node's resolver settings."),
            SchemaField("hostIPC", .boolean, "Whether the pod uses the node's IPC namespace. Defaults to false."),
            SchemaField("hostNetwork", .boolean, "Whether the pod uses the node's network namespace, seeing the node's interfaces and ports. Defaults to false."),
            SchemaField("hostPID", .boolean, "Whether the pod uses the node's process ID namespace. Defaults to false."),
            SchemaField("hostname", .string, "The hostname the pod sees. When empty, the system uses the pod's name."),
            SchemaField("imagePullSecrets", .array(.definition(localObjectReference)), "Secrets in the pod's namespace holding credentials for pulling the containers' images from private registries."),
            SchemaField("initContainers", .array(.definition(container)), "Containers that run one after another, each to completion, before the regular containers start. If one fails, the pod's restart policy decides what happens next."),
            SchemaField("nodeName", .string, "The node the pod is bound to. Setting it skips the scheduler and places the pod on that node directly."),
            SchemaField("nodeSelector", .map(.string), "Labels a node must carry for the pod to be scheduled onto it."),
            SchemaField("restartPolicy", .string, "When the kubelet restarts the pod's containers after they exit: Always (the default), OnFailure or Never."),
            SchemaField("schedulerName", .string, "The scheduler responsible for placing the pod. When empty, the default scheduler does it."),
            SchemaField("securityContext", .definition(podSecurityContext), "Security settings for the whole pod; a container's own securityContext overrides them. Empty by default."),
            SchemaField("serviceAccount", .string, "The older, deprecated spelling of serviceAccountName."),
            SchemaField("serviceAccountName", .string, "The service account whose identity the pod's processes run with."),
            SchemaField("subdomain", .string, "When set, the pod's fully qualified hostname becomes <hostname>.<subdomain>.<namespace>.svc.<cluster domain>."),
            SchemaField("terminationGracePeriodSeconds", .integer, "How many seconds the containers get to shut down after the termination signal before they are killed. Zero stops them at once; defaults to 30."),
            SchemaField("tolerations", .array(.definition(toleration)), "Taints of nodes the pod tolerates, letting it be scheduled onto (or stay on) such nodes."),
            SchemaField("volumes", .array(.definition(volume)), "The volumes the pod's containers can mount."),
        ])

    static let podSecurityContext = SchemaDefinition(
        "v1.PodSecurityContext",
        "Security settings that apply to every container of a pod.",
        [
            SchemaField("fsGroup", .integer, "A supplemental group added to every container. Volumes that support ownership management are made writable by this group."),
            SchemaField("runAsNonRoot", .boolean, "When true, the kubelet refuses to start a container whose image would run as root (user 0)."),
            SchemaField("runAsUser", .integer, "The user ID the containers' entrypoints run as, instead of the one the image names."),
            SchemaField("supplementalGroups", .array(.integer), "Additional group IDs given to the first process of each container."),
        ])

    static let toleration = SchemaDefinition(
        "v1.Toleration",
        "Lets a pod tolerate a node taint that matches it.",
        [
            SchemaField("effect", .string, "The taint effect to match: NoSchedule, PreferNoSchedule or NoExecute. Empty matches all effects."),
            SchemaField("key", .string, "The taint key to match. Empty, together with operator Exists, matches every taint."),
            SchemaField("operator", .string, "How the key relates to the value: Equal (the default) or Exists, which accepts any value."),
            SchemaField("tolerationSeconds", .integer, "For NoExecute taints, how long the pod may stay on the node after the taint appears. Unset means forever."),
            SchemaField("value", .string, "The taint value to match; empty when the operator is Exists."),
        ])

    static let podStatus = SchemaDefinition(
        "v1.PodStatus",
        "The most recently observed state of a pod. It may trail what is really happening on the node.",
        [
            SchemaField("conditions", .array(.definition(podCondition)), "The current conditions of the pod, such as PodScheduled, Initialized and Ready."),
            SchemaField("containerStatuses", .array(.definition(containerStatus)), "One entry per container of the pod, as the kubelet last reported it."),
            SchemaField("hostIP", .string, "The IP address of the node the pod runs on; empty until the pod is scheduled."),
            SchemaField("initContainerStatuses", .array(.definition(containerStatus)), "One entry per init container of the pod."),
            SchemaField("message", .string, "A readable explanation of why the pod is in its current state."),
            SchemaField("phase", .string, "Where the pod is in its lifecycle: Pending, Running, Succeeded, Failed or Unknown."),
            SchemaField("podIP", .string, "The IP address assigned to the pod, reachable from the whole cluster; empty until assigned."),
            SchemaField("qosClass", .string, "The quality of service class derived from the containers' requests and limits: Guaranteed, Burstable or BestEffort."),
            SchemaField("reason", .string, "A short CamelCase word saying why the pod is in its current state, such as Evicted."),
            SchemaField("startTime", .definition(time), "When the kubelet acknowledged the pod, before any image was pulled."),
        ])

    static let podCondition = SchemaDefinition(
        "v1.PodCondition",
        "One aspect of a pod's state and whether it currently holds.",
        [
            SchemaField("lastProbeTime", .definition(time), "When the condition was last checked."),
            SchemaField("lastTransitionTime", .definition(time), "When the condition last changed from one status to another."),
            SchemaField("message", .string, "A readable explanation of the last transition."),
            SchemaField("reason", .string, "A one-word CamelCase reason for the last transition."),
            SchemaField("status", .string, "True, False or Unknown.", required: true),
            SchemaField("type", .string, "Which condition this is: PodScheduled, Initialized or Ready.", required: true),
        ])

    static let containerStatus = SchemaDefinition(
        "v1.ContainerStatus",
        "What the kubelet knows about one container of a pod.",
        [
            SchemaField("containerID", .string, "The container's ID in the runtime, as <type>://<id>."),
            SchemaField("image", .string, "The image the container runs.", required: true),
            SchemaField("imageID", .string, "The ID of the image the container runs, with its digest.", required: true),
            SchemaField("lastState", .definition(containerState), "How the container's previous run ended, if it ran before."),
            SchemaField("name", .string, "The container's name, as given in the pod spec.", required: true),
            SchemaField("ready", .boolean, "Whether the container passes its readiness probe.", required: true),
            SchemaField("restartCount", .integer, "How many times the container has been restarted. Restarts of dead containers count, and the number is kept while the pod lives.", required: true),
            SchemaField("state", .definition(containerState), "What the container is doing now."),
        ])

    static let containerState = SchemaDefinition(
        "v1.ContainerState",
        "What a container is doing: at most one of the fields is set, and none means waiting.",
        [
            SchemaField("running", .definition(containerStateRunning), "Details of a running container."),
            SchemaField("terminated", .definition(containerStateTerminated), "Details of a container that has exited."),
            SchemaField("waiting", .definition(containerStateWaiting), "Details of a container that has not started yet."),
        ])

    static let containerStateWaiting = SchemaDefinition(
        "v1.ContainerStateWaiting",
        "A container that is not running yet.",
        [
            SchemaField("message", .string, "Why the container is not running yet, in words."),
            SchemaField("reason", .string, "Why the container is not running yet, as one word such as ContainerCreating or ImagePullBackOff."),
        ])

    static let containerStateRunning = SchemaDefinition(
        "v1.ContainerStateRunning",
        "A container that is running.",
        [SchemaField("startedAt", .definition(time), "When the container last (re)started.")])

    static let containerStateTerminated = SchemaDefinition(
        "v1.ContainerStateTerminated",
        "A container that has exited.",
        [
            SchemaField("containerID", .string, "The runtime's ID of the container, as <type>://<id>."),
            SchemaField("exitCode", .integer, "The exit status of the container's last run.", required: true),
            SchemaField("finishedAt", .definition(time), "When the container's last run ended."),
            SchemaField("message", .string, "Details of the termination, in words."),
            SchemaField("reason", .string, "Why the container terminated, as one word such as Completed or Error."),
            SchemaField("signal", .integer, "The signal that ended the container, if one did."),
            SchemaField("startedAt", .definition(time), "When the container's last run started."),
        ])
}
