import Formatting
import KubernetesAPI
import Kernel
import Simulation

extension Commands {
    static let portForward = CommandSpec(
        name: "port-forward",
        summary: "Forward one or more local ports to a pod",
        description: "Forward one or more local ports to a pod.",
        examples: """
              # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
              kubectl port-forward mypod 5000 6000

              # Listen on port 8888 locally, forwarding to 5000 in the pod
              kubectl port-forward mypod 8888:5000

              # Listen on a random port locally, forwarding to 5000 in the pod
              kubectl port-forward mypod :5000
            """,
        usage: "kubectl port-forward POD [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N] [options]",
        declareFlags: { flags in
            flags.add("pod", "p", .string, "Pod name")
        },
        run: { invocation, flags in try await PortForwardCommand(invocation: invocation).run(flags) })
}

/// `kubectl port-forward` of 1.8: pods only (resource names such as `deployment/x` came in 1.10).
struct PortForwardCommand {
    let invocation: Invocation

    func run(_ flags: ParsedFlags) async throws -> Int32 {
        var arguments = flags.positional
        let podName: String
        if let explicit = flags.string("pod"), !explicit.isEmpty {
            warnDeprecated()
            podName = explicit
        } else {
            guard !arguments.isEmpty else { throw KubectlError.usage("POD is required for port-forward", command: "port-forward") }
            podName = arguments.removeFirst()
        }
        guard !podName.isEmpty else { throw KubectlError.usage("pod name must be specified", command: "port-forward") }
        guard !arguments.isEmpty else { throw KubectlError.usage("at least 1 PORT is required for port-forward", command: "port-forward") }
        let client = try invocation.client()
        if let problems = Self.pathSegmentProblems(podName) {
            throw KubectlError.message("invalid resource name \(goQuoted(podName)): [\(problems)]")
        }
        let pod = try client.get(Pod.self, namespace: invocation.namespace, name: podName)
        guard pod.status?.phase == .running else {
            throw KubectlError.message("unable to forward port because pod is not running. Current status=\(pod.status?.phase?.rawValue ?? "")")
        }
        let ports = try ForwardedPort.parse(arguments)
        guard let runtime = try invocation.kubelet() else {
            throw KubectlError.message("error upgrading connection: the server could not find the requested resource")
        }
        let stream: any PortForwardStream
        do {
            stream = try runtime.portForward(namespace: pod.namespace, pod: pod.name)
        } catch {
            throw KubectlError.message("error upgrading connection: \(error.message)")
        }
        let context = invocation.context
        let forwarder = PortForwarder(context: context, stream: stream)
        context.process.onExit { _ in forwarder.stop() }
        guard forwarder.listen(ports) else {
            forwarder.stop()
            throw KubectlError.message("Unable to listen on any of the requested ports: \(ForwardedPort.describe(ports))")
        }
        // Runs until Ctrl-C (kubectl catches SIGINT and ends normally) or the stream breaks.
        let stop = Wakeup()
        let lost = Flag()
        context.process.signalHandlers[.interrupt] = { stop.wake() }
        stream.onLoss {
            lost.isSet = true
            stop.wake()
        }
        try await stop.wait()
        forwarder.stop()
        if lost.isSet { forwarder.logError("lost connection to pod", at: PortForwarder.lossLocation) }
        return 0
    }

    /// Why client-go refuses `name` as a path segment (`may not contain '/'`), or nil.
    static func pathSegmentProblems(_ name: String) -> String? {
        if name == "." || name == ".." { return "may not be '\(name)'" }
        let problems = ["/", "%"].filter { name.contains($0) }.map { "may not contain '\($0)'" }
        return problems.isEmpty ? nil : problems.joined(separator: " ")
    }

    /// 1.8 still accepts `-p POD`, with glog's warning.
    private func warnDeprecated() {
        let context = invocation.context
        invocation.printError(GlogLine.format(.warning, at: context.loop.now, pid: context.process.pid, location: "cmd.go:353",
                                              "-p POD is DEPRECATED and will be removed in a future version. Use port-forward POD instead."))
    }

    /// A flag a closure can set.
    private final class Flag {
        var isSet = false
    }
}
