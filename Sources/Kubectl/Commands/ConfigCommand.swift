import Formatting
import KubernetesAPI
import Kernel
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
              delete-cluster  Delete the specified cluster from the kubeconfig
              delete-context  Delete the specified context from the kubeconfig
              get-clusters    Display clusters defined in the kubeconfig
              get-contexts    Describe one or many contexts
              set-cluster     Sets a cluster entry in kubeconfig
              set-context     Sets a context entry in kubeconfig
              set-credentials Sets a user entry in kubeconfig
              use-context     Sets the current-context in a kubeconfig file
              view            Display merged kubeconfig settings or a specified kubeconfig file
            """,
        usage: "kubectl config SUBCOMMAND [options]",
        declareFlags: { flags in
            flags.add("allow-missing-template-keys", nil, .bool, default: "true", Commands.allowMissingTemplateKeysHelp)
            flags.add("certificate-authority", nil, .string, "Path to certificate-authority file for the cluster entry in kubeconfig")
            flags.add("client-certificate", nil, .string, "Path to client-certificate file for the user entry in kubeconfig")
            flags.add("client-key", nil, .string, "Path to client-key file for the user entry in kubeconfig")
            flags.add("cluster", nil, .string, "cluster for the context entry in kubeconfig")
            flags.add("insecure-skip-tls-verify", nil, .bool, "insecure-skip-tls-verify for the cluster entry in kubeconfig")
            flags.add("minify", nil, .bool, "Remove all information not used by current-context from the output")
            flags.add("output", "o", .string, default: "yaml", "Output format. One of: json|yaml|wide|name|custom-columns=...|custom-columns-file=...|go-template=...|go-template-file=...|jsonpath=...|jsonpath-file=... See custom columns [http://kubernetes.io/docs/user-guide/kubectl-overview/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [http://kubernetes.io/docs/user-guide/jsonpath].")
            flags.add("password", nil, .string, "password for the user entry in kubeconfig")
            flags.add("raw", nil, .bool, "Display raw byte data")
            flags.add("server", nil, .string, "server for the cluster entry in kubeconfig")
            flags.add("template", nil, .string, "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].")
            flags.add("token", nil, .string, "token for the user entry in kubeconfig")
            flags.add("user", nil, .string, "user for the context entry in kubeconfig")
            flags.add("username", nil, .string, "username for the user entry in kubeconfig")
        },
        run: { invocation, flags in
            guard let subcommand = flags.positional.first else {
                invocation.print(Commands.named("config", in: invocation.program.era)?.helpText ?? "")
                return 0
            }
            let config = try invocation.kubeconfig()
            switch subcommand {
            case "view":
                let output = flags.string("output") ?? ""
                let printer = try ObjectOutput.parse(output == "yaml" ? "" : output, template: flags.string("template") ?? "",
                                                     command: "config view", era: invocation.era, allowsMissingKeys: flags.allowsMissingTemplateKeys,
                                                     files: invocation)
                let document = try ConfigView.document(config, minify: flags.bool("minify"), raw: flags.bool("raw"))
                if case .table = printer {
                    invocation.print(document.yamlText(style: invocation.era.kubectl.yamlStyle))
                } else {
                    invocation.print(try printer.render(document: document, invocation: invocation))
                }
            case "set-cluster":
                var editing = ConfigEditing(invocation: invocation, flags: flags, config: config)
                try editing.setCluster()
            case "set-credentials":
                var editing = ConfigEditing(invocation: invocation, flags: flags, config: config)
                try editing.setCredentials()
            case "set-context":
                var editing = ConfigEditing(invocation: invocation, flags: flags, config: config)
                try editing.setContext()
            case "delete-context":
                var editing = ConfigEditing(invocation: invocation, flags: flags, config: config)
                try editing.delete("contexts", noun: "context", subcommand: "delete-context")
            case "delete-cluster":
                var editing = ConfigEditing(invocation: invocation, flags: flags, config: config)
                try editing.delete("clusters", noun: "cluster", subcommand: "delete-cluster")
            case "get-clusters":
                invocation.print("NAME\n" + config.clusters.map { $0.name + "\n" }.joined())
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
                    throw KubectlError.usage("Unexpected args: [" + flags.positional.dropFirst().joined(separator: " ") + "]", command: "config use-context")
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
