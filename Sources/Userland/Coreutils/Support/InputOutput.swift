import Kernel

/// Reading operands and standard input, and writing output that stops on a closed pipe.
extension ProgramContext {
    /// Everything left on standard input.
    func readStandardInput() async throws -> [UInt8] {
        var bytes: [UInt8] = []
        while let chunk = try await stdin.read() { bytes += chunk }
        return bytes
    }

    /// The bytes of a file operand (`-` is standard input).
    func readOperand(_ operand: String) async throws -> Result<[UInt8], FileSystemError> {
        if operand == "-" { return .success(try await readStandardInput()) }
        do {
            return .success(try machine.fileSystem.readFile(resolve(operand), as: user))
        } catch {
            return .failure(FileSystemError(error.code, operand))
        }
    }

    /// Writes bytes to stdout; false when the reader has gone away (EPIPE).
    @discardableResult
    func emit(_ bytes: [UInt8]) -> Bool {
        do {
            try stdout.write(bytes)
            return true
        } catch {
            return false
        }
    }

    @discardableResult
    func emit(_ text: String) -> Bool { emit(Array(text.utf8)) }
}

/// The lines of a text (a final newline does not start another line).
func textLines(_ bytes: [UInt8]) -> [String] {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    if bytes.last == 0x0A || bytes.isEmpty { lines.removeLast() }
    return lines
}

/// Pads `text` on the left to `width` characters.
func padLeft(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

/// Pads `text` on the right to `width` characters.
func padRight(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// Lines of a stream as they arrive, each with whether a newline ended it, so filters in a
/// pipeline (`tail -f log | grep x`) pass each line on at once.
final class LineReader {
    private let stream: any ReadableStream
    private var pending: [UInt8] = []
    private var atEnd = false

    init(_ stream: any ReadableStream) {
        self.stream = stream
    }

    func next() async throws -> (text: String, terminated: Bool)? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return (line, true)
            }
            if atEnd {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return (String(decoding: pending, as: UTF8.self), false)
            }
            if let chunk = try await stream.read() { pending += chunk } else { atEnd = true }
        }
    }
}
