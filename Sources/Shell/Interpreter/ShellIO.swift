import Kernel
import Simulation

/// The open descriptors of a command: the standard streams and any others redirections opened.
struct ShellIO {
    var inputs: [Int: any ReadableStream]
    var outputs: [Int: any WritableStream]

    init(stdin: any ReadableStream, stdout: any WritableStream, stderr: any WritableStream) {
        inputs = [0: stdin]
        outputs = [1: stdout, 2: stderr]
    }

    var stdin: any ReadableStream { inputs[0] ?? EmptyReader() }
    var stdout: any WritableStream { outputs[1] ?? DiscardingStream() }
    var stderr: any WritableStream { outputs[2] ?? DiscardingStream() }
}

/// A write to a pipe whose reader has gone: the writing shell ends as if killed by SIGPIPE.
struct BrokenPipe: Error {}

/// A reader that keeps what it read past a line's end, so `read` consumes exactly one line and
/// the rest stays for whoever reads next.
final class PushbackReader: ReadableStream {
    let base: any ReadableStream
    private var buffer: [UInt8] = []
    private var offset = 0

    init(_ base: any ReadableStream) {
        self.base = base
    }

    /// Whether the shell made it from a file, a here-document or a pipe (`bash < f`,
    /// `cmd | bash`): such input is no terminal, whatever terminal the process has.
    var isRedirection: Bool {
        base is BytesReader || base is BytePipe.PipeReader || base is EmptyReader
    }

    /// `stream` itself when it already is one, so buffered bytes are never lost.
    static func wrapping(_ stream: any ReadableStream) -> PushbackReader {
        (stream as? PushbackReader) ?? PushbackReader(stream)
    }

    func read() async throws -> [UInt8]? {
        if offset < buffer.count {
            let rest = Array(buffer[offset...])
            buffer.removeAll()
            offset = 0
            return rest
        }
        return try await base.read()
    }

    func closeReading() { base.closeReading() }

    /// `read -d`/`-n`: bytes up to `delimiter` (consumed, not returned) or until `limit`
    /// characters were read; whether either ended it before end of file; nil at end of file
    /// with nothing read.
    func readRecord(delimiter: UInt8, limit: Int?) async throws -> (line: [UInt8], terminated: Bool)? {
        var line: [UInt8] = []
        var characters = 0
        while true {
            while offset < buffer.count {
                let byte = buffer[offset]
                // Stop at a character boundary once enough characters were read.
                if let limit, characters >= limit, byte & 0xC0 != 0x80 { return (line, true) }
                offset += 1
                if byte == delimiter { return (line, true) }
                line.append(byte)
                if byte & 0xC0 != 0x80 { characters += 1 }
            }
            if let limit, characters >= limit, limit == 0 { return (line, true) }
            buffer.removeAll()
            offset = 0
            guard let chunk = try await base.read() else { return line.isEmpty ? nil : (line, false) }
            buffer = chunk
        }
    }

    /// The next line without its newline, and whether one was found before end of file;
    /// nil at end of file with nothing read.
    func readLine() async throws -> (line: [UInt8], terminated: Bool)? {
        var line: [UInt8] = []
        while true {
            if offset < buffer.count {
                if let newline = buffer[offset...].firstIndex(of: 0x0A) {
                    line += buffer[offset..<newline]
                    offset = newline + 1
                    return (line, true)
                }
                line += buffer[offset...]
            }
            buffer.removeAll()
            offset = 0
            guard let chunk = try await base.read() else { return line.isEmpty ? nil : (line, false) }
            buffer = chunk
        }
    }
}

/// Output redirected to a file: each write appends to the file on the simulated file system.
final class FileOutputStream: WritableStream {
    let fileSystem: FileSystem
    let path: String
    let user: Credentials

    init(fileSystem: FileSystem, path: String, user: Credentials) {
        self.fileSystem = fileSystem
        self.path = path
        self.user = user
    }

    func write(_ bytes: [UInt8]) throws {
        do {
            try fileSystem.writeFile(path, bytes, append: true, as: user)
        } catch {
            throw error.code
        }
    }

    func close() {}
}

/// A program given as a closure: how the shell runs subshells, pipeline stages and background
/// jobs as processes of their own.
struct ClosureProgram: Program {
    let body: UncheckedSendable<(ProgramContext) async throws -> Int32>

    init(_ body: @escaping (ProgramContext) async throws -> Int32) {
        self.body = UncheckedSendable(body)
    }

    func run(_ context: ProgramContext) async throws -> Int32 {
        try await body.value(context)
    }
}

/// Echo control passes through to the terminal underneath (a password prompt in a command
/// the shell runs).
extension PushbackReader: EchoControl {
    var echoesInput: Bool {
        get { (base as? EchoControl)?.echoesInput ?? true }
        set { (base as? EchoControl)?.echoesInput = newValue }
    }
}
