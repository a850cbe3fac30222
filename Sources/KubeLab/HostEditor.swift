import Foundation
import REPL

/// Runs the learner's own editor (`$VISUAL`, `$EDITOR`, else `vi`) on a copy of a simulated
/// file: the only host program KubeLab ever starts.
struct HostEditor {
    let state: StateDirectory

    func edit(fileName: String, contents: [UInt8]) -> [UInt8]? {
        let folder = state.url.appendingPathComponent("editing")
        let safeName = fileName.isEmpty || fileName.contains("/") ? "file" : fileName
        let file = folder.appendingPathComponent(safeName)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(contents).write(to: file)
        } catch {
            return nil
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // The editor command may carry its own arguments (`code --wait`); the file is quoted apart.
        // It runs as the terminal's foreground job (a `Process` would leave it in the
        // background, where vim cannot read the keyboard), and gets the terminal's modes back.
        let status = ForegroundJob.run(shellCommand: editor + " \"$1\"", argument: file.path)
        guard status == 0, let edited = try? Data(contentsOf: file) else { return nil }
        return [UInt8](edited)
    }
}
