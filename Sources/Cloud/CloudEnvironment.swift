import Docker
import Eras
import Kernel
import KubernetesAPI
import NodeAgent
import Simulation

/// What the cloud tools need from the world: its loop and network, the registries nodes pull
/// from, the programs containers run, and where reachable clusters are announced to kubectl.
public final class CloudEnvironment {
    public let loop: EventLoop
    /// The release of minikube, gcloud and the clusters they make.
    public let era: Era
    public let network: Network
    public let hub: Registry
    public let systemRegistry: Registry
    /// Programs container images refer to (node, sh …); the idle program is added to it.
    public let programs: ProgramRegistry
    public let clusters: ClusterRegistry
    /// Other registries by host (`localhost:5000`), as the workstation's engine sees them.
    public var registryResolver: ((String) -> Registry?)?
    /// The GCP project and zone gcloud reports.
    public var project = "kubelab-project"
    public var zone = "europe-west1-d"
    var random: SeededRandom
    public internal(set) var minikube: SimulatedCluster?
    public internal(set) var gke: [String: SimulatedCluster] = [:]
    var machineTypes: [String: String] = [:]
    /// The project's firewall rules (`gcloud compute firewall-rules`).
    var firewallRules = FirewallRule.defaults
    /// minikube's addon settings (`minikube addons enable|disable`), kept across `minikube delete`
    /// as its config file is; addons not named have their default.
    var minikubeAddons: [String: Bool] = [:]
    /// The machines of the simulated internet's sites.
    private var internetSites: [Machine] = []

    public init(loop: EventLoop, era: Era, network: Network, hub: Registry, programs: ProgramRegistry, clusters: ClusterRegistry) {
        self.loop = loop
        self.era = era
        self.network = network
        self.hub = hub
        self.systemRegistry = SystemImages.registry(era: era)
        self.programs = programs
        self.clusters = clusters
        self.random = loop.random.split()
        programs.register(SystemImages.idleProgram, IdleProgram())
        programs.register(SystemImages.ingressControllerProgram, NginxIngressControllerProgram(environment: self))
        programs.register(SystemImages.defaultBackendProgram, DefaultBackendProgram())
        // Only node machines carry these binaries; containers never see them.
        // Named apart from the workstation's sudo (Userland), which checks the sudoers group.
        programs.register(SudoProgram.programName, SudoProgram())
        programs.register("ifconfig", IfconfigProgram(reference: EnvironmentReference(environment: self)))
        installFirewall()
    }

    /// The cluster node a machine is, if it is one.
    func node(running machine: Machine) -> ClusterNode? {
        let clusters = [minikube].compactMap { $0 } + gke.keys.sorted().compactMap { gke[$0] }
        return clusters.lazy.flatMap(\.nodes).first { $0.machine === machine }
    }

    /// Registers `minikube` and `gcloud` on a machine (the workstation).
    public func install(on machine: Machine) {
        if internetSites.isEmpty { internetSites = PublicInternet.install(on: network, loop: loop, programs: programs) }
        machine.networkStack.resolver = { [weak network] name in network?.zone.lookup(name) }
        machine.programs.register("minikube", MinikubeProgram(environment: self))
        machine.programs.register("gcloud", GcloudProgram(environment: self))
        for name in ["minikube", "gcloud"] {
            try? machine.fileSystem.createDirectory("/usr/local/bin", intermediates: true)
            try? machine.fileSystem.setContent("/usr/local/bin/" + name, .program(name: name, size: 40_000_000), mode: 0o755)
        }
    }

    /// SRV records for a lookup made inside a pod (node's `dns.resolveSrv`); nil when not found.
    public func serviceRecords(on machine: Machine, name: String) -> [SRVRecord]? {
        let clusters = [minikube].compactMap { $0 } + gke.keys.sorted().compactMap { gke[$0] }
        for cluster in clusters {
            if let records = cluster.serviceRecords(on: machine, name: name) { return records }
        }
        return nil
    }

    /// The cluster one of whose pods runs on `machine` (a container's machine), as a pod's
    /// in-cluster configuration would find its API server.
    public func cluster(runningOn machine: Machine) -> SimulatedCluster? {
        let clusters = [minikube].compactMap { $0 } + gke.keys.sorted().compactMap { gke[$0] }
        return clusters.first { cluster in cluster.nodes.contains { $0.kubelet.searchPath(of: machine) != nil } }
    }

    func resolveRegistry(_ host: String) -> Registry? {
        if host == "gcr.io" { return systemRegistry }
        return registryResolver?(host)
    }
}

/// `UncheckedSendable` for the environment: programs are values, the world is single-threaded.
struct EnvironmentReference: @unchecked Sendable {
    let environment: CloudEnvironment
}
