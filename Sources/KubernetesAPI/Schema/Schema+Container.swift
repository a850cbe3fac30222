extension APISchema {
    static let container = SchemaDefinition(
        "v1.Container",
        "One application container to run inside a pod.",
        [
            SchemaField("args", .array(.string), "Arguments to the entrypoint. When not given, the image's CMD is used. $(VAR) references to the container's environment are expanded; $$(VAR) escapes them. Cannot be updated."),
            SchemaField("command", .array(.string), "The entrypoint, run directly rather than through a shell. When not given, the image's ENTRYPOINT is used. $(VAR) references are expanded as in args. Cannot be updated."),
            SchemaField("env", .array(.definition(envVar)), "Environment variables to set in the container. Cannot be updated."),
            SchemaField("image", .string, "The name of the image the container runs, as docker would accept it."),
            SchemaField("imagePullPolicy", .string, "When the kubelet pulls the image: Always, Never or IfNotPresent. Defaults to Always for the :latest tag (or no tag) and to IfNotPresent otherwise. Cannot be updated."),
            SchemaField("lifecycle", .definition(lifecycle), "Actions the system runs right after the container starts and right before it stops. Cannot be updated."),
            SchemaField("livenessProbe", .definition(probe), "A periodic check that the container still works; the kubelet restarts the container when it fails. Cannot be updated."),
            SchemaField("name", .string, "The container's name, a DNS label unique within the pod. Cannot be updated.", required: true),
            SchemaField("ports", .array(.definition(containerPort)), "The ports the container exposes. Listing a port is mostly informational: a process listening on 0.0.0.0 can be reached either way. Cannot be updated."),
            SchemaField("readinessProbe", .definition(probe), "A periodic check that the container can serve requests; while it fails, the pod is left out of service endpoints. Cannot be updated."),
            SchemaField("resources", .definition(resourceRequirements), "The compute resources the container asks for and is limited to. Cannot be updated."),
            SchemaField("securityContext", .definition(securityContext), "Security settings for this container, overriding the pod's."),
            SchemaField("stdin", .boolean, "Whether the runtime keeps a stdin buffer open for the container. When false, reads from stdin get end of file. Defaults to false."),
            SchemaField("stdinOnce", .boolean, "Whether stdin is closed after the first attached client disconnects, so that the container sees end of file. Defaults to false."),
            SchemaField("terminationMessagePath", .string, "The file inside the container whose content becomes the termination message when it exits. Defaults to /dev/termination-log. Cannot be updated."),
            SchemaField("terminationMessagePolicy", .string, "Where the termination message comes from: File (the default) or FallbackToLogsOnError, which uses the end of the log when the file is empty and the container failed. Cannot be updated."),
            SchemaField("tty", .boolean, "Whether the container gets a terminal; requires stdin. Defaults to false."),
            SchemaField("volumeMounts", .array(.definition(volumeMount)), "The pod volumes to mount into the container's filesystem. Cannot be updated."),
            SchemaField("workingDir", .string, "The directory the entrypoint runs in. When not given, the image's default is used. Cannot be updated."),
        ])

    static let containerPort = SchemaDefinition(
        "v1.ContainerPort",
        "A network port of one container.",
        [
            SchemaField("containerPort", .integer, "The port number on the pod's IP address, between 1 and 65535.", required: true),
            SchemaField("hostIP", .string, "The node address the host port is bound to."),
            SchemaField("hostPort", .integer, "A port of the node forwarded to this container port. Most pods do not need one, and each one limits where the pod can be scheduled."),
            SchemaField("name", .string, "An IANA service name for the port, unique within the pod, that services can refer to."),
            SchemaField("protocol", .string, "TCP or UDP. Defaults to TCP."),
        ])

    static let envVar = SchemaDefinition(
        "v1.EnvVar",
        "One environment variable of a container.",
        [
            SchemaField("name", .string, "The variable's name, a C identifier.", required: true),
            SchemaField("value", .string, "The variable's value. $(VAR) references to variables defined earlier are expanded; $$(VAR) escapes them. Defaults to the empty string."),
            SchemaField("valueFrom", .definition(envVarSource), "Where to take the value from instead; cannot be combined with a non-empty value."),
        ])

    static let envVarSource = SchemaDefinition(
        "v1.EnvVarSource",
        "A source for an environment variable's value; exactly one field must be set.",
        [
            SchemaField("configMapKeyRef", .definition(configMapKeySelector), "A key of a ConfigMap."),
            SchemaField("fieldRef", .definition(objectFieldSelector), "A field of the pod, such as metadata.name, metadata.namespace or status.podIP."),
            SchemaField("resourceFieldRef", .definition(resourceFieldSelector), "A resource limit or request of a container, such as limits.cpu."),
            SchemaField("secretKeyRef", .definition(secretKeySelector), "A key of a Secret in the pod's namespace."),
        ])

    static let objectFieldSelector = SchemaDefinition(
        "v1.ObjectFieldSelector",
        "Picks one field of the object.",
        [
            SchemaField("apiVersion", .string, "The schema version fieldPath is written in. Defaults to v1."),
            SchemaField("fieldPath", .string, "The path of the field, in that schema version.", required: true),
        ])

    static let resourceFieldSelector = SchemaDefinition(
        "v1.ResourceFieldSelector",
        "Picks one resource amount of a container, such as its CPU limit.",
        [
            SchemaField("containerName", .string, "The container whose resources are read; required for volumes, optional for environment variables."),
            SchemaField("divisor", .definition(quantity), "The unit the amount is expressed in. Defaults to 1."),
            SchemaField("resource", .string, "The resource to read, such as limits.cpu or requests.memory.", required: true),
        ])

    static let configMapKeySelector = SchemaDefinition(
        "v1.ConfigMapKeySelector",
        "Picks one key of a ConfigMap.",
        [
            SchemaField("key", .string, "The key to read.", required: true),
            SchemaField("name", .string, "The name of the ConfigMap."),
            SchemaField("optional", .boolean, "Whether the ConfigMap or its key may be missing."),
        ])

    static let secretKeySelector = SchemaDefinition(
        "v1.SecretKeySelector",
        "Picks one key of a Secret.",
        [
            SchemaField("key", .string, "The key of the Secret to read. Must be a valid secret key.", required: true),
            SchemaField("name", .string, "The name of the Secret."),
            SchemaField("optional", .boolean, "Whether the Secret or its key may be missing."),
        ])

    static let resourceRequirements = SchemaDefinition(
        "v1.ResourceRequirements",
        "The compute resources a container asks for and may use at most.",
        [
            SchemaField("limits", .map(.definition(quantity)), "The most of each resource (cpu, memory) the container may use."),
            SchemaField("requests", .map(.definition(quantity)), "The amount of each resource the container is guaranteed and that scheduling reserves for it. When omitted, it defaults to the limits if those are set."),
        ])

    static let volumeMount = SchemaDefinition(
        "v1.VolumeMount",
        "Mounts a pod volume into a container.",
        [
            SchemaField("mountPath", .string, "The path inside the container where the volume appears. It must not contain ':'.", required: true),
            SchemaField("name", .string, "The name of the pod volume to mount.", required: true),
            SchemaField("readOnly", .boolean, "Whether the volume is mounted read-only. Defaults to false."),
            SchemaField("subPath", .string, "A path inside the volume to mount instead of its root. Defaults to the root."),
        ])

    static let probe = SchemaDefinition(
        "v1.Probe",
        "A health check the kubelet runs against a container periodically to decide whether it is alive or ready.",
        [
            SchemaField("exec", .definition(execAction), "Run a command inside the container; exit status 0 counts as success. Only one of exec, httpGet and tcpSocket may be given."),
            SchemaField("failureThreshold", .integer, "How many failures in a row count as failed after a success. Defaults to 3; at least 1."),
            SchemaField("httpGet", .definition(httpGetAction), "Send an HTTP GET request; a status from 200 to 399 counts as success."),
            SchemaField("initialDelaySeconds", .integer, "How many seconds after the container starts the first probe runs."),
            SchemaField("periodSeconds", .integer, "How often, in seconds, the probe runs. Defaults to 10; at least 1."),
            SchemaField("successThreshold", .integer, "How many successes in a row count as success after a failure. Defaults to 1, and must be 1 for liveness probes."),
            SchemaField("tcpSocket", .definition(tcpSocketAction), "Open a TCP connection; connecting counts as success."),
            SchemaField("timeoutSeconds", .integer, "How many seconds the probe may take before it counts as failed. Defaults to 1."),
        ])

    static let handler = SchemaDefinition(
        "v1.Handler",
        "An action run against a container; exactly one of the fields must be set.",
        [
            SchemaField("exec", .definition(execAction), "Run a command inside the container."),
            SchemaField("httpGet", .definition(httpGetAction), "Send an HTTP GET request to the container."),
            SchemaField("tcpSocket", .definition(tcpSocketAction), "Open a TCP connection to the container."),
        ])

    static let execAction = SchemaDefinition(
        "v1.ExecAction",
        "Runs a command inside the container.",
        [SchemaField("command", .array(.string), "The command and its arguments. It runs in the container's root directory, is not run through a shell, and an exit status of 0 counts as healthy.")])

    static let httpGetAction = SchemaDefinition(
        "v1.HTTPGetAction",
        "An HTTP GET request against the container.",
        [
            SchemaField("host", .string, "The host to connect to. Defaults to the pod's IP; to set a Host header, use httpHeaders instead."),
            SchemaField("httpHeaders", .array(.definition(httpHeader)), "Extra headers to send. Repeated headers are allowed."),
            SchemaField("path", .string, "The path to request."),
            SchemaField("port", .definition(intOrString), "The container port to connect to, by number (1 to 65535) or by name.", required: true),
            SchemaField("scheme", .string, "HTTP or HTTPS. Defaults to HTTP."),
        ])

    static let httpHeader = SchemaDefinition(
        "v1.HTTPHeader",
        "One header of an HTTP probe request.",
        [
            SchemaField("name", .string, "The header name.", required: true),
            SchemaField("value", .string, "The header value.", required: true),
        ])

    static let tcpSocketAction = SchemaDefinition(
        "v1.TCPSocketAction",
        "A TCP connection attempt against the container.",
        [
            SchemaField("host", .string, "The host to connect to. Defaults to the pod's IP."),
            SchemaField("port", .definition(intOrString), "The container port to connect to, by number (1 to 65535) or by name.", required: true),
        ])

    static let lifecycle = SchemaDefinition(
        "v1.Lifecycle",
        "Actions the system runs when a container starts and before it stops.",
        [
            SchemaField("postStart", .definition(handler), "Runs right after the container is created. If it fails, the container is terminated and restarted according to the restart policy."),
            SchemaField("preStop", .definition(handler), "Runs before the container is terminated. The container stops after the handler finishes, whatever its outcome, unless the grace period runs out first."),
        ])

    static let securityContext = SchemaDefinition(
        "v1.SecurityContext",
        "Security settings of one container. Where they overlap with the pod's securityContext, these win.",
        [
            SchemaField("allowPrivilegeEscalation", .boolean, "Whether a process may gain more privileges than its parent, for example through setuid binaries."),
            SchemaField("capabilities", .definition(capabilities), "Linux capabilities to add to or drop from the runtime's default set."),
            SchemaField("privileged", .boolean, "Whether the container runs privileged, with the same access as root on the node. Defaults to false."),
            SchemaField("readOnlyRootFilesystem", .boolean, "Whether the container's root filesystem is read-only. Defaults to false."),
            SchemaField("runAsNonRoot", .boolean, "When true, the kubelet refuses to start the container if its image would run as root (user 0)."),
            SchemaField("runAsUser", .integer, "The user ID the container's entrypoint runs as, instead of the one the image names."),
        ])

    static let capabilities = SchemaDefinition(
        "v1.Capabilities",
        "Linux capabilities added to or removed from a running container.",
        [
            SchemaField("add", .array(.string), "Capabilities to add, such as NET_ADMIN."),
            SchemaField("drop", .array(.string), "Capabilities to remove, such as KILL."),
        ])
}

