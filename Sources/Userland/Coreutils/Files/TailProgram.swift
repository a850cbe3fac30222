import Kernel

/// `tail`: the last lines (`-n N`, `-n +N`) or bytes of each file; `-f` keeps following the
/// file on virtual time until the process is killed.
public struct TailProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    /// How often `tail -f` looks for new data (GNU polls once a second without inotify).
    static let pollInterval: Duration = .seconds(1)

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())
        LineCountShorthand.expand(&arguments)
        var specification = OptionSpecification(flags: Set("fFqv"), valued: Set("nc"))
        specification.long = ["lines": "n", "bytes": "c", "follow": "f", "quiet": "q", "verbose": "v"]
        specification.longValued = ["lines", "bytes"]
        guard let parsed = context.parseOptions(specification, arguments: arguments, flavor: flavor) else { return 1 }
        var count = 10
        var fromStart = false
        var countsBytes = false
        for (option, value) in parsed.options where option == "n" || option == "c" {
            var text = value ?? ""
            fromStart = text.hasPrefix("+")
            if fromStart || text.hasPrefix("-") { text.removeFirst() }
            guard let number = Int(text), number >= 0 else {
                let what = option == "n" ? "lines" : "bytes"
                context.complain("invalid number of \(what): \(quoted(value ?? ""))")
                return 1
            }
            count = number
            countsBytes = option == "c"
        }
        let follow = parsed.has("f") || parsed.has("F")
        let operands = parsed.operands.isEmpty ? ["-"] : parsed.operands
        let headers = (operands.count > 1 && !parsed.has("q")) || parsed.has("v")
        var status: Int32 = 0
        var followed: [(operand: String, size: Int)] = []
        for (index, operand) in operands.enumerated() {
            let bytes: [UInt8]
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
            context.emit(Self.selectTail(bytes, count: count, fromStart: fromStart, countsBytes: countsBytes))
            if operand != "-" { followed.append((operand, bytes.count)) }
        }
        guard follow, !followed.isEmpty else { return status }
        while true {
            try await context.process.sleep(for: Self.pollInterval)
            for index in followed.indices {
                let path = context.resolve(followed[index].operand)
                guard let bytes = try? context.machine.fileSystem.readFile(path, as: context.user) else { continue }
                if bytes.count < followed[index].size {
                    context.printError("\(context.programName): \(followed[index].operand): file truncated\n")
                    followed[index].size = 0
                }
                if bytes.count > followed[index].size {
                    guard context.emit(Array(bytes[followed[index].size...])) else { return 1 }
                    followed[index].size = bytes.count
                }
            }
        }
    }

    static func selectTail(_ bytes: [UInt8], count: Int, fromStart: Bool, countsBytes: Bool) -> [UInt8] {
        if countsBytes {
            return fromStart ? Array(bytes.dropFirst(max(0, count - 1))) : Array(bytes.suffix(count))
        }
        if fromStart {
            var line = 1
            var start = 0
            while start < bytes.count, line < count {
                if bytes[start] == 0x0A { line += 1 }
                start += 1
            }
            return Array(bytes[start...])
        }
        guard count > 0 else { return [] }
        var end = bytes.count
        if bytes.last == 0x0A { end -= 1 }
        var newlines = 0
        var start = end
        while start > 0 {
            if bytes[start - 1] == 0x0A {
                newlines += 1
                if newlines == count { break }
            }
            start -= 1
        }
        return Array(bytes[start...])
    }
}
