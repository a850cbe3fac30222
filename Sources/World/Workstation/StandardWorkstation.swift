import Cloud
import Docker
import DockerCLI
import Eras
import JavaScript
import Kubectl
import KubernetesAPI
import Machine
import Simulation

extension ShellSession: LoginShell {
    public func aliasTarget(of name: String) -> String? {
        shell.aliases[name]?.split(separator: " ").first.map(String.init)
    }

    public func forgetExitRequest() {
        shell.forgetExit()
    }

    public var commandHistory: (any CommandHistory)? {
        get { shell.commandHistory }
        set { shell.commandHistory = newValue }
    }
}

extension WorkstationSetup {
    /// The learner's workstation: Debian with bash, coreutils and the learner's editor, the
    /// user `learner` in a home directory mirrored to the workspace folder; Docker with the
    /// simulated Docker Hub; kubectl, minikube and gcloud, all of `era`.
    ///
    /// The one place an era is chosen: the book's, unless a caller asks for another.
    public static func standard(era: Era = .kubernetesInAction) -> WorkstationSetup {
        let learner = RootFileSystems.learner
        let hostname = "workstation"
        let editors = ["/usr/local/bin/edit", "/usr/bin/vi", "/usr/bin/vim", "/usr/bin/nano"].map {
            InstalledProgram(path: $0, program: EditProgram.name, size: 2_436_504)
        }
        let kubectl = InstalledProgram(path: "/usr/local/bin/kubectl", program: "kubectl", size: 51_521_536)
        return WorkstationSetup(
            hostname: hostname,
            learner: learner,
            rootFileSystem: RootFileSystems.workstation(hostname: hostname, extras: editors + [kubectl]),
            registerPrograms: { registry in registerStandardPrograms(in: registry) },
            makeShell: { machine in
                ShellSession(machine: machine, user: learner, environment: loginEnvironment(for: learner, hostname: hostname),
                             workingDirectory: learner.home)
            },
            finish: { world in try installTools(in: world, era: era) })
    }

    /// Docker, node, the clouds and kubectl, wired to one another in `world`.
    static func installTools(in world: World, era: Era) throws {
        let reference = UncheckedSendable(world)
        world.programs.register(EditProgram.name, EditProgram(world: reference))

        let hub = Registry.dockerHub(era: era)
        let engine = DockerEngine(host: world.workstation, hub: hub, era: era)
        let clusters = ClusterRegistry()
        let cloud = CloudEnvironment(loop: world.loop, era: era, network: world.network, hub: hub, programs: world.programs, clusters: clusters)
        cloud.install(on: world.workstation)

        // One `docker` for every machine that shares these programs: the workstation's engine,
        // or the engine of the cluster node it runs on (`minikube ssh`, `gcloud compute ssh`).
        let workstation = world.workstation
        let engines = UncheckedSendable((engine, cloud))
        world.programs.register("docker", DockerProgram(era: era, engineOn: { machine in
            let (engine, cloud) = engines.value
            if machine === workstation { return engine }
            return cloud.nodeEngine(on: machine)
        }))
        DockerPrograms.register(in: world.programs, era: era)
        DockerInstallation.installClientBinary(on: world.workstation)

        let services = UncheckedSendable(cloud)
        // A callback turn of a real app takes far fewer steps; an endless loop is cut off within
        // a fraction of a second, so the REPL stays responsive.
        NodeProgram.register(in: world.programs, stepLimit: 2_000_000, serviceRecords: { machine, name in
            services.value.serviceRecords(on: machine, name: name)?.map {
                ServiceRecord(name: $0.target, port: $0.port, priority: $0.priority, weight: $0.weight)
            }
        })
        let kubectl = KubectlProgram(clusters: clusters, era: era, editor: { name, contents in
            reference.value.edit(fileName: name, contents: contents)
        })
        world.programs.register("kubectl", kubectl)
        world.argumentCompletions["docker"] = { words, prefix in
            DockerCompletion.candidates(for: words, prefix: prefix, engine: engines.value.0)
        }
        world.argumentCompletions["gcloud"] = { words, prefix in
            GcloudCompletion.candidates(for: words, prefix: prefix, environment: engines.value.1)
        }
        world.argumentCompletions["kubectl"] = { [unowned world] words, prefix in
            kubectl.completions(for: words, current: prefix, machine: world.workstation, user: world.learner)
        }
    }

    /// What a login shell on the workstation starts with.
    static func loginEnvironment(for user: Credentials, hostname: String) -> [String: String] {
        [
            "HOME": user.home,
            "USER": user.userName,
            "LOGNAME": user.userName,
            "SHELL": "/bin/bash",
            "PATH": "/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games",
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "HOSTNAME": hostname,
            // The prompt of the book's examples: the working directory and `$`.
            "PS1": "\\w \\$ ",
        ]
    }
}

extension CloudEnvironment {
    /// The Docker engine of the cluster node `machine` is, if it is one.
    func nodeEngine(on machine: Machine) -> DockerEngine? {
        let clusters = [minikube].compactMap { $0 } + gke.keys.sorted().compactMap { gke[$0] }
        for cluster in clusters {
            if let node = cluster.nodes.first(where: { $0.machine === machine }) { return node.engine }
        }
        return nil
    }
}
