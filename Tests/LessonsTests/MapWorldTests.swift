import Testing
import World
@testable import Lessons

/// The map read from a real simulated world, through kubectl and docker as the learner has them.
@Suite struct MapWorldTests {
    @Test func showsTheClusterAndDockerOfAStandardWorld() throws {
        let world = try World(seed: 7, setup: .standard())
        let reader = WorldMapReader(run: { world.runSilently($0) })
        #expect(reader.read().cluster == nil)

        #expect(world.runUnattended("docker pull busybox") == 0)
        #expect(world.runUnattended("docker run -d --name web -p 8080:8080 busybox sleep 3600") == 0)
        #expect(world.runUnattended("minikube start") == 0)
        #expect(world.runUnattended("kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1") == 0)
        #expect(world.runUnattended("kubectl expose rc kubia --type=LoadBalancer --name kubia-http") == 0)
        world.loop.advance(by: .seconds(60))

        let map = reader.read()
        let cluster = try #require(map.cluster)
        let node = try #require(cluster.nodes.first)
        #expect(cluster.nodes.count == 1 && node.name == "minikube")
        let pod = try #require(node.pods.first)
        #expect(node.pods.count == 1 && pod.name.hasPrefix("kubia-") && pod.status == "Running" && !pod.address.isEmpty)
        #expect(cluster.services.contains { $0.name == "kubia-http" && $0.type == "LoadBalancer" && $0.targets == [pod.name] })
        #expect(cluster.controllers == [WorldMap.Controller(kind: "rc", name: "kubia", ready: 1, desired: 1, owned: [pod.name])])
        #expect(map.docker.images.contains("busybox:latest"))
        let container = try #require(map.docker.containers.first)
        #expect(map.docker.containers.count == 1 && container.name == "web" && container.image == "busybox")
        #expect(container.status.hasPrefix("Up ") && container.ports == "0.0.0.0:8080->8080/tcp")
        #expect(map.docker.registries.contains { $0.host == "docker.io" && $0.repositories.contains("library/busybox") })

        let text = WorldMapRenderer(style: .plain, language: .english).render(map)
        #expect(text.contains("┌ node minikube ("))
        #expect(text.contains("service kubia-http  LoadBalancer"))
        #expect(text.contains("rc kubia  1/1  owns \(pod.name)"))
        // The same world read twice draws the same map.
        #expect(WorldMapRenderer(style: .plain, language: .english).render(reader.read()) == text)
    }
}

/// `map` as a course command.
@Suite struct MapCommandTests {
    @Test func mapIsACourseCommandListedInHelp() throws {
        let course = try CourseHarness([Fixtures.files])
        let screen = try course.run(["map", "help"])
        #expect(screen.contains("no cluster: kubectl reaches none"))
        #expect(screen.contains("`map`"))
        #expect(CourseCommand(parsing: "map") == .map)
        #expect(CourseCommand(parsing: "map everything") == nil)
        #expect(CourseCommand.names.contains("map"))
    }
}
