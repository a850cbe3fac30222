@testable import ControlPlane
import Docker
import DockerShim
import Eras
@testable import KubernetesAPI
import Machine
@testable import NodeAgent
import Simulation

/// Answers every HTTP request on 8080 with the machine's hostname; with `failAfter`, answers 500 after that many requests.
struct HostnameServer: Program {
    var failAfter: Int?

    func run(_ context: ProgramContext) async throws -> Int32 {
        let hostname = context.machine.hostname
        let loop = context.loop
        let counter = Counter()
        let limit = failAfter
        _ = try context.machine.networkStack.listen(port: 8080, owner: context.process) { connection in
            loop.spawn {
                guard (try? await HTTPReader(connection.input).readRequest()) != nil else { return connection.close() }
                counter.value += 1
                let failing = limit.map { counter.value > $0 } ?? false
                let body = Array((failing ? "I'm not well. Please restart me!\n" : "You've hit \(hostname)\n").utf8)
                var headers = HTTPHeaders()
                headers.set("Content-Length", String(body.count))
                try? connection.output.write(HTTPResponse(status: failing ? 500 : 200, headers: headers, body: body).serialized)
                connection.close()
            }
        }
        context.print("Kubia server starting...\n")
        while true { try await context.process.sleep(for: .seconds(3600)) }
    }

    final class Counter: @unchecked Sendable { var value = 0 }
}

/// Accepts connections on 8080 and never answers (a hung app).
struct SilentServer: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        _ = try context.machine.networkStack.listen(port: 8080, owner: context.process) { _ in }
        while true { try await context.process.sleep(for: .seconds(3600)) }
    }
}

/// Greets with the machine's hostname and its arguments, then exits.
struct GreetProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print("hello from \(context.machine.hostname) \(context.arguments.dropFirst().joined(separator: " "))\n")
        return 0
    }
}

/// Prints a line and exits with a status after a second.
struct CrashingProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print("starting up\n")
        try await context.process.sleep(for: .seconds(1))
        context.printError("fatal: giving up\n")
        return 1
    }
}

/// A one-node cluster with real kubelets, kube-proxy and kube-dns, and a workstation on the world network.
final class NodeFixture {
    let loop: EventLoop
    let world = Network()
    let hub: Registry
    let programs = ProgramRegistry()
    let plane: ControlPlane
    let network: ClusterNetwork
    let proxy: ServiceProxy
    let dns: ClusterDNS
    let runtime: NodeRuntime
    var kubelets: [Kubelet] = []
    /// Each node's engine, in the order of `kubelets`.
    var engines: [DockerEngine] = []
    let workstation: Machine

    init(seed: UInt64 = 7, nodes: Int = 1) throws {
        loop = EventLoop(seed: seed)
        programs.register("hostname-server", HostnameServer())
        programs.register("flaky-server", HostnameServer(failAfter: 3))
        programs.register("crasher", CrashingProgram())
        programs.register("greet", GreetProgram())
        programs.register("silent-server", SilentServer())
        hub = Registry(host: ImageName.hubRegistry)
        for (path, program) in [("test/web", "hostname-server"), ("test/flaky", "flaky-server"), ("test/crash", "crasher"), ("test/silent", "silent-server")] {
            var root = Directory()
            root.entries["app"] = .file(.program(name: program, size: 1000), FileMetadata(mode: 0o755))
            root.entries["greet"] = .file(.program(name: "greet", size: 1000), FileMetadata(mode: 0o755))
            hub.seed([BaseImageDefinition(name: ImageName(path: path), root: root, layerSizes: [40_000_000], layerCommands: [], metadataCommands: [],
                                          config: ContainerConfig(entrypoint: ["/app"]), created: .worldEpoch)])
        }
        plane = ControlPlane(loop: loop)
        try plane.start()
        network = ClusterNetwork(world: world)
        proxy = ServiceProxy(informers: plane.informers, network: network, random: SeededRandom(seed: seed))
        try proxy.start()
        dns = ClusterDNS(informers: plane.informers)
        try dns.start()
        runtime = NodeRuntime(client: plane.client())
        for index in 0..<nodes {
            let bridge = Network()
            let name = "node-\(index + 1)"
            let era = Era.kubernetesInAction
            let machine = Machine(hostname: name, loop: loop, fileSystem: FileSystem(), programs: programs, network: bridge)
            let engine = DockerEngine(host: machine, hub: hub, era: era, programs: programs)
            network.attach(bridge: bridge)
            let configuration = KubeletConfiguration(nodeName: name, internalIP: "10.132.0.\(index + 2)",
                                                     podCIDR: IPv4Range(base: 0x0A00_0000 + UInt32(index) << 8, prefixLength: 24),
                                                     osImage: era.minikube.osImage, kernelVersion: era.minikube.kernelVersion,
                                                     containerRuntimeVersion: era.kubernetes.containerRuntimeVersion,
                                                     kubeletVersion: era.kubernetes.version,
                                                     pauseImage: "gcr.io/google_containers/pause-amd64:" + era.kubernetes.pauseImageTag)
            let kubelet = Kubelet(configuration: configuration, client: plane.client(), informers: plane.informers, machine: machine,
                                  runtime: DockerShim(engine: engine), network: network)
            kubelet.nameResolver = { [dns] name, search in dns.lookup(name, searchPath: search) }
            try kubelet.start()
            proxy.nodeAddresses.insert(configuration.internalIP)
            runtime.add(kubelet)
            kubelets.append(kubelet)
            engines.append(engine)
        }
        workstation = Machine(hostname: "workstation", loop: loop, fileSystem: FileSystem(), programs: programs, network: world)
        world.assign("192.168.1.10", to: workstation.networkStack)
        loop.runReady()
    }

    var client: any KubernetesClient { plane.client() }

    func pod(_ name: String = "kubia", image: String, labels: [String: String] = ["app": "kubia"]) -> Pod {
        Pod(metadata: ObjectMeta(name: name, labels: labels),
            spec: PodSpec(containers: [Container(name: "kubia", image: image, ports: [ContainerPort(containerPort: 8080)])]))
    }

    func get(_ name: String) -> Pod? {
        try? client.get(Pod.self, namespace: "default", name: name)
    }

    /// The STATUS column kubectl prints for the first container's state.
    func reason(_ name: String) -> String {
        guard let pod = get(name) else { return "<gone>" }
        let state = pod.status?.containerStatuses?.first?.state
        if let reason = state?.waiting?.reason { return reason }
        if let reason = state?.terminated?.reason { return reason }
        return pod.status?.phase?.rawValue ?? ""
    }

    /// Each change of `reason(name)` with the virtual second it was first seen, sampled every 500 ms.
    func timeline(_ name: String, for duration: Duration) -> [(Int64, String)] {
        let start = loop.now
        var result: [(Int64, String)] = []
        while loop.now < start + duration {
            loop.advance(by: .milliseconds(500))
            let current = reason(name)
            if result.last?.1 != current { result.append(((loop.now - start).components.seconds, current)) }
        }
        return result
    }

    /// One HTTP GET from the workstation (or another stack); the body, or nil when the connection failed.
    func fetch(_ address: String, _ port: Int, from stack: NetworkStack? = nil) -> String? {
        let source = stack ?? workstation.networkStack
        var result: String?
        var done = false
        loop.spawn {
            defer { done = true }
            guard let connection = try? source.connect(address: address, port: port) else { return }
            try? connection.output.write(HTTPRequest(method: "GET", target: "/", headers: HTTPHeaders([("Host", address)])).serialized)
            if let response = try? await HTTPReader(connection.input).readResponse() {
                result = String(decoding: response.body, as: UTF8.self)
            }
            connection.close()
        }
        _ = loop.run(until: { done }, limit: loop.now + .seconds(5))
        return result
    }

    func events(reason: String) -> [Event] {
        ((try? client.list(Event.self).items) ?? []).filter { $0.reason == reason }
    }
}
