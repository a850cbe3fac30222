/// One lesson of the course: a few steps that together do one thing from the book.
public struct Lesson: Hashable, Sendable {
    public var id: String
    public var chapter: Int
    /// The book's section, e.g. `2.1`; lessons are ordered by it.
    public var section: String
    public var title: LocalizedText
    public var prerequisites: [String]
    /// Where each prerequisite is named (parallel to `prerequisites`; empty when not read from a file).
    public var prerequisiteSources: [SourceLocation] = []
    public var estimatedMinutes: Int
    public var steps: [Step]
    /// The world the lesson starts from, restored when it is entered; nil: it goes on in
    /// whatever world the learner has.
    public var world: LessonWorld?
    /// Where the lesson was read from, for messages that point at it.
    public var source: SourceLocation

    public init(id: String, chapter: Int, section: String, title: LocalizedText, prerequisites: [String] = [],
                estimatedMinutes: Int, world: LessonWorld? = nil, steps: [Step], source: SourceLocation) {
        self.id = id
        self.world = world
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
    /// The exit status a solution line ends with when it is not 0, by the line's index: what a
    /// learner gets there too (an SSH session to a node cut off the network hangs until Ctrl-C).
    public var solutionStatuses: [Int: Int32] = [:]
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
    /// Command lines that take the wrong turn and lines that do not, played by `lesson test`.
    public var test: MistakeTest?

    public init(check: Check, message: LocalizedText, test: MistakeTest? = nil) {
        self.check = check
        self.message = message
        self.test = test
    }
}

/// How `lesson test` proves a mistake note right: played from the step's start (after the
/// earlier steps' solutions), `fires` must make its check pass and `silent` must not.
public struct MistakeTest: Hashable, Sendable {
    /// Command lines after which the note must be shown.
    public var fires: [String]
    /// Command lines after which it must not be; nil: the step's solution.
    public var silent: [String]?
    public var source: SourceLocation

    public init(fires: [String], silent: [String]? = nil, source: SourceLocation) {
        self.fires = fires
        self.silent = silent
        self.source = source
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
