import KubernetesAPI

extension Commands {
    static let describe = CommandSpec(
        name: "describe",
        summary: "Show details of a specific resource or group of resources",
        description: """
            Show details of a specific resource or group of resources

            Print a detailed description of the selected resources, including related resources such as events or controllers. You
            may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

              $ kubectl describe TYPE NAME_PREFIX

            will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every
            resource that has a name prefixed with NAME_PREFIX.

            Valid resource types include:

            \(Commands.resourceTypeList)
            """,
        examples: """
              # Describe a node
              kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

              # Describe a pod
              kubectl describe pods/nginx

              # Describe a pod identified by type and name in "pod.json"
              kubectl describe -f pod.json

              # Describe all pods
              kubectl describe pods

              # Describe pods by label name=myLabel
              kubectl describe po -l name=myLabel

              # Describe all pods managed by the 'frontend' replication controller (rc-created pods
              # get the name of the rc as a prefix in the pod the name).
              kubectl describe pods frontend
            """,
        usage: "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]",
        declareFlags: { flags in
            flags.add("all-namespaces", nil, .bool, "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.")
            flags.add("filename", "f", .strings, "Filename, directory, or URL to files containing the resource to describe")
            flags.add("selector", "l", .string, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)")
            flags.add("show-events", nil, .bool, default: "true", "If true, display events related to the described object.")
        },
        run: { invocation, flags in
            var objects: [any APIObject] = []
            let client = try invocation.client()
            let files = flags.strings("filename")
            if !files.isEmpty {
                for manifest in try await Manifests.read(files, invocation: invocation) {
                    let object = try manifest.decode(validate: false)
                    objects.append(try manifest.type.get(client, manifest.namespace(default: invocation.namespace), object.name))
                }
            } else {
                guard !flags.positional.isEmpty else {
                    throw KubectlError.raw("""
                        You must specify the type of resource to describe. Valid resource types include:

                        \(Commands.resourceTypeList)
                        error: Required resource not specified.
                        See 'kubectl describe -h' for help and examples.
                        """)
                }
                let namespace = flags.bool("all-namespaces") ? nil : invocation.namespace
                for request in try ResourceArguments.parse(flags.positional) {
                    let scope = request.type.namespaced ? namespace : nil
                    if request.names.isEmpty {
                        objects += try request.type.list(client, scope, Selectors.listOptions(flags))
                        continue
                    }
                    for name in request.names {
                        do {
                            objects.append(try request.type.get(client, scope ?? (request.type.namespaced ? invocation.namespace : nil), name))
                        } catch let error as APIError {
                            guard error.reason == .notFound else { throw error }
                            // 1.8 falls back to every object whose name starts with the given one.
                            let prefixed = try request.type.list(client, scope, ListOptions()).filter { $0.name.hasPrefix(name) }
                            if prefixed.isEmpty { throw error }
                            objects += prefixed
                        }
                    }
                }
            }
            if objects.isEmpty {
                invocation.printError("No resources found.\n")
                return 0
            }
            let describers = Describers(client: client, now: invocation.now)
            invocation.print(objects.map { describers.describe($0).rendered }.joined(separator: "\n\n"))
            return 0
        })
}
