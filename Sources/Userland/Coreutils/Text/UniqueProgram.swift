import Kernel

/// `uniq`: collapses adjacent equal lines; `-c` counts them, `-d` only repeated, `-u` only
/// unique, `-i` ignoring case.
public struct UniqueProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("cdui"))
        specification.long = ["count": "c", "repeated": "d", "unique": "u", "ignore-case": "i"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        guard parsed.operands.count <= 2 else {
            context.complain("extra operand \(quoted(parsed.operands[2]))")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let bytes: [UInt8]
        let input = parsed.operands.first ?? "-"
        switch try await context.readOperand(input) {
        case .failure(let error):
            context.complain(about: error, path: input)
            return 1
        case .success(let read): bytes = read
        }
        var groups: [(line: String, count: Int)] = []
        for line in textLines(bytes) {
            if let last = groups.last,
               parsed.has("i") ? last.line.lowercased() == line.lowercased() : last.line == line {
                groups[groups.count - 1].count += 1
            } else {
                groups.append((line, 1))
            }
        }
        var output = ""
        for group in groups {
            if parsed.has("d"), group.count < 2 { continue }
            if parsed.has("u"), group.count > 1 { continue }
            output += parsed.has("c") ? padLeft(String(group.count), 7) + " " + group.line + "\n" : group.line + "\n"
        }
        if parsed.operands.count == 2 {
            do {
                try context.machine.fileSystem.writeFile(context.resolve(parsed.operands[1]), Array(output.utf8), as: context.user)
            } catch {
                context.complain(about: error, path: parsed.operands[1])
                return 1
            }
        } else {
            context.emit(output)
        }
        return 0
    }
}
