import Kernel

/// `seq`: prints a sequence of numbers (`seq LAST`, `seq FIRST LAST`, `seq FIRST STEP LAST`),
/// with `-s` separator and `-w` equal width.
public struct SequenceProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        // Negative numbers are operands here, not options.
        var arguments = Array(context.arguments.dropFirst())
        var separator = "\n"
        var equalWidth = false
        while let first = arguments.first, first.hasPrefix("-"), first.count > 1, Double(first) == nil {
            arguments.removeFirst()
            switch first {
            case "-w", "--equal-width": equalWidth = true
            case "-s":
                guard !arguments.isEmpty else {
                    context.complain("option requires an argument -- 's'")
                    context.printUsageHint(flavor: .gnu)
                    return 1
                }
                separator = arguments.removeFirst()
            default:
                if first.hasPrefix("-s") {
                    separator = String(first.dropFirst(2))
                } else {
                    context.complain("invalid option -- '\(first.dropFirst().prefix(1))'")
                    context.printUsageHint(flavor: .gnu)
                    return 1
                }
            }
        }
        guard !arguments.isEmpty else {
            context.complain("missing operand")
            context.printUsageHint(flavor: .gnu)
            return 1
        }
        guard arguments.count <= 3 else {
            context.complain("extra operand \(quoted(arguments[3]))")
            context.printUsageHint(flavor: .gnu)
            return 1
        }
        var values: [Double] = []
        for argument in arguments {
            guard let value = Double(argument), value.isFinite else {
                context.complain("invalid floating point argument: \(quoted(argument))")
                context.printUsageHint(flavor: .gnu)
                return 1
            }
            values.append(value)
        }
        let first = values.count > 1 ? values[0] : 1
        let step = values.count == 3 ? values[1] : 1
        guard let last = values.last else { return 1 }
        guard step != 0 else {
            context.complain("invalid Zero increment value: \(quoted(arguments[1]))")
            context.printUsageHint(flavor: .gnu)
            return 1
        }
        let decimals = arguments.dropLast(arguments.count == 1 ? 0 : 1).map { text -> Int in
            guard let dot = text.firstIndex(of: ".") else { return 0 }
            return text.distance(from: dot, to: text.endIndex) - 1
        }.max() ?? 0
        var numbers: [String] = []
        var index = 0.0
        while true {
            let value = first + index * step
            if step > 0 ? value > last + 1e-9 : value < last - 1e-9 { break }
            numbers.append(Self.format(value, decimals: decimals))
            index += 1
            if numbers.count > 1_000_000 { break }
        }
        if equalWidth, let width = numbers.map(\.count).max() {
            numbers = numbers.map { number in
                let negative = number.hasPrefix("-")
                let digits = negative ? String(number.dropFirst()) : number
                return (negative ? "-" : "") + String(repeating: "0", count: max(0, width - number.count)) + digits
            }
        }
        guard !numbers.isEmpty else { return 0 }
        context.emit(numbers.joined(separator: separator) + "\n")
        return 0
    }

    static func format(_ value: Double, decimals: Int) -> String {
        guard decimals > 0 else { return String(Int64(value.rounded())) }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((abs(value) * scale).rounded())
        let whole = scaled / Int64(scale)
        var fraction = String(scaled % Int64(scale))
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        return (value < 0 && scaled != 0 ? "-" : "") + "\(whole).\(fraction)"
    }
}

/// `yes`: repeats a line until its reader goes away. It writes a batch, then yields a little
/// virtual time, so the simulation never spins.
public struct YesProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let words = context.arguments.dropFirst()
        let line = (words.isEmpty ? "y" : words.joined(separator: " ")) + "\n"
        let batch = Array(String(repeating: line, count: max(1, 4096 / line.utf8.count)).utf8)
        while true {
            do {
                try context.stdout.write(batch)
            } catch {
                // EPIPE: the reader hung up; a real yes dies of SIGPIPE.
                return Signal.pipe.exitStatus
            }
            context.process.cpuTime += .milliseconds(1)
            try await context.process.sleep(for: .milliseconds(1))
        }
    }
}

/// `true` and `false`: nothing, successfully or not.
public struct ConstantStatusProgram: Program {
    public let status: Int32

    public init(status: Int32) {
        self.status = status
    }

    public func run(_ context: ProgramContext) async throws -> Int32 { status }
}

/// `less` and `more`: without an interactive pager, they copy their input through, as both do
/// when standard output is not a terminal.
public struct PagerProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let operands = context.arguments.dropFirst().filter { !$0.hasPrefix("-") }
        var status: Int32 = 0
        for operand in operands.isEmpty ? ["-"] : Array(operands) {
            switch try await context.readOperand(operand) {
            case .failure(let error):
                context.printError("\(operand): \(error.code.message)\n")
                status = 1
            case .success(let bytes):
                guard context.emit(bytes) else { return 0 }
            }
        }
        return status
    }
}
