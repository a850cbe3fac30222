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
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
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

    /// The failures of `lesson`; empty when it plays through and every mistake note fires
    /// where its test says it must and stays silent where it must not.
    public func test(_ lesson: Lesson) -> [Failure] {
        let environment: WorldEnvironment
        switch begin(lesson) {
        case .success(let begun): environment = begun
        case .failure(let failure): return [failure]
        }
        var mistakeFailures: [Failure] = []
        for (index, step) in lesson.steps.enumerated() {
            func failure(_ message: String, _ actual: String, at location: SourceLocation? = nil) -> [Failure] {
                [Failure(lesson: lesson.id, step: index + 1, stepID: step.id, location: location ?? step.source, message: message, actual: actual)]
                    + mistakeFailures
            }
            if let problem = step.setup.perform(in: environment) {
                return failure(problem.description, "exit status \(problem.status), output:\n" + problem.output)
            }
            let before = step.evaluate(in: environment, typed: [])
            if before.allSatisfy(\.passed) {
                let shown = before.map { "check at line \($0.check.source.line): " + $0.actualDescription }.joined(separator: "\n")
                return failure("the checks already pass before the solution (they do not test the step)", shown)
            }
            switch play(step.solution, in: environment, expecting: step.solutionStatuses) {
            case .failure(let problem):
                return failure(problem.message, problem.actual)
            case .success(let typed):
                let after = step.evaluate(in: environment, typed: typed)
                if let failed = after.first(where: { !$0.passed }) {
                    return failure("a check fails after the solution", failed.actualDescription, at: failed.check.source)
                }
                // A note's default silent case is the solution just played.
                for mistake in step.mistakes where mistake.test?.silent == nil {
                    let outcome = mistake.check.evaluate(in: environment, typed: typed)
                    if outcome.passed {
                        mistakeFailures += [mistakeFailure(lesson, index, mistake, "the mistake note fires after the solution",
                                                           outcome.actualDescription)]
                    }
                }
            }
            for mistake in step.mistakes {
                mistakeFailures += testMistake(mistake, of: lesson, stepAt: index)
            }
        }
        return mistakeFailures
    }

    /// What went wrong playing command lines.
    struct PlayProblem: Error {
        var message: String
        var actual: String
    }

    /// A fresh world with the lesson's starting world restored.
    func begin(_ lesson: Lesson) -> Result<WorldEnvironment, Failure> {
        let environment: WorldEnvironment
        do {
            environment = WorldEnvironment(world: try makeWorld(seed), makeWorld: makeWorld)
        } catch {
            return .failure(Failure(lesson: lesson.id, step: 0, stepID: "", location: lesson.source,
                                    message: "the world could not be made: \(error)", actual: ""))
        }
        guard let world = lesson.world else { return .success(environment) }
        do {
            if let problem = try world.restore(in: environment) {
                return .failure(Failure(lesson: lesson.id, step: 0, stepID: "", location: lesson.source,
                                        message: "the lesson's world: " + problem.description,
                                        actual: "exit status \(problem.status), output:\n" + problem.output))
            }
        } catch {
            return .failure(Failure(lesson: lesson.id, step: 0, stepID: "", location: lesson.source,
                                    message: "the lesson's world could not be restored: \(error)", actual: ""))
        }
        return .success(environment)
    }

    /// Plays `lines` as typed; stops at the first that does not exit 0, or the status `expecting`
    /// gives for its index (unless `anyStatus`).
    func play(_ lines: [String], in environment: WorldEnvironment, anyStatus: Bool = false,
              expecting statuses: [Int: Int32] = [:]) -> Result<[TypedLine], PlayProblem> {
        var typed: [TypedLine] = []
        for (index, line) in lines.enumerated() {
            let status = environment.runSolutionLine(line, visible: true)
            typed.append(TypedLine(line: line, status: status))
            if status != statuses[index, default: 0] && !anyStatus {
                return .failure(PlayProblem(message: "the solution command `\(line)` exited with status \(status)",
                                            actual: "output:\n" + environment.lastOutput))
            }
        }
        return .success(typed)
    }

    /// Plays a mistake's test: from the step's start (the lesson's world, the earlier steps'
    /// solutions, the step's setup), `fires` must make the note show and `silent` must not.
    func testMistake(_ mistake: Mistake, of lesson: Lesson, stepAt index: Int) -> [Failure] {
        guard let test = mistake.test else { return [] }
        var cases: [(lines: [String], mustFire: Bool)] = [(test.fires, true)]
        if let silent = test.silent { cases.append((silent, false)) }
        var failures: [Failure] = []
        for (lines, mustFire) in cases {
            let environment: WorldEnvironment
            switch stepStart(of: lesson, at: index) {
            case .success(let ready): environment = ready
            case .failure(let failure): return [failure]
            }
            guard case .success(let typed) = play(lines, in: environment, anyStatus: true) else { continue }
            let outcome = mistake.check.evaluate(in: environment, typed: typed)
            let step = lesson.steps[index]
            if step.passes(in: environment, typed: typed) && mustFire {
                failures.append(mistakeFailure(lesson, index, mistake, "the test's `fires` lines pass the step, so the note could never show",
                                               typed.map(\.line).joined(separator: "\n")))
            } else if outcome.passed != mustFire {
                let message = mustFire ? "the mistake note does not fire after its test's `fires` lines"
                                       : "the mistake note fires after its test's `silent` lines"
                failures.append(mistakeFailure(lesson, index, mistake, message, outcome.actualDescription))
            }
        }
        return failures
    }

    /// A world at the start of step `index`: the earlier steps solved, this one's setup done.
    func stepStart(of lesson: Lesson, at index: Int) -> Result<WorldEnvironment, Failure> {
        let environment: WorldEnvironment
        switch begin(lesson) {
        case .success(let begun): environment = begun
        case .failure(let failure): return .failure(failure)
        }
        for (earlier, step) in lesson.steps.prefix(index + 1).enumerated() {
            if let problem = step.setup.perform(in: environment) {
                return .failure(Failure(lesson: lesson.id, step: earlier + 1, stepID: step.id, location: step.source,
                                        message: problem.description, actual: problem.output))
            }
            guard earlier < index else { break }
            if case .failure(let problem) = play(step.solution, in: environment, expecting: step.solutionStatuses) {
                return .failure(Failure(lesson: lesson.id, step: earlier + 1, stepID: step.id, location: step.source,
                                        message: problem.message, actual: problem.actual))
            }
        }
        return .success(environment)
    }

    func mistakeFailure(_ lesson: Lesson, _ index: Int, _ mistake: Mistake, _ message: String, _ actual: String) -> Failure {
        let step = lesson.steps[index]
        return Failure(lesson: lesson.id, step: index + 1, stepID: step.id, location: mistake.test?.source ?? mistake.check.source,
                       message: message, actual: actual)
    }
}
