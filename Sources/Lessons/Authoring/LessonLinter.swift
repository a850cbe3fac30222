/// Finds what is wrong with lesson files before a learner meets it: schema errors, missing
/// translations, unknown commands in solutions and setup, checks that would change the world,
/// duplicate lesson ids and prerequisites that name no lesson.
public struct LessonLinter {
    /// The command names a solution may use (the workstation's programs and the shell's builtins).
    public var knownCommands: Set<String>

    public init(knownCommands: Set<String>) {
        self.knownCommands = knownCommands
    }

    /// Every problem in the lesson files under `paths`, in file and line order.
    public func lint(paths: [String]) -> [LessonDiagnostic] {
        let (lessons, diagnostics) = LessonLoader.load(paths: paths)
        return diagnostics + lint(lessons)
    }

    /// The problems of lessons already parsed (the schema was checked while parsing).
    public func lint(_ lessons: [Lesson]) -> [LessonDiagnostic] {
        var diagnostics: [LessonDiagnostic] = []
        var firstByID: [String: SourceLocation] = [:]
        for lesson in lessons {
            if let first = firstByID[lesson.id] {
                diagnostics.append(LessonDiagnostic(.error, "lesson id \"\(lesson.id)\" is also used at \(first)", at: lesson.source))
            } else {
                firstByID[lesson.id] = lesson.source
            }
        }
        for lesson in lessons {
            for (index, prerequisite) in lesson.prerequisites.enumerated() where firstByID[prerequisite] == nil {
                let location = lesson.prerequisiteSources.indices.contains(index) ? lesson.prerequisiteSources[index] : lesson.source
                diagnostics.append(LessonDiagnostic(.error, "prerequisite \"\(prerequisite)\" is not a lesson", at: location))
            }
            if let world = lesson.world {
                for line in world.commands {
                    if let unknown = unknownCommand(in: line) {
                        diagnostics.append(LessonDiagnostic(.error, "the lesson's world runs `\(unknown)`, which is not a known command",
                                                            at: lesson.source))
                    }
                }
            } else {
                diagnostics.append(LessonDiagnostic(.error, "the lesson needs \"world\": the world it starts from (cluster: none, minikube or gke)",
                                                    at: lesson.source))
            }
            if let sectionChapter = lesson.section.split(separator: ".").first.flatMap({ Int($0) }), sectionChapter != lesson.chapter {
                diagnostics.append(LessonDiagnostic(.error, "section \(lesson.section) is not in chapter \(lesson.chapter)", at: lesson.source))
            }
            if lesson.prerequisites.contains(lesson.id) {
                diagnostics.append(LessonDiagnostic(.error, "the lesson lists itself as a prerequisite", at: lesson.source))
            }
            for (index, step) in lesson.steps.enumerated() {
                diagnostics += lint(step, number: index + 1)
            }
        }
        return diagnostics.sorted {
            ($0.location.path, $0.location.line, $0.message) < ($1.location.path, $1.location.line, $1.message)
        }
    }

    func lint(_ step: Step, number: Int) -> [LessonDiagnostic] {
        var diagnostics: [LessonDiagnostic] = []
        let unasked = step.solution.map { ($0, "the solution") } + step.setup.commands.map { ($0, "the setup") }
            + (step.checks + step.mistakes.map(\.check)).compactMap { check in
                if case .command(let line) = check.kind { (line, "a check") } else { nil }
            }
        for (line, what) in unasked {
            if let editor = editorCommand(in: line) {
                diagnostics.append(LessonDiagnostic(.error, "step \(number): \(what) runs `\(editor)`, which opens the learner's own editor; only the learner may start it",
                                                    at: step.source))
            }
        }
        for line in step.solution {
            if let unknown = unknownCommand(in: line) {
                diagnostics.append(LessonDiagnostic(.error, "step \(number): the solution runs `\(unknown)`, which is not a known command",
                                                    at: step.source))
            }
        }
        for line in step.setup.commands {
            if let unknown = unknownCommand(in: line) {
                diagnostics.append(LessonDiagnostic(.error, "step \(number): the setup runs `\(unknown)`, which is not a known command",
                                                    at: step.source))
            }
        }
        for mistake in step.mistakes {
            // A test's lines may well run what does not exist: a typo can be the mistake.
            if mistake.test == nil {
                diagnostics.append(LessonDiagnostic(.error, "step \(number): a mistake needs a \"test\" (`fires`: lines after which its note must show)",
                                                    at: mistake.check.source))
            }
        }
        let checks = step.checks.map { ($0, "a check") } + step.mistakes.map { ($0.check, "a mistake's check") }
        for (check, what) in checks {
            guard case .command(let line) = check.kind else { continue }
            if let problem = ReadOnlyCommands.problem(with: line) {
                diagnostics.append(LessonDiagnostic(.error, "step \(number): \(what) must only read the world: \(problem)", at: check.source))
            } else if let unknown = unknownCommand(in: line) {
                diagnostics.append(LessonDiagnostic(.error, "step \(number): \(what) runs `\(unknown)`, which is not a known command",
                                                    at: check.source))
            }
        }
        return diagnostics
    }

    /// The commands that open the learner's editor on the host.
    static let editorNames: Set<String> = ["edit", "vi", "vim", "nano"]

    /// The first command of `line` that opens the learner's editor (`vi`, `kubectl edit`), if any.
    func editorCommand(in line: String) -> String? {
        for command in CommandLineReading(line).commands {
            guard let path = command.words.first, let name = path.split(separator: "/").last.map(String.init) else { continue }
            if Self.editorNames.contains(name) { return name }
            if name == "kubectl", command.words.dropFirst().contains("edit"), !namesWorkstationEditor(command.assignments) { return "kubectl edit" }
        }
        return nil
    }

    /// Whether `KUBE_EDITOR` (else `EDITOR`) set for the command names a workstation command
    /// (`sed -i …`), which kubectl runs inside the simulation instead of the learner's editor.
    func namesWorkstationEditor(_ assignments: [String: String]) -> Bool {
        guard let value = [assignments["KUBE_EDITOR"], assignments["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return false }
        let unquoted = value.drop { $0 == "\"" || $0 == "'" }
        let program = unquoted.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "'" }).first.map(String.init) ?? ""
        let name = program.split(separator: "/").last.map(String.init) ?? program
        return !name.isEmpty && !Self.editorNames.contains(name)
    }

    /// The first command of `line` that is not known, if any; the session's own `wait` counts.
    func unknownCommand(in line: String) -> String? {
        if WorldEnvironment.waitDuration(line) != nil { return nil }
        for command in CommandLineReading(line).commands {
            guard let name = command.words.first, !name.contains("/") else { continue }
            if !knownCommands.contains(name) { return name }
        }
        return nil
    }
}
