import Testing
import Docker
import DockerCLI
import Foundation
import Machine
import Simulation

@Suite struct NginxContainerTests {
    /// `docker run -d -p 8080:80 nginx:alpine`, then curl from the workstation and the access
    /// log in `docker logs`.
    @Test func servesThroughAPublishedPortAndLogsToDockerLogs() throws {
        let world = try TestWorld()
        registerNetworkTools(in: world.programs)
        let id = world.docker("run", "-d", "-p", "8080:80", "nginx:alpine").out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.count == 64)
        let out = CollectingStream(), err = CollectingStream()
        let curl = world.workstation.launch(CurlProgram(), arguments: ["curl", "-s", "localhost:8080"], environment: [:],
                                            workingDirectory: "/home/user", user: .root, stdin: EmptyReader(),
                                            stdout: out, stderr: err)
        world.loop.run(until: { !curl.isRunning }, limit: world.loop.now + .seconds(30))
        #expect(out.text.contains("<title>Welcome to nginx!</title>"))
        #expect(curl.exitStatus == 0)
        let logs = world.docker("logs", String(id.prefix(12))).out
        #expect(logs.hasPrefix("172.17.0.1 - - ["))
        #expect(logs.contains("\"GET / HTTP/1.1\" 200 612 \"-\" \"curl/7.52.1\" \"-\"\n"))
    }
}
