import Formatting
import KubernetesAPI

extension Commands {
    static let wait = CommandSpec(
        name: "wait",
        summary: "Experimental: Wait for a specific condition on one or many resources.",
        description: "Experimental: Wait for a specific condition on one or many resources.\n\nThe command takes multiple resources and waits until the specified condition is seen in the Status field of every given\nresource.",
        examples: """
              # Wait for the pod "busybox1" to contain the status condition of type "Ready".
              kubectl wait --for=condition=Ready pod/busybox1

              # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command.
              kubectl delete pod/busybox1
              kubectl wait --for=delete pod/busybox1 --timeout=60s
            """,
        usage: "kubectl wait resource.group/name [--for=delete|--for condition=available] [options]",
        declareFlags: { flags in
            flags.add("for", nil, .string, "The condition to wait on: [delete|condition=condition-name].")
            flags.add("selector", "l", .string, "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)")
            flags.add("timeout", nil, .string, default: "30s", "The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a week.")
        },
        run: { invocation, flags in
            guard let condition = flags.string("for"), !condition.isEmpty else {
                throw KubectlError.message("--for must be specified")
            }
            let timeoutText = flags.string("timeout") ?? "30s"
            guard let timeout = WaitCommand.seconds(timeoutText) else {
                throw KubectlError.message("invalid argument \(goQuoted(timeoutText)) for \"--timeout\" flag: time: invalid duration \(timeoutText)")
            }
            let requests = try ResourceArguments.parse(flags.positional, allowAll: false)
            let client = try invocation.client()
            var targets: [(ResourceType, String)] = []
            for request in requests {
                let names = request.names.isEmpty
                    ? try request.type.list(client, invocation.namespace, Selectors.listOptions(flags)).map(\.name)
                    : request.names
                targets += names.map { (request.type, $0) }
            }
            guard !targets.isEmpty else { throw KubectlError.message("no matching resources found") }
            for (type, name) in targets {
                var waited = 0
                while true {
                    let met: Bool
                    if condition == "delete" {
                        do {
                            _ = try type.get(client, type.namespaced ? invocation.namespace : nil, name)
                            met = false
                        } catch let error as APIError {
                            guard error.reason == .notFound else { throw error }
                            met = true
                        }
                    } else if condition.lowercased().hasPrefix("condition=") {
                        let wanted = condition.dropFirst("condition=".count)
                        let parts = wanted.split(separator: "=", maxSplits: 1)
                        let conditionType = String(parts.first ?? "")
                        let expected = parts.count > 1 ? String(parts[1]) : "True"
                        let object = try type.get(client, type.namespaced ? invocation.namespace : nil, name)
                        let conditions = object.jsonValue["status"]?["conditions"]?.arrayValue ?? []
                        met = conditions.contains {
                            $0["type"]?.stringValue?.lowercased() == conditionType.lowercased() && $0["status"]?.stringValue?.lowercased() == expected.lowercased()
                        }
                    } else {
                        throw KubectlError.message("unrecognized condition: \(goQuoted(condition))")
                    }
                    if met {
                        invocation.print("\(type.resource.singularName)/\(name) condition met\n")
                        break
                    }
                    if waited >= timeout {
                        throw KubectlError.message("timed out waiting for the condition on \(type.resource.name)/\(name)")
                    }
                    try await invocation.context.process.sleep(for: .seconds(1), skippable: true)
                    waited += 1
                }
            }
            return 0
        })
}

enum WaitCommand {
    /// `30s`, `2m`, `1h` as whole seconds.
    static func seconds(_ text: String) -> Int? {
        guard let unit = text.last, let value = Int(text.dropLast()) else { return Int(text) }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        default: return nil
        }
    }
}
