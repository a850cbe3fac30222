import ControlPlane
import Eras
import Kubectl
import KubernetesAPI
import Machine
import Simulation

/// A workstation with kubectl and a kubeconfig pointing at a simulated control plane whose
/// nodes run a stand-in kubelet.
final class KubectlHarness {
    static let server = "https://192.168.99.100:8443"
    static let kubeconfig = """
        apiVersion: v1
        clusters:
        - cluster:
            certificate-authority: /root/.minikube/ca.crt
            server: https://192.168.99.100:8443
          name: minikube
        contexts:
        - context:
            cluster: minikube
            user: minikube
          name: minikube
        current-context: minikube
        kind: Config
        preferences: {}
        users:
        - name: minikube
          user:
            client-certificate: /root/.minikube/client.crt
            client-key: /root/.minikube/client.key

        """

    let loop: EventLoop
    let plane: ControlPlane
    let machine: Machine
    let directory = ClusterRegistry()
    let program: KubectlProgram
    var kubelets: [TestKubelet] = []
    let kubeletConnection: TestKubelets
    var environment: [String: String] = ["HOME": "/root", "PATH": "/usr/bin"]

    init(nodes: [String] = ["minikube"], writesKubeconfig: Bool = true, era: Era = .kubernetesInAction) throws {
        loop = EventLoop(seed: 7)
        plane = ControlPlane(loop: loop)
        try plane.start()
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/root/.kube", intermediates: true)
        if writesKubeconfig {
            try fileSystem.writeFile("/root/.kube/config", Array(Self.kubeconfig.utf8))
        }
        machine = Machine(hostname: "workstation", loop: loop, fileSystem: fileSystem, programs: ProgramRegistry(), network: Network())
        program = KubectlProgram(clusters: directory, era: era)
        kubeletConnection = TestKubelets(client: plane.client(), loop: loop)
        directory.register(server: Self.server, client: plane.client(), runtime: kubeletConnection)
        for (index, name) in nodes.enumerated() {
            kubelets.append(try TestKubelet(client: plane.client(), loop: loop, nodeName: name, index: index))
        }
        loop.runReady()
    }

    var client: any KubernetesClient { plane.client() }

    struct Result {
        var output: String
        var error: String
        var status: Int32
    }

    /// Runs one kubectl command line (words split on blanks; single or double quotes group).
    @discardableResult
    func run(_ line: String, stdin: String = "") -> Result {
        run(words: Self.split(line), stdin: stdin)
    }

    @discardableResult
    func run(words: [String], stdin: String = "", interruptAfter: Duration? = nil) -> Result {
        let output = CollectingStream()
        let error = CollectingStream()
        let process = machine.launch(program, arguments: words, environment: environment, workingDirectory: "/root",
                                     user: .root, stdin: BytesReader(Array(stdin.utf8)), stdout: output, stderr: error)
        if let interruptAfter {
            loop.schedule(after: interruptAfter) { process.signal(.interrupt) }
        }
        _ = loop.run(until: { process.exitStatus != nil }, limit: loop.now + .seconds(600))
        return Result(output: output.text, error: error.text, status: process.exitStatus ?? -1)
    }

    /// Lets the cluster work for a while of virtual time.
    func advance(_ duration: Duration) {
        loop.advance(by: duration)
    }

    func settle(_ condition: () -> Bool) {
        _ = loop.run(until: condition, limit: loop.now + .seconds(120))
    }

    func write(_ path: String, _ text: String) throws {
        try machine.fileSystem.writeFile(path, Array(text.utf8))
    }

    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
