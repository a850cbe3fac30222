import Machine
import Simulation
@testable import JavaScript

/// A container-like machine running `node`, and a client machine to talk to it, on one loop.
final class NodeHarness {
    let loop = EventLoop(seed: 7)
    let network = Network()
    let server: Machine
    let client: Machine
    let stdout = CollectingStream()
    let stderr = CollectingStream()
    var process: SimulatedProcess?
    var program: NodeProgram

    init(app: String? = nil, hostname: String = "kubia-7d9f8", program: NodeProgram = NodeProgram()) {
        server = Machine(hostname: hostname, loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        client = Machine(hostname: "workstation", loop: loop, fileSystem: FileSystem(), programs: ProgramRegistry(), network: network)
        network.assign("172.17.0.2", to: server.networkStack)
        network.assign("172.17.0.1", to: client.networkStack)
        self.program = program
        if let app { try? server.fileSystem.writeFile("/app.js", Array(app.utf8)) }
    }

    @discardableResult
    func start(_ arguments: [String] = ["node", "app.js"], stdin: String = "") -> SimulatedProcess {
        let started = server.launch(program, arguments: arguments, environment: ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/root"],
                                    workingDirectory: "/", user: .root, stdin: BytesReader(stdin), stdout: stdout, stderr: stderr)
        process = started
        loop.runReady()
        return started
    }

    var exitStatus: Int32? { process?.exitStatus }

    /// Sends raw request bytes to port 8080 and returns the raw response (until the server closes
    /// or one full response has arrived).
    func exchange(_ request: String, port: Int = 8080) -> String {
        final class Box { var text = "" }
        let box = Box()
        let stack = client.networkStack
        loop.spawn {
            do {
                let connection = try await stack.connect(host: "172.17.0.2", port: port)
                try connection.output.write(Array(request.utf8))
                let reader = HTTPReader(connection.input)
                if let response = try await reader.readResponse(bodyless: request.hasPrefix("HEAD ")) {
                    var text = response.statusLine + "\r\n"
                    for field in response.headers { text += "\(field.name): \(field.value)\r\n" }
                    box.text = text + "\r\n" + String(decoding: response.body, as: UTF8.self)
                }
                connection.close()
            } catch {
                box.text = "error: \(error)"
            }
        }
        loop.runReady()
        loop.advance(by: .milliseconds(1))
        return box.text
    }

    /// The body of `GET path` (or another method), as curl would print it.
    func request(_ method: String = "GET", _ path: String = "/", body: String = "") -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 172.17.0.2:8080\r\nUser-Agent: curl/7.54.0\r\nAccept: */*\r\n"
        if !body.isEmpty { text += "Content-Length: \(body.utf8.count)\r\nContent-Type: application/x-www-form-urlencoded\r\n" }
        let response = exchange(text + "\r\n" + body)
        let parts = response.components(separatedBy: "\r\n\r\n")
        return parts.count > 1 ? parts.dropFirst().joined(separator: "\r\n\r\n") : response
    }
}
