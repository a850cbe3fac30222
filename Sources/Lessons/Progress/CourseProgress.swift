/// Where a learner is in the course: what each lesson's done steps are, the current lesson and
/// step, the chosen language, and where in the world's journal the current lesson began.
public struct CourseProgress: Codable, Hashable, Sendable {
    /// The file format's version.
    public var version: Int = 1
    /// Steps completed, by lesson id, by step id.
    public var completedSteps: [String: [String]] = [:]
    /// Steps passed over with `skip`, by lesson id.
    public var skippedSteps: [String: [String]] = [:]
    public var currentLesson: String?
    /// The index of the current step; the lesson's step count once it is finished.
    public var currentStep: Int = 0
    /// The language the learner chose with `lang` (nil: from `LANG`).
    public var language: Language?
    /// Journal positions where each step of the current lesson began (the first: where the
    /// lesson began), for `reset` and for `undo` across a step. Empty after an import on
    /// another machine, whose journal is another one.
    public var stepStartPositions: [Int] = []
    /// Whether the welcome was shown.
    public var welcomed = false

    public init() {}

    public func isCompleted(_ lesson: Lesson, step: Step) -> Bool {
        completedSteps[lesson.id]?.contains(step.id) ?? false
    }

    /// Whether every step of the lesson was completed or skipped.
    public func isFinished(_ lesson: Lesson) -> Bool {
        let done = Set(completedSteps[lesson.id] ?? []).union(skippedSteps[lesson.id] ?? [])
        return lesson.steps.allSatisfy { done.contains($0.id) }
    }

    /// Whether any step of the lesson was done.
    public func isStarted(_ lesson: Lesson) -> Bool {
        !(completedSteps[lesson.id] ?? []).isEmpty || !(skippedSteps[lesson.id] ?? []).isEmpty
    }

    public mutating func markCompleted(_ lesson: Lesson, step: Step) {
        if !(completedSteps[lesson.id] ?? []).contains(step.id) { completedSteps[lesson.id, default: []].append(step.id) }
        skippedSteps[lesson.id]?.removeAll { $0 == step.id }
        if skippedSteps[lesson.id]?.isEmpty == true { skippedSteps[lesson.id] = nil }
    }

    public mutating func markSkipped(_ lesson: Lesson, step: Step) {
        guard !isCompleted(lesson, step: step), !(skippedSteps[lesson.id] ?? []).contains(step.id) else { return }
        skippedSteps[lesson.id, default: []].append(step.id)
    }
}
