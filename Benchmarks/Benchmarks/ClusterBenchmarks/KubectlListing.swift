import Eras
import Kubectl
import KubernetesAPI
import Machine
import Simulation

/// A workstation whose kubeconfig points at the benchmark's cluster, so that listing goes
/// through kubectl itself: client, table printer and tab writer, as the learner sees it.
final class KubectlListing {
    static let server = "https://10.0.0.1:6443"
    static let kubeconfig = """
        apiVersion: v1
        clusters:
        - cluster:
            server: \(server)
          name: hollow
        contexts:
        - context:
            cluster: hollow
            user: admin
          name: hollow
        current-context: hollow
        kind: Config
        preferences: {}
        users:
        - name: admin
          user: {}

        """

    private let loop: EventLoop
    private let machine: Machine
    private let program: KubectlProgram

    init(client: any KubernetesClient, loop: EventLoop, runtime: any PodRuntime) throws {
        self.loop = loop
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/root/.kube", intermediates: true)
        try fileSystem.writeFile("/root/.kube/config", Array(Self.kubeconfig.utf8))
        machine = Machine(hostname: "workstation", loop: loop, fileSystem: fileSystem, programs: ProgramRegistry(), network: Network())
        let directory = ClusterRegistry()
        directory.register(server: Self.server, client: client, runtime: runtime)
        program = KubectlProgram(clusters: directory, era: Era.kubernetesInAction)
    }

    /// Runs one kubectl command to completion and returns what it printed on standard output.
    func run(_ arguments: [String]) -> [UInt8] {
        let output = CollectingStream()
        let process = machine.launch(program, arguments: arguments, environment: ["HOME": "/root", "PATH": "/usr/bin"],
                                     workingDirectory: "/root", user: .root, stdin: BytesReader([]),
                                     stdout: output, stderr: DiscardingStream())
        // kubectl finishes without virtual time passing; the limit only bounds a hang.
        _ = loop.run(until: { process.exitStatus != nil }, limit: loop.now + .seconds(60))
        return output.bytes
    }
}
