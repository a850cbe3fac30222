/// Reads HTTP/1.1 messages off a stream: the head line by line, then a body framed by
/// Content-Length, chunked encoding, or (for responses) the end of the connection.
public final class HTTPReader {
    private let stream: any ReadableStream
    private var buffer: [UInt8] = []
    private var atEnd = false

    public init(_ stream: any ReadableStream) {
        self.stream = stream
    }

    /// The next request, or nil when the peer closed before sending one.
    public func readRequest() async throws -> HTTPRequest? {
        guard let head = try await readHead() else { return nil }
        let parts = head.first?.split(separator: " ", maxSplits: 2).map(String.init) ?? []
        guard parts.count == 3 else { throw HTTPParseError.malformedStartLine(head.first ?? "") }
        let headers = try parseHeaders(head.dropFirst())
        var body: [UInt8] = []
        if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            body = try await readChunkedBody()
        } else if let length = headers["Content-Length"].flatMap({ Int($0.trimmingCharacters(in: " ")) }) {
            body = try await readBytes(length)
        }
        return HTTPRequest(method: parts[0], target: parts[1], version: parts[2], headers: headers, body: body)
    }

    /// The next response; `bodyless` for answers to HEAD.
    public func readResponse(bodyless: Bool = false) async throws -> HTTPResponse? {
        guard let head = try await readHead() else { return nil }
        let parts = head.first?.split(separator: " ", maxSplits: 2).map(String.init) ?? []
        guard parts.count >= 2, let status = Int(parts[1]) else { throw HTTPParseError.malformedStartLine(head.first ?? "") }
        let headers = try parseHeaders(head.dropFirst())
        var body: [UInt8] = []
        if bodyless || status == 204 || status == 304 || (100..<200).contains(status) {
            body = []
        } else if headers["Transfer-Encoding"]?.lowercased().contains("chunked") == true {
            body = try await readChunkedBody()
        } else if let length = headers["Content-Length"].flatMap({ Int($0.trimmingCharacters(in: " ")) }) {
            body = try await readBytes(length)
        } else {
            body = try await readToEnd()
        }
        return HTTPResponse(version: parts[0], status: status, reason: parts.count > 2 ? parts[2] : "", headers: headers, body: body)
    }

    private func readHead() async throws -> [String]? {
        var lines: [String] = []
        while true {
            guard let line = try await readLine() else {
                if lines.isEmpty { return nil }
                throw HTTPParseError.truncated
            }
            if line.isEmpty {
                if lines.isEmpty { continue }
                return lines
            }
            lines.append(line)
        }
    }

    private func parseHeaders(_ lines: ArraySlice<String>) throws -> HTTPHeaders {
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw HTTPParseError.malformedHeader(line) }
            headers.add(String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t"))
        }
        return headers
    }

    private func readChunkedBody() async throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            guard let sizeLine = try await readLine() else { throw HTTPParseError.truncated }
            let sizeText = sizeLine.split(separator: ";").first.map(String.init) ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: " "), radix: 16) else { throw HTTPParseError.malformedChunk(sizeLine) }
            if size == 0 {
                while let trailer = try await readLine(), !trailer.isEmpty {}
                return body
            }
            body += try await readBytes(size)
            _ = try await readLine()
        }
    }

    private func readLine() async throws -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = buffer[..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                let text = String(decoding: line, as: UTF8.self)
                buffer.removeSubrange(...newline)
                return text
            }
            guard try await fill() else {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
        }
    }

    private func readBytes(_ count: Int) async throws -> [UInt8] {
        while buffer.count < count {
            guard try await fill() else { throw HTTPParseError.truncated }
        }
        let bytes = Array(buffer.prefix(count))
        buffer.removeFirst(count)
        return bytes
    }

    private func readToEnd() async throws -> [UInt8] {
        while try await fill() {}
        defer { buffer.removeAll() }
        return buffer
    }

    private func fill() async throws -> Bool {
        guard !atEnd else { return false }
        if let chunk = try await stream.read() {
            buffer += chunk
            return true
        }
        atEnd = true
        return false
    }
}

/// A message that is not valid HTTP/1.1.
public enum HTTPParseError: Error, Hashable, Sendable {
    case malformedStartLine(String)
    case malformedHeader(String)
    case malformedChunk(String)
    case truncated
}
