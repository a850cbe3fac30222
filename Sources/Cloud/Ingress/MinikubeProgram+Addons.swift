import KubernetesAPI
import Kernel
import Userland
import Simulation

extension MinikubeProgram {
    /// `minikube addons list|enable|disable` of minikube v0.23.
    func addons(_ context: ProgramContext, _ arguments: [String]) -> Int32 {
        let environment = reference.environment
        guard let command = arguments.first else {
            context.print("addons modifies minikube addons files using subcommands like \"minikube addons enable heapster\"\n\nUsage:\n  minikube addons SUBCOMMAND [flags]\n  minikube addons [command]\n\nAvailable Commands:\n  configure   Configures the addon w/ADDON_NAME within minikube (example: minikube addons configure registry-creds). For a list of available addons use: minikube addons list \n  disable     Disables the addon w/ADDON_NAME within minikube (example: minikube addons disable dashboard). For a list of available addons use: minikube addons list \n  enable      Enables the addon w/ADDON_NAME within minikube (example: minikube addons enable dashboard). For a list of available addons use: minikube addons list \n  list        Lists all available minikube addons as well as their current statuses (enabled/disabled)\n  open        Opens the addon w/ADDON_NAME within minikube (example: minikube addons open dashboard). For a list of available addons use: minikube addons list \n\nFlags:\n      --format string   Go template format string for the addon list output.  The format for Go templates can be found here: https://golang.org/pkg/text/template/\nFor the list of accessible variables for the template, see the struct values here: https://godoc.org/k8s.io/minikube/cmd/minikube/cmd/config#AddonListTemplate (default \"- {{.AddonName}}: {{.AddonStatus}}\n\")\n\nUse \"minikube addons [command] --help\" for more information about a command.\n")
            return 0
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "list":
            guard rest.isEmpty else {
                context.printError("usage: minikube addons list\n")
                return 1
            }
            // Go ranges over the addons map in an order it randomizes on each run.
            var order = MinikubeAddons.defaults
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, environment.random.integer(in: 0...index))
            }
            for addon in order {
                let enabled = environment.minikubeAddons[addon.name] ?? addon.enabled
                context.print("- \(addon.name): \(enabled ? "enabled" : "disabled")\n")
            }
            return 0
        case "enable", "disable":
            guard rest.count == 1, let name = rest.first else {
                context.printError("usage: minikube addons \(command) ADDON_NAME\n")
                return 1
            }
            guard MinikubeAddons.defaults.contains(where: { $0.name == name }) else {
                // minikube prints its settings error on standard output and exits 0.
                context.print("Property name \(name) not found\n")
                return 0
            }
            environment.minikubeAddons[name] = command == "enable"
            if name == "ingress", let cluster = environment.minikube { scheduleAddonSweep(cluster) }
            context.print("\(name) was successfully \(command)d\n")
            return 0
        default:
            context.printError("Error: unknown command \"\(command)\" for \"minikube addons\"\nRun 'minikube addons --help' for usage.\n")
            return 1
        }
    }

    /// The addon manager applies the addons folder on its next sweep, once a minute from the
    /// cluster's start.
    func scheduleAddonSweep(_ cluster: SimulatedCluster) {
        let environment = reference.environment
        let elapsed = (environment.loop.now - cluster.startedAt).components.seconds
        let wait = MinikubeAddons.checkInterval - elapsed % MinikubeAddons.checkInterval
        _ = environment.loop.schedule(after: .seconds(wait)) { [weak cluster, weak environment] in
            guard let cluster, let environment, environment.minikube === cluster else { return }
            MinikubeAddons.reconcile(cluster, ingressEnabled: environment.minikubeAddons["ingress"] ?? false, era: environment.era)
        }
    }
}
