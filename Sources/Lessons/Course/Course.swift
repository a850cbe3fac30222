import Foundation
import REPL

/// The course: rides along the REPL session, shows the current step, checks the world after
/// every command, and moves the learner on when a step's checks pass. Progress is saved after
/// every change.
public final class Course: SessionCompanion {
    public let lessons: [Lesson]
    public internal(set) var progress: CourseProgress
    private let store: ProgressStore?
    private let defaultLanguage: Language
    /// How text is laid out on the learner's terminal.
    public var style: TextStyle
    /// Measures the terminal's width before text is wrapped (it may have been resized since);
    /// nil keeps `style.width`.
    public var measureWidth: (() -> Int)?
    /// A message from loading the progress, shown when the session starts.
    private var loadNotice: String?

    // What belongs to the current step only (not saved: a restart begins these afresh).
    var typedLines: [TypedLine] = []
    var hintsShown = 0
    var mistakesShown: Set<Int> = []

    /// A course over `lessons` (in course order), with progress in `store` (nil: not saved),
    /// the default language from `environment` (`LANG`), text laid out in `style`.
    public init(lessons: [Lesson], store: ProgressStore?, environment: [String: String], style: TextStyle) throws {
        self.lessons = lessons.sorted(by: Lesson.courseOrder)
        self.store = store
        self.defaultLanguage = Language(environment: environment)
        self.style = style
        if let store {
            let loaded = try store.load()
            progress = loaded.progress
            loadNotice = loaded.notice
        } else {
            progress = CourseProgress()
        }
    }

    public var language: Language { progress.language ?? defaultLanguage }

    /// The lesson the learner is in.
    public var currentLesson: Lesson? {
        guard let id = progress.currentLesson else { return nil }
        return lessons.first { $0.id == id }
    }

    /// The step the learner is on; nil when the lesson is finished or there is none.
    public var currentStep: Step? {
        guard let lesson = currentLesson, lesson.steps.indices.contains(progress.currentStep) else { return nil }
        return lesson.steps[progress.currentStep]
    }

    // MARK: SessionCompanion

    public var promptPrefix: String {
        guard let lesson = currentLesson else { return "" }
        if currentStep == nil { return "[\(lesson.section) ✓] " }
        return "[\(lesson.section) \(progress.currentStep + 1)/\(lesson.steps.count)] "
    }

    public var commandNames: [String] { CourseCommand.names }

    public func sessionDidStart(_ session: Session) {
        session.noteLanguage = language.rawValue
        if let loadNotice { session.show(loadNotice + "\n") }
        loadNotice = nil
        guard let first = lessons.first else {
            session.show(say("kubelab: there are no lessons to follow.\n", "kubelab：没有可学的课程。\n"))
            return
        }
        guard let lesson = currentLesson else {
            if !progress.welcomed {
                show(markdown: say(Phrases.welcomeEnglish, Phrases.welcomeChinese), in: session)
                progress.welcomed = true
            }
            start(lessons.first { !progress.isFinished($0) } ?? first, in: session)
            return
        }
        progress.currentStep = min(progress.currentStep, lesson.steps.count)
        // Positions from another machine, or from before `kubelab reset`, do not fit this journal.
        if progress.stepStartPositions.isEmpty || progress.stepStartPositions.contains(where: { $0 > session.journalPosition }) {
            progress.stepStartPositions = Array(repeating: session.journalPosition, count: min(progress.currentStep, lesson.steps.count - 1) + 1)
            save(in: session)
        }
        session.show(say("Welcome back: \(lesson.section) \(lesson.title.text(in: .english)).\n",
                         "欢迎回来：\(lesson.section) \(lesson.title.text(in: .chinese))。\n"))
        if currentStep != nil {
            showInstruction(in: session)
        } else {
            showWhatNext(after: lesson, in: session)
        }
    }

    public func handle(_ line: String, in session: Session) -> Bool {
        guard let command = CourseCommand(parsing: line) else { return false }
        perform(command, in: session)
        return true
    }

    public func commandDidFinish(_ line: String, status: Int32, in session: Session) {
        guard currentStep != nil else { return }
        typedLines.append(TypedLine(line: line, status: status))
        checkStep(in: session, reportFailure: false)
    }

    // MARK: Moving through the course

    /// Begins `lesson` at its first step: remembers where in the journal it began, sets up.
    func start(_ lesson: Lesson, in session: Session) {
        progress.currentLesson = lesson.id
        progress.stepStartPositions = []
        let minutes = lesson.estimatedMinutes
        session.show("\n" + style.styled(
            say("── \(lesson.section) \(lesson.title.english) (about \(minutes) min) ──",
                "── \(lesson.section) \(lesson.title.text(in: .chinese))（约 \(minutes) 分钟）──"), TextStyle.bold) + "\n")
        if let world = lesson.world { restore(world, in: session) }
        enter(stepAt: 0, of: lesson, in: session)
    }

    /// Puts the lesson's starting world in place, whatever the learner did before.
    func restore(_ world: LessonWorld, in session: Session) {
        do {
            if let failure = try world.restore(in: session) {
                session.show(say("kubelab: this lesson's starting world could not be set up (\(failure.description)); the lesson may need fixing.\n",
                                 "kubelab：这一课的初始环境无法准备好（\(failure.description)），课程可能需要修正。\n"))
                if !failure.output.isEmpty { session.show(failure.output) }
            }
        } catch {
            session.show(say("kubelab: this lesson's starting world cannot be restored here; you go on in your current one.\n",
                             "kubelab：这里无法恢复这一课的初始环境；你将在当前环境中继续。\n"))
        }
    }

    /// Makes step `index` current; the first time it is reached in this run of the lesson, its
    /// start is remembered and its setup runs.
    func enter(stepAt index: Int, of lesson: Lesson, in session: Session) {
        progress.currentStep = index
        resetStepState()
        if index < lesson.steps.count, index >= progress.stepStartPositions.count {
            progress.stepStartPositions = Array(progress.stepStartPositions.prefix(index)) + [session.journalPosition]
            if let failure = lesson.steps[index].setup.perform(in: session) {
                session.show(say("kubelab: this step's setup failed (\(failure.description)); the lesson may need fixing.\n",
                                 "kubelab：这一步的准备命令失败（\(failure.description)），课程可能需要修正。\n"))
                if !failure.output.isEmpty { session.show(failure.output) }
            }
        }
        save(in: session)
        if index < lesson.steps.count {
            showInstruction(in: session)
        } else {
            showWhatNext(after: lesson, in: session)
        }
    }

    func resetStepState() {
        typedLines = []
        hintsShown = 0
        mistakesShown = []
    }

    /// Runs the current step's checks; moves on when they pass. A failure is reported only when
    /// asked (`check`); after a command, a recognized mistake is explained instead.
    func checkStep(in session: Session, reportFailure: Bool) {
        guard let lesson = currentLesson, let step = currentStep else { return }
        if reportFailure {
            let outcomes = step.evaluate(in: session, typed: typedLines)
            if outcomes.allSatisfy(\.passed) {
                complete(step, of: lesson, in: session)
                return
            }
            let passing = outcomes.filter(\.passed).count
            var text = say("Not yet: \(passing) of \(outcomes.count) checks pass.", "还没完成：\(outcomes.count) 项检查通过了 \(passing) 项。")
            for outcome in outcomes where !outcome.passed {
                let missing = MissingCheck.describe(outcome.check)
                text += "\n- " + say("Missing: " + missing.english + ".", "还差：" + missing.chinese + "。")
            }
            text += "\n\n" + say("(`hint` helps.)", "（输入 `hint` 获取提示。）")
            show(markdown: text, in: session)
        } else if step.passes(in: session, typed: typedLines) {
            complete(step, of: lesson, in: session)
            return
        }
        if let index = step.mistakes.firstIndex(where: { $0.check.evaluate(in: session, typed: typedLines).passed }),
           reportFailure || !mistakesShown.contains(index) {
            mistakesShown.insert(index)
            session.show(style.styled(say("Careful:", "注意："), TextStyle.yellow) + "\n")
            show(markdown: step.mistakes[index].message.text(in: language), in: session)
        }
    }

    func complete(_ step: Step, of lesson: Lesson, in session: Session) {
        progress.markCompleted(lesson, step: step)
        session.show(style.styled(say("✓ Step \(progress.currentStep + 1) done.", "✓ 第 \(progress.currentStep + 1) 步完成。"),
                                  TextStyle.green) + "\n")
        if let explain = step.explain {
            show(markdown: explain.text(in: language), in: session)
        }
        advance(in: lesson, session: session)
    }

    /// Moves to the next step, or finishes the lesson.
    func advance(in lesson: Lesson, session: Session) {
        let next = progress.currentStep + 1
        if next == lesson.steps.count {
            progress.currentStep = next
            resetStepState()
            save(in: session)
            let title = lesson.title.text(in: language)
            session.show("\n" + style.styled(say("Lesson \(lesson.section) \(title) complete.", "第 \(lesson.section) 课「\(title)」完成。"),
                                             TextStyle.bold) + "\n")
            showWhatNext(after: lesson, in: session)
        } else {
            session.show("\n")
            enter(stepAt: next, of: lesson, in: session)
        }
    }

    /// The next lesson to do after `lesson`: the first unfinished one after it, else before it.
    func lesson(after lesson: Lesson) -> Lesson? {
        let position = lessons.firstIndex { $0.id == lesson.id } ?? -1
        let later = lessons.suffix(from: position + 1)
        return later.first { !progress.isFinished($0) } ?? lessons.prefix(max(0, position)).first { !progress.isFinished($0) }
    }

    func showWhatNext(after lesson: Lesson, in session: Session) {
        if let next = self.lesson(after: lesson) {
            let title = next.title.text(in: language)
            show(markdown: say("Next: **\(next.section) \(title)**. Type `next` to begin, or `lessons` to choose another.",
                               "下一课：**\(next.section) \(title)**。输入 `next` 开始，或输入 `lessons` 另选一课。"), in: session)
        } else {
            show(markdown: say(Phrases.courseEndEnglish, Phrases.courseEndChinese), in: session)
        }
    }

    // MARK: Showing

    func showInstruction(in session: Session) {
        guard let lesson = currentLesson, let step = currentStep else { return }
        let heading = say("Step \(progress.currentStep + 1) of \(lesson.steps.count)", "第 \(progress.currentStep + 1) 步，共 \(lesson.steps.count) 步")
        session.show(style.styled(heading, TextStyle.bold) + "\n")
        show(markdown: step.instruction.text(in: language), in: session)
    }

    func show(markdown: String, in session: Session) {
        if let measureWidth { style = TextStyle(width: measureWidth(), usesColor: style.usesColor) }
        session.show(TerminalMarkdown.render(markdown, style: style))
    }

    /// The English or the Chinese words, in the learner's language.
    func say(_ english: String, _ chinese: String) -> String {
        language == .chinese ? chinese : english
    }

    func save(in session: Session) {
        guard let store else { return }
        do {
            try store.save(progress)
        } catch {
            session.show(say("kubelab: could not save your progress: \(error.localizedDescription)\n",
                             "kubelab：无法保存学习进度：\(error.localizedDescription)\n"))
        }
    }
}
