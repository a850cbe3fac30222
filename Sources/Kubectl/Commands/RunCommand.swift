import Formatting
import KubernetesAPI

extension Commands {
    static let run = CommandSpec(
        name: "run",
        summary: "Run a particular image on the cluster",
        description: "Create and run a particular image, possibly replicated.\n\nCreates a deployment or job to manage the created container(s).",
        examples: """
              # Start a single instance of nginx.
              kubectl run nginx --image=nginx

              # Start a replicated instance of nginx.
              kubectl run nginx --image=nginx --replicas=5

              # Start a single instance of nginx, but only create a replication controller.
              kubectl run nginx --image=nginx --generator=run/v1

              # Start a pod of busybox and keep it in the foreground, don't restart it if it exits.
              kubectl run -i -t busybox --image=busybox --restart=Never

              # Start the nginx container using a different command and custom arguments.
              kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>
            """,
        usage: "kubectl run NAME --image=image [--env=\"key=value\"] [--port=port] [--replicas=replicas] [--dry-run=bool] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]",
        declareFlags: { flags in
            flags.add("allow-missing-template-keys", nil, .bool, default: "true", Commands.allowMissingTemplateKeysHelp)
            flags.add("command", nil, .bool, "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.")
            flags.add("dry-run", nil, .bool, "If true, only print the object that would be sent, without sending it.")
            flags.add("env", nil, .strings, "Environment variables to set in the container")
            flags.add("generator", nil, .string, "The name of the API generator to use, see http://kubernetes.io/docs/user-guide/kubectl-conventions/#generators for a list.")
            flags.add("image", nil, .string, "The image for the container to run.")
            flags.add("image-pull-policy", nil, .string, "The image pull policy for the container. If left empty, this value will not be specified by the client and defaulted by the server")
            flags.add("labels", "l", .string, "Comma separated labels to apply to the pod(s). Will override previous values.")
            flags.add("output", "o", .string, "Output format. One of: json|yaml|wide|name|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=...")
            flags.add("port", nil, .string, "The port that this container exposes.  If --expose is true, this is also the port used by the service that is created.")
            flags.add("replicas", "r", .int, default: "1", "Number of replicas to create for this container. Default is 1.")
            flags.add("restart", nil, .string, default: "Always", "The restart policy for this Pod.  Legal values [Always, OnFailure, Never].  If set to 'Always' a deployment is created, if set to 'OnFailure' a job is created, if set to 'Never', a regular pod is created. For the latter two --replicas must be 1.  Default 'Always', for CronJobs `Never`.")
            flags.add("rm", nil, .bool, "If true, delete resources created in this command for attached containers.")
            flags.add("template", nil, .string, "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].")
            flags.add("stdin", "i", .bool, "Keep stdin open on the container(s) in the pod, even if nothing is attached.")
            flags.add("tty", "t", .bool, "Allocated a TTY for each container in the pod.")
        },
        run: { invocation, flags in try await RunCommand(invocation: invocation, flags: flags).run() })
}

/// `kubectl run`: builds a Deployment, ReplicationController or Pod from flags, as the era's generators did.
struct RunCommand {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        guard let name = flags.positional.first else {
            throw KubectlError.usage("NAME is required for run", command: "run")
        }
        guard let image = flags.string("image"), !image.isEmpty else {
            throw KubectlError.usage("--image is required", command: "run")
        }
        let restart = flags.string("restart") ?? "Always"
        guard ["Always", "OnFailure", "Never"].contains(restart) else {
            throw KubectlError.message("invalid restart policy: \(restart)")
        }
        let generator: String
        if let explicit = flags.string("generator"), !explicit.isEmpty {
            generator = explicit
            invocation.note("generator") { $0.generator }
        } else {
            generator = invocation.era.kubectl.runGenerators[restart] ?? "run-pod/v1"
        }
        let replicas = flags.int("replicas") ?? 1
        if (generator == "run-pod/v1" || generator == "job/v1") && replicas != 1 {
            throw KubectlError.message("--restart=\(restart) requires that --replicas=1, found \(replicas)")
        }
        let labels = try podLabels(name: name)
        let template = PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: try podSpec(name: name, image: image, restart: restart))
        let dryRun = flags.bool("dry-run")
        let output = try ObjectOutput.parse(flags.string("output") ?? "", template: flags.string("template") ?? "", command: "run", era: invocation.era,
                                            allowsMissingKeys: flags.allowsMissingTemplateKeys, files: invocation)
        // The generators leave the namespace to the request, so a dry run prints none.
        let namespace = dryRun ? "" : invocation.namespace
        let generated: any APIObject
        switch generator {
        case "run/v1":
            generated = ReplicationController(
                metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
                spec: ReplicationControllerSpec(replicas: GoIntegers.int32(Int64(replicas)), selector: labels, template: template))
        case "deployment/v1beta1", "deployment/apps.v1beta1":
            invocation.note("run-deployment") { $0.runDeployment(name, image) }
            generated = Deployment(
                apiVersion: generator == "deployment/v1beta1" ? "extensions/v1beta1" : "apps/v1beta1",
                metadata: ObjectMeta(name: name, namespace: namespace, labels: labels),
                spec: DeploymentSpec(replicas: GoIntegers.int32(Int64(replicas)), selector: LabelSelector(matchLabels: labels), template: template))
        case "job/v1":
            // `JobV1`: the labels on the Job and its template, the restart policy on the pod.
            var jobTemplate = template
            jobTemplate.spec?.restartPolicy = restart
            generated = Job(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), spec: JobSpec(template: jobTemplate))
        case "run-pod/v1":
            var pod = Pod(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), spec: template.spec)
            pod.spec?.restartPolicy = restart
            // The run-pod/v1 generator sets the DNS policy itself (the server defaults it alike).
            if dryRun { pod.spec?.dnsPolicy = "ClusterFirst" }
            generated = pod
        default:
            throw KubectlError.message("generator \(goQuoted(generator)) not found.")
        }
        if dryRun {
            // 1.8 printed the object it would have sent with -o, else `… created (dry run)`.
            try GeneratedObject.print(generated, output: output, invocation: invocation)
            return 0
        }
        let client = try invocation.client()
        guard let type = ResourceTypes.type(of: generated) else {
            throw KubectlError.message("generator \(goQuoted(generator)) not found.")
        }
        let created = try type.create(client, generated)
        if !output.isTable {
            invocation.print(try output.render([created], asList: false, invocation: invocation))
            return 0
        }
        let attaching = flags.bool("stdin") || flags.bool("tty") || flags.bool("rm")
        guard attaching else {
            invocation.print(Messages.operation(created, "created"))
            return 0
        }
        return try await attach(to: created, generator: generator, client: client)
    }

    /// `-it` / `--rm`: waits for the pod, attaches to it, and deletes what was created when asked.
    private func attach(to created: any APIObject, generator: String, client: any KubernetesClient) async throws -> Int32 {
        let namespace = invocation.namespace
        let selector = Labels.Selector(matching: created is Pod ? [:] : (try podLabels(name: created.name)))
        var pod: Pod?
        for _ in 0..<300 {
            if created is Pod {
                pod = try? client.get(Pod.self, namespace: namespace, name: created.name)
            } else {
                pod = try client.list(Pod.self, namespace: namespace, labelSelector: selector).items.first
            }
            if let phase = pod?.status?.phase, phase != .pending { break }
            try await invocation.context.process.sleep(for: .seconds(1), skippable: true)
        }
        guard let pod, pod.status?.phase != .pending else {
            throw KubectlError.message("timed out waiting for the condition")
        }
        let container = pod.spec?.containers.first?.name ?? created.name
        var status: Int32 = 0
        if let kubelet = try invocation.kubelet() {
            let context = invocation.context
            if flags.bool("stdin") && flags.bool("tty") && pod.status?.phase == .running {
                invocation.printError("If you don't see a command prompt, try pressing enter.\n")
                let command = (pod.spec?.containers.first?.command ?? []) + (pod.spec?.containers.first?.args ?? [])
                status = try await kubelet.exec(namespace: namespace, pod: pod.name, container: container, command: command.isEmpty ? ["sh"] : command,
                                                tty: true, stdin: context.stdin, stdout: context.stdout, stderr: context.stderr)
            } else {
                let stream = try kubelet.logs(namespace: namespace, pod: pod.name, container: container, options: PodLogOptions(follow: true))
                while let chunk = try await stream.read() {
                    try? context.stdout.write(chunk)
                }
            }
        }
        if flags.bool("rm") {
            let type = ResourceTypes.type(of: created)
            if let type {
                let deleted = try type.delete(client, namespace, created.name, DeleteOptions())
                invocation.print(Messages.operation(deleted, "deleted"))
            }
        }
        return status
    }

    func podLabels(name: String) throws(KubectlError) -> [String: String] {
        guard let text = flags.string("labels"), !text.isEmpty else { return ["run": name] }
        return try LabelList.parse(text)
    }

    func podSpec(name: String, image: String, restart: String) throws(KubectlError) -> PodSpec {
        var container = Container(name: name, image: image)
        if let port = flags.string("port"), !port.isEmpty {
            // The generator's `strconv.Atoi`, then Go's `int32(port)`; the server checks the range.
            switch GoIntegers.atoi(port) {
            case .success(let number): container.ports = [ContainerPort(containerPort: GoIntegers.int32(number))]
            case .failure(let error): throw .message(error.message)
            }
        }
        let environment = flags.strings("env")
        if !environment.isEmpty {
            container.env = try environment.map { (entry: String) throws(KubectlError) -> EnvVar in
                let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw .message("invalid env: \(entry)") }
                return EnvVar(name: String(parts[0]), value: String(parts[1]))
            }
        }
        if !flags.afterDash.isEmpty {
            if flags.bool("command") { container.command = flags.afterDash } else { container.args = flags.afterDash }
        }
        if let policy = flags.string("image-pull-policy"), !policy.isEmpty { container.imagePullPolicy = policy }
        if flags.bool("stdin") { container.stdin = true }
        if flags.bool("tty") { container.tty = true }
        var spec = PodSpec(containers: [container])
        if restart != "Always" { spec.restartPolicy = restart }
        return spec
    }
}

/// The era's confirmation lines.
enum Messages {
    /// `replicationcontroller "kubia" created`.
    static func operation(_ object: any APIObject, _ verb: String) -> String {
        "\(Swift.type(of: object).resource.kind.lowercased()) \(goQuoted(object.name)) \(verb)\n"
    }

    static func operation(kind: String, name: String, _ verb: String) -> String {
        "\(kind.lowercased()) \(goQuoted(name)) \(verb)\n"
    }
}
