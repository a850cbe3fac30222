import Eras
import Formatting
import KubernetesAPI

/// The subcommands kubectl knows, and the texts shared among them.
enum Commands {
    static var all: [CommandSpec] {
        [get, describe, create, apply, replace, run, expose, delete, scale, label, annotate, logs, exec, edit, explain, rollout, rollingUpdate, set, patch,
         portForward, completion, clusterInfo, version, apiVersions, apiResources, config, wait, help, options]
    }

    static let help = CommandSpec(
        name: "help",
        summary: "Help about any command",
        description: "Help provides help for any command in the application.\nSimply type kubectl help [path to command] for full details.",
        usage: "kubectl help [command] | STRING_TO_SEARCH [options]",
        run: { invocation, flags in
            guard let name = flags.positional.first else {
                invocation.print(rootHelp)
                return 0
            }
            guard let command = named(name, in: invocation.program.era) else {
                invocation.print("Unknown help topic [\(goQuoted(name))]\n" + rootHelp)
                return 0
            }
            invocation.print(command.helpText)
            return 0
        })

    static let options = CommandSpec(
        name: "options",
        summary: "Print the list of flags inherited by all commands",
        usage: "kubectl options [flags] [options]",
        run: { invocation, _ in
            var flags = FlagSet()
            GlobalFlags.declare(&flags)
            invocation.print("The following options can be passed to any command:\n\n" + flags.optionsText)
            return 0
        })

    /// The commands the era's kubectl has: later releases' commands (`wait`, `api-resources`) are left out.
    static func available(in era: Era) -> [CommandSpec] {
        all.filter { !era.kubectl.laterCommands.contains($0.name) }
    }

    /// Whether the command talks to the API server before doing anything else, so that an
    /// unreachable `--server` stops it (the local ones — config, help, completion — never dial).
    static func reachesServer(_ name: String) -> Bool {
        !["config", "completion", "help", "options", "version"].contains(name)
    }

    static func named(_ name: String, in era: Era) -> CommandSpec? {
        available(in: era).first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The list in `kubectl get` help and its missing-type error.
    static var resourceTypeList: String {
        let entries = (["all"] + ResourceTypes.all.map(\.resource.name).sorted())
        return entries.map { name in
            guard let type = ResourceTypes.resolve(name), let short = type.resource.shortNames.first else { return "  * \(name)" }
            return "  * \(name) (aka '\(short)')"
        }.joined(separator: "\n") + "\n"
    }

    static let rootHelp = """
        kubectl controls the Kubernetes cluster manager.

        Find more information at https://github.com/kubernetes/kubernetes.

        Basic Commands (Beginner):
          create         Create a resource from a file or from stdin.
          expose         Take a replication controller, service, deployment or pod and expose it as a new Kubernetes Service
          run            Run a particular image on the cluster
          set            Set specific features on objects

        Basic Commands (Intermediate):
          get            Display one or many resources
          explain        Documentation of resources
          edit           Edit a resource on the server
          delete         Delete resources by filenames, stdin, resources and names, or by resources and label selector

        Deploy Commands:
          rollout        Manage the rollout of a resource
          rolling-update Perform a rolling update of the given ReplicationController
          scale          Set a new size for a Deployment, ReplicaSet, Replication Controller, or Job
          autoscale      Auto-scale a Deployment, ReplicaSet, or ReplicationController

        Cluster Management Commands:
          certificate    Modify certificate resources.
          cluster-info   Display cluster info
          top            Display Resource (CPU/Memory/Storage) usage.
          cordon         Mark node as unschedulable
          uncordon       Mark node as schedulable
          drain          Drain node in preparation for maintenance
          taint          Update the taints on one or more nodes

        Troubleshooting and Debugging Commands:
          describe       Show details of a specific resource or group of resources
          logs           Print the logs for a container in a pod
          attach         Attach to a running container
          exec           Execute a command in a container
          port-forward   Forward one or more local ports to a pod
          proxy          Run a proxy to the Kubernetes API server
          cp             Copy files and directories to and from containers.
          auth           Inspect authorization

        Advanced Commands:
          apply          Apply a configuration to a resource by filename or stdin
          patch          Update field(s) of a resource using strategic merge patch
          replace        Replace a resource by filename or stdin
          convert        Convert config files between different API versions

        Settings Commands:
          label          Update the labels on a resource
          annotate       Update the annotations on a resource
          completion     Output shell completion code for the specified shell (bash or zsh)

        Other Commands:
          api-versions   Print the supported API versions on the server, in the form of "group/version"
          config         Modify kubeconfig files
          help           Help about any command
          plugin         Runs a command-line plugin
          version        Print the client and server version information

        Use "kubectl <command> --help" for more information about a given command.
        Use "kubectl options" for a list of global command-line options (applies to all commands).

        """
}
