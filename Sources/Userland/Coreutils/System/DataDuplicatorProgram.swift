import Kernel

/// `dd`: copies blocks (`if=`, `of=`, `bs=`, `count=`) and reports records and throughput on
/// stderr. From an endless device without `count=` it copies until killed, burning simulated
/// CPU in small slices of virtual time — the book's way to load a container's CPU.
public struct DataDuplicatorProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    /// Simulated copy speed: 1 GB of zeros per virtual second.
    static let bytesPerSecond = 1_000_000_000
    static let slice: Duration = .milliseconds(10)

    static func parseSize(_ text: String) -> Int? {
        let multipliers: [Character: Int] = ["c": 1, "w": 2, "b": 512, "K": 1024, "k": 1024, "M": 1 << 20, "G": 1 << 30]
        if let last = text.last, let multiplier = multipliers[last] {
            return Int(text.dropLast()).map { $0 * multiplier }
        }
        if text.hasSuffix("kB") { return Int(text.dropLast(2)).map { $0 * 1000 } }
        if text.hasSuffix("MB") { return Int(text.dropLast(2)).map { $0 * 1_000_000 } }
        return Int(text)
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var input: String?
        var output: String?
        var blockSize = 512
        var count: Int?
        for operand in context.arguments.dropFirst() {
            let parts = operand.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                context.complain("unrecognized operand \(quoted(operand))")
                context.printUsageHint(flavor: flavor)
                return 1
            }
            switch parts[0] {
            case "if": input = parts[1]
            case "of": output = parts[1]
            case "bs", "ibs", "obs":
                guard let size = Self.parseSize(parts[1]), size > 0 else {
                    context.complain("invalid number: \(quoted(parts[1]))")
                    return 1
                }
                blockSize = size
            case "count":
                guard let number = Self.parseSize(parts[1]), number >= 0 else {
                    context.complain("invalid number: \(quoted(parts[1]))")
                    return 1
                }
                count = number
            case "status", "conv", "iflag", "oflag", "skip", "seek": continue
            default:
                context.complain("unrecognized operand \(quoted(operand))")
                context.printUsageHint(flavor: flavor)
                return 1
            }
        }
        let fileSystem = context.machine.fileSystem
        var endless = false
        var source: [UInt8] = []
        if let input {
            let path = context.resolve(input)
            if let node = try? fileSystem.node(at: path, as: context.user), case .device(let device, _) = node,
               device == .zero || device == .random {
                endless = true
            } else {
                do {
                    source = try fileSystem.readFile(path, as: context.user)
                } catch {
                    context.complain("failed to open \(quoted(input)): \(error.code.message)")
                    return 1
                }
            }
        } else {
            source = try await context.readStandardInput()
        }
        if let output {
            do {
                try fileSystem.writeFile(context.resolve(output), [], as: context.user)
            } catch {
                context.complain("failed to open \(quoted(output)): \(error.code.message)")
                return 1
            }
        }
        var copied = 0
        if endless, count == nil {
            // Until killed: each slice of virtual time is spent on the CPU. Onto standard
            // output goes a block per slice, so a reader such as `head -c` can hang up.
            let block = [UInt8](repeating: 0, count: min(blockSize, 1 << 16))
            while true {
                if output == nil {
                    do {
                        try context.stdout.write(block)
                    } catch {
                        return Signal.pipe.exitStatus
                    }
                }
                try await context.process.sleep(for: Self.slice)
                context.process.cpuTime += Self.slice
            }
        }
        let wanted = count.map { $0 * blockSize } ?? source.count
        let data = endless ? [UInt8](repeating: 0, count: min(wanted, 1 << 20)) : Array(source.prefix(wanted))
        copied = endless ? wanted : data.count
        let seconds = Double(copied) / Double(Self.bytesPerSecond)
        if copied > 0 {
            let duration = Duration.nanoseconds(Int64(seconds * 1e9))
            try await context.process.sleep(for: duration)
            context.process.cpuTime += duration
        }
        if let output {
            var bytes = data
            if endless, copied > data.count { bytes = [UInt8](repeating: 0, count: min(copied, 1 << 24)) }
            try? fileSystem.writeFile(context.resolve(output), bytes, as: context.user)
        } else {
            context.emit(data)
        }
        let full = copied / blockSize
        let partial = copied % blockSize == 0 ? 0 : 1
        var report = "\(full)+\(partial) records in\n\(full)+\(partial) records out\n"
        report += Self.summary(bytes: copied, seconds: max(seconds, 0.000_05)) + "\n"
        context.printError(report)
        return 0
    }

    /// `1048576 bytes (1.0 MB, 1.0 MiB) copied, 0.00105 s, 1.0 GB/s`, GNU 8.26's wording.
    static func summary(bytes: Int, seconds: Double) -> String {
        var text = "\(bytes) bytes"
        if bytes >= 1000 {
            text += " (\(decimalUnits(Double(bytes))), \(binaryUnits(Double(bytes))))"
        }
        let rate = Double(bytes) / seconds
        return text + " copied, \(general(seconds)) s, \(decimalUnits(rate))/s"
    }

    static func decimalUnits(_ value: Double) -> String {
        var scaled = value
        for unit in ["B", "kB", "MB", "GB", "TB"] {
            if scaled < 999.5 || unit == "TB" {
                return unit == "B" ? "\(Int(scaled)) B" : significant(scaled) + " " + unit
            }
            scaled /= 1000
        }
        return "\(Int(value)) B"
    }

    static func binaryUnits(_ value: Double) -> String {
        var scaled = value
        for unit in ["B", "KiB", "MiB", "GiB", "TiB"] {
            if scaled < 1023.5 || unit == "TiB" {
                return unit == "B" ? "\(Int(scaled)) B" : significant(scaled) + " " + unit
            }
            scaled /= 1024
        }
        return "\(Int(value)) B"
    }

    /// `printf("%g")`: six significant digits, trailing zeros dropped (for 1e-4 ≤ value < 1e6).
    static func general(_ value: Double) -> String {
        guard value > 0 else { return "0" }
        var integerDigits = 1
        var probe = value
        while probe >= 10 { probe /= 10; integerDigits += 1 }
        while probe < 1 { probe *= 10; integerDigits -= 1 }
        let decimals = max(0, 6 - integerDigits)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int64((value * scale).rounded())
        var text = String(scaled)
        if decimals > 0 {
            if text.count <= decimals { text = String(repeating: "0", count: decimals - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Two significant digits the way `%.2g`-ish output reads: `1.0`, `12`, `345`, `0.0012`.
    static func significant(_ value: Double) -> String {
        if value >= 9.95 { return String(Int(value.rounded())) }
        if value >= 0.995 { return ProcessStatusProgram.oneDecimal(value) }
        var digits = 0
        var scaled = value
        while scaled < 1, digits < 12 {
            scaled *= 10
            digits += 1
        }
        let kept = Int((scaled * 10).rounded())
        var fraction = String(kept)
        fraction = String(repeating: "0", count: max(0, digits - 1)) + fraction
        return "0." + fraction
    }
}
