import Kernel

/// `rm`: removes files, and with `-r` whole trees; `-f` silences missing files. It refuses
/// to remove `/` recursively.
public struct RemoveProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("rRfiv"))
        specification.long = ["recursive": "r", "force": "f", "verbose": "v", "no-preserve-root": "\u{1}", "preserve-root": "\u{2}"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let recursive = parsed.has("r") || parsed.has("R")
        let force = parsed.has("f")
        guard !parsed.operands.isEmpty else {
            if force { return 0 }
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        var status: Int32 = 0
        for operand in parsed.operands {
            let path = context.resolve(operand)
            if recursive, path == "/", !parsed.has("\u{1}") {
                if flavor == .gnu {
                    context.complain("it is dangerous to operate recursively on '/'")
                    context.complain("use --no-preserve-root to override this failsafe")
                } else {
                    context.complain("can't remove '/'")
                }
                status = 1
                continue
            }
            let name = Paths.lastComponent(operand)
            if name == "." || name == ".." {
                context.complain("refusing to remove '.' or '..' directory: skipping \(quoted(operand))")
                status = 1
                continue
            }
            do {
                let entryStatus = try context.machine.fileSystem.status(path, followSymlinks: false, as: context.user)
                if entryStatus.kind == .directory, !recursive {
                    if flavor == .gnu {
                        context.complain("cannot remove \(quoted(operand)): Is a directory")
                    } else {
                        context.complain("'\(operand)' is a directory")
                    }
                    status = 1
                    continue
                }
                try context.machine.fileSystem.remove(path, recursive: recursive, as: context.user)
                if parsed.has("v") { context.emit("removed \(quoted(operand))\n") }
            } catch {
                if force, error.code == .ENOENT { continue }
                context.complain("\(flavor.cannot) remove \(quoted(operand)): \(error.code.message)")
                status = 1
            }
        }
        return status
    }
}
