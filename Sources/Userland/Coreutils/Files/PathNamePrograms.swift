import Kernel

/// `basename`: the last component of a path, optionally without a suffix.
public struct BaseNameProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let operands = Array(context.arguments.dropFirst())
        guard let path = operands.first else {
            context.complain("missing operand")
            context.printUsageHint(flavor: .gnu)
            return 1
        }
        guard operands.count <= 2 else {
            context.complain("extra operand \(quoted(operands[2]))")
            context.printUsageHint(flavor: .gnu)
            return 1
        }
        var name = path.isEmpty ? "" : Paths.lastComponent(path)
        if operands.count == 2, name != operands[1], name.hasSuffix(operands[1]) {
            name.removeLast(operands[1].count)
        }
        context.emit(name + "\n")
        return 0
    }
}

/// `dirname`: each path without its last component.
public struct DirectoryNameProgram: Program {
    public init() {}

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let operands = Array(context.arguments.dropFirst())
        guard !operands.isEmpty else {
            context.complain("missing operand")
            context.printUsageHint(flavor: .gnu)
            return 1
        }
        context.emit(operands.map { ($0.isEmpty ? "." : Paths.parent($0)) + "\n" }.joined())
        return 0
    }
}

/// `tee`: copies standard input to standard output and to files (`-a` appends).
public struct TeeProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("ai"))
        specification.long = ["append": "a"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let fileSystem = context.machine.fileSystem
        var status: Int32 = 0
        var targets: [String] = []
        for operand in parsed.operands {
            let path = context.resolve(operand)
            do {
                try fileSystem.writeFile(path, [], append: parsed.has("a"), as: context.user)
                targets.append(path)
            } catch {
                context.complain(flavor == .gnu ? "\(operand): \(error.code.message)" : "can't open '\(operand)': \(error.code.message)")
                status = 1
            }
        }
        var stdoutOpen = true
        while let chunk = try await context.stdin.read() {
            if stdoutOpen, !context.emit(chunk) { stdoutOpen = false }
            for path in targets { try? fileSystem.writeFile(path, chunk, append: true, as: context.user) }
        }
        return status
    }
}
