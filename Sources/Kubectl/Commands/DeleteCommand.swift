import KubernetesAPI

extension Commands {
    static let delete = CommandSpec(
        name: "delete",
        summary: "Delete resources by filenames, stdin, resources and names, or by resources and label selector",
        description: """
            Delete resources by filenames, stdin, resources and names, or by resources and label selector.

            JSON and YAML formats are accepted. Only one type of the arguments may be specified: filenames, resources and names, or
            resources and label selector.

            Some resources, such as pods, support graceful deletion. These resources define a default period before they are
            forcibly terminated (the grace period) but you may override that value with the --grace-period flag, or pass --now to
            set a grace-period of 1. Because these resources often represent entities in the cluster, deletion may not be
            acknowledged immediately. If the node hosting a pod is down or cannot reach the API server, termination may take
            significantly longer than the grace period. To force delete a resource,	you must pass a grace	period of 0 and specify
            the --force flag.

            Note that the delete command does NOT do resource version checks, so if someone submits an update to a resource right
            when you submit a delete, their update will be lost along with the rest of the resource.
            """,
        examples: """
              # Delete a pod using the type and name specified in pod.json.
              kubectl delete -f ./pod.json

              # Delete pods and services with same names "baz" and "foo"
              kubectl delete pod,service baz foo

              # Delete pods and services with label name=myLabel.
              kubectl delete pods,services -l name=myLabel

              # Delete a pod with minimal delay
              kubectl delete pod foo --now

              # Delete all pods
              kubectl delete pods --all
            """,
        usage: "kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]",
        declareFlags: { flags in
            flags.add("all", nil, .bool, "Delete all resources, including uninitialized ones, in the namespace of the specified resource types.")
            flags.add("cascade", nil, .bool, default: "true", "If true, cascade the deletion of the resources managed by this resource (e.g. Pods created by a ReplicationController).  Default true.")
            flags.add("filename", "f", .strings, "Filename, directory, or URL to files containing the resource to delete.")
            flags.add("force", nil, .bool, "Immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.")
            flags.add("grace-period", nil, .int, default: "-1", "Period of time in seconds given to the resource to terminate gracefully. Ignored if negative.")
            flags.add("ignore-not-found", nil, .bool, "Treat \"resource not found\" as a successful delete. Defaults to \"true\" when --all is specified.")
            flags.add("now", nil, .bool, "If true, resources are signaled for immediate shutdown (same as --grace-period=1).")
            flags.add("output", "o", .string, "Output mode. Use \"-o name\" for shorter output (resource/name).")
            flags.add("recursive", "R", .bool, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.")
            flags.add("selector", "l", .string, "Selector (label query) to filter on, not including uninitialized ones.")
        },
        run: { invocation, flags in try await DeleteCommand(invocation: invocation, flags: flags).run() })
}

/// `kubectl delete`.
struct DeleteCommand {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        let client = try invocation.client()
        var targets: [(ResourceType, String?, String)] = []
        let files = flags.strings("filename")
        if !files.isEmpty {
            let manifests = try await Manifests.read(files, invocation: invocation, recursive: flags.bool("recursive"))
            for manifest in manifests {
                let object = try manifest.decode(validate: false)
                targets.append((manifest.type, manifest.namespace(default: invocation.namespace), object.name))
            }
        } else {
            guard !flags.positional.isEmpty else {
                throw KubectlError.usage("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", command: "delete")
            }
            let requests = try ResourceArguments.parse(flags.positional, allKinds: ResourceArguments.discoveryAllKinds)
            let selecting = flags.bool("all") || !(flags.string("selector") ?? "").isEmpty
            for request in requests {
                let namespace = request.type.namespaced ? invocation.namespace : nil
                if request.names.isEmpty {
                    guard selecting else {
                        throw KubectlError.message("resource(s) were provided, but no name, label selector, or --all flag specified")
                    }
                    for object in try request.type.list(client, namespace, try Selectors.listOptions(flags)) {
                        targets.append((request.type, namespace, object.name))
                    }
                } else {
                    if selecting {
                        throw KubectlError.message("name cannot be provided when a selector is specified")
                    }
                    for name in request.names { targets.append((request.type, namespace, name)) }
                }
            }
            if targets.isEmpty && selecting {
                invocation.printError("No resources found\n")
                return 0
            }
        }
        var options = DeleteOptions()
        if flags.bool("now") { options.gracePeriodSeconds = 1 }
        if let grace = flags.int("grace-period"), grace >= 0 {
            options.gracePeriodSeconds = Int64(grace)
            if grace == 0 && !flags.bool("force") { options.gracePeriodSeconds = 1 }
        }
        if flags.has("cascade") && !flags.bool("cascade") { options.propagationPolicy = .orphan }
        var failed = false
        let reaper = ReplicaReaper(invocation: invocation, client: client)
        for (type, namespace, name) in targets {
            do {
                if options.propagationPolicy != .orphan, ReplicaReaper.kinds.contains(type.kind) {
                    try await reaper.scaleDown(type, namespace: namespace, name: name)
                }
                if options.propagationPolicy != .orphan, type.kind == DaemonSet.resource.kind {
                    try await DaemonSetReaper(invocation: invocation, client: client).drain(namespace: namespace, name: name)
                }
                let deleted = try type.delete(client, namespace, name, options)
                if flags.string("output") == "name" {
                    invocation.print(ObjectOutput.name(of: deleted) + "\n")
                } else {
                    invocation.print(Messages.operation(deleted, "deleted"))
                }
            } catch let error as APIError {
                if error.reason == .notFound && flags.bool("ignore-not-found") { continue }
                invocation.printError(KubectlError.api(error).text)
                failed = true
            } catch let error as KubectlError {
                invocation.printError(error.text)
                failed = true
            }
        }
        return failed ? 1 : 0
    }
}
