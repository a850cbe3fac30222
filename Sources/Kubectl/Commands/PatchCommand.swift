import Formatting
import KubernetesAPI
import StructuredData

/// `kubectl patch` of 1.8: a strategic merge (the default), JSON merge or JSON patch. The
/// patched object is worked out here and its difference sent as a merge patch, which gives
/// the server the same change; `not patched` when nothing changes.
extension Commands {
    static let patch = CommandSpec(
        name: "patch",
        summary: "Update field(s) of a resource using strategic merge patch",
        description: """
            Update field(s) of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

            JSON and YAML formats are accepted.

            Please refer to the models in https://htmlpreview.github.io/?https://github.com/kubernetes/kubernetes/blob/HEAD/docs/api-reference/v1/definitions.html to find if a field is mutable.
            """,
        examples: """
              # Partially update a node using strategic merge patch
              kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

              # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
              kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'

              # Update a container's image; spec.containers[*].name is required because it's a merge key
              kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

              # Update a container's image using a json patch with positional arrays
              kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
            """,
        usage: "kubectl patch (-f FILENAME | TYPE NAME) -p PATCH [options]",
        declareFlags: { flags in
            flags.add("filename", "f", .strings, "Filename, directory, or URL to files identifying the resource to update")
            flags.add("local", nil, .bool, "If true, patch will operate on the content of the file, not the server-side resource.")
            flags.add("output", "o", .string, "Output mode. Use \"-o name\" for shorter output (resource/name).")
            flags.add("patch", "p", .string, "The patch to be applied to the resource JSON file.")
            flags.add("record", nil, .bool, ChangeCause.flagHelp)
            flags.add("type", nil, .string, default: "strategic", "The type of patch being provided; one of [json merge strategic]")
        },
        run: { invocation, flags in try await PatchCommand(invocation: invocation, flags: flags).run() })
}

struct PatchCommand {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        let kind = flags.string("type") ?? "strategic"
        guard ["json", "merge", "strategic"].contains(kind) else {
            throw KubectlError.message("--type must be one of [json merge strategic], not \(goQuoted(kind))")
        }
        guard let text = flags.string("patch"), !text.isEmpty else {
            throw KubectlError.usage("Must specify -p to patch", command: "patch")
        }
        // `yaml.ToJSON`: YAML or JSON, go-yaml's own message when it cannot be read.
        let patch: JSONValue
        do {
            patch = try JSONValue.parseYAML(text)
        } catch {
            throw KubectlError.message("unable to parse \(goQuoted(text)): " + error.message)
        }
        let client = try invocation.client()
        var targets: [(ResourceType, String)] = []
        if !flags.strings("filename").isEmpty {
            let manifests = try await Manifests.read(flags.strings("filename"), invocation: invocation)
            targets = manifests.map { ($0.type, $0.value["metadata"]?["name"]?.stringValue ?? "") }
        } else {
            let requests = try ResourceArguments.parse(flags.positional, allowAll: false)
            guard !requests.isEmpty, requests.allSatisfy({ !$0.names.isEmpty }) else {
                throw KubectlError.usage("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", command: "patch")
            }
            targets = requests.flatMap { request in request.names.map { (request.type, $0) } }
        }
        for (type, name) in targets {
            let current = try type.get(client, invocation.namespace, name)
            let original = current.jsonValue
            var modified: JSONValue
            switch kind {
            case "json":
                do {
                    modified = try JSONPatch.apply(patch, to: original)
                } catch {
                    throw KubectlError.raw("Error from server: " + error.message)
                }
            case "merge":
                modified = MergePatch.apply(patch, to: original)
            default:
                do {
                    modified = try StrategicMergePatch.apply(patch, to: original)
                } catch {
                    throw KubectlError.raw("Error from server: max depth exceeded")
                }
            }
            let changed = modified != original
            if ChangeCause.shouldRecord(flags, existing: current) {
                modified = MergePatch.apply(ChangeCause.patch(invocation), to: modified)
            }
            let difference = ApplyPatch.threeWay(original: original.objectValue, modified: modified.objectValue ?? JSONObject(), current: original.objectValue ?? JSONObject())
            let patched = difference.isEmpty ? current : try type.patch(client, invocation.namespace, name, .object(difference))
            if flags.string("output") == "name" {
                invocation.print(type.resource.singularName + "/" + patched.name + "\n")
            } else {
                invocation.print(Messages.operation(kind: type.resource.singularName, name: patched.name, changed ? "patched" : "not patched"))
            }
        }
        return 0
    }
}
