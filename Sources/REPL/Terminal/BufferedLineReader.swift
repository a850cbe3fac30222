import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor that is not a terminal (a pipe or a file):
/// no prompt, no escape codes, no editing.
public final class BufferedLineReader: LineReading {
    private let fileDescriptor: Int32
    private let historyLimit: Int
    private var buffer: [UInt8] = []
    private var reachedEnd = false
    private var entries: [String] = []

    /// Reads from `fileDescriptor` (standard input by default). Entered lines are
    /// remembered for this session only, like a non-interactive shell.
    public init(fileDescriptor: Int32 = STDIN_FILENO, historyLimit: Int = 1000) {
        self.fileDescriptor = fileDescriptor
        self.historyLimit = max(1, historyLimit)
    }

    /// Reads the next line; the prompt is ignored because nobody is looking.
    public func readLine(prompt: String) -> LineInput {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                var lineBytes = buffer[..<newline]
                buffer.removeSubrange(...newline)
                if lineBytes.last == UInt8(ascii: "\r") {
                    lineBytes = lineBytes.dropLast()
                }
                return .line(String(decoding: lineBytes, as: UTF8.self))
            }
            if reachedEnd {
                guard !buffer.isEmpty else { return .endOfFile }
                let last = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return .line(last)
            }
            switch fill() {
            case .filled:
                continue
            case .interrupted:
                return .interrupted
            }
        }
    }

    public func addToHistory(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), entries.last != line else { return }
        entries.append(line)
        if entries.count > historyLimit {
            entries.removeFirst(entries.count - historyLimit)
        }
    }

    /// Piped input has no history file; nothing to write.
    public func saveHistory() {}

    public var historyEntries: [String] {
        entries
    }

    public func replaceHistory(with entries: [String]) {
        self.entries = Array(entries.suffix(historyLimit))
    }

    private enum FillResult {
        case filled
        case interrupted
    }

    private func fill() -> FillResult {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { bytes in
                read(fileDescriptor, bytes.baseAddress, bytes.count)
            }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return .filled
            }
            if count == 0 {
                reachedEnd = true
                return .filled
            }
            if errno == EINTR {
                if InterruptFlag.consume() {
                    return .interrupted
                }
                continue
            }
            // Any other read error ends the input, as it would for a shell.
            reachedEnd = true
            return .filled
        }
    }
}
