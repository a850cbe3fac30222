/// A one-way channel between a writer and a reader, as `pipe(2)` makes: the `|` of the shell,
/// a socket's direction, a container's stdout.
public final class BytePipe {
    private var buffer: [UInt8] = []
    private var writerClosed = false
    private var readerClosed = false
    private var waitingReader: Wakeup?

    public init() {}

    public lazy var reader: PipeReader = PipeReader(pipe: self)
    public lazy var writer: PipeWriter = PipeWriter(pipe: self)

    /// The reading end of a `BytePipe`.
    public final class PipeReader: ReadableStream {
        let pipe: BytePipe
        init(pipe: BytePipe) { self.pipe = pipe }
        public func read() async throws -> [UInt8]? { try await pipe.read() }
        public func closeReading() { pipe.closeReading() }
        /// Whether a read now would return at once.
        public var hasData: Bool { !pipe.buffer.isEmpty || pipe.writerClosed }
    }

    /// The writing end of a `BytePipe`.
    public final class PipeWriter: WritableStream {
        let pipe: BytePipe
        init(pipe: BytePipe) { self.pipe = pipe }
        public func write(_ bytes: [UInt8]) throws { try pipe.write(bytes) }
        public func close() { pipe.closeWriting() }
    }

    private func write(_ bytes: [UInt8]) throws {
        if readerClosed { throw Errno.EPIPE }
        guard !writerClosed, !bytes.isEmpty else { return }
        buffer += bytes
        wakeReader()
    }

    private func closeWriting() {
        writerClosed = true
        wakeReader()
    }

    private func closeReading() {
        readerClosed = true
        buffer.removeAll()
        wakeReader()
    }

    private func wakeReader() {
        waitingReader?.wake()
        waitingReader = nil
    }

    private func read() async throws -> [UInt8]? {
        while buffer.isEmpty && !writerClosed && !readerClosed {
            let wakeup = Wakeup()
            waitingReader = wakeup
            try await wakeup.wait()
        }
        if buffer.isEmpty { return nil }
        defer { buffer.removeAll(keepingCapacity: true) }
        return buffer
    }
}

/// Reads lines from a stream, keeping what follows the last newline for the next call.
public final class LineBuffer {
    private let stream: ReadableStream
    private var pending: [UInt8] = []
    private var atEnd = false

    public init(_ stream: ReadableStream) {
        self.stream = stream
    }

    /// The next line without its newline; the last line may lack one; nil at end of file.
    public func readLine() async throws -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if atEnd {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return String(decoding: pending, as: UTF8.self)
            }
            if let chunk = try await stream.read() {
                pending += chunk
            } else {
                atEnd = true
            }
        }
    }

    /// Everything left until end of file.
    public func readAll() async throws -> [UInt8] {
        while !atEnd {
            if let chunk = try await stream.read() { pending += chunk } else { atEnd = true }
        }
        defer { pending.removeAll() }
        return pending
    }
}
