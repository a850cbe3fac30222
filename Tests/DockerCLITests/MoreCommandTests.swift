import Docker
import DockerCLI
import Foundation
import Machine
import Simulation
import Testing

@Suite struct MoreCommandTests {
    func makeWorld() throws -> TestWorld {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        _ = world.docker("pull", "busybox")
        return world
    }

    @Test func interactiveRunFeedsTheCallersInput() throws {
        let world = try makeWorld()
        let result = world.docker("run", "-i", "--rm", "busybox", "cat", stdin: "hello\nworld\n")
        #expect(result.out == "hello\nworld\n")
        #expect(result.status == 0)
    }

    @Test func followingLogsStreamsUntilTheContainerEnds() throws {
        let world = try makeWorld()
        _ = world.docker("run", "-d", "--name", "ticker", "busybox", "sh", "-c", "echo a; sleep 2; echo b; sleep 2; echo c")
        let result = world.docker("logs", "-f", "ticker")
        #expect(result.out == "a\nb\nc\n")
        #expect(world.engine.container(named: "ticker")?.isRunning == false)
    }

    @Test func psQuotesArgumentsWithSpacesAndTruncates() throws {
        let world = try makeWorld()
        _ = world.docker("run", "-d", "busybox", "sh", "-c", "sleep 1000")
        let ps = world.docker("ps")
        #expect(ps.out.contains("\"sh -c 'sleep 1000'\""))
        _ = world.docker("run", "-d", "busybox", "sh", "-c", "sleep 1000; echo a long tail")
        #expect(world.docker("ps").out.contains("\"sh -c 'sleep 1000; …\""))
        #expect(world.docker("ps", "--no-trunc").out.contains("\"sh -c 'sleep 1000; echo a long tail'\""))
    }

    @Test func infoCountsContainersAndImages() throws {
        let world = try makeWorld()
        _ = world.docker("run", "-d", "busybox", "sleep", "100")
        _ = world.docker("create", "busybox")
        let info = world.docker("info")
        #expect(info.out.hasPrefix("Containers: 2\n Running: 1\n Paused: 0\n Stopped: 1\nImages: 1\nServer Version: 17.12.0-ce\n"))
        #expect(info.out.range(of: #"\nID: ([A-Z2-7]{4}:){11}[A-Z2-7]{4}\n"#, options: .regularExpression) != nil)
        #expect(info.err == "WARNING: No swap limit support\n")
    }

    @Test func theImageStoreSurvivesACodableRoundTrip() throws {
        let world = try makeWorld()
        _ = world.docker("tag", "busybox", "mine:v1")
        let data = try JSONEncoder().encode(world.engine.imageStoreState)
        let other = try TestWorld(seed: 99)
        other.engine.restore(try JSONDecoder().decode(ImageStoreState.self, from: data))
        #expect(other.docker("images").out == world.docker("images").out)
        #expect(other.engine.imageStoreState == world.engine.imageStoreState)
    }

    @Test func helpAndVersion() throws {
        let world = try TestWorld()
        #expect(world.docker("--version").out == "Docker version 17.12.0-ce, build c97c6d6\n")
        #expect(world.docker("run", "--help").out.hasPrefix("\nUsage:\tdocker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n"))
        let missing = world.docker("run")
        #expect(missing.err.hasPrefix("\"docker run\" requires at least 1 argument.\nSee 'docker run --help'.\n"))
        #expect(missing.status == 1)
    }
}

@Suite struct HelpTests {
    @Test func optionsAreListedLikeCobra() throws {
        let world = try TestWorld()
        #expect(world.docker("stop", "--help").out == """

            Usage:\tdocker stop [OPTIONS] CONTAINER [CONTAINER...]

            Stop one or more running containers

            Options:
              -t, --time int   Seconds to wait for stop before killing it (default 10)

            """)
        let ps = world.docker("ps", "--help").out
        #expect(ps.hasSuffix("""
            Options:
              -a, --all        Show all containers (default shows just running)
              -l, --latest     Show the latest created container (includes all states)
                  --no-trunc   Don't truncate output
              -q, --quiet      Only display numeric IDs

            """))
    }
}

@Suite struct RemovalTests {
    @Test func aRunningContainerNeedsForceToBeRemoved() throws {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        _ = world.docker("pull", "busybox")
        let id = world.docker("run", "-d", "--name", "sleeper", "busybox", "sleep", "100").out.trimmingCharacters(in: .newlines)
        let refused = world.docker("rm", "sleeper")
        #expect(refused.err == "Error response from daemon: You cannot remove a running container \(id). Stop the container before attempting removal or force remove\n")
        #expect(refused.status == 1)
        #expect(world.docker("rm", "-f", "sleeper").out == "sleeper\n")
        #expect(world.engine.containers.isEmpty)
        let push = world.docker("push", "busybox")
        #expect(push.out.hasPrefix("The push refers to a repository [docker.io/library/busybox]\n"))
        #expect(push.err == "denied: requested access to the resource is denied\n")
    }
}

@Suite struct OddInputTests {
    @Test(arguments: [
        ["run", "-e", "", "busybox", "true"], ["run", "-e", "=x", "busybox", "true"], ["run", "-u", ":", "busybox", "true"],
        ["build", "--build-arg", "", "."], ["images", ":"], ["images", "localhost:5000/x"], ["run", "-p", ":::", "busybox"],
        ["inspect", "-f", "{{", "x"], ["logs", "--tail", "abc", "x"], ["run", "--restart", "bogus", "busybox"],
        ["run", "-p"], ["run", "--name=", "busybox", "true"], ["tag", "busybox", ""], ["rmi", ""], ["exec", "", ""],
        ["kill", "-s", "NOPE", "x"], ["stop", "-t", "x", "y"], ["run", "busybox", ""], ["login", "-u", ""],
        ["push", ":"], ["pull", "@"], ["history", "sha256:"], ["run", "-it"],
    ])
    func oddInputGetsAnErrorNotACrash(arguments: [String]) throws {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        _ = world.docker("pull", "busybox")
        let out = CollectingStream(), err = CollectingStream()
        let process = world.workstation.launch(DockerProgram(engine: world.engine), arguments: ["docker"] + arguments,
                                               environment: [:], workingDirectory: "/home/user", user: .root,
                                               stdin: EmptyReader(), stdout: out, stderr: err)
        world.loop.run(until: { !process.isRunning }, limit: world.loop.now + .seconds(60))
        #expect(process.exitStatus != nil)
    }
}
