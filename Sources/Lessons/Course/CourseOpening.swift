import Foundation

extension Course {
    /// The course of the lesson files under `lessonsDirectory`, with progress in `stateDirectory`.
    /// Lessons with errors are left out; their problems are returned for the caller to show.
    ///
    /// - Throws: when the progress file exists but cannot be read at all (a damaged one is set
    ///   aside instead, and reported when the session starts).
    public static func open(lessonsDirectory: URL, stateDirectory: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                            style: TextStyle) throws -> (course: Course, problems: [LessonDiagnostic]) {
        let (lessons, diagnostics) = LessonLoader.load(paths: [lessonsDirectory.path])
        let course = try Course(lessons: lessons, store: ProgressStore(directory: stateDirectory), environment: environment, style: style)
        return (course, diagnostics.filter { $0.severity == .error })
    }
}
