import Kernel

/// `cat`: copies files (or standard input) to standard output; `-n` numbers the lines.
public struct ConcatenateProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("nAbeEstTuv"))
        specification.long = ["number": "n"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let numbered = parsed.has("n")
        var lineNumber = 0
        var atLineStart = true
        var status: Int32 = 0
        let operands = parsed.operands.isEmpty ? ["-"] : parsed.operands
        for operand in operands {
            if operand == "-", !numbered {
                // Stream standard input chunk by chunk, so `cat` in a pipeline passes data on at once.
                while let chunk = try await context.stdin.read() {
                    guard context.emit(chunk) else { return 1 }
                }
                continue
            }
            switch try await context.readOperand(operand) {
            case .failure(let error):
                if flavor == .gnu {
                    context.complain(about: error, path: operand)
                } else {
                    context.complain("can't open '\(operand)': \(error.code.message)")
                }
                status = 1
            case .success(let bytes):
                guard numbered else {
                    guard context.emit(bytes) else { return 1 }
                    continue
                }
                var output: [UInt8] = []
                for byte in bytes {
                    if atLineStart {
                        lineNumber += 1
                        output += Array((padLeft(String(lineNumber), 6) + "\t").utf8)
                        atLineStart = false
                    }
                    output.append(byte)
                    if byte == 0x0A { atLineStart = true }
                }
                guard context.emit(output) else { return 1 }
            }
        }
        return status
    }
}
