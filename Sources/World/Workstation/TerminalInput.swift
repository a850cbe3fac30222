import Machine

/// The keyboard, as a stream a foreground program reads: a read parks until the session
/// supplies a typed line, end of input (Ctrl-D) or nothing more (the command ended).
public final class TerminalInput: ReadableStream, EchoControl {
    /// Off while a program reads a password: the line typed is neither shown nor recorded.
    public var echoesInput = true
    private var pending: [[UInt8]?] = []
    private var waiting: Wakeup?
    private var closed = false

    public init() {}

    /// Whether a program is blocked reading the keyboard right now.
    public var isAwaitingInput: Bool { waiting != nil && pending.isEmpty }

    public func read() async throws -> [UInt8]? {
        while pending.isEmpty && !closed {
            let wakeup = Wakeup()
            waiting = wakeup
            defer { if waiting === wakeup { waiting = nil } }
            try await wakeup.wait()
        }
        guard !pending.isEmpty else { return nil }
        return pending.removeFirst()
    }

    /// Delivers a typed line (a newline is added).
    public func type(_ line: String) {
        pending.append(Array((line + "\n").utf8))
        wake()
    }

    /// Delivers end of input, as Ctrl-D at the start of a line does.
    public func endOfInput() {
        pending.append(nil)
        wake()
    }

    /// Ends all reading: later reads see end of file.
    public func close() {
        closed = true
        wake()
    }

    private func wake() {
        waiting?.wake()
        waiting = nil
    }
}
