import Kernel
import Userland
import Simulation

/// The `defaultbackend` image's `/server`: answers `default backend - 404` (status 404) on every
/// path and `ok` on `/healthz`, on port 8080, as the Go 404-server does.
public struct DefaultBackendProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var port = 8080
        for argument in context.arguments.dropFirst() where argument.hasPrefix("--port=") || argument.hasPrefix("-port=") {
            guard let value = Int(argument.split(separator: "=", maxSplits: 1).last ?? ""), (1...65535).contains(value) else {
                context.printError("invalid value \"\(argument.split(separator: "=", maxSplits: 1).last ?? "")\" for flag -port: parse error\n")
                return 2
            }
            port = value
        }
        let loop = context.loop
        do {
            _ = try context.machine.networkStack.listen(port: port, owner: context.process) { connection in
                loop.spawn { await Self.serve(connection, loop: loop) }
            }
        } catch {
            context.printError("listen tcp :\(port): bind: address already in use\n")
            return 1
        }
        try await Wakeup().wait()
        return 0
    }

    private static func serve(_ connection: Connection, loop: EventLoop) async {
        let reader = HTTPReader(connection.input)
        while let request = try? await reader.readRequest() {
            let path = request.target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
            let (status, body) = path == "/healthz" ? (200, "ok") : (404, "default backend - 404")
            let headers = HTTPHeaders([("Date", GoHTTPDate.format(loop.now)), ("Content-Length", String(body.utf8.count)),
                                       ("Content-Type", "text/plain; charset=utf-8")])
            let response = HTTPResponse(status: status, headers: headers, body: request.method == "HEAD" ? [] : Array(body.utf8))
            try? connection.output.write(response.serialized)
            if request.headers["Connection"]?.lowercased() == "close" { break }
        }
        connection.close()
    }
}

/// `Mon, 02 Jan 2006 15:04:05 GMT`, the date of HTTP headers.
enum GoHTTPDate {
    static func format(_ instant: VirtualInstant) -> String {
        let time = CivilTime(instant)
        return "\(time.weekdayAbbreviation), \(CivilTime.padded(time.day, 2)) \(time.monthAbbreviation) \(time.year) \(time.clock) GMT"
    }
}
