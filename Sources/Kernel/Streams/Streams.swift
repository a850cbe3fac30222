/// The reading end of a byte stream: a pipe, a file, a socket, the terminal.
public protocol ReadableStream: AnyObject {
    /// The next chunk of bytes, or nil at end of file. Suspends until data arrives; throws
    /// `ProcessTerminated` when the reading process is killed meanwhile.
    func read() async throws -> [UInt8]?
    /// Tells the writer nobody will read any more (it then gets EPIPE).
    func closeReading()
}

/// A terminal a program can switch echo off on (termios `ECHO`), as password prompts do.
public protocol EchoControl: AnyObject {
    /// Whether what is typed shows on the screen.
    var echoesInput: Bool { get set }
}

/// The writing end of a byte stream. Writes never suspend: buffers are unbounded.
public protocol WritableStream: AnyObject {
    /// Throws `Errno.EPIPE` when the reader has gone away.
    func write(_ bytes: [UInt8]) throws
    func close()
}

extension ReadableStream {
    public func closeReading() {}
}

extension WritableStream {
    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }
}

/// A writable stream that keeps everything written, for `$(…)`, captured output and tests.
public final class CollectingStream: WritableStream {
    public private(set) var bytes: [UInt8] = []
    public private(set) var isClosed = false

    public init() {}

    public func write(_ bytes: [UInt8]) throws {
        self.bytes += bytes
    }

    public func close() { isClosed = true }

    /// What was written, decoded as UTF-8 (invalid sequences repaired).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public func removeAll() { bytes.removeAll() }
}

/// A writable stream that forwards each write to a closure: the REPL's terminal output.
public final class ForwardingStream: WritableStream {
    private let forward: ([UInt8]) -> Void

    public init(_ forward: @escaping ([UInt8]) -> Void) {
        self.forward = forward
    }

    public func write(_ bytes: [UInt8]) throws { forward(bytes) }
    public func close() {}
}

/// `/dev/null` for writers.
public final class DiscardingStream: WritableStream {
    public init() {}
    public func write(_ bytes: [UInt8]) throws {}
    public func close() {}
}

/// A fixed input: the given bytes, then end of file.
public final class BytesReader: ReadableStream {
    private var remaining: [UInt8]?

    public init(_ bytes: [UInt8]) {
        remaining = bytes
    }

    public convenience init(_ text: String) {
        self.init(Array(text.utf8))
    }

    public func read() async throws -> [UInt8]? {
        guard let bytes = remaining else { return nil }
        remaining = nil
        return bytes.isEmpty ? nil : bytes
    }
}

/// An input that is at end of file from the start (`< /dev/null`).
public final class EmptyReader: ReadableStream {
    public init() {}
    public func read() async throws -> [UInt8]? { nil }
}
