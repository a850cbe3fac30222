@testable import Kernel
@testable import Shell
import Simulation
import Testing
@testable import Userland

/// A workstation with curl, wget and nginx, and a small HTTP server on port 8080 whose answers
/// depend on the path asked for.
final class NetworkToolsHarness {
    let shell: CoreutilsHarness
    var machine: Machine { shell.machine }

    init() throws {
        shell = CoreutilsHarness()
        registerNetworkTools(in: shell.machine.programs)
        let loop = shell.machine.loop
        _ = try shell.machine.networkStack.listen(port: 8080, owner: nil) { connection in
            loop.spawn {
                guard let request = try? await HTTPReader(connection.input).readRequest() else {
                    // What servers do with bytes that are no HTTP (a TLS hello, say).
                    try? connection.output.write(Array("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n".utf8))
                    connection.close()
                    return
                }
                Self.answer(request, on: connection)
            }
        }
    }

    private static func answer(_ request: HTTPRequest, on connection: Connection) {
        var headers = HTTPHeaders()
        var status = 200
        var body: [UInt8] = Array("You've hit the test server\n".utf8)
        switch request.target {
        case "/echo":
            body = Array("\(request.method) \(request.target)\n".utf8)
                + Array(request.headers.map { "\($0.name): \($0.value)\n" }.joined().utf8) + request.body
        case "/error":
            status = 500
            body = Array("oops\n".utf8)
        case "/empty":
            connection.close()
            return
        case "/slow":
            return
        case "/moved":
            status = 302
            headers.add("Location", "/echo")
            body = []
        case "/close":
            headers.add("Connection", "close")
        default: break
        }
        headers.add("Content-Type", "text/plain")
        headers.add("Content-Length", String(body.count))
        try? connection.output.write(HTTPResponse(status: status, headers: headers, body: request.method == "HEAD" ? [] : body).serialized)
        connection.close()
    }

    func run(_ arguments: [String], terminal: Bool = true) throws -> CommandResult {
        try shell.run(arguments, terminal: terminal, limit: .seconds(60))
    }
}
