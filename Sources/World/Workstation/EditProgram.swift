import Machine

/// `edit FILE` (also `vi`, `vim`, `nano`): opens the learner's own editor on a file of the
/// simulated workstation and writes back what they saved.
struct EditProgram: Program {
    /// The name its binaries carry.
    static let name = "edit"

    let world: UncheckedSendable<World>

    func run(_ context: ProgramContext) async throws -> Int32 {
        let name = context.programName
        let operands = context.arguments.dropFirst().filter { !$0.hasPrefix("-") || $0 == "-" }
        guard operands.count == 1, let operand = operands.first else {
            context.printError("\(name): give exactly one file to edit, e.g. \(name) app.js\n")
            return 2
        }
        let path = context.resolve(operand)
        let fileSystem = context.machine.fileSystem
        var contents: [UInt8] = []
        if fileSystem.exists(path) {
            do {
                contents = try fileSystem.readFile(path, as: context.user)
            } catch {
                context.printError("\(name): \(operand): \(error.code.message)\n")
                return 1
            }
        }
        guard let saved = world.value.edit(fileName: Paths.lastComponent(path), contents: contents) else {
            context.printError("\(name): no editor can be opened here: only a command typed at a terminal opens your editor; edit the file in the workspace folder of your KubeLab state directory instead\n")
            return 1
        }
        guard saved != contents || fileSystem.exists(path) else { return 0 }
        do {
            try fileSystem.writeFile(path, saved, as: context.user)
        } catch {
            context.printError("\(name): cannot write \(operand): \(error.code.message)\n")
            return 1
        }
        return 0
    }
}

import Simulation
