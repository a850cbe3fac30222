import Eras
import Docker
import DockerCLI
import Machine
import Simulation
import Testing

@Suite struct MultipleEngineTests {
    @Test func enginesOnOneNetworkKeepTheirBridgesApart() throws {
        let world = try TestWorld()
        let node = Machine(hostname: "node1", loop: world.loop, fileSystem: FileSystem(), programs: world.programs,
                           network: world.workstation.networkStack.network)
        let nodeEngine = DockerEngine(host: node, hub: world.hub, era: Era.kubernetesInAction, bridgePrefix: "172.18")
        let stream = CollectingStream()
        world.loop.spawn {
            do {
                let image = try await nodeEngine.pull(ImageName(path: "library/busybox"), output: stream)
                var spec = ContainerSpec(image: "busybox")
                spec.command = ["sleep", "100"]
                spec.ipAddress = "10.44.0.7"
                let pinned = try nodeEngine.createContainer(spec)
                try nodeEngine.start(pinned)
                spec.ipAddress = nil
                let plain = try nodeEngine.createContainer(spec)
                try nodeEngine.start(plain)
                _ = image
            } catch {
                stream.removeAll()
                try? stream.write("failed: \(error)")
            }
        }
        world.loop.run(until: { nodeEngine.containers.count == 2 && nodeEngine.containers.allSatisfy(\.isRunning) },
                       limit: world.loop.now + .seconds(30))
        #expect(!stream.text.hasPrefix("failed"), "\(stream.text)")
        #expect(nodeEngine.containers.map(\.ipAddress) == ["10.44.0.7", "172.18.0.2"])
        _ = world.docker("pull", "busybox")
        _ = world.docker("run", "-d", "busybox", "sleep", "100")
        #expect(world.engine.containers.first?.ipAddress == "172.17.0.2")
        #expect(world.engine.bridgeGateway == "172.17.0.1" && nodeEngine.bridgeGateway == "172.18.0.1")
        // The node's container processes show on the node, not on the workstation.
        #expect(node.processes.allIncludingGuests.count == 2)
    }
}

@Suite struct InstallationTests {
    @Test func installingPutsTheClientOnThePath() throws {
        let world = try TestWorld()
        let engine = DockerInstallation.install(on: world.workstation, hub: world.hub, era: Era.kubernetesInAction)
        let out = CollectingStream()
        let process = try world.workstation.start(["docker", "images"], environment: ["PATH": "/usr/bin"], workingDirectory: "/",
                                                  user: .root, stdin: EmptyReader(), stdout: out, stderr: out)
        world.loop.run(until: { !process.isRunning }, limit: world.loop.now + .seconds(5))
        #expect(out.text == "REPOSITORY          TAG                 IMAGE ID            CREATED             SIZE\n")
        #expect(engine.host === world.workstation)
    }

    @Test func aMachineWithoutAnEngineHasNoDaemon() throws {
        let world = try TestWorld()
        let program = DockerProgram(era: Era.kubernetesInAction) { _ in nil }
        let err = CollectingStream()
        let process = world.workstation.launch(program, arguments: ["docker", "ps"], environment: [:], workingDirectory: "/",
                                               user: .root, stdin: EmptyReader(), stdout: err, stderr: err)
        world.loop.runReady()
        #expect(err.text == "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n")
        #expect(process.exitStatus == 1)
    }
}
