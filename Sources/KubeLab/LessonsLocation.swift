import Foundation

/// Where the lesson files are: `--lessons`, `KUBELAB_LESSONS`, or the `lessons` folder of the
/// checkout the binary was built in (`.build/<configuration>/kubelab` → `lessons/`).
enum LessonsLocation {
    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let variable = environment["KUBELAB_LESSONS"], !variable.isEmpty { return URL(fileURLWithPath: variable) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "kubelab").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("lessons")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("README.md").path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "lessons")
    }
}
