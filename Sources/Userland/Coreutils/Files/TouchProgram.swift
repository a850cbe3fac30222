import Kernel

/// `touch`: creates empty files or updates their modification time.
public struct TouchProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let specification = OptionSpecification(flags: Set("acm"))
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        guard !parsed.operands.isEmpty else {
            context.complain("missing file operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        var status: Int32 = 0
        for operand in parsed.operands {
            let path = context.resolve(operand)
            if parsed.has("c"), !context.machine.fileSystem.exists(path) { continue }
            do {
                try context.machine.fileSystem.touch(path, as: context.user)
            } catch {
                if flavor == .gnu {
                    context.complain("cannot touch \(quoted(operand)): \(error.code.message)")
                } else {
                    context.complain("\(operand): \(error.code.message)")
                }
                status = 1
            }
        }
        return status
    }
}

/// `ln`: makes links; `-s` symbolic ones. Hard links are stored as copies, since the simulated
/// file system has no inodes.
public struct LinkProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("sfnvT"))
        specification.long = ["symbolic": "s", "force": "f", "verbose": "v"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        guard let target = parsed.operands.first else {
            context.complain("missing file operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let fileSystem = context.machine.fileSystem
        var linkName = parsed.operands.count > 1 ? parsed.operands[1] : Paths.lastComponent(target)
        if parsed.operands.count > 1, fileSystem.isDirectory(context.resolve(linkName)), !parsed.has("n") {
            linkName = Paths.join(linkName, Paths.lastComponent(target))
        }
        let linkPath = context.resolve(linkName)
        do throws(FileSystemError) {
            if parsed.has("f"), (try? fileSystem.status(linkPath, followSymlinks: false)) != nil {
                try fileSystem.remove(linkPath, as: context.user)
            }
            if parsed.has("s") {
                try fileSystem.createSymlink(at: linkPath, target: target, as: context.user)
            } else {
                let source = context.resolve(target)
                do throws(FileSystemError) {
                    let sourceStatus = try fileSystem.status(source, as: context.user)
                    if sourceStatus.kind == .directory {
                        context.complain("\(quoted(target)): hard link not allowed for directory")
                        return 1
                    }
                } catch {
                    context.complain("failed to access \(quoted(target)): \(error.code.message)")
                    return 1
                }
                if (try? fileSystem.status(linkPath, followSymlinks: false)) != nil { throw FileSystemError(.EEXIST, linkName) }
                try fileSystem.copy(source, to: linkPath, recursive: false, as: context.user)
            }
        } catch {
            if flavor == .gnu {
                let kind = parsed.has("s") ? "symbolic link" : "hard link"
                context.complain("failed to create \(kind) \(quoted(linkName)): \(error.code.message)")
            } else {
                context.complain("\(linkName): \(error.code.message)")
            }
            return 1
        }
        return 0
    }
}
