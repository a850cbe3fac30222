/// One lesson of the course: a few steps that together do one thing from the book.
public struct Lesson: Hashable, Sendable {
    public var id: String
    public var chapter: Int
    /// The book's section, e.g. `2.1`; lessons are ordered by it.
    public var section: String
    public var title: LocalizedText
    public var prerequisites: [String]
    public var estimatedMinutes: Int
    public var steps: [Step]
    /// Where the lesson was read from, for messages that point at it.
    public var source: SourceLocation

    public init(id: String, chapter: Int, section: String, title: LocalizedText, prerequisites: [String] = [],
                estimatedMinutes: Int, steps: [Step], source: SourceLocation) {
        self.id = id
        self.chapter = chapter
        self.section = section
        self.title = title
        self.prerequisites = prerequisites
        self.estimatedMinutes = estimatedMinutes
        self.steps = steps
        self.source = source
    }

    /// Orders lessons by section number (`2.10` after `2.9`), then by file.
    public static func courseOrder(_ lhs: Lesson, _ rhs: Lesson) -> Bool {
        let left = lhs.section.split(separator: ".").map { Int($0) ?? 0 }
        let right = rhs.section.split(separator: ".").map { Int($0) ?? 0 }
        if left != right { return left.lexicographicallyPrecedes(right) }
        return (lhs.source.path, lhs.id) < (rhs.source.path, rhs.id)
    }
}

/// One thing the learner does, checked against the world.
public struct Step: Hashable, Sendable {
    /// The step's id within its lesson (its number when the file gives none): progress is
    /// recorded by it, so steps can be inserted without losing a learner's marks.
    public var id: String
    public var instruction: LocalizedText
    public var setup: StepSetup
    public var checks: [Check]
    public var hints: [LocalizedText]
    /// The command lines that solve the step.
    public var solution: [String]
    /// Shown once the step passes.
    public var explain: LocalizedText?
    public var mistakes: [Mistake]
    public var source: SourceLocation

    public init(id: String, instruction: LocalizedText, setup: StepSetup = StepSetup(), checks: [Check], hints: [LocalizedText] = [],
                solution: [String], explain: LocalizedText? = nil, mistakes: [Mistake] = [], source: SourceLocation) {
        self.id = id
        self.instruction = instruction
        self.setup = setup
        self.checks = checks
        self.hints = hints
        self.solution = solution
        self.explain = explain
        self.mistakes = mistakes
        self.source = source
    }
}

/// What a step puts in place before the learner starts it.
public struct StepSetup: Hashable, Sendable {
    /// Files put into the learner's home directory (paths relative to it).
    public var files: [SetupFile]
    /// Command lines run out of sight, in order (e.g. a cluster that must exist).
    public var commands: [String]

    public init(files: [SetupFile] = [], commands: [String] = []) {
        self.files = files
        self.commands = commands
    }

    public var isEmpty: Bool { files.isEmpty && commands.isEmpty }
}

/// A file a step's setup writes into the learner's home.
public struct SetupFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// A typical wrong turn and what to tell the learner who took it.
public struct Mistake: Hashable, Sendable {
    /// Recognizes the wrong turn: when it passes, the learner took it.
    public var check: Check
    public var message: LocalizedText

    public init(check: Check, message: LocalizedText) {
        self.check = check
        self.message = message
    }
}

/// A file and line a lesson element came from.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int

    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    public var description: String { "\(path):\(line)" }
}
