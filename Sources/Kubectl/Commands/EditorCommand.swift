import Kernel

/// The editor `kubectl edit` runs, from `KUBE_EDITOR`, then `EDITOR` (kubectl's order).
///
/// `vi`, `vim`, `nano` and `edit` stand for the learner's own editor on the host, which only a
/// terminal session may open. Anything else (`sed -i …`, a script) is a command of the simulated
/// workstation: kubectl writes the object to a file in `/tmp`, runs `$SHELL -c "EDITOR FILE"`
/// there, as kubectl 1.8 did for an editor with arguments, and reads the file back.
struct EditorCommand {
    let setting: String

    /// The workstation programs that open the host's editor.
    static let hostEditors: Set<String> = ["vi", "vim", "nano", "edit"]

    /// The editor the environment names, nil when it names none or only the host's.
    init?(environment: [String: String]) {
        let named = [environment["KUBE_EDITOR"], environment["EDITOR"]].compactMap { $0 }
            .first { !$0.allSatisfy(\.isWhitespace) }
        guard let named else { return nil }
        let program = named.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { Paths.lastComponent(String($0)) } ?? ""
        guard !Self.hostEditors.contains(program) else { return nil }
        setting = named
    }

    /// Runs the editor on `contents` saved as `path`; nil when it failed (status other than 0).
    func edit(path: String, contents: [UInt8], context: ProgramContext) async throws -> [UInt8]? {
        let fileSystem = context.machine.fileSystem
        do {
            try fileSystem.writeFile(path, contents, mode: 0o600, as: context.user)
        } catch {
            return nil
        }
        defer { try? fileSystem.remove(path, as: context.user) }
        let shell = context.environment["SHELL"].flatMap { $0.isEmpty ? nil : $0 } ?? "/bin/bash"
        let process: SimulatedProcess
        do {
            process = try context.machine.start([shell, "-c", setting + " " + path], environment: context.environment,
                                                workingDirectory: context.workingDirectory, user: context.user, stdin: context.stdin,
                                                stdout: context.stdout, stderr: context.stderr, parent: context.process)
        } catch {
            return nil
        }
        guard try await process.waitForExit() == 0 else { return nil }
        return try? fileSystem.readFile(path, as: context.user)
    }
}
