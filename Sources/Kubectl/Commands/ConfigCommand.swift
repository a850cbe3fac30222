import Kubernetes
import Formatting
import Machine
import StructuredData

extension Commands {
    static let config = CommandSpec(
        name: "config",
        summary: "Modify kubeconfig files",
        description: """
            Modify kubeconfig files using subcommands like "kubectl config set current-context my-context"

            The loading order follows these rules:

              1. If the --kubeconfig flag is set, then only that file is loaded.  The flag may only be set once and no merging takes
            place.
              2. If $KUBECONFIG environment variable is set, then it is used a list of paths (normal path delimitting rules for your
            system).  These paths are merged.  When a value is modified, it is modified in the file that defines the stanza.  When a
            value is created, it is created in the first file that exists.  If no files in the chain exist, then it creates the last
            file in the list.
              3. Otherwise, ${HOME}/.kube/config is used and no merging takes place.

            Available Commands:
              current-context Displays the current-context
              get-contexts    Describe one or many contexts
              use-context     Sets the current-context in a kubeconfig file
              view            Display merged kubeconfig settings or a specified kubeconfig file
            """,
        usage: "kubectl config SUBCOMMAND [options]",
        declareFlags: { flags in
            flags.add("minify", nil, .bool, "Remove all information not used by current-context from the output")
            flags.add("output", "o", .string, "Output format. One of: json|yaml")
            flags.add("raw", nil, .bool, "Display raw byte data")
        },
        run: { invocation, flags in
            guard let subcommand = flags.positional.first else {
                invocation.print(Commands.named("config", in: invocation.program.era)?.helpText ?? "")
                return 0
            }
            let config = try invocation.kubeconfig()
            switch subcommand {
            case "view":
                var document = config.document
                if document == .null {
                    document = .object(JSONObject(pairs: [
                        ("apiVersion", "v1"), ("clusters", .array([])), ("contexts", .array([])), ("current-context", ""),
                        ("kind", "Config"), ("preferences", .object(JSONObject())), ("users", .array([])),
                    ]))
                }
                invocation.print(flags.string("output") == "json" ? document.jsonText(indent: "    ") + "\n" : document.yamlText(style: invocation.era.kubectl.yamlStyle))
            case "current-context":
                guard !config.currentContext.isEmpty else { throw KubectlError.message("current-context is not set") }
                invocation.print(config.currentContext + "\n")
            case "get-contexts":
                var rows = [["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]]
                let wanted = Array(flags.positional.dropFirst())
                for context in config.contexts where wanted.isEmpty || wanted.contains(context.name) {
                    rows.append([context.name == config.currentContext ? "*" : "", context.name, context.cluster, context.user, context.namespace ?? ""])
                }
                if let missing = wanted.first(where: { name in !config.contexts.contains { $0.name == name } }) {
                    throw KubectlError.message("context \(missing) not found")
                }
                invocation.print(TabWriter.format(rows, with: invocation.era.kubectl.tables))
            case "use-context":
                guard flags.positional.count == 2 else {
                    throw KubectlError.usage("Unexpected args: \(Array(flags.positional.dropFirst()))", command: "config use-context")
                }
                let name = flags.positional[1]
                guard config.context(named: name) != nil else {
                    throw KubectlError.message("no context exists with the name: \(goQuoted(name)).")
                }
                var document = config.document
                document["current-context"] = .string(name)
                do {
                    try invocation.context.machine.fileSystem.writeFile(invocation.kubeconfigPath, Array(document.yamlText(style: invocation.era.kubectl.yamlStyle).utf8), as: invocation.context.user)
                } catch let error as FileSystemError {
                    throw KubectlError.message("open \(invocation.kubeconfigPath): \(error.code.message.lowercased())")
                }
                invocation.print("Switched to context \(goQuoted(name)).\n")
            default:
                throw KubectlError.raw("Error: unknown command \(goQuoted(subcommand)) for \"kubectl config\"\nRun 'kubectl config --help' for usage.")
            }
            return 0
        })
}
