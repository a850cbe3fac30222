import Formatting
import KubernetesAPI

extension Commands {
    static let explain = CommandSpec(
        name: "explain",
        summary: "Documentation of resources",
        description: """
            Documentation of resources.

            Valid resource types include:

            \(Commands.resourceTypeList)
            """,
        examples: """
              # Get the documentation of the resource and its fields
              kubectl explain pods

              # Get the documentation of a specific field of a resource
              kubectl explain pods.spec.containers
            """,
        usage: "kubectl explain RESOURCE [options]",
        declareFlags: { flags in
            flags.add("api-version", nil, .string, "Get different explanations for particular API version")
            flags.add("include-extended-apis", nil, .bool, default: "true", "If true, include definitions of new APIs via calls to the API server. [default true]")
            flags.add("recursive", nil, .bool, "Print the fields of fields (Currently only 1 level deep)")
        },
        run: { invocation, flags in try ExplainCommand(invocation: invocation, flags: flags).run() })
}

/// `kubectl explain TYPE[.FIELD…]`: the schema the server publishes, walked along a dotted path.
struct ExplainCommand {
    let invocation: Invocation
    let flags: ParsedFlags

    func run() throws -> Int32 {
        guard let argument = flags.positional.first else {
            throw KubectlError.raw("""
                You must specify the type of resource to explain. Valid resource types include:

                \(Commands.resourceTypeList)
                error: Required resource not specified.
                See 'kubectl explain -h' for help and examples.
                """)
        }
        guard flags.positional.count == 1 else {
            throw KubectlError.usage("We accept only this format: explain RESOURCE", command: "explain")
        }
        // The schema and the resource names come from the server, as discovery and OpenAPI do.
        _ = try invocation.client()
        // The first dot ends the type: `deployments.apps` names a field `apps`, as in 1.8.
        var words = argument.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let typeWord = words.removeFirst()
        guard let type = ResourceTypes.resolve(typeWord) else {
            throw KubectlError.message("the server doesn't have a resource type \(goQuoted(typeWord))")
        }
        if let requested = flags.string("api-version"), !requested.isEmpty {
            try checkServed(type, apiVersion: requested)
        }
        guard let schema = APISchema.definition(forKind: type.kind) else {
            throw KubectlError.message("Couldn't find resource for \(goQuoted(Self.groupVersionKind(type.resource.preferredAPIVersion, type.kind)))")
        }
        do {
            invocation.print(try SchemaExplanation.text(kind: schema, path: words, recursive: flags.bool("recursive")))
        } catch {
            throw KubectlError.message(error.message)
        }
        return 0
    }

    /// `--api-version`: a group version that does not serve the kind has no schema for it.
    private func checkServed(_ type: ResourceType, apiVersion: String) throws(KubectlError) {
        let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, !(parts.count == 2 && parts[1].isEmpty) else {
            throw KubectlError.message("unexpected GroupVersion string: \(apiVersion)")
        }
        let unserved = invocation.era.kubernetes.laterAPIVersions
        guard type.resource.apiVersions.contains(apiVersion), !unserved.contains(apiVersion) else {
            throw KubectlError.message("Couldn't find resource for \(goQuoted(Self.groupVersionKind(apiVersion, type.kind)))")
        }
    }

    /// Go's `GroupVersionKind.String()`: `apps/v1beta2, Kind=Deployment`, `/v1, Kind=Pod`.
    static func groupVersionKind(_ apiVersion: String, _ kind: String) -> String {
        let groupVersion = apiVersion.contains("/") ? apiVersion : "/" + apiVersion
        return groupVersion + ", Kind=" + kind
    }
}
