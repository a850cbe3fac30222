import Kernel

/// `tr`: translates, deletes (`-d`) or squeezes (`-s`) characters of standard input, with
/// ranges (`a-z`), classes (`[:upper:]`) and escapes (`\n`).
public struct TranslateProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    /// Expands a `tr` set into its bytes, in order.
    static func expand(_ text: String) -> [UInt8]? {
        var characters: [UInt8] = []
        var source = Array(text.utf8)[...]
        func next() -> UInt8? {
            guard let byte = source.popFirst() else { return nil }
            guard byte == UInt8(ascii: "\\"), let escaped = source.popFirst() else { return byte }
            switch escaped {
            case UInt8(ascii: "n"): return 0x0A
            case UInt8(ascii: "t"): return 0x09
            case UInt8(ascii: "r"): return 0x0D
            case UInt8(ascii: "\\"): return UInt8(ascii: "\\")
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                while let digit = source.first, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit), value < 32 {
                    value = value * 8 + Int(digit - UInt8(ascii: "0"))
                    source.removeFirst()
                }
                return UInt8(truncatingIfNeeded: value)
            default: return escaped
            }
        }
        while !source.isEmpty {
            if source.starts(with: Array("[:".utf8)), let close = Self.classEnd(source) {
                let name = String(decoding: source[(source.startIndex + 2)..<close], as: UTF8.self)
                guard let members = classMembers(name) else { return nil }
                characters += members
                source = source[(close + 2)...]
                continue
            }
            guard let first = next() else { break }
            if source.first == UInt8(ascii: "-"), source.count > 1 {
                source.removeFirst()
                guard let last = next() else { return nil }
                guard first <= last else { return nil }
                characters += Array(first...last)
            } else {
                characters.append(first)
            }
        }
        return characters
    }

    /// The index of the `:]` closing a class that starts at the beginning of `source`.
    private static func classEnd(_ source: ArraySlice<UInt8>) -> Int? {
        var index = source.startIndex + 2
        while index + 1 < source.endIndex {
            if source[index] == UInt8(ascii: ":"), source[index + 1] == UInt8(ascii: "]") { return index }
            index += 1
        }
        return nil
    }

    static func classMembers(_ name: String) -> [UInt8]? {
        let all = Array(UInt8(0)...UInt8(127))
        switch name {
        case "upper": return Array(UInt8(ascii: "A")...UInt8(ascii: "Z"))
        case "lower": return Array(UInt8(ascii: "a")...UInt8(ascii: "z"))
        case "digit": return Array(UInt8(ascii: "0")...UInt8(ascii: "9"))
        case "alpha": return classMembers("upper").map { $0 + (classMembers("lower") ?? []) }
        case "alnum": return classMembers("digit").map { $0 + (classMembers("alpha") ?? []) }
        case "space": return [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]
        case "blank": return [0x20, 0x09]
        case "punct": return all.filter { (0x21...0x7E).contains($0) && !Character(Unicode.Scalar($0)).isLetter && !Character(Unicode.Scalar($0)).isNumber }
        case "cntrl": return all.filter { $0 < 0x20 || $0 == 0x7F }
        case "print": return Array(UInt8(0x20)...UInt8(0x7E))
        case "xdigit": return Array("0123456789ABCDEFabcdef".utf8)
        default: return nil
        }
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("dscC"))
        specification.long = ["delete": "d", "squeeze-repeats": "s", "complement": "c"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let delete = parsed.has("d")
        let squeeze = parsed.has("s")
        let operands = parsed.operands
        guard let firstText = operands.first else {
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let needed = delete && squeeze ? 2 : (delete || squeeze ? 1 : 2)
        if operands.count < needed {
            context.complain("missing operand after \(quoted(firstText))")
            context.printError(delete ? "Two strings must be given when both deleting and squeezing repeats.\n"
                                      : "Two strings must be given when translating.\n")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        if operands.count > needed, !(squeeze && !delete && operands.count == 2) {
            context.complain("extra operand \(quoted(operands[needed]))")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        guard var first = Self.expand(firstText), let second = operands.count > 1 ? Self.expand(operands[1]) : [] else {
            context.complain("range-endpoints of '\(firstText)' are in reverse collating sequence order")
            return 1
        }
        if parsed.has("c") || parsed.has("C") {
            let excluded = Set(first)
            first = (UInt8(0)...UInt8(255)).filter { !excluded.contains($0) }
        }
        var mapping = [UInt8](0...255)
        var deleted = [Bool](repeating: false, count: 256)
        if delete {
            for byte in first { deleted[Int(byte)] = true }
        } else if !second.isEmpty {
            for (index, byte) in first.enumerated() {
                mapping[Int(byte)] = index < second.count ? second[index] : second[second.count - 1]
            }
        }
        let squeezeSet = Set(delete || operands.count == 1 ? (delete ? second : first) : second)
        var previous: UInt8?
        while let chunk = try await context.stdin.read() {
            var output: [UInt8] = []
            output.reserveCapacity(chunk.count)
            for byte in chunk where !deleted[Int(byte)] {
                let mapped = mapping[Int(byte)]
                if squeeze, mapped == previous, squeezeSet.contains(mapped) { continue }
                output.append(mapped)
                previous = mapped
            }
            guard context.emit(output) else { return 1 }
        }
        return 0
    }
}
