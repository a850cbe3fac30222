/// TLS as the simulated wire carries it. The two handshake messages tools show something of
/// travel as TLS handshake records: the client's hello with the server name it asks for (SNI),
/// and the server's certificate (DER). After them the application data flows on the simulated
/// connection as it is: nothing on it can be watched, so nothing is encrypted.
public enum SimulatedTLS {
    /// The content type of handshake records; a plain-text HTTP message never starts with it.
    public static let handshakeRecord: UInt8 = 0x16
    static let clientHelloType: UInt8 = 0x01
    static let certificateType: UInt8 = 0x0b

    static func record(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        let payload = [type] + body
        return [handshakeRecord, 0x03, 0x03, UInt8(truncatingIfNeeded: payload.count >> 8), UInt8(truncatingIfNeeded: payload.count)] + payload
    }

    /// The client's hello, naming `serverName` (empty for an address, which has no SNI).
    public static func clientHello(serverName: String) -> [UInt8] {
        // The line ends make a line-reading HTTP server see a malformed request at once and
        // answer it, as a real one fails on the binary hello's first byte.
        record(clientHelloType, Array(serverName.utf8) + Array("\r\n\r\n".utf8))
    }

    /// The server's answer: the application protocol it chose (ALPN, `h2`, or empty) and its certificate.
    public static func serverCertificate(_ der: [UInt8], applicationProtocol: String) -> [UInt8] {
        let name = Array(applicationProtocol.utf8.prefix(255))
        return record(certificateType, [UInt8(name.count)] + name + der)
    }

    /// A stream that reads handshake records off a connection and then passes the rest on.
    public final class RecordReader: ReadableStream {
        private let stream: any ReadableStream
        private var buffer: [UInt8] = []

        public init(_ stream: any ReadableStream) {
            self.stream = stream
        }

        /// The first byte the peer sent, without taking it; nil at end of stream.
        public func peek() async throws -> UInt8? {
            while buffer.isEmpty {
                guard let chunk = try await stream.read() else { return nil }
                buffer += chunk
            }
            return buffer.first
        }

        private func record() async throws -> (type: UInt8, body: [UInt8])? {
            while buffer.count < 5 || buffer.count < 5 + (Int(buffer[3]) << 8 | Int(buffer[4])) {
                guard let chunk = try await stream.read() else { return nil }
                buffer += chunk
            }
            guard buffer[0] == handshakeRecord else { return nil }
            let length = Int(buffer[3]) << 8 | Int(buffer[4])
            let payload = Array(buffer[5..<(5 + length)])
            buffer.removeFirst(5 + length)
            guard let type = payload.first else { return nil }
            return (type, Array(payload.dropFirst()))
        }

        /// The server name of a client hello; nil when the peer sent something else.
        public func readClientHello() async throws -> String? {
            guard try await peek() == handshakeRecord, let hello = try await record(), hello.type == clientHelloType else { return nil }
            return String(decoding: hello.body, as: UTF8.self).trimmingCharacters(in: "\r\n")
        }

        /// The protocol and certificate of the server's answer; nil when the peer sent something else.
        public func readServerCertificate() async throws -> (applicationProtocol: String, certificate: [UInt8])? {
            guard try await peek() == handshakeRecord, let answer = try await record(), answer.type == certificateType,
                  let length = answer.body.first, answer.body.count > Int(length) else { return nil }
            let name = String(decoding: answer.body[1..<(1 + Int(length))], as: UTF8.self)
            return (name, Array(answer.body[(1 + Int(length))...]))
        }

        public func read() async throws -> [UInt8]? {
            if !buffer.isEmpty {
                defer { buffer.removeAll() }
                return buffer
            }
            return try await stream.read()
        }

        public func closeReading() {
            stream.closeReading()
        }
    }
}
