import Eras
import Kernel
import KubernetesAPI
import Simulation

/// `minikube` (of the environment's era): a one-node cluster in a VM at 192.168.99.100.
public struct MinikubeProgram: Program {
    let reference: EnvironmentReference

    public init(environment: CloudEnvironment) {
        reference = EnvironmentReference(environment: environment)
    }

    static let address = "192.168.99.100"

    static func profile(era: Era) -> ClusterProfile {
        ClusterProfile(
            name: "minikube", version: era.kubernetes.version,
            configuration: ClusterConfiguration(masterAddress: address, securePort: 8443),
            nodes: [ClusterProfile.NodeSpec(name: "minikube", internalIP: address, externalIP: nil,
                                            podCIDR: IPv4Range(parsing: "10.244.0.0/24") ?? IPv4Range(base: 0x0AF4_0000, prefixLength: 24), labels: [:])],
            osImage: era.minikube.osImage, kernelVersion: era.minikube.kernelVersion, cpu: "2", memory: "2048076Ki", cloud: false, dashboard: true,
            clusterDNS: "10.96.0.10")
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let environment = reference.environment
        let arguments = Array(context.arguments.dropFirst())
        let home = context.environment["HOME"] ?? context.user.home
        guard let command = arguments.first else {
            context.printError("Minikube is a CLI tool that provisions and manages single node Kubernetes clusters optimized for development workflows.\n\nUsage:\n  minikube [command]\n")
            return 1
        }
        switch command {
        case "start":
            if environment.minikube == nil {
                for line in ["Starting local Kubernetes \(environment.era.kubernetes.version) cluster...", "Starting VM...", "Getting VM IP address...",
                             "Moving files into cluster...", "Setting up certs...", "Connecting to cluster...", "Setting up kubeconfig..."] {
                    context.print(line + "\n")
                    try await context.process.sleep(for: .seconds(2), skippable: true)
                }
                do {
                    environment.minikube = try SimulatedCluster(profile: Self.profile(era: environment.era), environment: environment, cloudProvider: nil)
                } catch {
                    context.printError("E1127 Error starting cluster: \(error.message)\n")
                    return 1
                }
                context.print("Starting cluster components...\n")
                if environment.minikubeAddons["ingress"] == true, let cluster = environment.minikube { scheduleAddonSweep(cluster) }
                try await context.process.sleep(for: .seconds(3), skippable: true)
            } else {
                context.print("Starting local Kubernetes \(environment.era.kubernetes.version) cluster...\nStarting VM...\nGetting VM IP address...\nMoving files into cluster...\nSetting up certs...\nConnecting to cluster...\nSetting up kubeconfig...\nStarting cluster components...\n")
            }
            KubeconfigFile.add(context.machine.fileSystem, home: home, name: "minikube", server: "https://\(Self.address):8443", as: context.user)
            context.print("Kubectl is now configured to use the cluster.\n")
            return 0
        case "status":
            if environment.minikube != nil {
                context.print("minikube: Running\ncluster: Running\nkubectl: Correctly Configured: pointing to minikube-vm at \(Self.address)\n")
            } else {
                context.print("minikube: Stopped\ncluster: \nkubectl: \n")
            }
            return 0
        case "ip":
            guard environment.minikube != nil else { return notRunning(context) }
            context.print(Self.address + "\n")
            return 0
        case "stop":
            guard let cluster = environment.minikube else {
                context.print("Stopping local Kubernetes cluster...\nMachine stopped.\n")
                return 0
            }
            context.print("Stopping local Kubernetes cluster...\n")
            cluster.shutDown()
            environment.minikube = nil
            context.print("Machine stopped.\n")
            return 0
        case "delete":
            context.print("Deleting local Kubernetes cluster...\n")
            environment.minikube?.shutDown()
            environment.minikube = nil
            KubeconfigFile.remove(context.machine.fileSystem, home: home, name: "minikube", as: context.user)
            context.print("Machine deleted.\n")
            return 0
        case "service":
            return service(context, Array(arguments.dropFirst()))
        case "addons":
            return addons(context, Array(arguments.dropFirst()))
        case "ssh":
            guard let node = environment.minikube?.nodes.first else { return notRunning(context) }
            try? node.machine.fileSystem.createDirectory("/home/docker", intermediates: true)
            let user = Credentials(uid: 1000, gid: 1000, userName: "docker", home: "/home/docker")
            return try await NodeShell.run(on: node.machine, node: node, host: node.kubelet.configuration.internalIP, user: user,
                                           command: Array(arguments.dropFirst()), context: context)
        case "version":
            // The release of late 2017 that starts Kubernetes v1.8.0.
            context.print("minikube version: \(environment.era.minikube.version)\n")
            return 0
        case "dashboard":
            guard environment.minikube != nil else { return notRunning(context) }
            context.print("Opening kubernetes dashboard in default browser...\n")
            return 0
        default:
            context.printError("Error: unknown command \"\(command)\" for \"minikube\"\nRun 'minikube --help' for usage.\n")
            return 1
        }
    }

    private func notRunning(_ context: ProgramContext) -> Int32 {
        context.printError("Error getting IP:  Host is not running\n")
        return 1
    }

    private func service(_ context: ProgramContext, _ arguments: [String]) -> Int32 {
        guard let cluster = reference.environment.minikube else { return notRunning(context) }
        var namespace = "default"
        var url = false
        var name: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--url" { url = true } else if argument == "-n" || argument == "--namespace", index + 1 < arguments.count {
                namespace = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix("--namespace=") {
                namespace = String(argument.dropFirst("--namespace=".count))
            } else {
                name = argument
            }
            index += 1
        }
        guard let name else {
            context.printError("Error: You must specify the name of a service.\n")
            return 1
        }
        guard let service = try? cluster.controlPlane.client().get(Service.self, namespace: namespace, name: name) else {
            context.printError("Error opening service: Service \(name) was not found in \"\(namespace)\" namespace. You may select another namespace by using 'minikube service \(name) -n <namespace>\n")
            return 1
        }
        let ports = (service.spec?.ports ?? []).compactMap(\.nodePort)
        guard !ports.isEmpty else {
            context.printError("Error opening service: Could not find finalized endpoint being pointed to by \(name): Error validating service: Error getting service \(name): service \(name) has no node port\n")
            return 1
        }
        if url {
            for port in ports { context.print("http://\(Self.address):\(port)\n") }
        } else {
            context.print("Opening kubernetes service \(namespace)/\(name) in default browser...\n")
        }
        return 0
    }
}
