import Kernel
import Simulation

/// BusyBox's `wget` applet (v1.28, in the busybox and alpine images): fetches a URL into a file
/// or stdout, with BusyBox's `Connecting to` line, its progress bar and its one-line errors.
public struct WgetProgram: Program {
    public init() {}

    static let usage = BusyBoxProgram.banner + """


        Usage: wget [-c|--continue] [--spider] [-q|--quiet] [-O|--output-document FILE]
        \t[--header 'header: value'] [-Y|--proxy on/off] [-P DIR]
        \t[-S|--server-response] [-U|--user-agent AGENT] [-T SEC] URL...

        Retrieve files via HTTP or FTP

        \t--spider\tOnly check URL existence: $? is 0 if exists
        \t-c\t\tContinue retrieval of aborted transfer
        \t-q\t\tQuiet
        \t-P DIR\t\tSave to DIR (default .)
        \t-S    \t\tShow server response
        \t-T SEC\t\tNetwork read timeout is SEC seconds
        \t-O FILE\t\tSave to FILE ('-' for stdout)
        \t-U STR\t\tUse STR for User-Agent header
        \t-Y on/off\tUse proxy

        """

    static let specification = OptionSpecification(
        flags: ["q", "c", "S", "s"], valued: ["O", "T", "P", "U", "Y"],
        long: ["quiet": "q", "continue": "c", "server-response": "S", "spider": "s", "output-document": "O",
               "timeout": "T", "user-agent": "U", "proxy": "Y", "header": "\u{1}"],
        longValued: ["output-document", "timeout", "user-agent", "proxy", "header"])

    /// A failure with BusyBox's message (after `wget: `).
    struct Failure: Error {
        let message: String
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        guard let options = context.parseOptions(Self.specification, flavor: .busybox) else { return 1 }
        guard !options.operands.isEmpty else {
            context.printError(Self.usage)
            return 1
        }
        do {
            for operand in options.operands {
                try await fetch(operand, options: options, context: context)
            }
            return 0
        } catch let failure as Failure {
            context.printError("wget: \(failure.message)\n")
            return 1
        }
    }

    private func fetch(_ text: String, options: ParsedOptions, context: ProgramContext) async throws {
        let quiet = options.has("q")
        guard var address = try? WebAddress.parse(text), text.contains("://") ? text.lowercased().hasPrefix("http") : true else {
            throw Failure(message: "not an http or ftp url: \(text)")
        }
        var headers = HTTPHeaders()
        for header in options.values("\u{1}") {
            guard let colon = header.firstIndex(of: ":") else { continue }
            headers.add(String(header[..<colon]), String(header[header.index(after: colon)...]).trimmingCharacters(in: " "))
        }
        let started = context.loop.now
        var response: HTTPResponse
        var redirects = 0
        while true {
            response = try await exchange(address, headers: headers, options: options, context: context, quiet: quiet)
            if [301, 302, 303, 307, 308].contains(response.status), let location = response.headers["Location"],
               let next = address.following(location), redirects < 20 {
                redirects += 1
                address = next
                continue
            }
            break
        }
        guard (200..<300).contains(response.status) else {
            throw Failure(message: "server returned error: \(response.statusLine)")
        }
        if options.has("s") { return }
        let output = options.value("O") ?? {
            let name = address.fileName.isEmpty ? "index.html" : address.fileName
            return options.value("P").map { $0 + "/" + name } ?? name
        }()
        if output == "-" {
            context.emit(response.body)
        } else {
            let path = context.resolve(output)
            if options.value("O") == nil, context.machine.fileSystem.exists(path), !options.has("c") {
                throw Failure(message: "can't open '\(output)': File exists")
            }
            do {
                try context.machine.fileSystem.writeFile(path, response.body, as: context.user)
            } catch {
                throw Failure(message: "can't open '\(output)': \(error.code.message)")
            }
        }
        if !quiet {
            context.printError(progressLine(name: output, bytes: response.body.count, elapsed: context.loop.now - started) + "\n")
        }
    }

    private func exchange(_ address: WebAddress, headers extra: HTTPHeaders, options: ParsedOptions,
                          context: ProgramContext, quiet: Bool) async throws -> HTTPResponse {
        let stack = context.machine.networkStack
        guard let ip = stack.resolve(address.host).first else { throw Failure(message: "bad address '\(address.host)'") }
        if !quiet { context.printError("Connecting to \(address.hostHeader) (\(ip):\(address.port))\n") }
        let connection: Connection
        do {
            connection = try stack.connect(address: ip, port: address.port)
        } catch {
            let reason: String
            switch error {
            case .system(let code): reason = code.message
            case .hostNotFound: reason = Errno.EHOSTUNREACH.message
            }
            throw Failure(message: "can't connect to remote host (\(ip)): \(reason)")
        }
        defer { connection.close() }
        if address.scheme == "https" { throw Failure(message: "error getting response: Connection reset by peer") }
        var headers = HTTPHeaders([("Host", address.hostHeader), ("User-Agent", options.value("U") ?? "Wget"), ("Connection", "close")])
        for field in extra { headers.set(field.name, field.value) }
        try? connection.output.write(HTTPRequest(method: "GET", target: address.target, headers: headers).serialized)
        var timedOut = false
        var timer: TimerID?
        if let seconds = options.value("T").flatMap(Int.init), seconds > 0 {
            timer = context.loop.schedule(after: .seconds(seconds)) {
                timedOut = true
                connection.input.closeReading()
            }
        }
        defer { if let timer { context.loop.cancel(timer) } }
        let response: HTTPResponse?
        do {
            response = try await HTTPReader(connection.input).readResponse()
        } catch is HTTPParseError {
            throw Failure(message: timedOut ? "download timed out" : "error getting response")
        }
        if timedOut { throw Failure(message: "download timed out") }
        guard let response else { throw Failure(message: "error getting response: Connection reset by peer") }
        if options.has("S") {
            let head = response.serializedHead.split(separator: 0x0A).map { "  " + String(decoding: $0.filter { $0 != 0x0D }, as: UTF8.self) + "\n" }
            context.printError(head.joined())
        }
        return response
    }

    /// The finished progress bar: name, percentage, 31 stars (an 80-column terminal), size, time.
    private func progressLine(name: String, bytes: Int, elapsed: Duration) -> String {
        let shown = name.count > 20 ? String(name.prefix(20)) : padRight(name, 20)
        var size = bytes
        var unit = 0
        while size >= 100_000 {
            size = (size + 512) / 1024
            unit += 1
        }
        let units = Array(" kMGTPEZY")
        let seconds = Int(elapsed.components.seconds)
        let clock = padLeft(String(seconds / 3600), 3) + ":" + twoDigits(seconds % 3600 / 60) + ":" + twoDigits(seconds % 60)
        return "\r\(shown) 100% |\(String(repeating: "*", count: 31))|\(padLeft(String(size), 6))\(units[min(unit, units.count - 1)])\(clock) ETA"
    }

    private func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
