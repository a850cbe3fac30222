import Docker
import DockerCLI
import Foundation
import Machine
import Simulation
import Testing

/// `docker port`, `docker top` and `docker stats` as Docker 17.12 prints them.
@Suite struct ContainerStatsCommandTests {
    func makeWorld() throws -> TestWorld {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        _ = world.docker("pull", "busybox")
        return world
    }

    @Test func portListsEachPublishedPort() throws {
        let world = try makeWorld()
        _ = world.docker("run", "-d", "--name", "web", "-p", "8080:80", "-p", "9000:90", "busybox", "sleep", "600")
        #expect(world.docker("port", "web").out == "80/tcp -> 0.0.0.0:8080\n90/tcp -> 0.0.0.0:9000\n")
        #expect(world.docker("port", "web", "90").out == "0.0.0.0:9000\n")
        #expect(world.docker("port", "web", "80/tcp").out == "0.0.0.0:8080\n")
        let missing = world.docker("port", "web", "81")
        #expect(missing.status == 1)
        #expect(missing.err == "Error: No public port '81/tcp' published for web\n")
        let unknown = world.docker("port", "nothing")
        #expect(unknown.status == 1)
        #expect(unknown.err == "Error: No such container: nothing\n")
    }

    @Test func topShowsTheContainersProcessesWithHostPIDs() throws {
        let world = try makeWorld()
        _ = world.docker("run", "-d", "--name", "sleeper", "busybox", "sleep", "600")
        let top = world.docker("top", "sleeper")
        #expect(top.status == 0)
        let lines = top.out.split(separator: "\n")
        #expect(lines.first == "UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD")
        #expect(lines.count == 2)
        // The host's user names (this test host has no /etc/passwd: the number).
        #expect(lines.last?.hasPrefix("0 ") == true)
        #expect(lines.last?.hasSuffix("sleep 600") == true)
        _ = world.docker("stop", "sleeper")
        let stopped = world.docker("top", "sleeper")
        #expect(stopped.status == 1)
        #expect(stopped.err.hasPrefix("Error response from daemon: Container "))
        #expect(stopped.err.hasSuffix(" is not running\n"))
    }

    @Test func statsNoStreamShowsMemoryAgainstTheLimit() throws {
        let world = try makeWorld()
        _ = world.docker("run", "-d", "--name", "limited", "-m", "64m", "busybox", "sleep", "600")
        let stats = world.docker("stats", "--no-stream")
        #expect(stats.status == 0)
        let lines = stats.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "CONTAINER ID        NAME                CPU %               MEM USAGE / LIMIT   MEM %               NET I/O             BLOCK I/O           PIDS")
        #expect(lines.count == 2)
        let row = lines.last ?? ""
        #expect(row.contains(" limited "))
        #expect(row.contains(" / 64MiB "))
        #expect(row.hasSuffix(" 1"))
    }

    @Test func unknownCommandsStillSaySo() throws {
        let world = try makeWorld()
        let search = world.docker("frobnicate")
        #expect(search.err == "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n")
    }

    @Test func theReadOnlyCommandsAreTheOnesThatExist() {
        #expect(Commands.readOnlyNames == ["diff", "history", "images", "info", "inspect", "logs", "port", "ps", "stats", "top", "version"])
        #expect(Commands.readOnlyNames.isSubset(of: Commands.allNames))
    }
}
