import Formatting
import KubernetesAPI
import StructuredData

/// `kubectl set image` of 1.8: new images for named containers of pods and pod templates.
extension Commands {
    static let set = CommandSpec(
        name: "set",
        summary: "Set specific features on objects",
        description: """
            Configure application resources

            These commands help you make changes to existing application resources.
            """,
        usage: "kubectl set SUBCOMMAND [options]",
        subcommands: [setImage],
        run: { invocation, flags in
            if let word = flags.positional.first {
                throw KubectlError.raw("Error: unknown command \(goQuoted(word)) for \"kubectl set\"\nRun 'kubectl set --help' for usage.")
            }
            invocation.print(Commands.named(invocation.commandName, in: invocation.era)?.helpText ?? "")
            return 0
        })

    static let setImage = CommandSpec(
        name: "image",
        summary: "Update image of a pod template",
        description: """
            Update existing container image(s) of resources.

            Possible resources include (case insensitive):

              pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs)
            """,
        examples: """
              # Set a deployment's nginx container image to 'nginx:1.9.1', and its busybox container image to 'busybox'.
              kubectl set image deployment/nginx busybox=busybox nginx=nginx:1.9.1

              # Update all deployments' and rc's nginx container's image to 'nginx:1.9.1'
              kubectl set image deployments,rc nginx=nginx:1.9.1 --all

              # Update image of all containers of daemonset abc to 'nginx:1.9.1'
              kubectl set image daemonset abc *=nginx:1.9.1

              # Print result (in yaml format) of updating nginx container image from local file, without hitting the server
              kubectl set image -f path/to/file.yaml nginx=nginx:1.9.1 --local -o yaml
            """,
        usage: "kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]",
        declareFlags: { flags in
            flags.add("all", nil, .bool, "select all resources in the namespace of the specified resource types")
            flags.add("filename", "f", .strings, "Filename, directory, or URL to files identifying the resource to get from a server.")
            flags.add("local", nil, .bool, "If true, set image will NOT contact api-server but run locally.")
            flags.add("output", "o", .string, "Output format. One of: json|yaml|wide|name|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=... See custom columns [http://kubernetes.io/docs/user-guide/kubectl-overview/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [http://kubernetes.io/docs/user-guide/jsonpath].")
            flags.add("record", nil, .bool, ChangeCause.flagHelp)
            flags.add("recursive", "R", .bool, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.")
            flags.add("selector", "l", .string, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)")
        },
        run: { invocation, flags in try await SetImage(invocation: invocation, flags: flags).run() })
}

struct SetImage {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        let images = flags.positional.filter { $0.contains("=") }
        let resources = flags.positional.filter { !$0.contains("=") }
        guard !images.isEmpty else {
            throw KubectlError.usage("at least one image update is required", command: "set image")
        }
        var updates: [(container: String, image: String)] = []
        for pair in images {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw KubectlError.message("invalid image update: \(pair)")
            }
            updates.append((parts[0], parts[1]))
        }
        let client = try invocation.client()
        var targets: [(ResourceType, String)] = []
        if !flags.strings("filename").isEmpty {
            let manifests = try await Manifests.read(flags.strings("filename"), invocation: invocation, recursive: flags.bool("recursive"))
            targets = manifests.map { ($0.type, $0.value["metadata"]?["name"]?.stringValue ?? "") }
        } else {
            let requests = try ResourceArguments.parse(resources, allowAll: false)
            guard !requests.isEmpty, requests.allSatisfy({ !$0.names.isEmpty }) else {
                throw KubectlError.usage("one or more resources must be specified as <resource> <name> or <resource>/<name>", command: "set image")
            }
            targets = requests.flatMap { request in request.names.map { (request.type, $0) } }
        }
        var failed = false
        for (type, name) in targets {
            let current = try type.get(client, invocation.namespace, name)
            let original = current.jsonValue
            let path: [String] = type.kind == "Pod" ? ["spec"] : ["spec", "template", "spec"]
            guard type.kind == "Pod" || type.capabilities.contains(.podTemplate) else {
                invocation.printError("error: \(type.resource.name) \(goQuoted(name)) setting images is not supported\n")
                failed = true
                continue
            }
            var podSpec = original[path] ?? .object(JSONObject())
            var missing: [String] = []
            for update in updates {
                var found = false
                for list in ["initContainers", "containers"] {
                    guard var containers = podSpec[list]?.arrayValue else { continue }
                    for index in containers.indices where containers[index]["name"]?.stringValue == update.container || update.container == "*" {
                        containers[index] = MergePatch.apply(["image": .string(update.image)], to: containers[index])
                        found = true
                    }
                    var change = JSONObject()
                    change[list] = .array(containers)
                    podSpec = MergePatch.apply(.object(change), to: podSpec)
                }
                if !found { missing.append(update.container) }
            }
            if !missing.isEmpty {
                for container in missing { invocation.printError("error: unable to find container named \(goQuoted(container))\n") }
                failed = true
                continue
            }
            var modified = original.setting(path, to: podSpec)
            guard modified != original else {
                invocation.printError("error: info: \(type.resource.name) \(goQuoted(name)) was not changed\n")
                failed = true
                continue
            }
            if ChangeCause.shouldRecord(flags, existing: current) {
                modified = MergePatch.apply(ChangeCause.patch(invocation), to: modified)
            }
            let difference = ApplyPatch.threeWay(original: original.objectValue, modified: modified.objectValue ?? JSONObject(), current: original.objectValue ?? JSONObject())
            let updated = try type.patch(client, invocation.namespace, name, .object(difference))
            invocation.print(Messages.operation(kind: type.resource.singularName, name: updated.name, "image updated"))
        }
        return failed ? 1 : 0
    }
}

extension JSONValue {
    /// The value at a path of object keys.
    subscript(path: [String]) -> JSONValue? {
        var current: JSONValue? = self
        for key in path { current = current?[key] }
        return current
    }

    /// A copy with the value at a path of object keys replaced (objects made where missing).
    func setting(_ path: [String], to value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        var object = objectValue ?? JSONObject()
        object[first] = (object[first] ?? .object(JSONObject())).setting(Array(path.dropFirst()), to: value)
        return .object(object)
    }
}
