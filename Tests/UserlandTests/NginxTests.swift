@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

@Suite struct NginxTests {
    /// An nginx:alpine machine with curl added, nginx started in the foreground.
    final class Server {
        let shell = CoreutilsHarness(root: RootFileSystems.nginxAlpine(), hostname: "web")
        let log = CollectingStream()
        let errors = CollectingStream()
        var process: SimulatedProcess?

        init(configure: (FileSystem) throws -> Void = { _ in }) throws {
            registerNetworkTools(in: shell.machine.programs)
            try shell.fileSystem.setContent("/usr/bin/curl", .program(name: "curl", size: 1_000), mode: 0o755)
            try configure(shell.fileSystem)
            process = try shell.start(["nginx", "-g", "daemon off;"], stdout: log, stderr: errors, user: .root)
            shell.machine.loop.runReady()
        }

        func curl(_ arguments: String...) throws -> CommandResult {
            try shell.run(["curl", "-s"] + arguments, terminal: true, limit: .seconds(30))
        }

        var now: String { NginxWorker.httpDate(shell.machine.loop.now) }
        var logTime: String { CivilTime(shell.machine.loop.now).format("%d/%b/%Y:%H:%M:%S +0000") }
    }

    @Test func servesTheWelcomePageAndLogsTheRequest() throws {
        let server = try Server()
        #expect(server.process?.isRunning == true)
        #expect(server.process?.arguments == ["nginx: master process nginx -g daemon off;"])
        let result = try server.curl("-i", "localhost")
        let page = NginxDefaults.indexPage
        #expect(page.utf8.count == 612)
        #expect(result.output == "HTTP/1.1 200 OK\r\nServer: nginx/1.13.9\r\nDate: \(server.now)\r\nContent-Type: text/html\r\n"
            + "Content-Length: 612\r\nLast-Modified: Tue, 09 Jan 2018 02:00:00 GMT\r\nConnection: keep-alive\r\n"
            + "ETag: \"5a542220-264\"\r\nAccept-Ranges: bytes\r\n\r\n" + page)
        #expect(server.log.text == "127.0.0.1 - - [\(server.logTime)] \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/7.52.1\" \"-\"\n")
        #expect(server.errors.text == "")
    }

    @Test func notFoundPageAndErrorLog() throws {
        let server = try Server()
        let result = try server.curl("-i", "localhost/missing.html")
        let page = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body bgcolor=\"white\">\r\n"
            + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.13.9</center>\r\n</body>\r\n</html>\r\n"
        #expect(result.output == "HTTP/1.1 404 Not Found\r\nServer: nginx/1.13.9\r\nDate: \(server.now)\r\nContent-Type: text/html\r\n"
            + "Content-Length: \(page.utf8.count)\r\nConnection: keep-alive\r\n\r\n" + page)
        let pid = server.process?.pid ?? 0
        #expect(server.errors.text.hasSuffix(" [error] \(pid)#\(pid): *1 open() \"/usr/share/nginx/html/missing.html\" failed "
            + "(2: No such file or directory), client: 127.0.0.1, server: localhost, request: \"GET /missing.html HTTP/1.1\", "
            + "host: \"localhost\"\n"))
        #expect(server.log.text.contains("\"GET /missing.html HTTP/1.1\" 404 169 "))
    }

    @Test func aServerBlockFromConfD() throws {
        let server = try Server { fileSystem in
            try fileSystem.writeFile("/etc/nginx/conf.d/app.conf", Array("""
                server {
                    listen 8080;
                    server_name app;
                    gzip on;
                    root /srv/app;
                    index home.html;
                    location /old { return 301 /home.html; }
                }

                """.utf8))
            try fileSystem.createDirectory("/srv/app/docs", intermediates: true)
            try fileSystem.writeFile("/srv/app/home.html", Array("<p>home</p>\n".utf8))
            try fileSystem.writeFile("/srv/app/site.css", Array("p {}\n".utf8))
        }
        #expect(try server.curl("localhost:8080").output == "<p>home</p>\n")
        #expect(try server.curl("-I", "localhost:8080/site.css").output.contains("Content-Type: text/css\r\nContent-Length: 5\r\n"))
        let directory = try server.curl("-I", "localhost:8080/docs")
        #expect(directory.output.hasPrefix("HTTP/1.1 301 Moved Permanently\r\n"))
        #expect(directory.output.contains("Location: http://localhost:8080/docs/\r\n"))
        #expect(try server.curl("-I", "localhost:8080/docs/").output.hasPrefix("HTTP/1.1 403 Forbidden\r\n"))
        #expect(try server.curl("-I", "localhost:8080/old").output.contains("Location: /home.html\r\n"))
        #expect(try server.curl("-I", "-X", "POST", "localhost:8080/").output.hasPrefix("HTTP/1.1 405 Not Allowed\r\n"))
        #expect(try server.curl("localhost").output == NginxDefaults.indexPage)
        #expect(try server.curl("-I", "--path-as-is", "localhost:8080/../../etc/passwd").output.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
    }

    @Test func versionAndConfigurationTest() throws {
        let shell = CoreutilsHarness(root: RootFileSystems.nginxAlpine(), hostname: "web")
        registerNetworkTools(in: shell.machine.programs)
        let version = try shell.run(["nginx", "-v"], user: .root)
        #expect(version.error == "nginx version: nginx/1.13.9\n")
        let test = try shell.run(["nginx", "-t"], user: .root)
        #expect(test.error == "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
            + "nginx: configuration file /etc/nginx/nginx.conf test is successful\n")
        #expect(test.status == 0)
        try shell.fileSystem.writeFile("/etc/nginx/conf.d/bad.conf", Array("server {\n    listen 81;\n    bogus on;\n}\n".utf8))
        let broken = try shell.run(["nginx", "-t"], user: .root)
        #expect(broken.error == "nginx: [emerg] unknown directive \"bogus\" in /etc/nginx/conf.d/bad.conf:3\n"
            + "nginx: configuration file /etc/nginx/nginx.conf test failed\n")
        #expect(broken.status == 1)
        #expect(try shell.run(["nginx", "-x"], user: .root).error == "nginx: invalid option: \"x\"\n")
    }

    @Test func daemonModeReturnsAndKeepsServing() throws {
        let shell = CoreutilsHarness(root: RootFileSystems.nginxAlpine(), hostname: "web")
        registerNetworkTools(in: shell.machine.programs)
        let started = try shell.run(["nginx"], user: .root)
        #expect(started.status == 0)
        #expect(shell.machine.networkStack.isListening(on: 80))
    }
}
