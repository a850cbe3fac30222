import Docker
import DockerCLI
import Foundation
import Machine
import Simulation
import Testing

@Suite struct ChapterTwoFlowTests {
    static let dockerfile = "FROM node:7\nADD app.js /app.js\nENTRYPOINT [\"node\", \"app.js\"]\n"

    @Test func helloWorldPullsThenPrintsItsMessage() throws {
        let world = try TestWorld()
        let result = world.docker("run", "hello-world")
        #expect(result.status == 0)
        let lines = result.err.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Unable to find image 'hello-world:latest' locally")
        #expect(lines[1] == "latest: Pulling from library/hello-world")
        #expect(lines[2].hasSuffix(": Pull complete") && lines[2].count == 12 + 15)
        #expect(lines[3].hasPrefix("Digest: sha256:") && lines[3].count == 15 + 64)
        #expect(lines[4] == "Status: Downloaded newer image for hello-world:latest")
        #expect(result.out.hasPrefix("\nHello from Docker!\nThis message shows"))
        let ps = world.docker("ps", "-a")
        let rows = ps.out.split(separator: "\n")
        #expect(rows[0] == "CONTAINER ID        IMAGE               COMMAND             CREATED                  STATUS                              PORTS               NAMES")
        #expect(rows[1].contains("        hello-world         \"/hello\"            Less than a second ago   Exited (0) Less than a second ago                       "))
    }

    @Test func buildPrintsTheLegacyBuilderStepsAndReusesTheCache() throws {
        let world = try TestWorld()
        try world.write("/home/user/Dockerfile", Self.dockerfile)
        try world.write("/home/user/app.js", "console.log('hi');\n")
        let first = world.docker("build", "-t", "kubia", ".")
        #expect(first.status == 0, "\(first.err)")
        let lines = first.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Sending build context to Docker daemon  3.072kB")
        #expect(lines[1] == "")
        #expect(lines[2] == "Step 1/3 : FROM node:7")
        #expect(lines[3] == "7: Pulling from library/node")
        #expect(first.out.contains("Status: Downloaded newer image for node:7\n ---> "))
        #expect(first.out.contains("Step 2/3 : ADD app.js /app.js\n ---> "))
        #expect(first.out.contains("Step 3/3 : ENTRYPOINT [\"node\", \"app.js\"]\n ---> Running in "))
        #expect(first.out.contains("Successfully tagged kubia:latest\n"))
        let builtLine = lines.first { $0.hasPrefix("Successfully built ") } ?? ""
        let second = world.docker("build", "-t", "kubia", ".")
        #expect(second.out.components(separatedBy: " ---> Using cache\n").count == 3)
        #expect(second.out.contains(builtLine + "\n"))
        let images = world.docker("images")
        let rows = images.out.split(separator: "\n")
        #expect(rows[0] == "REPOSITORY          TAG                 IMAGE ID            CREATED                  SIZE")
        #expect(rows[1].hasPrefix("kubia               latest              \(builtLine.dropFirst(19))        Less than a second ago   660MB"))
        #expect(rows[2].hasSuffix("8 months ago             660MB"))
    }

    @Test func aPublishedPortReachesTheContainerFromTheWorkstation() throws {
        let world = try TestWorld()
        try world.write("/home/user/Dockerfile", Self.dockerfile)
        try world.write("/home/user/app.js", "server\n")
        _ = world.docker("build", "-t", "kubia", ".")
        let run = world.docker("run", "--name", "kubia-container", "-p", "8080:8080", "-d", "kubia")
        #expect(run.status == 0, "\(run.err)")
        let id = run.out.trimmingCharacters(in: .newlines)
        #expect(id.count == 64)
        #expect(world.get(host: "localhost", port: 8080) == "You've hit \(id.prefix(12))\n")
        let ps = world.docker("ps")
        #expect(ps.out.contains("        kubia               \"node app.js\"       Less than a second ago   Up Less than a second   0.0.0.0:8080->8080/tcp   kubia-container\n"))
        let logs = world.docker("logs", "kubia-container")
        #expect(logs.out == "Kubia server starting...\n")

        let clash = world.docker("run", "-d", "-p", "8080:8080", "kubia")
        #expect(clash.status == 125)
        #expect(clash.err.hasPrefix("docker: Error response from daemon: driver failed programming external connectivity on endpoint "))
        #expect(clash.err.hasSuffix("Bind for 0.0.0.0:8080 failed: port is already allocated.\nSee 'docker run --help'.\n"))

        let sameName = world.docker("run", "-d", "--name", "kubia-container", "kubia")
        #expect(sameName.err == "docker: Error response from daemon: Conflict. The container name \"/kubia-container\" is already in use by container \"\(id)\". You have to remove (or rename) that container to be able to reuse that name.\nSee 'docker run --help'.\n")

        let before = world.loop.now
        let stop = world.docker("stop", "kubia-container")
        #expect(stop.out == "kubia-container\n")
        #expect(world.loop.now - before == .seconds(10))
        #expect(world.engine.container(named: "kubia-container")?.exitCode == 137)
        #expect(world.get(host: "localhost", port: 8080).hasPrefix("error"))
        #expect(world.docker("rm", "kubia-container").out == "kubia-container\n")
        #expect(world.docker("logs", "kubia-container").err == "Error: No such container: kubia-container\n")
    }

    @Test func pushNeedsALoginToTheUsersOwnNamespace() throws {
        let world = try TestWorld()
        _ = world.docker("pull", "busybox")
        #expect(world.docker("tag", "busybox", "luksa/box").status == 0)
        let denied = world.docker("push", "luksa/box")
        #expect(denied.out.hasPrefix("The push refers to a repository [docker.io/luksa/box]\n"))
        #expect(denied.out.contains(": Preparing\n"))
        #expect(denied.err == "denied: requested access to the resource is denied\n")
        #expect(denied.status == 1)
        let login = world.docker("login", stdin: "luksa\nsecret\n")
        #expect(login.out.hasSuffix("Username: Password: \nLogin Succeeded\n"))
        let pushed = world.docker("push", "luksa/box")
        #expect(pushed.status == 0)
        #expect(pushed.out.contains(": Mounted from library/busybox\n"))
        #expect(pushed.out.range(of: #"latest: digest: sha256:[0-9a-f]{64} size: \d+\n$"#, options: .regularExpression) != nil)
        let again = world.docker("push", "luksa/box")
        #expect(again.out.contains(": Layer already exists\n"))
        // Untagging the pushed tag takes the repository's digest reference along, right after it;
        // the image itself stays, still tagged busybox.
        let untagged = world.docker("rmi", "luksa/box").out.split(separator: "\n")
        #expect(untagged.count == 2)
        #expect(untagged.first == "Untagged: luksa/box:latest")
        #expect(untagged.last?.hasPrefix("Untagged: luksa/box@sha256:") == true)
        #expect(world.docker("rmi", "busybox").out.split(separator: "\n").first == "Untagged: busybox:latest")
    }

    @Test func registryStateSurvivesACodableRoundTrip() throws {
        let world = try TestWorld()
        _ = world.docker("pull", "alpine")
        _ = world.docker("tag", "alpine", "me/alpine:v1")
        _ = world.docker("login", "-u", "me", "-p", "pw")
        _ = world.docker("push", "me/alpine:v1")
        let data = try JSONEncoder().encode(world.hub.state)
        let restored = try JSONDecoder().decode(RegistryState.self, from: data)
        #expect(restored == world.hub.state)
        #expect(Registry(host: "docker.io", requiresLogin: true, state: restored).manifest("me/alpine", tag: "v1") != nil)
    }

    @Test func theSameSeedGivesTheSameBytes() throws {
        func session() throws -> String {
            let world = try TestWorld(seed: 42)
            try world.write("/home/user/Dockerfile", Self.dockerfile)
            try world.write("/home/user/app.js", "x\n")
            return [world.docker("build", "-t", "kubia", ".").out, world.docker("run", "-d", "kubia").out,
                    world.docker("ps", "-a").out].joined()
        }
        #expect(try session() == session())
    }

    @Test(arguments: [
        (["run", "Kubia"], "docker: invalid reference format: repository name must be lowercase.\nSee 'docker run --help'.\n", Int32(125)),
        (["run", "nosuchimage"], "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login'.\nSee 'docker run --help'.\n", 125),
        (["run", "node:99"], "Unable to find image 'node:99' locally\ndocker: Error response from daemon: manifest for node:99 not found.\nSee 'docker run --help'.\n", 125),
        (["stop", "nope"], "Error response from daemon: No such container: nope\n", 1),
        (["exec", "nope", "ls"], "Error: No such container: nope\n", 1),
        (["run", "--bogus", "x"], "unknown flag: --bogus\nSee 'docker run --help'.\n", 125),
        (["frobnicate"], "docker: 'frobnicate' is not a docker command.\nSee 'docker --help'\n", 1),
        (["rmi", "nope"], "Error response from daemon: No such image: nope:latest\n", 1),
        (["push", "luksa/kubia"], "An image does not exist locally with the tag: luksa/kubia\n", 1),
        (["start", "nope"], "Error response from daemon: No such container: nope\nError: failed to start containers: nope\n", 1),
        (["tag", "nope", "x"], "Error response from daemon: No such image: nope:latest\n", 1),
        (["pull", "Busybox"], "invalid reference format: repository name must be lowercase\n", 1),
    ])
    func errorsUseTheRealMessages(arguments: [String], expected: String, status: Int32) throws {
        let world = try TestWorld()
        let out = CollectingStream(), err = CollectingStream()
        let process = world.workstation.launch(DockerProgram(engine: world.engine), arguments: ["docker"] + arguments,
                                               environment: [:], workingDirectory: "/", user: .root, stdin: EmptyReader(),
                                               stdout: out, stderr: err)
        world.loop.run(until: { !process.isRunning }, limit: world.loop.now + .seconds(60))
        #expect(err.text == expected)
        #expect(process.exitStatus == status)
    }

    @Test func execNotRunningAndExecutableNotFound() throws {
        let world = try TestWorld()
        _ = world.docker("pull", "busybox")
        let missing = world.docker("run", "busybox", "nosuchcommand")
        #expect(missing.status == 127)
        #expect(missing.err.contains("exec: \\\"nosuchcommand\\\": executable file not found in $PATH"))
        let created = world.docker("create", "busybox", "sleep", "100")
        let id = created.out.trimmingCharacters(in: .newlines)
        let exec = world.docker("exec", id, "ls")
        #expect(exec.err == "Error response from daemon: Container \(id) is not running\n")
    }
}
