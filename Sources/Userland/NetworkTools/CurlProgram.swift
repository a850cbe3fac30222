import Kernel
import Simulation

/// `curl` as Debian 9 ships it (7.52.1): one HTTP transfer per URL, curl's verbose trace, its
/// progress meter for output that is not a terminal, and its numbered errors as exit statuses.
public struct CurlProgram: Program {
    public static let version = "7.52.1"

    static let versionText = """
        curl 7.52.1 (x86_64-pc-linux-gnu) libcurl/7.52.1 OpenSSL/1.0.2l zlib/1.2.8 libidn2/0.16 libpsl/0.17.0 (+libidn2/0.16) libssh2/1.7.0 nghttp2/1.18.1 librtmp/2.3
        Protocols: dict file ftp ftps gopher http https imap imaps ldap ldaps pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp \nFeatures: AsynchDNS IDN IPv6 Largefile GSS-API Kerberos SPNEGO NTLM NTLM_WB SSL libz TLS-SRP HTTP2 UnixSockets HTTPS-proxy PSL \n
        """

    static let tryHelp = "curl: try 'curl --help' or 'curl --manual' for more information\n"

    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let settings: CurlSettings
        do {
            let (parsed, warnings) = try CurlSettings.parse(context.arguments.dropFirst()) { file in
                if file == "-" { return nil }
                return try? context.machine.fileSystem.readFile(context.resolve(file), as: context.user)
            }
            settings = parsed
            for warning in warnings { context.printError(warning + "\n") }
        } catch {
            context.printError("curl: \(error.message)\n" + Self.tryHelp)
            return 2
        }
        if settings.showVersion {
            context.emit(Self.versionText)
            return 0
        }
        guard !settings.addresses.isEmpty else {
            context.printError("curl: no URL specified!\n" + Self.tryHelp)
            return 2
        }
        var status: Int32 = 0
        for address in settings.addresses {
            status = try await CurlTransfer(context: context, settings: settings).perform(address)
        }
        return status
    }
}

/// One URL's transfer, redirects included.
final class CurlTransfer {
    let context: ProgramContext
    let settings: CurlSettings
    private let showsMeter: Bool
    private let outputIsTerminal: Bool
    private var meterStarted = false
    var connectionNumber = 0
    private var downloaded = 0
    private var uploaded = 0
    private var headerBytes = 0
    private var redirects = 0
    private var lastStatus = 0
    private var contentType = ""
    private var effectiveAddress = ""
    private var remote = (address: "", port: 0)
    private var local = (address: "", port: 0)
    private let started: VirtualInstant

    init(context: ProgramContext, settings: CurlSettings) {
        self.context = context
        self.settings = settings
        outputIsTerminal = settings.outputFile == nil && !settings.remoteName && context.stdout is any TerminalStream
        showsMeter = !settings.silent && !outputIsTerminal
        started = context.loop.now
    }

    /// A failed transfer: curl's number and message.
    struct Failure: Error {
        let code: Int32
        let message: String
    }

    func perform(_ text: String) async throws -> Int32 {
        effectiveAddress = text
        do {
            var address: WebAddress
            do {
                address = try WebAddress.parse(text)
            } catch {
                switch error {
                case .unsupportedScheme(let scheme): throw Failure(code: 1, message: "Protocol \"\(scheme)\" not supported or disabled in libcurl")
                case .malformed: throw Failure(code: 3, message: "<url> malformed")
                case .portEndedWith(let character): throw Failure(code: 3, message: "Port number ended with '\(character)'")
                case .portTooLarge(let digits): throw Failure(code: 3, message: "Port number too large: \(digits)")
                }
            }
            if !settings.pathAsIs { address = address.withoutDotSegments }
            startMeter()
            if address.hadNoPath { trace("* Rebuilt URL to: \(text)\(text.contains("?") ? "" : "/")\n") }
            var body: [UInt8] = []
            var method = settings.method ?? (settings.headOnly ? "HEAD" : settings.data != nil ? "POST" : "GET")
            var data = settings.data
            while true {
                effectiveAddress = address.absolute
                let response = try await exchange(address, method: method, data: data)
                let location = response.headers["Location"]
                if settings.followRedirects, [301, 302, 303, 307, 308].contains(response.status), let location,
                   let next = address.following(location) {
                    finishConnection(address, response: response)
                    guard redirects < 50 else { throw Failure(code: 47, message: "Maximum (50) redirects followed") }
                    redirects += 1
                    trace("* Issue another request to this URL: '\(next.absolute)'\n")
                    if response.status == 303 || ([301, 302].contains(response.status) && method == "POST") {
                        method = settings.method ?? "GET"
                        data = nil
                    }
                    address = next
                    continue
                }
                body = response.body
                finishConnection(address, response: response)
                break
            }
            try deliver(body)
            finishMeter()
            writeOut()
            return 0
        } catch let failure as Failure {
            writeOut()
            if !settings.silent || settings.showErrors {
                context.printError("curl: (\(failure.code)) \(failure.message)\n")
            }
            return failure.code
        }
    }

    /// Connects, sends one request and reads its response, tracing as `-v` does.
    private func exchange(_ address: WebAddress, method: String, data: [UInt8]?) async throws -> HTTPResponse {
        let stack = context.machine.networkStack
        guard let ip = stack.resolve(address.host).first else {
            trace("* Could not resolve host: \(address.host)\n* Closing connection \(connectionNumber)\n")
            throw Failure(code: 6, message: "Could not resolve host: \(address.host)")
        }
        trace("*   Trying \(ip)...\n* TCP_NODELAY set\n")
        // A distant server costs a round trip for the handshake and one for the answer, so a
        // `while true; do curl …; done` prints at a real machine's pace while the world moves on.
        let roundTrip = stack.network.roundTrip(to: ip, from: stack)
        if roundTrip > .zero { try await context.process.sleep(for: roundTrip) }
        let connection: Connection
        do {
            connection = try stack.connect(address: ip, port: address.port)
        } catch .system(.ETIMEDOUT) {
            try await waitForUnansweredConnect(to: address, ip: ip)
        } catch .system(.ECONNRESET) {
            // A proxy (Docker's published port) accepted, sent the request nowhere, and closed.
            trace("* Connected to \(address.host) (\(ip)) port \(address.port) (#\(connectionNumber))\n")
            if settings.verbose {
                let request = makeRequest(address, method: method, data: data)
                trace(Self.prefixedLines(Array(request.serialized.dropLast(request.body.count)), "> "))
            }
            trace("* Recv failure: Connection reset by peer\n* stopped the pause stream!\n* Closing connection \(connectionNumber)\n")
            throw Failure(code: 56, message: "Recv failure: Connection reset by peer")
        } catch {
            let reason: String
            switch error {
            case .system(let code): reason = code.message
            case .hostNotFound: reason = Errno.EHOSTUNREACH.message
            }
            trace("* connect to \(ip) port \(address.port) failed: \(reason)\n* Failed to connect to \(address.host) port \(address.port): \(reason)\n* Closing connection \(connectionNumber)\n")
            throw Failure(code: 7, message: "Failed to connect to \(address.host) port \(address.port): \(reason)")
        }
        remote = (connection.remoteAddress, connection.remotePort)
        local = (connection.localAddress, connection.localPort)
        defer { connection.close() }
        trace("* Connected to \(address.host) (\(ip)) port \(address.port) (#\(connectionNumber))\n")
        var input: any ReadableStream = connection.input
        var http2 = false
        if address.scheme == "https" {
            let reader = SimulatedTLS.RecordReader(connection.input)
            http2 = try await handshake(address, reader: reader, output: connection.output)
            input = reader
        }
        let request = makeRequest(address, method: method, data: data)
        let head = request.serialized.dropLast(request.body.count)
        try? connection.output.write(request.serialized)
        uploaded += request.body.count
        if http2 {
            trace("* Using HTTP2, server supports multi-use\n* Connection state changed (HTTP/2 confirmed)\n"
                + "* Copying HTTP/2 data in stream buffer to connection buffer after upgrade: len=0\n"
                + "* Using Stream ID: 1 (easy handle 0x55a4c8ba6e50)\n")
        }
        if settings.verbose {
            trace(Self.prefixedLines(Array(head), "> "))
            if !request.body.isEmpty {
                if !outputIsTerminal { trace("} [\(request.body.count) bytes data]\n") }
                trace("* upload completely sent off: \(request.body.count) out of \(request.body.count) bytes\n")
            }
        }
        if roundTrip > .zero { try await context.process.sleep(for: roundTrip) }
        var timedOut = false
        var timer: TimerID?
        if let limit = settings.maximumTime {
            let remaining = started + limit - context.loop.now
            timer = context.loop.schedule(after: remaining) {
                timedOut = true
                connection.input.closeReading()
            }
        }
        defer { if let timer { context.loop.cancel(timer) } }
        let response: HTTPResponse?
        do {
            response = try await HTTPReader(input).readResponse(bodyless: method == "HEAD")
        } catch let error as HTTPParseError {
            if timedOut { throw timeoutFailure() }
            if error == .truncated { throw Failure(code: 18, message: "transfer closed with outstanding read data remaining") }
            throw Failure(code: 8, message: "Weird server reply")
        }
        if timedOut { throw timeoutFailure() }
        guard var response else {
            trace("* Curl_http_done: called premature == 0\n* Empty reply from server\n* Connection #\(connectionNumber) to host \(address.host) left intact\n")
            throw Failure(code: 52, message: "Empty reply from server")
        }
        if http2 { response = Self.asHTTP2(response) }
        lastStatus = response.status
        contentType = response.headers["Content-Type"] ?? ""
        headerBytes += response.serializedHead.count
        if settings.failOnError, response.status >= 400 {
            let message = "The requested URL returned error: \(response.status) \(response.reason)"
            trace("* \(message)\n* Curl_http_done: called premature == 1\n* Closing connection \(connectionNumber)\n")
            throw Failure(code: 22, message: message)
        }
        if http2 { trace("* Connection state changed (MAX_CONCURRENT_STREAMS updated)!\n") }
        if settings.verbose {
            trace(Self.prefixedLines(response.serializedHead, "< "))
            if !response.body.isEmpty, !outputIsTerminal { trace("{ [\(response.body.count) bytes data]\n") }
        }
        if settings.include || settings.headOnly {
            context.emit(response.serializedHead)
        }
        downloaded += response.body.count
        return response
    }

    /// Each line of a message head behind `prefix`, its CR kept (curl shows the raw lines).
    /// Split as bytes: "\r\n" is one Character in Swift.
    private static func prefixedLines(_ head: [UInt8], _ prefix: String) -> String {
        head.split(separator: 0x0A).map { prefix + String(decoding: $0, as: UTF8.self) + "\n" }.joined()
    }

    private func makeRequest(_ address: WebAddress, method: String, data: [UInt8]?) -> HTTPRequest {
        var builtIn: [(String, String)] = [("Host", address.hostHeader), ("User-Agent", settings.userAgent), ("Accept", "*/*")]
        var custom: [(String, String)] = []
        var removed: Set<String> = []
        for header in settings.headers {
            if header.hasSuffix(";"), !header.contains(":") {
                custom.append((String(header.dropLast()), ""))
                continue
            }
            guard let colon = header.firstIndex(of: ":") else { continue }
            let name = String(header[..<colon])
            let value = String(header[header.index(after: colon)...]).trimmingCharacters(in: " \t")
            removed.insert(name.lowercased())
            if !value.isEmpty { custom.append((name, value)) }
        }
        builtIn.removeAll { removed.contains($0.0.lowercased()) }
        var fields = builtIn + custom
        if let data {
            if !removed.contains("content-length") { fields.append(("Content-Length", String(data.count))) }
            if !removed.contains("content-type") { fields.append(("Content-Type", "application/x-www-form-urlencoded")) }
        }
        return HTTPRequest(method: method, target: address.target, headers: HTTPHeaders(fields), body: data ?? [])
    }

    /// Nothing answers the connection attempt: curl waits for its own limit (`--connect-timeout`,
    /// `-m`) or for the kernel's, whichever comes first, then fails.
    private func waitForUnansweredConnect(to address: WebAddress, ip: String) async throws -> Never {
        let connectStart = context.loop.now
        var limit = Self.kernelConnectTimeout
        var curlLimit: Duration?
        if let connectTimeout = settings.connectTimeout { curlLimit = connectTimeout }
        if let maximumTime = settings.maximumTime {
            let remaining = started + maximumTime - connectStart
            curlLimit = min(curlLimit ?? remaining, remaining)
        }
        if let curlLimit, curlLimit < limit { limit = max(curlLimit, .zero) } else { curlLimit = nil }
        try await context.process.sleep(for: limit)
        if curlLimit != nil {
            // curl notices its timer on the next millisecond tick.
            let elapsed = context.loop.now - started
            let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000 + 1
            let message = "Connection timed out after \(milliseconds) milliseconds"
            trace("* \(message)\n* Closing connection \(connectionNumber)\n")
            throw Failure(code: 28, message: message)
        }
        let reason = Errno.ETIMEDOUT.message
        trace("* connect to \(ip) port \(address.port) failed: \(reason)\n* Failed to connect to \(address.host) port \(address.port): \(reason)\n* Closing connection \(connectionNumber)\n")
        throw Failure(code: 7, message: "Failed to connect to \(address.host) port \(address.port): \(reason)")
    }

    /// How long Linux tries to connect to an address that never answers: six SYN retries,
    /// 1 + 2 + 4 + 8 + 16 + 32 + 64 seconds.
    static let kernelConnectTimeout: Duration = .seconds(127)

    private func timeoutFailure() -> Failure {
        let milliseconds = (context.loop.now - started).components.seconds * 1000
            + (context.loop.now - started).components.attoseconds / 1_000_000_000_000_000
        return Failure(code: 28, message: "Operation timed out after \(milliseconds) milliseconds with \(downloaded) bytes received")
    }

    private func finishConnection(_ address: WebAddress, response: HTTPResponse) {
        let closes = response.headers["Connection"]?.lowercased() == "close" || response.version == "HTTP/1.0"
        trace("* Curl_http_done: called premature == 0\n")
        trace(closes ? "* Closing connection \(connectionNumber)\n" : "* Connection #\(connectionNumber) to host \(address.host) left intact\n")
        connectionNumber += 1
    }

    /// Writes the body where `-o`/`-O` or stdout says.
    private func deliver(_ body: [UInt8]) throws {
        var path = settings.outputFile
        if path == nil, settings.remoteName {
            let name = (try? WebAddress.parse(effectiveAddress))?.fileName ?? ""
            guard !name.isEmpty else { throw Failure(code: 23, message: "Remote file name has no length!") }
            path = name
        }
        guard let path, path != "-" else {
            context.emit(body)
            return
        }
        do {
            try context.machine.fileSystem.writeFile(context.resolve(path), body, as: context.user)
        } catch {
            context.printError("Warning: Failed to create the file \(path): \(error.code.message)\n")
            throw Failure(code: 23, message: "Failed writing body (0 != \(body.count))")
        }
    }

    func trace(_ text: String) {
        if settings.verbose { context.printError(text) }
    }

    private func startMeter() {
        guard showsMeter, !meterStarted else { return }
        meterStarted = true
        context.printError(CurlProgressMeter.header + CurlProgressMeter.initialLine)
    }

    private func finishMeter() {
        guard meterStarted else { return }
        context.printError(CurlProgressMeter.line(downloaded: downloaded, expectedDownload: downloaded, uploaded: uploaded,
                                                  expectedUpload: uploaded, elapsed: context.loop.now - started) + "\n")
    }

    /// `-w`: the format with its `%{variable}`s and backslash escapes filled in.
    private func writeOut() {
        guard let format = settings.writeOut else { return }
        var output = ""
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.first {
                characters.removeFirst()
                switch next {
                case "n": output += "\n"
                case "r": output += "\r"
                case "t": output += "\t"
                default: output += "\\" + String(next)
                }
            } else if character == "%", characters.first == "%" {
                characters.removeFirst()
                output += "%"
            } else if character == "%", characters.first == "{", let close = characters.firstIndex(of: "}") {
                let name = String(characters[characters.index(after: characters.startIndex)..<close])
                characters = characters[characters.index(after: close)...]
                if let value = variable(name) {
                    output += value
                } else {
                    context.printError("curl: unknown --write-out variable: '\(name)'\n")
                }
            } else {
                output.append(character)
            }
        }
        context.emit(output)
    }

    private func variable(_ name: String) -> String? {
        let seconds = context.loop.now - started
        let elapsed = Double(seconds.components.seconds) + Double(seconds.components.attoseconds) / 1e18
        switch name {
        case "http_code", "response_code":
            return lastStatus < 10 ? "00\(lastStatus)" : lastStatus < 100 ? "0\(lastStatus)" : String(lastStatus)
        case "size_download": return String(downloaded)
        case "size_upload": return String(uploaded)
        case "size_header": return String(headerBytes)
        case "content_type": return contentType
        case "url_effective": return effectiveAddress
        case "remote_ip": return remote.address
        case "remote_port": return remote.port == 0 ? "" : String(remote.port)
        case "local_ip": return local.address
        case "local_port": return local.port == 0 ? "" : String(local.port)
        case "num_redirects": return String(redirects)
        case "time_total", "time_namelookup", "time_connect", "time_appconnect", "time_pretransfer",
             "time_starttransfer", "time_redirect":
            return threeDecimals(name == "time_total" || name == "time_starttransfer" ? elapsed : 0)
        case "speed_download": return threeDecimals(elapsed > 0 ? Double(downloaded) / elapsed : 0)
        case "speed_upload": return threeDecimals(elapsed > 0 ? Double(uploaded) / elapsed : 0)
        default: return nil
        }
    }

    private func threeDecimals(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = thousandths % 1000
        return "\(thousandths / 1000)." + padLeft(String(fraction), 3).replacingAll(" ", with: "0")
    }
}
