import Kernel

/// `mkdir`: creates directories; `-p` creates parents and accepts existing ones.
public struct MakeDirectoryProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("pv"), valued: Set("m"))
        specification.long = ["parents": "p", "verbose": "v", "mode": "m"]
        specification.longValued = ["mode"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        guard !parsed.operands.isEmpty else {
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        var mode: UInt16 = 0o755
        if let text = parsed.value("m") {
            guard let parsedMode = ModeExpression.apply(text, to: 0o777, isDirectory: true) else {
                context.complain("invalid mode \(quoted(text))")
                return 1
            }
            mode = parsedMode
        }
        var status: Int32 = 0
        for operand in parsed.operands {
            let path = context.resolve(operand)
            do {
                if parsed.has("p") {
                    if context.machine.fileSystem.isDirectory(path) { continue }
                    try context.machine.fileSystem.createDirectory(path, intermediates: true, mode: mode, as: context.user)
                } else {
                    try context.machine.fileSystem.createDirectory(path, mode: mode, as: context.user)
                }
                if parsed.has("v") { context.emit("mkdir: created directory \(quoted(operand))\n") }
            } catch {
                context.complain("\(flavor.cannot) create directory \(quoted(operand)): \(error.code.message)")
                status = 1
            }
        }
        return status
    }
}

/// `rmdir`: removes empty directories.
public struct RemoveDirectoryProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("pv"))
        specification.long = ["parents": "p", "verbose": "v", "ignore-fail-on-non-empty": "\u{1}"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        guard !parsed.operands.isEmpty else {
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        var status: Int32 = 0
        for operand in parsed.operands {
            let path = context.resolve(operand)
            do throws(FileSystemError) {
                let entryStatus = try context.machine.fileSystem.status(path, followSymlinks: false, as: context.user)
                guard entryStatus.kind == .directory else { throw FileSystemError(.ENOTDIR, operand) }
                try context.machine.fileSystem.remove(path, as: context.user)
            } catch {
                if flavor == .gnu {
                    context.complain("failed to remove \(quoted(operand)): \(error.code.message)")
                } else {
                    context.complain("'\(operand)': \(error.code.message)")
                }
                status = 1
            }
        }
        return status
    }
}
