import Kernel

/// `chmod` modes: octal (`755`) or symbolic (`u+x`, `go-w`, `a=r,u+w`, `+x`).
enum ModeExpression {
    /// The new permission bits, or nil when `text` is not a valid mode.
    static func apply(_ text: String, to current: UInt16, isDirectory: Bool, umask: UInt16 = 0o022) -> UInt16? {
        if !text.isEmpty, text.allSatisfy({ ("0"..."7").contains($0) }) {
            guard text.count <= 4, let value = UInt16(text, radix: 8) else { return nil }
            return value
        }
        var mode = current
        for clause in text.split(separator: ",", omittingEmptySubsequences: false) {
            var characters = Substring(clause)
            var who: UInt16 = 0
            var explicitWho = false
            while let first = characters.first, "ugoa".contains(first) {
                explicitWho = true
                switch first {
                case "u": who |= 0o4700
                case "g": who |= 0o2070
                case "o": who |= 0o1007
                default: who |= 0o7777
                }
                characters.removeFirst()
            }
            if !explicitWho { who = 0o7777 }
            guard !characters.isEmpty else { return nil }
            while let operation = characters.first {
                guard "+-=".contains(operation) else { return nil }
                characters.removeFirst()
                var bits: UInt16 = 0
                while let permission = characters.first, "rwxXst".contains(permission) {
                    switch permission {
                    case "r": bits |= 0o444
                    case "w": bits |= 0o222
                    case "x": bits |= 0o111
                    case "X": if isDirectory || mode & 0o111 != 0 { bits |= 0o111 }
                    case "s": bits |= 0o6000
                    default: bits |= 0o1000
                    }
                    characters.removeFirst()
                }
                var affected = bits & who
                // Without u/g/o/a the umask filters what + and = grant.
                if !explicitWho, operation != "-" { affected &= ~umask }
                switch operation {
                case "+": mode |= affected
                case "-": mode &= ~affected
                default: mode = (mode & ~who) | affected
                }
            }
        }
        return mode
    }
}

/// `chmod`: changes permission bits, octal or symbolic; `-R` for trees.
public struct ChangeModeProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        // Symbolic modes such as `-x` look like options; take them out first, as GNU does.
        var arguments = Array(context.arguments.dropFirst())
        var modeArgument: String?
        if let index = arguments.firstIndex(where: { $0.count > 1 && $0.hasPrefix("-") && $0.dropFirst().allSatisfy { "rwxXst".contains($0) } }) {
            modeArgument = arguments.remove(at: index)
        }
        var specification = OptionSpecification(flags: Set("Rvfc"))
        specification.long = ["recursive": "R", "verbose": "v"]
        guard var parsed = context.parseOptions(specification, arguments: arguments, flavor: flavor) else { return 1 }
        if modeArgument == nil, !parsed.operands.isEmpty { modeArgument = parsed.operands.removeFirst() }
        guard let modeText = modeArgument else {
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        guard !parsed.operands.isEmpty else {
            context.complain("missing operand after \(quoted(modeText))")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let fileSystem = context.machine.fileSystem
        var status: Int32 = 0
        for operand in parsed.operands {
            var pending = [context.resolve(operand)]
            var first = true
            while let path = pending.popLast() {
                do {
                    let entry = try fileSystem.status(path, as: context.user)
                    guard let mode = ModeExpression.apply(modeText, to: entry.metadata.mode, isDirectory: entry.kind == .directory) else {
                        context.complain("invalid mode: \(quoted(modeText))")
                        context.printUsageHint(flavor: flavor)
                        return 1
                    }
                    try fileSystem.setMode(path, mode, as: context.user)
                    if parsed.has("R"), entry.kind == .directory {
                        let names = (try? fileSystem.listDirectory(path, as: context.user)) ?? []
                        pending += names.map { Paths.join(path, $0) }
                    }
                } catch {
                    let shown = first ? operand : path
                    if error.code == .EPERM {
                        context.complain("changing permissions of \(quoted(shown)): Operation not permitted")
                    } else {
                        context.complain("cannot access \(quoted(shown)): \(error.code.message)")
                    }
                    status = 1
                }
                first = false
            }
        }
        return status
    }
}
