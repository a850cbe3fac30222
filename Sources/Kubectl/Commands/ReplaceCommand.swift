import Formatting
import KubernetesAPI
import StructuredData

extension Commands {
    static let replace = CommandSpec(
        name: "replace",
        summary: "Replace a resource by filename or stdin",
        description: """
            Replace a resource by filename or stdin.

            JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This
            can be obtained by

              $ kubectl get TYPE NAME -o yaml

            Please refer to the models in https://htmlpreview.github.io/?https://github.com/kubernetes/kubernetes/blob/HEAD/docs/api-reference/v1/definitions.html to find if a field is mutable.
            """,
        examples: """
              # Replace a pod using the data in pod.json.
              kubectl replace -f ./pod.json

              # Replace a pod based on the JSON passed into stdin.
              cat pod.json | kubectl replace -f -

              # Update a single-container pod's image version (tag) to v4
              kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
            """,
        usage: "kubectl replace -f FILENAME [options]",
        declareFlags: { flags in
            flags.add("filename", "f", .strings, "to use to replace the resource.")
            flags.add("output", "o", .string, "Output mode. Use \"-o name\" for shorter output (resource/name).")
            flags.add("recursive", "R", .bool, "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.")
            flags.add("save-config", nil, .bool, "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.")
            flags.add("validate", nil, .bool, default: "true", "If true, use a schema to validate the input before sending it")
        },
        run: { invocation, flags in try await ReplaceCommand(invocation: invocation, flags: flags).run() })
}

/// `kubectl replace -f`: a PUT of the whole object. Without a resourceVersion in the file the
/// current one is used, as 1.8's helper did; a stale one conflicts.
struct ReplaceCommand {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() async throws -> Int32 {
        let files = flags.strings("filename")
        guard !files.isEmpty else {
            throw KubectlError.usage("must specify --filename to replace", command: "replace")
        }
        return try await Manifests.forEach(in: flags, invocation: invocation, command: "replace") { manifest, client, validate throws(KubectlError) in
            try replace(manifest, client: client, validate: validate)
        }
    }

    private func replace(_ manifest: Manifest, client: any KubernetesClient, validate: Bool) throws(KubectlError) {
        var object = try manifest.decode(validate: validate)
        object.metadata.namespace = manifest.namespace(default: invocation.namespace)
        if flags.bool("save-config") || object.metadata.annotations?[ApplyCommand.lastAppliedAnnotation] != nil {
            let configuration = ApplyCommand.removingAnnotation(manifest.value)
            object.metadata.annotations = (object.metadata.annotations ?? [:])
                .merging([ApplyCommand.lastAppliedAnnotation: ApplyCommand.lastAppliedConfiguration(configuration)]) { _, new in new }
        }
        do {
            if (object.metadata.resourceVersion ?? "").isEmpty,
               let current = try? manifest.type.get(client, object.metadata.namespace, object.name) {
                object.metadata.resourceVersion = current.metadata.resourceVersion
            }
            let replaced = try manifest.type.update(client, object)
            if flags.string("output") == "name" {
                invocation.print(ObjectOutput.name(of: replaced) + "\n")
            } else {
                invocation.print(Messages.operation(replaced, "replaced"))
            }
        } catch {
            var framed = error
            if error.reason != .invalid { framed.message = "error when replacing \(goQuoted(manifest.source)): " + error.message }
            throw .raw(KubectlError.frame(framed))
        }
    }
}
