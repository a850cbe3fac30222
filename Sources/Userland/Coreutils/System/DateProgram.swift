import Kernel
import Simulation

/// `date`: the virtual clock's time, by default as `Tue Mar  6 09:00:00 UTC 2018`, or in a
/// `+FORMAT`; `-d @SECONDS` shows another instant. Machines run in UTC, so `-u` changes nothing.
public struct DateProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("uRI"), valued: Set("d"))
        specification.long = ["utc": "u", "universal": "u", "rfc-2822": "R", "iso-8601": "I", "date": "d"]
        specification.longValued = ["date"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        var time = CivilTime(context.machine.loop.now)
        if let text = parsed.value("d") {
            if text.hasPrefix("@"), let seconds = Int64(text.dropFirst()) {
                time = CivilTime(secondsSinceEpoch: seconds)
            } else if text == "now" || text.isEmpty {
                // The current time, as above.
            } else {
                context.complain("invalid date \(quoted(text))")
                return 1
            }
        }
        var format = "%a %b %e %H:%M:%S %Z %Y"
        if parsed.has("R") { format = "%a, %d %b %Y %H:%M:%S %z" }
        if parsed.has("I") { format = "%Y-%m-%d" }
        for operand in parsed.operands {
            guard operand.hasPrefix("+") else {
                if flavor == .gnu {
                    context.complain("invalid date \(quoted(operand))")
                } else {
                    context.complain("invalid date '\(operand)'")
                }
                return 1
            }
            if parsed.operands.count > 1 {
                context.complain("extra operand \(quoted(parsed.operands[1]))")
                context.printUsageHint(flavor: flavor)
                return 1
            }
            format = String(operand.dropFirst())
        }
        context.emit(time.format(format) + "\n")
        return 0
    }
}

/// `sleep`: waits on virtual time; `1.5`, `2m`, `1h`, `1d`, several operands add up.
public struct SleepProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    static let longestSleep: Int64 = 4_000_000_000_000_000_000

    /// Nanoseconds for an operand such as `1.5` or `2m`, or nil when it is not one.
    static func nanoseconds(_ text: String) -> Int64? {
        var number = Substring(text)
        var unit: Double = 1
        if let last = number.last, !last.isNumber, last != "." {
            switch last {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            default: return nil
            }
            number = number.dropLast()
        }
        guard !number.isEmpty, number.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(number), value >= 0 else {
            return nil
        }
        let total = value * unit * 1e9
        guard total < 9e18 else { return Int64.max }
        return Int64(total.rounded())
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let operands = Array(context.arguments.dropFirst())
        guard !operands.isEmpty else {
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        var total: Int64 = 0
        for operand in operands {
            // GNU reads the number with strtod, which takes `inf` and `infinity` in any case;
            // BusyBox of the era did not.
            let infinite = flavor == .gnu && ["inf", "infinity"].contains(operand.lowercased())
            guard let nanoseconds = infinite ? Int64.max : Self.nanoseconds(operand) else {
                context.complain(flavor == .gnu ? "invalid time interval \(quoted(operand))" : "invalid number '\(operand)'")
                context.printUsageHint(flavor: flavor)
                return 1
            }
            total = total.addingReportingOverflow(nanoseconds).overflow ? Int64.max : total + nanoseconds
        }
        // Longer than any session, and short enough that the virtual clock's deadline cannot overflow.
        try await context.process.sleep(for: .nanoseconds(min(total, Self.longestSleep)))
        return 0
    }
}
