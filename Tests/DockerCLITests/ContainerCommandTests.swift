import Docker
import DockerCLI
import Foundation
import Machine
import Simulation
import Testing

@Suite struct ContainerCommandTests {
    func worldWithKubia() throws -> TestWorld {
        let world = try TestWorld()
        try world.write("/home/user/Dockerfile", ChapterTwoFlowTests.dockerfile)
        try world.write("/home/user/app.js", "server\n")
        _ = world.docker("build", "-t", "kubia", ".")
        return world
    }

    @Test func inspectPrintsDocumentsAndRendersTemplates() throws {
        let world = try worldWithKubia()
        _ = world.docker("run", "-d", "--name", "web", "-p", "8080:8080", "kubia")
        #expect(world.docker("inspect", "-f", "{{.NetworkSettings.IPAddress}}", "web").out == "172.17.0.2\n")
        #expect(world.docker("inspect", "--format={{.Name}} {{.State.Running}} {{.Config.Entrypoint}}", "web").out
                    == "/web true [node app.js]\n")
        let document = world.docker("inspect", "web").out
        #expect(document.hasPrefix("[\n    {\n        \"Id\": \""))
        #expect(document.contains("\"HostPort\": \"8080\""))
        #expect(world.docker("inspect", "-f", "{{.RepoTags}}", "kubia").out == "[kubia:latest]\n")
        let missing = world.docker("inspect", "nope")
        #expect(missing.out == "[]\n")
        #expect(missing.err == "Error: No such object: nope\n")
        #expect(missing.status == 1)
        let badTemplate = world.docker("inspect", "-f", "{{.Nope}}", "web")
        #expect(badTemplate.err.hasPrefix("Template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\""))
    }

    @Test func logsWithTimestampsAndTail() throws {
        let world = try TestWorld()
        _ = world.docker("pull", "busybox")
        let id = world.docker("run", "-d", "busybox", "sh", "-c", "one").out.trimmingCharacters(in: .newlines)
        _ = world.docker("run", "--name", "second", "busybox", "sh", "-c", "two")
        #expect(world.docker("logs", id).out == "one\n")
        let stamped = world.docker("logs", "-t", "second").out
        #expect(stamped.range(of: #"^2018-03-06T09:00:\d\d\.\d{9}Z two\n$"#, options: .regularExpression) != nil)
        #expect(world.docker("logs", "--tail", "0", "second").out == "")
    }

    @Test func removingImagesUntagsThenDeletes() throws {
        let world = try worldWithKubia()
        _ = world.docker("tag", "kubia", "luksa/kubia")
        let multiple = world.docker("rmi", String(world.engine.image(named: "kubia")?.shortID ?? ""))
        #expect(multiple.err.hasSuffix("(must be forced) - image is referenced in multiple repositories\n"))
        #expect(world.docker("rmi", "luksa/kubia").out == "Untagged: luksa/kubia:latest\n")
        _ = world.docker("create", "kubia")
        let used = world.docker("rmi", "kubia")
        #expect(used.err.hasPrefix("Error response from daemon: conflict: unable to remove repository reference \"kubia\" (must force) - container "))
        _ = world.docker("rm", world.engine.containers[0].id)
        let removed = world.docker("rmi", "kubia")
        let lines = removed.out.split(separator: "\n")
        #expect(lines.first == "Untagged: kubia:latest")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("Deleted: sha256:") })
        #expect(lines.count == 3)
        #expect(world.docker("images", "-q").out.split(separator: "\n").count == 1)
    }

    @Test func execRunsInTheContainerAndStopEndsIt() throws {
        let world = try worldWithKubia()
        _ = world.docker("run", "-d", "--name", "web", "kubia")
        let exec = world.docker("exec", "web", "sh", "-c", "inside")
        #expect(exec.out == "inside\n")
        #expect(exec.status == 0)
        let host = world.workstation.processes.allIncludingGuests.map { $0.process.arguments.joined(separator: " ") }
        #expect(host.contains("node app.js"))
        _ = world.docker("kill", "web")
        #expect(world.docker("ps", "-a").out.contains("Exited (137) Less than a second ago"))
        let notRunning = world.docker("kill", "web")
        #expect(notRunning.err.hasPrefix("Error response from daemon: Cannot kill container: web: Container "))
        #expect(notRunning.err.hasSuffix(" is not running\n"))
    }

    @Test func restartPolicyBringsACrashedContainerBack() throws {
        let world = try TestWorld()
        _ = world.docker("pull", "busybox")
        _ = world.docker("run", "-d", "--name", "flaky", "--restart", "on-failure:2", "busybox", "sh", "-c", "exit 3")
        world.loop.advance(by: .seconds(5))
        let container = try #require(world.engine.container(named: "flaky"))
        #expect(container.restartCount == 2)
        #expect(container.exitCode == 3)
        #expect(!container.isRunning)
    }

    @Test func publishAllUsesEphemeralPorts() throws {
        let world = try TestWorld()
        _ = world.docker("pull", "nginx:alpine")
        _ = world.docker("create", "-P", "--name", "nx", "nginx:alpine", "sh", "-c", "x")
        let container = try #require(world.engine.container(named: "nx"))
        #expect(container.spec.publishAll)
        #expect(world.docker("ps", "-a", "--no-trunc", "-q").out == container.id + "\n")
    }

    @Test func runStepsExecuteInABuildContainerAndFailuresStopTheBuild() throws {
        let world = try TestWorld()
        try world.write("/home/user/Dockerfile", "FROM busybox\nRUN touch /built\nCMD [\"sh\"]\n")
        let build = world.docker("build", "-t", "made", ".")
        #expect(build.status == 0, "\(build.err)")
        #expect(build.out.contains("Step 2/3 : RUN touch /built\n ---> Running in "))
        #expect(build.out.range(of: #"Removing intermediate container [0-9a-f]{12}\n ---> [0-9a-f]{12}\nStep 3/3 : CMD \["sh"\]"#,
                                options: .regularExpression) != nil)
        let image = try #require(world.engine.image(named: "made"))
        #expect(world.engine.rootTree(of: image).entries["built"] != nil)
        #expect(world.docker("history", "made").out.contains("/bin/sh -c touch /built"))

        try world.write("/home/user/Dockerfile", "FROM busybox\nRUN exit 2\n")
        let failed = world.docker("build", ".")
        #expect(failed.err == "The command '/bin/sh -c exit 2' returned a non-zero code: 2\n")
        #expect(failed.status == 1)

        try world.write("/home/user/Dockerfile", "FROM busybox\nADD ../secret /x\n")
        #expect(world.docker("build", ".").err == "Forbidden path outside the build context: ../secret ()\n")

        try world.write("/home/user/Dockerfile", "FROM busybox\nCOPY . /app\n")
        try world.write("/home/user/.dockerignore", "*.log\n")
        try world.write("/home/user/debug.log", "noise")
        _ = world.docker("build", "-t", "copied", ".")
        let copied = try #require(world.engine.image(named: "copied"))
        guard case .directory(let app)? = world.engine.rootTree(of: copied).entries["app"] else {
            Issue.record("no /app")
            return
        }
        #expect(app.entries["Dockerfile"] != nil)
        #expect(app.entries["debug.log"] == nil)
    }

    @Test func parseErrorsComeFromTheDaemonBeforeAnyStep() throws {
        let world = try TestWorld()
        try world.write("/home/user/Dockerfile", "FROM busybox\nENTRYPOIN [\"x\"]\n")
        let result = world.docker("build", ".")
        #expect(result.err == "Error response from daemon: Dockerfile parse error line 2: unknown instruction: ENTRYPOIN\n")
        #expect(!result.out.contains("Step"))
    }
}
