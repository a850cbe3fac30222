import Kernel

/// `cp` and `mv`: copy (`-r` for directories) or move files; with several sources the last
/// operand must be a directory.
public struct CopyMoveProgram: Program {
    public enum Operation: Sendable { case copy, move }
    public let operation: Operation
    public let flavor: Flavor

    public init(_ operation: Operation, flavor: Flavor = .gnu) {
        self.operation = operation
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set(operation == .copy ? "rRafpvi" : "fivn"))
        specification.long = ["recursive": "r", "archive": "a", "force": "f", "verbose": "v"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 1 }
        let recursive = parsed.has("r") || parsed.has("R") || parsed.has("a")
        let fileSystem = context.machine.fileSystem
        guard let last = parsed.operands.last else {
            context.complain("missing file operand")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        guard parsed.operands.count > 1 else {
            context.complain("missing destination file operand after \(quoted(last))")
            context.printUsageHint(flavor: flavor)
            return 1
        }
        let sources = parsed.operands.dropLast()
        let destination = context.resolve(last)
        if sources.count > 1, !fileSystem.isDirectory(destination) {
            context.complain("target \(quoted(last)) is not a directory")
            return 1
        }
        var status: Int32 = 0
        for source in sources {
            let path = context.resolve(source)
            do {
                let sourceStatus = try fileSystem.status(path, followSymlinks: operation == .copy, as: context.user)
                if operation == .copy, sourceStatus.kind == .directory, !recursive {
                    context.complain(flavor == .gnu ? "-r not specified; omitting directory \(quoted(source))"
                                                    : "omitting directory '\(source)'")
                    status = 1
                    continue
                }
            } catch {
                context.complain("\(flavor.cannot) stat \(quoted(source)): \(error.code.message)")
                status = 1
                continue
            }
            do {
                switch operation {
                case .copy: try fileSystem.copy(path, to: destination, recursive: recursive, as: context.user)
                case .move: try fileSystem.move(path, to: destination, as: context.user)
                }
                if parsed.has("v") { context.emit("\(quoted(source)) -> \(quoted(last))\n") }
            } catch {
                let verb = operation == .copy ? "cannot create regular file" : "cannot move \(quoted(source)) to"
                if error.code == .EINVAL {
                    context.complain("cannot \(operation == .copy ? "copy" : "move") a directory, \(quoted(source)), into itself, \(quoted(last))")
                } else {
                    context.complain("\(verb) \(quoted(last)): \(error.code.message)")
                }
                status = 1
            }
        }
        return status
    }
}
