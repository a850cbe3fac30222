import Foundation

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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor command may carry its own arguments (`code --wait`); the file is quoted apart.
        process.arguments = ["-c", editor + " \"$1\"", "editor", file.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0, let edited = try? Data(contentsOf: file) else { return nil }
        return [UInt8](edited)
    }
}
