import World

/// Plays each lesson's solutions in a fresh world with a fixed seed: setup, then for every
/// step its checks must fail before the solution and pass after it. A lesson stops at its
/// first failing step (later steps build on it).
public struct LessonTester {
    /// Makes a fresh world from a seed (the same setup the course runs in).
    public var makeWorld: (UInt64) throws -> World
    public var seed: UInt64

    public init(seed: UInt64 = 1, makeWorld: @escaping (UInt64) throws -> World) {
        self.seed = seed
        self.makeWorld = makeWorld
    }

    /// One step that did not behave.
    public struct Failure: Hashable, Sendable, CustomStringConvertible {
        public var lesson: String
        public var step: Int
        public var stepID: String
        public var location: SourceLocation
        public var message: String
        /// What the world answered (a check's output, a command's output).
        public var actual: String

        public var description: String {
            var text = "\(location): lesson \(lesson), step \(step) (\(stepID)): \(message)\n"
            var shown = Substring(actual)
            while shown.last == "\n" { shown.removeLast() }
            if !shown.isEmpty {
                text += shown.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 + "\n" }.joined()
            }
            return text
        }
    }

    /// The failures of `lesson`; empty when it plays through.
    public func test(_ lesson: Lesson) -> [Failure] {
        let world: World
        do {
            world = try makeWorld(seed)
        } catch {
            return [Failure(lesson: lesson.id, step: 0, stepID: "", location: lesson.source,
                            message: "the world could not be made: \(error)", actual: "")]
        }
        let environment = WorldEnvironment(world: world)
        for (index, step) in lesson.steps.enumerated() {
            func failure(_ message: String, _ actual: String, at location: SourceLocation? = nil) -> [Failure] {
                [Failure(lesson: lesson.id, step: index + 1, stepID: step.id, location: location ?? step.source, message: message, actual: actual)]
            }
            if let problem = step.setup.perform(in: environment) {
                return failure(problem.description, "exit status \(problem.status), output:\n" + problem.output)
            }
            let before = step.evaluate(in: environment, typed: [])
            if before.allSatisfy(\.passed) {
                let shown = before.map { "check at line \($0.check.source.line): " + $0.actualDescription }.joined(separator: "\n")
                return failure("the checks already pass before the solution (they do not test the step)", shown)
            }
            var typed: [TypedLine] = []
            for line in step.solution {
                let status = environment.runSolutionLine(line, visible: true)
                typed.append(TypedLine(line: line, status: status))
                if status != 0 {
                    return failure("the solution command `\(line)` exited with status \(status)", "output:\n" + environment.lastOutput)
                }
            }
            let after = step.evaluate(in: environment, typed: typed)
            if let failed = after.first(where: { !$0.passed }) {
                return failure("a check fails after the solution", failed.actualDescription, at: failed.check.source)
            }
        }
        return []
    }
}
