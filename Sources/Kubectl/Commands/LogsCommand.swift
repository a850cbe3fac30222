import Formatting
import KubernetesAPI
import Kernel

extension Commands {
    static let logs = CommandSpec(
        name: "logs",
        summary: "Print the logs for a container in a pod",
        description: "Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is\noptional.",
        examples: """
              # Return snapshot logs from pod nginx with only one container
              kubectl logs nginx

              # Return snapshot logs for the pods defined by label app=nginx
              kubectl logs -lapp=nginx

              # Return snapshot of previous terminated ruby container logs from pod web-1
              kubectl logs -p -c ruby web-1

              # Begin streaming the logs of the ruby container in pod web-1
              kubectl logs -f -c ruby web-1

              # Display only the most recent 20 lines of output in pod nginx
              kubectl logs --tail=20 nginx
            """,
        usage: "kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]",
        declareFlags: { flags in
            flags.add("container", "c", .string, "Print the logs of this container")
            flags.add("follow", "f", .bool, "Specify if the logs should be streamed.")
            flags.add("previous", "p", .bool, "If true, print the logs for the previous instance of the container in a pod if it exists.")
            flags.add("selector", "l", .string, "Selector (label query) to filter on.")
            flags.add("tail", nil, .int, default: "-1", "Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.")
            flags.add("timestamps", nil, .bool, "Include timestamps on each line in the log output")
        },
        run: { invocation, flags in
            let client = try invocation.client()
            var pods: [Pod] = []
            if let selector = flags.string("selector"), !selector.isEmpty {
                pods = try client.list(Pod.self, namespace: invocation.namespace, options: Selectors.listOptions(flags)).items
            } else {
                guard let word = flags.positional.first else {
                    throw KubectlError.usage("expected 'logs (POD | TYPE/NAME) [CONTAINER_NAME]'.\nPOD or TYPE/NAME is a required argument for the logs command", command: "logs")
                }
                var name = word
                if let slash = word.firstIndex(of: "/") {
                    let typeWord = String(word[..<slash])
                    guard ResourceTypes.resolve(typeWord)?.capabilities.contains(.logs) == true else {
                        throw KubectlError.message("cannot get the logs from \(typeWord)")
                    }
                    name = String(word[word.index(after: slash)...])
                }
                pods = [try client.get(Pod.self, namespace: invocation.namespace, name: name)]
            }
            var tail = flags.int("tail").flatMap { $0 >= 0 ? $0 : nil }
            if tail == nil, !(flags.string("selector") ?? "").isEmpty { tail = 10 }
            let explicitContainer = flags.string("container").flatMap { $0.isEmpty ? nil : $0 } ?? (flags.positional.count > 1 ? flags.positional[1] : nil)
            guard let kubelet = try invocation.kubelet() else {
                throw KubectlError.raw("Error from server: the server could not find the requested resource ( pods/log)")
            }
            for pod in pods {
                let containers = pod.spec?.containers.map(\.name) ?? []
                let container: String
                if let explicitContainer {
                    guard containers.contains(explicitContainer) else {
                        throw KubectlError.api(APIError.badRequest("container \(explicitContainer) is not valid for pod \(pod.name)"))
                    }
                    container = explicitContainer
                } else if containers.count == 1 {
                    container = containers[0]
                } else {
                    // 1.8's API server answers this, not kubectl (pod strategy's LogLocation).
                    throw KubectlError.api(APIError.badRequest("a container name must be specified for pod \(pod.name), choose one of: [\(containers.joined(separator: " "))]"))
                }
                let stream = try kubelet.logs(namespace: pod.namespace, pod: pod.name, container: container,
                                              options: PodLogOptions(previous: flags.bool("previous"), follow: flags.bool("follow"), tailLines: tail))
                while let chunk = try await stream.read() {
                    try? invocation.context.stdout.write(chunk)
                }
            }
            return 0
        })

    static let exec = CommandSpec(
        name: "exec",
        summary: "Execute a command in a container",
        examples: """
              # Get output from running 'date' from pod 123456-7890, using the first container by default
              kubectl exec 123456-7890 date

              # Get output from running 'date' in ruby-container from pod 123456-7890
              kubectl exec 123456-7890 -c ruby-container date

              # Switch to raw terminal mode, sends stdin to 'bash' in ruby-container from pod 123456-7890
              # and sends stdout/stderr from 'bash' back to the client
              kubectl exec 123456-7890 -c ruby-container -i -t -- bash -il

              # List contents of /usr from the first container of pod 123456-7890 and sort by modification time.
              # If the command you want to execute in the pod has any flags in common (e.g. -i),
              # you must use two dashes (--) to separate your command's flags/arguments.
              # Also note, do not surround your command and its flags/arguments with quotes
              # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr").
              kubectl exec 123456-7890 -i -t -- ls -t /usr
            """,
        usage: "kubectl exec POD [-c CONTAINER] -- COMMAND [args...] [options]",
        declareFlags: { flags in
            flags.add("container", "c", .string, "Container name. If omitted, the first container in the pod will be chosen")
            flags.add("pod", "p", .string, "Pod name")
            flags.add("stdin", "i", .bool, "Pass stdin to the container")
            flags.add("tty", "t", .bool, "Stdin is a TTY")
        },
        run: { invocation, flags in
            var words = flags.positional
            let podName: String
            if let explicit = flags.string("pod"), !explicit.isEmpty {
                podName = explicit
            } else {
                guard !words.isEmpty else {
                    throw KubectlError.usage("expected 'exec POD_NAME COMMAND [ARG1] [ARG2] ... [ARGN]'.\nPOD_NAME and COMMAND are required arguments for the exec command", command: "exec")
                }
                podName = words.removeFirst()
            }
            let command = words + flags.afterDash
            guard !command.isEmpty else {
                throw KubectlError.usage("you must specify at least one command for the container", command: "exec")
            }
            let client = try invocation.client()
            let pod = try client.get(Pod.self, namespace: invocation.namespace, name: podName)
            if pod.isTerminated {
                throw KubectlError.message("cannot exec into a container in a completed pod; current phase is \(pod.status?.phase?.rawValue ?? "")")
            }
            let containers = pod.spec?.containers.map(\.name) ?? []
            var container = containers.first ?? ""
            if let explicit = flags.string("container"), !explicit.isEmpty {
                guard containers.contains(explicit) else {
                    throw KubectlError.message("container \(explicit) is not valid for pod \(pod.name)")
                }
                container = explicit
            } else if containers.count > 1 {
                invocation.printError("Defaulting container name to \(container).\nUse 'kubectl describe pod/\(pod.name)' to see all of the containers in this pod.\n\n")
            }
            guard pod.status?.phase == .running else {
                throw KubectlError.message("unable to upgrade connection: container not found (\(goQuoted(container)))")
            }
            guard let kubelet = try invocation.kubelet() else {
                throw KubectlError.message("unable to upgrade connection: pod does not exist")
            }
            let context = invocation.context
            // With -t the local terminal is raw: Ctrl-C is a byte for the remote terminal, whose
            // foreground command gets the SIGINT; kubectl itself goes on.
            let relay = flags.bool("tty") ? ExecSignalRelay() : nil
            if let relay { context.process.signalHandlers[.interrupt] = { relay.send(.interrupt) } }
            defer { context.process.signalHandlers[.interrupt] = nil }
            let status = try await kubelet.exec(namespace: pod.namespace, pod: pod.name, container: container, command: command,
                                                tty: flags.bool("tty"), stdin: flags.bool("stdin") ? context.stdin : nil,
                                                stdout: context.stdout, stderr: context.stderr, signals: relay)
            if status != 0 {
                invocation.printError("command terminated with exit code \(status)\n")
            }
            return status
        })
}
