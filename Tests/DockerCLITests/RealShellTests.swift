import Docker
import DockerCLI
import Foundation
import Machine
import Simulation
import Testing

/// Containers running the real shell and coreutils from the images' files.
@Suite struct RealShellTests {
    func makeWorld() throws -> TestWorld {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        world.programs.register("bash", ShellProgram())
        return world
    }

    @Test func commandsRunThroughTheImagesShell() throws {
        let world = try makeWorld()
        _ = world.docker("pull", "busybox")
        let echo = world.docker("run", "--rm", "busybox", "sh", "-c", "echo out; echo err >&2; exit 3")
        #expect(echo.out == "out\n")
        #expect(echo.err == "err\n")
        #expect(echo.status == 3)
        #expect(world.engine.containers.isEmpty)
        let hostname = world.docker("run", "--name", "named", "busybox", "hostname")
        #expect(hostname.out == String(world.engine.container(named: "named")?.id.prefix(12) ?? "") + "\n")
    }

    @Test func theFortuneImageOfTheBookBuildsAndRuns() throws {
        let world = try makeWorld()
        try world.write("/home/user/Dockerfile", """
            FROM ubuntu:latest
            RUN apt-get update ; apt-get -y install fortune
            ADD fortuneloop.sh /bin/fortuneloop.sh
            ENTRYPOINT /bin/fortuneloop.sh

            """)
        try world.workstation.fileSystem.writeFile("/home/user/fortuneloop.sh", Array("""
            #!/bin/bash
            trap "exit" SIGINT
            mkdir /var/htdocs
            while :
            do
              echo $(date) Writing fortune to /var/htdocs/index.html
              /usr/games/fortune > /var/htdocs/index.html
              sleep 10
            done

            """.utf8), mode: 0o755)
        let build = world.docker("build", "-t", "fortune", ".")
        #expect(build.status == 0, "\(build.out)\(build.err)")
        #expect(build.out.contains("Step 2/4 : RUN apt-get update ; apt-get -y install fortune\n ---> Running in "))
        #expect(build.out.contains("Successfully tagged fortune:latest\n"))
        let run = world.docker("run", "-d", "--name", "fortune", "fortune")
        #expect(run.status == 0, "\(run.err)")
        world.loop.advance(by: .seconds(25))
        let logs = world.docker("logs", "fortune").out.split(separator: "\n")
        #expect(logs.count == 3)
        #expect(logs.allSatisfy { $0.hasSuffix(" Writing fortune to /var/htdocs/index.html") })
        let page = world.docker("exec", "fortune", "cat", "/var/htdocs/index.html")
        #expect(page.status == 0)
        #expect(!page.out.isEmpty)
        let before = world.loop.now
        _ = world.docker("stop", "fortune")
        #expect(world.loop.now - before == .seconds(10))
        #expect(world.engine.container(named: "fortune")?.exitCode == 137)
    }
}

@Suite struct InteractiveShellTests {
    @Test func execItOpensAShellInTheContainer() throws {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        world.programs.register("bash", ShellProgram())
        _ = world.docker("pull", "ubuntu")
        let id = world.docker("run", "-d", "--name", "box", "ubuntu", "sleep", "1000").out
        let session = world.docker("exec", "-it", "box", "bash", stdin: "hostname\nexit 4\n")
        #expect(session.out.contains(String(id.prefix(12)) + "\n"), "\(session.out)")
        #expect(session.status == 4)
        // The container has its own pseudo-terminals: a first exec gets pts/0, a second pts/1.
        let box = try #require(world.engine.container(named: "box"))
        let first = try world.engine.exec(in: box, arguments: ["sleep", "100"], tty: true, stdin: EmptyReader(),
                                          stdout: DiscardingStream(), stderr: DiscardingStream())
        let second = try world.engine.exec(in: box, arguments: ["sleep", "100"], tty: true, stdin: EmptyReader(),
                                           stdout: DiscardingStream(), stderr: DiscardingStream())
        #expect([first.terminal, second.terminal] == ["pts/0", "pts/1"])
        let run = world.docker("run", "-it", "--rm", "ubuntu", "bash", stdin: "echo inside\n")
        #expect(run.out.contains("inside\n"), "\(run.out)")
        #expect(run.status == 0)
    }
}

@Suite struct RuntimeFileTests {
    @Test func containersGetDevicesAndTheDockerMarkerButLayersDoNot() throws {
        let world = try TestWorld()
        world.programs.register("sh", ShellProgram())
        _ = world.docker("pull", "busybox")
        let result = world.docker("run", "--rm", "busybox", "sh", "-c", "echo gone > /dev/null; ls /.dockerenv")
        #expect(result.out == "/.dockerenv\n", "\(result.err)")
        try world.write("/home/user/Dockerfile", "FROM busybox\nRUN touch /made\n")
        _ = world.docker("build", "-t", "made", ".")
        let image = try #require(world.engine.image(named: "made"))
        let top = try #require(world.engine.layers[image.config.layerDigests.last ?? ""])
        #expect(top.entries.map(\.path) == ["/made"])
    }
}
