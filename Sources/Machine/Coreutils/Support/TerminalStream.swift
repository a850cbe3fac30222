/// A writable stream that is a terminal (`isatty` is true for it): `ls` prints columns and
/// `apt-get` progress words only to one of these. The REPL wraps its terminal output in one.
public protocol TerminalStream: WritableStream {}

/// Terminal output that forwards each write to a closure.
public final class TerminalOutput: TerminalStream {
    private let forward: ([UInt8]) -> Void

    public init(_ forward: @escaping ([UInt8]) -> Void) {
        self.forward = forward
    }

    public func write(_ bytes: [UInt8]) throws { forward(bytes) }
    public func close() {}
}

/// A terminal that keeps what is written: for tests of terminal-only formatting.
public final class CollectingTerminal: TerminalStream {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
    public func close() {}
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
