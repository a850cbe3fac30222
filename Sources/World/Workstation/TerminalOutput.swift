import Machine

/// What commands print, in the order they print it, for whoever shows or records it.
public final class TerminalOutput: WritableStream {
    private let sink: ([UInt8]) -> Void
    /// The text after the last newline printed: a program's own prompt (`Username: `,
    /// `root@abc:/# `) that the session shows as the line editor's prompt.
    public private(set) var currentLine: [UInt8] = []

    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
    }

    public func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        if let newline = bytes.lastIndex(of: 0x0A) {
            currentLine = Array(bytes[(newline + 1)...])
        } else {
            currentLine += bytes
        }
        sink(bytes)
    }

    public func close() {}

    /// Forgets the partial line (the session printed it as a prompt and the user answered).
    public func clearCurrentLine() {
        currentLine.removeAll()
    }
}
