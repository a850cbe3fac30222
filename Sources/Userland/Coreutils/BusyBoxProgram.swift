import Kernel

/// `busybox`: the multi-call binary of the busybox and alpine images. It runs the applet named
/// by how it was invoked (`/bin/ls` linked to it) or by its first argument (`busybox ls`).
public struct BusyBoxProgram: Program {
    /// The version line BusyBox prints in its usage texts (the 2018 release the images shipped).
    static let banner = "BusyBox v1.28.1 (2018-02-15 14:34:02 UTC) multi-call binary."

    /// Applets the shell module provides.
    public static let shellApplets: Set<String> = ["sh", "echo", "printf", "test", "[", "pwd"]

    /// The applets, by name.
    let applets: [String: any Program]

    public init(applets: [String: any Program]) {
        self.applets = applets
    }

    public var appletNames: [String] { applets.keys.sorted() }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var name = context.programName
        if name == "busybox" {
            guard context.arguments.count > 1 else {
                context.emit(Self.banner + "\n" + "Usage: busybox [function [arguments]...]\n")
                return 0
            }
            context.arguments.removeFirst()
            name = context.programName
        }
        if let applet = applets[name] {
            return try await applet.run(context)
        }
        // The shell applet (`sh`, `ash`) and the shell's own utilities (`echo`, `printf`, `test`)
        // are registered by the shell module under their names.
        let registered = name == "ash" ? "sh" : name
        if Self.shellApplets.contains(registered), let program = context.machine.programs.program(named: registered) {
            return try await program.run(context)
        }
        context.printError("\(name): applet not found\n")
        return 127
    }
}
