import Docker
import DockerCLI
import Foundation
import JavaScript
import Machine
import Simulation
import Testing

/// Chapter 2.1 with the real node interpreting the book's app.js inside the container.
@Suite struct KubiaEndToEndTests {
    static let app = """
        const http = require('http');
        const os = require('os');

        console.log("Kubia server starting...");

        var handler = function(request, response) {
          console.log("Received request from " + request.connection.remoteAddress);
          response.writeHead(200);
          response.end("You've hit " + os.hostname() + "\\n");
        };

        var www = http.createServer(handler);
        www.listen(8080);

        """

    func makeWorld() throws -> TestWorld {
        let world = try TestWorld()
        world.programs.register("node", NodeProgram())
        world.programs.register("sh", ShellProgram())
        world.programs.register("bash", ShellProgram())
        try world.write("/home/user/Dockerfile", ChapterTwoFlowTests.dockerfile)
        try world.write("/home/user/app.js", Self.app)
        return world
    }

    @Test func theBooksAppAnswersThroughThePublishedPort() throws {
        let world = try makeWorld()
        #expect(world.docker("build", "-t", "kubia", ".").status == 0)
        let id = world.docker("run", "--name", "kubia-container", "-p", "8080:8080", "-d", "kubia").out
        #expect(world.get(host: "localhost", port: 8080) == "You've hit \(id.prefix(12))\n")
        let logs = world.docker("logs", "kubia-container").out
        #expect(logs.hasPrefix("Kubia server starting...\nReceived request from "))
        let processes = world.docker("exec", "kubia-container", "ps", "aux")
        #expect(processes.out.contains("node app.js"), "\(processes.out)\(processes.err)")
        let files = world.docker("exec", "kubia-container", "ls", "/")
        #expect(files.out.split(separator: "\n").contains("app.js"))
    }

    @Test func aBrokenAppMakesTheContainerExitWithNodesError() throws {
        let world = try makeWorld()
        try world.write("/home/user/app.js", "const http = require('http');\nhttp.createServer(function (q, s) {}).listen(8080\n")
        _ = world.docker("build", "-t", "kubia", ".")
        _ = world.docker("run", "-d", "--name", "broken", "kubia")
        world.loop.advance(by: .seconds(1))
        let container = try #require(world.engine.container(named: "broken"))
        #expect(!container.isRunning)
        #expect(container.exitCode == 1)
        #expect(world.docker("logs", "broken").err.contains("SyntaxError"))
    }
}
