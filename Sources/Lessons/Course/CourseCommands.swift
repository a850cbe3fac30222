import Formatting
import REPL

/// The course's own commands: moving around, help, undo and reset.
extension Course {
    func perform(_ command: CourseCommand, in session: Session) {
        // The map needs no lessons: it only reads the world.
        if command == .map { return showMap(in: session) }
        guard !lessons.isEmpty else {
            session.show(say("kubelab: there are no lessons to follow.\n", "kubelab：没有可学的课程。\n"))
            return
        }
        switch command {
        case .lessons: listLessons(in: session)
        case .lesson(let id): jump(to: id, in: session)
        case .step: showCurrent(in: session)
        case .hint: showHint(in: session)
        case .solution(let action): solution(action, in: session)
        case .check:
            guard currentStep != nil else { return showCurrent(in: session) }
            checkStep(in: session, reportFailure: true)
        case .next: goNext(in: session)
        case .back: goBack(in: session)
        case .skip: skip(in: session)
        case .undo: undo(in: session)
        case .reset: resetLesson(in: session)
        case .language(let code): setLanguage(code, in: session)
        case .help: show(markdown: say(Phrases.helpEnglish, Phrases.helpChinese), in: session)
        case .usage(let usage): session.show(say("usage: \(usage)\n", "用法：\(usage)\n"))
        case .map: showMap(in: session)
        }
    }

    /// The instruction of the current step, or what to do next after a finished lesson.
    func showCurrent(in session: Session) {
        guard let lesson = currentLesson else { return }
        if currentStep != nil {
            showInstruction(in: session)
        } else {
            showWhatNext(after: lesson, in: session)
        }
    }

    func listLessons(in session: Session) {
        var text = ""
        var chapter: Int?
        for lesson in lessons {
            if lesson.chapter != chapter {
                chapter = lesson.chapter
                text += style.styled(say("Chapter \(lesson.chapter)", "第 \(lesson.chapter) 章"), TextStyle.bold) + "\n"
            }
            let mark: String
            if lesson.id == progress.currentLesson && currentStep != nil {
                mark = style.styled("▶", TextStyle.yellow)
            } else if progress.isFinished(lesson) {
                mark = style.styled("✓", TextStyle.green)
            } else {
                mark = "·"
            }
            let done = lesson.steps.filter { progress.isCompleted(lesson, step: $0) }.count
            text += "  \(mark) \(lesson.section)  \(lesson.title.text(in: language))  (\(done)/\(lesson.steps.count))  "
                + style.styled(lesson.id, TextStyle.dim) + "\n"
        }
        session.show(text)
        show(markdown: say("`lesson ID` goes to a lesson.", "输入 `lesson ID` 进入某一课。"), in: session)
    }

    func jump(to id: String?, in session: Session) {
        guard let id else {
            showCurrent(in: session)
            return
        }
        guard let lesson = lessons.first(where: { $0.id == id }) else {
            show(markdown: say("There is no lesson `\(id)`; `lessons` lists them.", "没有 `\(id)` 这一课；输入 `lessons` 查看全部。"), in: session)
            return
        }
        let missing = lesson.prerequisites.filter { prerequisite in
            lessons.first { $0.id == prerequisite }.map { !progress.isFinished($0) } ?? false
        }
        if !missing.isEmpty {
            let names = missing.map { "`lesson \($0)`" }.joined(separator: ", ")
            show(markdown: say("This lesson builds on lessons you have not finished; you may want to do them first: \(names).",
                               "这一课以你尚未完成的课为基础，建议先学：\(names)。"), in: session)
        }
        start(lesson, in: session)
    }

    func showHint(in session: Session) {
        guard let step = currentStep else { return showCurrent(in: session) }
        guard hintsShown < step.hints.count else {
            let text = step.hints.isEmpty
                ? say("This step has no hints. `solution` shows how to solve it.", "这一步没有提示。输入 `solution` 查看解法。")
                : say("No more hints. `solution` shows how to solve it.", "没有更多提示了。输入 `solution` 查看解法。")
            show(markdown: text, in: session)
            return
        }
        hintsShown += 1
        session.show(style.styled(say("Hint \(hintsShown)/\(step.hints.count):", "提示 \(hintsShown)/\(step.hints.count)："), TextStyle.yellow) + "\n")
        show(markdown: step.hints[hintsShown - 1].text(in: language), in: session)
    }

    func solution(_ action: CourseCommand.SolutionAction, in session: Session) {
        guard let step = currentStep else { return showCurrent(in: session) }
        switch action {
        case .offer:
            show(markdown: say("Sure? Working it out teaches more. `solution show` shows the commands; `solution run` runs them for you.",
                               "确定吗？自己想出来收获更大。`solution show` 显示命令；`solution run` 替你运行。"), in: session)
        case .show:
            session.show(step.solution.map { "    $ " + VisibleControls.escape($0) + "\n" }.joined())
        case .run:
            for line in step.solution {
                session.show(style.styled("$ " + VisibleControls.escape(line), TextStyle.dim) + "\n")
                let status = session.runSolutionLine(line, visible: true)
                typedLines.append(TypedLine(line: line, status: status))
            }
            checkStep(in: session, reportFailure: true)
        }
    }

    func goNext(in session: Session) {
        guard let lesson = currentLesson else { return }
        guard let step = currentStep else {
            if let next = self.lesson(after: lesson) {
                start(next, in: session)
            } else {
                showWhatNext(after: lesson, in: session)
            }
            return
        }
        guard progress.isCompleted(lesson, step: step) else {
            show(markdown: say("This step is not done yet: `check` checks it, `skip` moves on anyway.",
                               "这一步还没完成：`check` 检查进度，`skip` 跳过它。"), in: session)
            return
        }
        session.show("\n")
        enter(stepAt: progress.currentStep + 1, of: lesson, in: session)
    }

    func goBack(in session: Session) {
        guard let lesson = currentLesson, progress.currentStep > 0 else {
            show(markdown: say("This is the lesson's first step.", "这已经是本课的第一步。"), in: session)
            return
        }
        enter(stepAt: progress.currentStep - 1, of: lesson, in: session)
    }

    func skip(in session: Session) {
        guard let lesson = currentLesson, let step = currentStep else { return showCurrent(in: session) }
        progress.markSkipped(lesson, step: step)
        session.show(say("Skipped step \(progress.currentStep + 1).\n", "已跳过第 \(progress.currentStep + 1) 步。\n"))
        advance(in: lesson, session: session)
    }

    /// Rebuilds the world as it was before the last command; when that command finished a step,
    /// the course goes back to that step.
    func undo(in session: Session) {
        guard let lesson = currentLesson, let lessonStart = progress.stepStartPositions.first else { return }
        guard let position = session.positionBeforeLastCommand, position >= lessonStart else {
            show(markdown: say("Nothing to undo in this lesson (`reset` starts it over).", "本课没有可撤销的命令（`reset` 让本课重新开始）。"), in: session)
            return
        }
        do {
            try session.rebuildWorld(keepingJournalEntries: position)
        } catch {
            session.show(say("kubelab: undo is not available here.\n", "kubelab：这里无法撤销。\n"))
            return
        }
        let reached = progress.stepStartPositions.lastIndex { $0 <= position } ?? 0
        progress.stepStartPositions = Array(progress.stepStartPositions.prefix(reached + 1))
        session.show(say("Undone: the world is back to before your last command.\n", "已撤销：世界回到了上一条命令之前。\n"))
        if progress.currentStep > reached {
            enter(stepAt: reached, of: lesson, in: session)
        } else {
            resetStepState()
            save(in: session)
        }
    }

    /// Starts the lesson over: the world as it was when the lesson began, then the first step's setup.
    func resetLesson(in session: Session) {
        guard let lesson = currentLesson, let lessonStart = progress.stepStartPositions.first else { return }
        // A lesson with a starting world restores it afresh; there is nothing to rebuild.
        if lesson.world != nil {
            session.show(say("The lesson starts over.\n", "本课重新开始。\n"))
            return start(lesson, in: session)
        }
        do {
            try session.rebuildWorld(keepingJournalEntries: lessonStart)
        } catch {
            session.show(say("kubelab: reset is not available here.\n", "kubelab：这里无法重置。\n"))
            return
        }
        session.show(say("The lesson starts over.\n", "本课重新开始。\n"))
        start(lesson, in: session)
    }

    func setLanguage(_ code: String?, in session: Session) {
        guard let code else {
            show(markdown: say("Language: English (`lang zh` switches to Chinese)", "语言：中文（`lang en` 切换为英文）"), in: session)
            return
        }
        guard let language = Language(rawValue: code.lowercased()) else {
            session.show(say("usage: lang en|zh\n", "用法：lang en|zh\n"))
            return
        }
        progress.language = language
        session.noteLanguage = language.rawValue
        save(in: session)
        session.show(say("Language: English\n", "语言：中文\n"))
        showCurrent(in: session)
    }
}
