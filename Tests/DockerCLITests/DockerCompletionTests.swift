import Docker
import Foundation
import Machine
import Simulation
import DockerCLI
import Testing

/// Tab completion of docker command lines.
@Suite struct DockerCompletionTests {
    func makeWorld() throws -> TestWorld {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        _ = world.docker("pull", "busybox")
        return world
    }

    @Test func completionOffersSubcommandsContainersAndImages() throws {
        let world = try makeWorld()
        _ = world.docker("run", "-d", "--name", "web", "busybox", "sleep", "600")
        _ = world.docker("run", "--name", "done", "busybox", "true")
        #expect(DockerCompletion.candidates(for: ["docker"], prefix: "st", engine: world.engine) == ["start", "stats", "stop"])
        #expect(DockerCompletion.candidates(for: ["docker", "stop"], prefix: "", engine: world.engine) == ["web"])
        #expect(DockerCompletion.candidates(for: ["docker", "rm"], prefix: "", engine: world.engine) == ["done", "web"])
        #expect(DockerCompletion.candidates(for: ["docker", "run"], prefix: "busy", engine: world.engine) == ["busybox", "busybox:latest"])
    }
}
