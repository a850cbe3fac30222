import Cloud
import Docker
import Eras
import KubernetesAPI
import Machine
import Simulation
import Testing

/// A workstation with `minikube` and `gcloud` installed.
final class CloudWorld {
    let loop: EventLoop
    let network = Network()
    let clusters = ClusterRegistry()
    let environment: CloudEnvironment
    let workstation: Machine

    init(seed: UInt64 = 1, era: Era = .kubernetesInAction) throws {
        loop = EventLoop(seed: seed)
        let programs = ProgramRegistry()
        programs.register("sh", ShellProgram())
        programs.register("hostname-server", HostnameServer())
        for (name, program) in Coreutils.programs(flavor: .gnu) { programs.register(name, program) }
        let hub = Registry(host: ImageName.hubRegistry)
        var root = Directory()
        root.entries["app"] = .file(.program(name: "hostname-server", size: 1000), FileMetadata(mode: 0o755))
        hub.seed([BaseImageDefinition(name: ImageName(path: "test/web"), root: root, layerSizes: [40_000_000], layerCommands: [], metadataCommands: [],
                                      config: ContainerConfig(entrypoint: ["/app"]), created: .worldEpoch)])
        environment = CloudEnvironment(loop: loop, era: era, network: network, hub: hub, programs: programs, clusters: clusters)
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/root")
        workstation = Machine(hostname: "workstation", loop: loop, fileSystem: fileSystem, programs: programs, network: network)
        environment.install(on: workstation)
    }

    /// Runs a command to completion; returns (status, stdout, stderr).
    func run(_ arguments: [String], input: String? = nil) -> (Int32, String, String) {
        let output = CollectingStream(), errors = CollectingStream()
        let stdin: any ReadableStream = input.map { BytesReader(Array($0.utf8)) } ?? EmptyReader()
        guard let process = try? workstation.start(arguments, environment: ["PATH": "/usr/local/bin", "HOME": "/root"], workingDirectory: "/root",
                                                   user: .root, stdin: stdin, stdout: output, stderr: errors) else { return (127, "", "") }
        _ = loop.run(until: { !process.isRunning }, limit: loop.now + .seconds(600))
        return (process.exitStatus ?? -1, output.text, errors.text)
    }

    func client(_ server: String) -> (any KubernetesClient)? { clusters.client(forServer: server) }

    /// One HTTP GET from the workstation; the body, or nil when the connection failed.
    func fetch(_ address: String, _ port: Int) -> String? {
        let stack = workstation.networkStack
        var result: String?
        var done = false
        loop.spawn {
            defer { done = true }
            guard let connection = try? stack.connect(address: address, port: port) else { return }
            try? connection.output.write(HTTPRequest(method: "GET", target: "/", headers: HTTPHeaders([("Host", address)])).serialized)
            if let response = try? await HTTPReader(connection.input).readResponse() {
                result = String(decoding: response.body, as: UTF8.self)
            }
            connection.close()
        }
        _ = loop.run(until: { done }, limit: loop.now + .seconds(5))
        return result
    }

    /// The server of the current kubeconfig context's cluster.
    func currentServer() -> String? {
        let config = String(decoding: (try? workstation.fileSystem.readFile("/root/.kube/config")) ?? [], as: UTF8.self)
        guard let current = config.split(separator: "\n").first(where: { $0.hasPrefix("current-context: ") })?.dropFirst("current-context: ".count) else { return nil }
        let lines = config.split(separator: "\n").map(String.init)
        for (index, line) in lines.enumerated() where line == "  name: \(current)" && index > 0 && lines[index - 1].hasPrefix("    server: ") {
            return String(lines[index - 1].dropFirst("    server: ".count))
        }
        return nil
    }
}

/// Answers HTTP on 8080 with the machine's hostname.
struct HostnameServer: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        let hostname = context.machine.hostname
        let loop = context.loop
        _ = try context.machine.networkStack.listen(port: 8080, owner: context.process) { connection in
            loop.spawn {
                guard (try? await HTTPReader(connection.input).readRequest()) != nil else { return connection.close() }
                let body = Array("You've hit \(hostname)\n".utf8)
                var headers = HTTPHeaders()
                headers.set("Content-Length", String(body.count))
                try? connection.output.write(HTTPResponse(status: 200, headers: headers, body: body).serialized)
                connection.close()
            }
        }
        while true { try await context.process.sleep(for: .seconds(3600)) }
    }
}

struct CloudTests {
    @Test func minikubeStartsAOneNodeCluster() throws {
        let world = try CloudWorld()
        let (status, output, _) = world.run(["minikube", "start"])
        #expect(status == 0)
        #expect(output == """
            Starting local Kubernetes v1.8.0 cluster...
            Starting VM...
            Getting VM IP address...
            Moving files into cluster...
            Setting up certs...
            Connecting to cluster...
            Setting up kubeconfig...
            Starting cluster components...
            Kubectl is now configured to use the cluster.

            """)
        let config = String(decoding: try world.workstation.fileSystem.readFile("/root/.kube/config"), as: UTF8.self)
        #expect(config.contains("    server: https://192.168.99.100:8443\n"))
        #expect(config.contains("current-context: minikube\n"))
        let client = try #require(world.client("https://192.168.99.100:8443"))
        let nodes = try client.list(Node.self).items
        #expect(nodes.map(\.name) == ["minikube"])
        #expect(nodes.first?.isReady == true)
        world.loop.advance(by: .seconds(30))
        let system = try client.list(Pod.self, namespace: "kube-system").items
        #expect(system.allSatisfy { $0.status?.phase == .running })
        let dns = try #require(system.first { $0.name.hasPrefix("kube-dns-") })
        // kube-dns-<hash of 4 5 6 7 8 9 b c d f>-<5 random>, as 1.8 names a deployment's pods.
        let parts = dns.name.split(separator: "-")
        #expect(parts.count == 4)
        #expect(parts.count == 4 && parts[2].allSatisfy { "456789bcdf".contains($0) })
        #expect(parts.last?.count == 5)
        #expect(dns.status?.containerStatuses?.filter(\.ready).count == 3)
        #expect(world.run(["minikube", "ip"]).1 == "192.168.99.100\n")
        #expect(world.run(["minikube", "status"]).1 == "minikube: Running\ncluster: Running\nkubectl: Correctly Configured: pointing to minikube-vm at 192.168.99.100\n")
    }

    @Test func minikubeServiceURLAndPendingLoadBalancer() throws {
        let world = try CloudWorld()
        _ = world.run(["minikube", "start"])
        let client = try #require(world.client("https://192.168.99.100:8443"))
        var service = Service(metadata: ObjectMeta(name: "kubia-http"), spec: ServiceSpec(ports: [ServicePort(port: 8080, targetPort: .int(8080))], selector: ["app": "kubia"], type: "LoadBalancer"))
        service = try client.create(service)
        world.loop.advance(by: .seconds(120))
        #expect(try client.get(Service.self, namespace: "default", name: "kubia-http").status?.loadBalancer?.ingress == nil)
        let (status, output, _) = world.run(["minikube", "service", "kubia-http", "--url"])
        #expect(status == 0)
        #expect(output == "http://192.168.99.100:\(service.spec?.ports?.first?.nodePort ?? 0)\n")
    }

    /// `gcloud container clusters delete` asks first (console_io.PromptContinue), unless `--quiet`.
    @Test func gkeClusterDeleteAsksFirst() throws {
        let world = try CloudWorld(seed: 2)
        #expect(world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "1"]).0 == 0)
        let question = "The following clusters will be deleted.\n - [kubia] in [europe-west1-d]\n\nDo you want to continue (Y/n)?  "

        let (refused, _, refusal) = world.run(["gcloud", "container", "clusters", "delete", "kubia"], input: "n\n")
        #expect(refused == 1)
        #expect(refusal == question + "\nERROR: (gcloud.container.clusters.delete) Aborted by user.\n")
        #expect(world.run(["gcloud", "container", "clusters", "list"]).1.contains("kubia"))

        let (status, _, errors) = world.run(["gcloud", "container", "clusters", "delete", "kubia"], input: "maybe\ny\n")
        #expect(status == 0)
        #expect(errors.hasPrefix(question + "Please enter 'y' or 'n':  \nDeleting cluster kubia...done.\n"), "\(errors)")
        #expect(world.run(["gcloud", "container", "clusters", "list"]).1 == "")

        #expect(world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "1"]).0 == 0)
        let (quiet, _, quietErrors) = world.run(["gcloud", "container", "clusters", "delete", "--quiet", "kubia"])
        #expect(quiet == 0)
        #expect(quietErrors.hasPrefix("Deleting cluster kubia...done.\n"))
        // -q is --quiet; a name is required before anything is asked.
        #expect(world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "1"]).0 == 0)
        #expect(world.run(["gcloud", "container", "clusters", "delete", "-q", "kubia"]).2.hasPrefix("Deleting cluster kubia"))
        let missing = world.run(["gcloud", "container", "clusters", "delete"])
        #expect(missing.0 == 2 && missing.2 == "ERROR: (gcloud.container.clusters.delete) argument NAME [NAME ...]: Must be specified.\n")
        // Enter alone (or the end of input) takes the default, yes.
        #expect(world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "1"]).0 == 0)
        #expect(world.run(["gcloud", "container", "clusters", "delete", "kubia"], input: "\n").2.hasPrefix(question + "\nDeleting cluster"))
    }

    /// A later gcloud (a variation of the profile, not a profile of today) needs no change to gcloud.
    @Test func anotherEraNeedsNoChangeToGcloud() throws {
        var era = Era.kubernetesInAction
        era.gke.locationColumn = "LOCATION"
        era.gke.deleteConfirms = false
        era.gke.version = "1.9.7-gke.0"
        let world = try CloudWorld(seed: 2, era: era)
        let created = world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "1"]).1
        #expect(created.hasPrefix("NAME   LOCATION        MASTER_VERSION"))
        #expect(created.contains("1.9.7-gke.0"))
        #expect(world.run(["gcloud", "container", "clusters", "delete", "kubia"]).2.hasPrefix("Deleting cluster kubia"))
    }

    @Test func gkeClusterCreateListAndNodeFailure() throws {
        let world = try CloudWorld(seed: 2)
        let (status, output, errors) = world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "3", "--machine-type", "f1-micro"])
        #expect(status == 0)
        #expect(errors.hasPrefix("Creating cluster kubia...done.\nCreated [https://container.googleapis.com/v1/projects/"))
        #expect(errors.hasSuffix("kubeconfig entry generated for kubia.\n"))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        // gcloud of late 2017 named the column ZONE; LOCATION came with regional clusters.
        #expect(lines.first?.hasPrefix("NAME   ZONE            MASTER_VERSION  MASTER_IP") == true)
        #expect(lines.last?.hasSuffix("f1-micro      1.8.0-gke.0   3          RUNNING") == true)
        let config = String(decoding: try world.workstation.fileSystem.readFile("/root/.kube/config"), as: UTF8.self)
        #expect(config.contains("current-context: gke_kubelab-project_europe-west1-d_kubia\n"))
        let server = try #require(world.currentServer())
        let client = try #require(world.client(server))
        let nodes = try client.list(Node.self).items.map(\.name)
        #expect(nodes.count == 3)
        #expect(nodes.allSatisfy { $0.hasPrefix("gke-kubia-default-pool-") && $0.count == "gke-kubia-default-pool-".count + 13 })
        // GKE nodes run the GKE release, and kubeconfig names the master without a port.
        let versions = try client.list(Node.self).items.compactMap { $0.status?.nodeInfo?.kubeletVersion }
        #expect(versions == Array(repeating: "v1.8.0-gke.0", count: 3))
        #expect(server.hasPrefix("https://35.") && !server.dropFirst("https://".count).contains(":"))
        // Three replicas, one per node; then a node goes down.
        let labels = ["app": "kubia"]
        _ = try client.create(ReplicationController(
            metadata: ObjectMeta(name: "kubia"),
            spec: ReplicationControllerSpec(replicas: 3, selector: labels, template: PodTemplateSpec(
                metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [Container(name: "kubia", image: SystemImagesProbe.image)])))))
        world.loop.advance(by: .seconds(30))
        let before = try client.list(Pod.self, namespace: "default").items
        #expect(before.filter { $0.status?.phase == .running }.count == 3)
        let victim = try #require(before.first?.spec?.nodeName)
        let stop = world.run(["gcloud", "compute", "instances", "stop", victim])
        #expect(stop.0 == 0)
        #expect(stop.2.hasPrefix("Stopping instance(s) \(victim)...done.\nUpdated ["))
        let listing = world.run(["gcloud", "compute", "instances", "list"]).1
        #expect(listing.contains("TERMINATED"))
        world.loop.advance(by: .seconds(420))
        #expect(try client.get(Node.self, namespace: nil, name: victim).isReady == false)
        let after = try client.list(Pod.self, namespace: "default").items.filter { $0.metadata.deletionTimestamp == nil && $0.status?.phase == .running }
        #expect(after.count == 3)
        #expect(after.allSatisfy { $0.spec?.nodeName != victim })
        // Started again, the node reports Ready and takes pods once more.
        let start = world.run(["gcloud", "compute", "instances", "start", victim])
        #expect(start.2.hasPrefix("Starting instance(s) \(victim)...done.\n"))
        world.loop.advance(by: .seconds(20))
        #expect(try client.get(Node.self, namespace: nil, name: victim).isReady)
        #expect(!world.run(["gcloud", "compute", "instances", "list"]).1.contains("TERMINATED"))
    }
}

/// An image every cluster can pull: one of the system images.
enum SystemImagesProbe {
    static let image = "gcr.io/google_containers/pause-amd64:3.0"
}

struct CloudNetworkingTests {
    @Test func gkeLoadBalancerIsReachableFromTheWorkstation() throws {
        let world = try CloudWorld(seed: 3)
        _ = world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "3", "--machine-type", "f1-micro"])
        let client = try #require(world.currentServer().flatMap(world.client))
        let labels = ["app": "kubia"]
        _ = try client.create(ReplicationController(
            metadata: ObjectMeta(name: "kubia"),
            spec: ReplicationControllerSpec(replicas: 3, selector: labels, template: PodTemplateSpec(
                metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [Container(name: "kubia", image: "test/web", ports: [ContainerPort(containerPort: 8080)])])))))
        _ = try client.create(Service(metadata: ObjectMeta(name: "kubia-http"),
                                      spec: ServiceSpec(ports: [ServicePort(port: 8080, targetPort: .int(8080))], selector: labels, type: "LoadBalancer")))
        world.loop.advance(by: .seconds(60))
        let ingress = try #require(try client.get(Service.self, namespace: "default", name: "kubia-http").status?.loadBalancer?.ingress?.first?.ip)
        let pods = Set(try client.list(Pod.self, namespace: "default").items.map(\.name))
        let answers = Set((0..<20).compactMap { _ in world.fetch(ingress, 8080) })
        #expect(answers == Set(pods.map { "You've hit \($0)\n" }))
    }

    @Test func minikubeSSHRunsOnTheNode() throws {
        let world = try CloudWorld()
        _ = world.run(["minikube", "start"])
        let (status, output, _) = world.run(["minikube", "ssh", "hostname"])
        #expect(status == 0)
        #expect(output == "minikube\n")
    }
}

struct CloudDeterminismTests {
    private func create(seed: UInt64) throws -> (String, [String], [String]) {
        let world = try CloudWorld(seed: seed)
        let output = world.run(["gcloud", "container", "clusters", "create", "kubia", "--num-nodes", "3"]).1
        let client = try #require(world.currentServer().flatMap(world.client))
        world.loop.advance(by: .seconds(30))
        let nodes = try client.list(Node.self).items.map(\.name)
        let system = try client.list(Pod.self, namespace: "kube-system").items.map { "\($0.name) \($0.status?.podIP ?? "")" }
        return (output, nodes, system)
    }

    @Test func sameSeedSameClusterDifferentSeedDifferentNames() throws {
        let first = try create(seed: 21)
        let second = try create(seed: 21)
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
        #expect(first.2 == second.2)
        #expect(first.2.contains { $0.hasPrefix("kube-dns-") })
        let other = try create(seed: 22)
        #expect(other.1 != first.1)
    }
}
