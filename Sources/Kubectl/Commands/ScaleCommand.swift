import KubernetesAPI
import StructuredData

extension Commands {
    static let scale = CommandSpec(
        name: "scale",
        summary: "Set a new size for a Deployment, ReplicaSet, Replication Controller, or Job",
        description: """
            Set a new size for a Deployment, ReplicaSet, Replication Controller, or StatefulSet.

            Scale also allows users to specify one or more preconditions for the scale action.

            If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is
            guaranteed that the precondition holds true when the scale is sent to the server.
            """,
        examples: """
              # Scale a replicaset named 'foo' to 3.
              kubectl scale --replicas=3 rs/foo

              # If the deployment named mysql's current size is 2, scale mysql to 3.
              kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

              # Scale multiple replication controllers.
              kubectl scale --replicas=5 rc/foo rc/bar rc/baz
            """,
        usage: "kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]",
        declareFlags: { flags in
            flags.add("current-replicas", nil, .int, default: "-1", "Precondition for current size. Requires that the current size of the resource match this value in order to scale.")
            flags.add("record", nil, .bool, ChangeCause.flagHelp)
            flags.add("replicas", nil, .int, default: "-1", "The new desired number of replicas. Required.")
            flags.add("selector", "l", .string, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)")
        },
        run: { invocation, flags in
            guard let replicas = flags.int("replicas"), replicas >= 0 else {
                throw KubectlError.usage("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0", command: "scale")
            }
            let requests = try ResourceArguments.parse(flags.positional, allowAll: false)
            guard !requests.isEmpty, requests.allSatisfy({ !$0.names.isEmpty }) else {
                throw KubectlError.usage("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'", command: "scale")
            }
            let client = try invocation.client()
            for request in requests {
                guard request.type.capabilities.contains(.scalable) else {
                    throw KubectlError.message("no scaler has been implemented for {\"\(request.type.resource.group)\" \"\(request.type.kind)\"}")
                }
                for name in request.names {
                    // The resource builder's GET: a missing object is a plain API error.
                    let current = try request.type.get(client, invocation.namespace, name)
                    // 1.8's JobScaler sets a job's parallelism; the other scalers set replicas.
                    let field = current is Job ? "parallelism" : "replicas"
                    if let expected = flags.int("current-replicas"), expected >= 0 {
                        let replicas = current.jsonValue["spec"]?[field]?.integerValue ?? 1
                        if replicas != Int64(expected) {
                            throw KubectlError.message("Expected replicas to be \(expected), was \(replicas)")
                        }
                    }
                    // kubectl 1.8's scalers set `int32(uint(count))`: only the low 32 bits reach the
                    // server, so 2^63-1 arrives as -1 and the server's validation refuses it.
                    let size = GoIntegers.int32(Int64(replicas))
                    let patch: JSONValue = ["spec": [field: .number(.integer(Int64(size)))]]
                    let scaled: any APIObject
                    do {
                        scaled = try request.type.patch(client, invocation.namespace, name, patch)
                    } catch let error as APIError {
                        // `ScaleError`: the update's error and the version the scaler had read.
                        var message = "Scaling the resource failed with: " + error.message
                        if let version = current.metadata.resourceVersion, !version.isEmpty {
                            message += "; Current resource version " + version
                        }
                        throw KubectlError.message(message)
                    }
                    // 1.8 records the command in a patch of its own, after the scale.
                    if ChangeCause.shouldRecord(flags, existing: current) {
                        _ = try request.type.patch(client, invocation.namespace, name, ChangeCause.patch(invocation))
                    }
                    invocation.print(Messages.operation(scaled, "scaled"))
                }
            }
            return 0
        })
}
