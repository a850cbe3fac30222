import Kernel

/// `head`: the first lines (`-n N`, `-N`) or bytes (`-c N`) of each file.
public struct HeadProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())
        LineCountShorthand.expand(&arguments)
        var specification = OptionSpecification(flags: Set("qv"), valued: Set("nc"))
        specification.long = ["lines": "n", "bytes": "c", "quiet": "q", "silent": "q", "verbose": "v"]
        specification.longValued = ["lines", "bytes"]
        guard let parsed = context.parseOptions(specification, arguments: arguments, flavor: flavor) else { return 1 }
        var count = 10
        var countsBytes = false
        for (option, value) in parsed.options where option == "n" || option == "c" {
            guard let value, let number = Int(value), number >= 0 else {
                let what = option == "n" ? "lines" : "bytes"
                context.complain("invalid number of \(what): \(quoted(value ?? ""))")
                return 1
            }
            count = number
            countsBytes = option == "c"
        }
        let operands = parsed.operands.isEmpty ? ["-"] : parsed.operands
        let headers = (operands.count > 1 && !parsed.has("q")) || parsed.has("v")
        var status: Int32 = 0
        for (index, operand) in operands.enumerated() {
            let bytes: [UInt8]
            if operand == "-" {
                // Read only as much as needed, then hang up so a writer like `yes` stops.
                bytes = try await Self.readPrefix(of: context.stdin, count: count, countsBytes: countsBytes)
                context.stdin.closeReading()
                if headers { context.emit((index > 0 ? "\n" : "") + "==> standard input <==\n") }
                context.emit(Self.prefix(bytes, count: count, countsBytes: countsBytes))
                continue
            }
            switch try await context.readOperand(operand) {
            case .failure(let error):
                context.complain("cannot open \(quoted(operand)) for reading: \(error.code.message)")
                status = 1
                continue
            case .success(let read): bytes = read
            }
            if headers {
                context.emit((index > 0 ? "\n" : "") + "==> \(operand == "-" ? "standard input" : operand) <==\n")
            }
            context.emit(Self.prefix(bytes, count: count, countsBytes: countsBytes))
        }
        return status
    }

    static func prefix(_ bytes: [UInt8], count: Int, countsBytes: Bool) -> [UInt8] {
        if countsBytes { return Array(bytes.prefix(count)) }
        var end = 0
        var lines = 0
        while end < bytes.count, lines < count {
            if bytes[end] == 0x0A { lines += 1 }
            end += 1
        }
        return Array(bytes[..<end])
    }

    /// Reads chunks until `count` lines (or bytes) have arrived, or end of file.
    static func readPrefix(of stream: any ReadableStream, count: Int, countsBytes: Bool) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        var lines = 0
        while countsBytes ? bytes.count < count : lines < count {
            guard let chunk = try await stream.read() else { break }
            bytes += chunk
            if !countsBytes { lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        }
        return bytes
    }
}

/// The historical `-5` spelling of `-n 5` that head and tail still accept.
enum LineCountShorthand {
    static func expand(_ arguments: inout [String]) {
        guard let first = arguments.first, first.count > 1, first.hasPrefix("-"),
              first.dropFirst().allSatisfy(\.isNumber) else { return }
        arguments[0] = "-n" + first.dropFirst()
    }
}
