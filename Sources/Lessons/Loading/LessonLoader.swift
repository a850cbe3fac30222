import Foundation

/// Finds and reads lesson files: a folder is searched for `*.yaml` / `*.yml` files, one lesson
/// each (the course's chapters are folders of them).
public enum LessonLoader {
    /// The lessons found under `paths` (files or folders), in course order, and every problem met.
    public static func load(paths: [String]) -> (lessons: [Lesson], diagnostics: [LessonDiagnostic]) {
        var lessons: [Lesson] = []
        var diagnostics: [LessonDiagnostic] = []
        for file in lessonFiles(in: paths, diagnostics: &diagnostics) {
            let result = LessonParser.parse(contentsOf: URL(fileURLWithPath: file), path: file)
            diagnostics += result.diagnostics
            if let lesson = result.lesson { lessons.append(lesson) }
        }
        return (lessons.sorted(by: Lesson.courseOrder), diagnostics)
    }

    /// The lesson files named by `paths`, folders searched recursively, sorted by path.
    public static func lessonFiles(in paths: [String], diagnostics: inout [LessonDiagnostic]) -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(LessonDiagnostic(.error, "no such file or directory", at: SourceLocation(path: path, line: 1)))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            let found = (manager.enumerator(atPath: path)?.allObjects as? [String]) ?? []
            files += found.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { base + "/" + $0 }
        }
        return files
    }
}
