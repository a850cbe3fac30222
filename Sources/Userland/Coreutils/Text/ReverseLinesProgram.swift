import Kernel

/// `tac`: the lines of each file (or standard input) in reverse order. As GNU tac, a last line
/// without a newline is printed as it is, so `printf 'a\nb'` comes out as `ba\n`.
public struct ReverseLinesProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let specification = OptionSpecification(flags: [])
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        var status: Int32 = 0
        for operand in parsed.operands.isEmpty ? ["-"] : parsed.operands {
            switch try await context.readOperand(operand) {
            case .failure(let error):
                if flavor == .gnu {
                    context.complain("failed to open \(quoted(operand)) for reading: \(error.code.message)")
                } else {
                    context.complain("can't open '\(operand)': \(error.code.message)")
                }
                status = 1
            case .success(let bytes):
                guard context.emit(Self.reversed(bytes)) else { return 1 }
            }
        }
        return status
    }

    /// The records (each with the newline that ends it) in reverse order.
    static func reversed(_ bytes: [UInt8]) -> [UInt8] {
        var records: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            records.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { records.append(bytes[start...]) }
        return records.reversed().flatMap { $0 }
    }
}
