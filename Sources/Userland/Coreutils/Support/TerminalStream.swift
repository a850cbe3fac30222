import Kernel

/// A writable stream that is a terminal (`isatty` is true for it): `ls` prints columns and
/// `apt-get` progress words only to one of these. The world's terminal output conforms to it.
public protocol TerminalStream: WritableStream {}

/// A terminal that keeps what is written: for tests of terminal-only formatting.
public final class CollectingTerminal: TerminalStream {
    public private(set) var bytes: [UInt8] = []
    public init() {}
    public func write(_ bytes: [UInt8]) throws { self.bytes += bytes }
    public func close() {}
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
