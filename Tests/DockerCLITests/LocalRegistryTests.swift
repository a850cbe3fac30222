import Docker
import DockerCLI
import Foundation
import Machine
import Simulation
import Testing

@Suite struct LocalRegistryTests {
    @Test func aRegistryContainerServesPushesAndPullsOverTheNetwork() throws {
        let world = try TestWorld()
        let started = world.docker("run", "-d", "-p", "5000:5000", "--name", "registry", "registry:2")
        #expect(started.status == 0, "\(started.err)")
        _ = world.docker("pull", "busybox")
        _ = world.docker("tag", "busybox", "localhost:5000/box")
        let push = world.docker("push", "localhost:5000/box")
        #expect(push.status == 0, "\(push.err)")
        #expect(push.out.hasPrefix("The push refers to a repository [localhost:5000/box]\n"))
        #expect(push.out.contains(": Pushed\n"))
        #expect(push.out.range(of: #"latest: digest: sha256:[0-9a-f]{64} size: \d+\n$"#, options: .regularExpression) != nil)
        #expect(world.get(host: "localhost", port: 5000, path: "/v2/_catalog") == "{\"repositories\":[\"box\"]}\n")

        _ = world.docker("rmi", "localhost:5000/box")
        let pull = world.docker("pull", "localhost:5000/box")
        #expect(pull.out.hasPrefix("Using default tag: latest\nlatest: Pulling from box\n"))
        #expect(pull.out.contains(": Already exists\n"))
        #expect(pull.out.hasSuffix("Status: Downloaded newer image for localhost:5000/box:latest\n"))

        let missing = world.docker("pull", "localhost:5000/nothing")
        #expect(missing.err == "Error response from daemon: repository localhost:5000/nothing not found: does not exist or no pull access\n")

        // The registry keeps its content in the container's file system, across restarts.
        _ = world.docker("restart", "registry")
        #expect(world.get(host: "localhost", port: 5000, path: "/v2/box/tags/list") == "{\"name\":\"box\",\"tags\":[\"latest\"]}\n")

        _ = world.docker("rm", "-f", "registry")
        let refused = world.docker("push", "localhost:5000/box")
        #expect(refused.err == "Get http://localhost:5000/v2/: dial tcp 127.0.0.1:5000: getsockopt: connection refused\n")
    }
}
