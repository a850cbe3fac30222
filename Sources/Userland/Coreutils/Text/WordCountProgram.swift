import Kernel

/// `wc`: counts lines, words and bytes (`-l`, `-w`, `-c`, `-m`), aligned as GNU aligns them.
public struct WordCountProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    struct Counts {
        var lines = 0, words = 0, bytes = 0, characters = 0

        init() {}

        init(_ data: [UInt8]) {
            var inWord = false
            for byte in data {
                if byte == 0x0A { lines += 1 }
                let isSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
                if isSpace { inWord = false } else if !inWord { inWord = true; words += 1 }
                if byte & 0xC0 != 0x80 { characters += 1 }
            }
            bytes = data.count
        }
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("lwcmL"))
        specification.long = ["lines": "l", "words": "w", "bytes": "c", "chars": "m"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        var selected = parsed.options.map(\.name).filter { "lwmc".contains($0) }
        if selected.isEmpty { selected = ["l", "w", "c"] }
        let columns = "lwmc".filter { selected.contains($0) }
        let operands = parsed.operands.isEmpty ? ["-"] : parsed.operands
        var results: [(name: String?, counts: Counts)] = []
        var status: Int32 = 0
        var regularTotal = 0
        var sawNonRegular = false
        for operand in operands {
            switch try await context.readOperand(operand) {
            case .failure(let error):
                context.complain(about: error, path: operand)
                status = 1
            case .success(let data):
                if operand == "-" {
                    sawNonRegular = true
                } else {
                    regularTotal += data.count
                }
                results.append((parsed.operands.isEmpty ? nil : operand, Counts(data)))
            }
        }
        var total = Counts()
        for result in results {
            total.lines += result.counts.lines
            total.words += result.counts.words
            total.bytes += result.counts.bytes
            total.characters += result.counts.characters
        }
        if results.count > 1 { results.append(("total", total)) }
        // GNU sizes columns by the digits of the files' total size (7 for pipes); one count
        // of one input is printed bare.
        var width = String(regularTotal).count
        if sawNonRegular { width = max(width, 7) }
        if columns.count == 1 && operands.count == 1 { width = 1 }
        // BusyBox does not measure: nine columns each, bare only for one count of standard input.
        if flavor == .busybox { width = columns.count == 1 && parsed.operands.isEmpty ? 1 : 9 }
        var output = ""
        for result in results {
            let values = columns.map { column -> Int in
                switch column {
                case "l": result.counts.lines
                case "w": result.counts.words
                case "m": result.counts.characters
                default: result.counts.bytes
                }
            }
            output += values.map { padLeft(String($0), width) }.joined(separator: " ")
            if let name = result.name { output += " " + name }
            output += "\n"
        }
        context.emit(output)
        return status
    }
}
