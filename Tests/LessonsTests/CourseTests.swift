import Foundation
import Testing
@testable import Lessons

@Suite struct CourseTests {
    func harness() throws -> CourseHarness {
        try CourseHarness([Fixtures.files, Fixtures.more])
    }

    @Test func theFirstStartWelcomesAndShowsTheFirstStep() throws {
        let course = try harness()
        let screen = try course.run([])
        #expect(screen.hasPrefix("Welcome to KubeLab."))
        #expect(screen.contains("── 2.1 Files at home (about 5 min) ──\nStep 1 of 3\nCreate a file named `notes.txt`.\n"))
        #expect(course.prompts == ["[2.1 1/3] ~ $ "])
    }

    @Test func aPassingStepShowsTheExplanationAndTheNextStep() throws {
        let course = try harness()
        let screen = try course.run(["ls", "touch notes.txt"])
        #expect(screen.hasSuffix("""
            ✓ Step 1 done.
            An empty file is still a file.

            Step 2 of 3
            Write hello into `greeting`.

            """))
        #expect(course.prompts == ["[2.1 1/3] ~ $ ", "[2.1 1/3] ~ $ ", "[2.1 2/3] ~ $ "])
        // The second step's setup put its file in place.
        #expect(course.exists("data/seed.txt"))
        let saved = try course.store.load().progress
        #expect(saved.completedSteps == ["ch02-files": ["create"]])
        #expect(saved.currentStep == 1)
    }

    @Test func hintsComeOneAtATimeThenPointAtTheSolution() throws {
        let course = try harness()
        try course.run([])
        let screen = try course.run(["hint", "hint", "hint", "solution", "solution show"])
        #expect(screen.contains("""
            Hint 1/2:
            Files can be empty.
            Hint 2/2:
            Try `touch`.
            No more hints. `solution` shows how to solve it.
            Sure? Working it out teaches more.
            """))
        #expect(screen.hasSuffix("for you.\n    $ touch notes.txt\n"))
        #expect(!course.exists("notes.txt"))
    }

    @Test func solutionRunSolvesTheStep() throws {
        let course = try harness()
        let screen = try course.run(["solution run"])
        #expect(screen.contains("$ touch notes.txt\n✓ Step 1 done."))
        #expect(course.exists("notes.txt"))
    }

    @Test func aRecognizedMistakeIsExplainedOnce() throws {
        let course = try harness()
        let screen = try course.run(["mkdir notes.txt", "ls", "check"])
        #expect(screen.components(separatedBy: "That is a directory, not a file.").count == 3)
        #expect(screen.contains("Careful:\nThat is a directory, not a file.\nnotes.txt\nNot yet: 0 of 1 checks pass."))
    }

    @Test func typedChecksMatchTheLineTyped() throws {
        let course = try harness()
        let screen = try course.run(["touch notes.txt", "write greeting hello", "echo ls", "ls"])
        #expect(screen.contains("Lesson 2.1 Files at home complete.\nNext: **2.2 More files**".replacingOccurrences(of: "**", with: "")))
        #expect(course.prompts.last == "[2.1 ✓] ~ $ ")
        #expect(screen.components(separatedBy: "✓ Step").count == 4)
    }

    @Test func undoRevertsTheWorldAndTheStepItCompleted() throws {
        let course = try harness()
        let screen = try course.run(["touch notes.txt", "undo", "check"])
        #expect(screen.contains("Undone: the world is back to before your last command.\nStep 1 of 3\n"))
        #expect(!course.exists("notes.txt"))
        #expect(course.prompts.last == "[2.1 1/3] ~ $ ")
        #expect(screen.hasSuffix("Not yet: 0 of 1 checks pass.\n• Missing: `test -f notes.txt` does not show what this step needs yet.\n\n(`hint` helps.)\n"))
    }

    @Test func undoWithinAStepKeepsTheStep() throws {
        let course = try harness()
        try course.run(["touch notes.txt", "write other x", "undo"])
        #expect(course.exists("notes.txt"))
        #expect(!course.exists("other"))
        #expect(course.prompts.last == "[2.1 2/3] ~ $ ")
        let screen = try course.run(["undo", "undo"])
        #expect(!course.exists("notes.txt"))
        #expect(screen.hasSuffix("Nothing to undo in this lesson (`reset` starts it over).\n"))
    }

    @Test func resetStartsTheLessonOverInTheWorldItBeganIn() throws {
        let course = try harness()
        try course.run(["touch notes.txt", "touch scratch"])
        #expect(course.exists("data/seed.txt"))
        let screen = try course.run(["reset"])
        #expect(screen.contains("The lesson starts over.\n\n── 2.1 Files at home"))
        #expect(!course.exists("notes.txt"))
        #expect(!course.exists("scratch"))
        #expect(!course.exists("data/seed.txt"))
        #expect(course.prompts.last == "[2.1 1/3] ~ $ ")
        // Marks already earned stay.
        #expect(try course.store.load().progress.completedSteps["ch02-files"] == ["create"])
    }

    @Test func theNextLessonRunsItsSetupAndOffersPrerequisitesOnAJump() throws {
        let course = try harness()
        let screen = try course.run(["lesson ch02-more"])
        #expect(screen.contains("This lesson builds on lessons you have not finished; you may want to do them\nfirst: `lesson ch02-files`."))
        #expect(course.exists("setup-marker"))
        #expect(course.prompts.last == "[2.2 1/1] ~ $ ")
        let end = try course.run(["mkdir box"])
        #expect(end.contains("Lesson 2.2 More files complete.\nNext: 2.1 Files at home."))
        let back = try course.run(["next"])
        #expect(back.contains("── 2.1 Files at home"))
    }

    @Test func finishingTheCourseSaysWhatToDoNext() throws {
        let course = try CourseHarness([Fixtures.more])
        let screen = try course.run(["mkdir box", "next"])
        #expect(screen.contains("You have finished every lesson of the course. What next:"))
        #expect(screen.contains("• keep experimenting in this world: `kubelab sandbox` opens it without a lesson"))
        #expect(screen.components(separatedBy: "You have finished every lesson").count == 3)
    }

    @Test func theListShowsProgressMarks() throws {
        let course = try harness()
        let screen = try course.run(["touch notes.txt", "lessons"])
        #expect(screen.contains("""
            Chapter 2
              ▶ 2.1  Files at home  (1/3)  ch02-files
              · 2.2  More files  (0/1)  ch02-more
            `lesson ID` goes to a lesson.

            """))
        let later = try course.run(["skip", "skip", "lessons"])
        #expect(later.contains("  ✓ 2.1  Files at home  (1/3)  ch02-files\n"))
    }

    @Test func nextAndBackMoveBetweenSteps() throws {
        let course = try harness()
        let screen = try course.run(["back", "next", "touch notes.txt", "back", "next"])
        #expect(screen.contains("This is the lesson's first step."))
        #expect(screen.contains("This step is not done yet: `check` checks it, `skip` moves on anyway."))
        #expect(course.prompts == ["[2.1 1/3] ~ $ ", "[2.1 1/3] ~ $ ", "[2.1 1/3] ~ $ ", "[2.1 2/3] ~ $ ", "[2.1 1/3] ~ $ ", "[2.1 2/3] ~ $ "])
    }

    @Test func theLanguageComesFromLangAndCanBeChanged() throws {
        let course = try harness()
        course.environment = ["LANG": "zh_CN.UTF-8"]
        let chinese = try course.run(["hint"])
        #expect(chinese.contains("第 1 步，共 3 步\n创建一个名为 `notes.txt` 的文件。\n提示 1/2：\n文件可以是空的。\n"))
        let english = try course.run(["lang en"])
        #expect(english.contains("Language: English\nStep 1 of 3\nCreate a file named `notes.txt`."))
        #expect(try course.store.load().progress.language == .english)
    }

    @Test func aRestartWelcomesBackAtTheSameStep() throws {
        let course = try harness()
        try course.run(["touch notes.txt"])
        let screen = try course.run([])
        #expect(screen.hasPrefix("Welcome back: 2.1 Files at home.\nStep 2 of 3\n"))
        #expect(!screen.contains("Welcome to KubeLab"))
        #expect(course.prompts == ["[2.1 2/3] ~ $ "])
    }

    @Test func courseCommandsWithWrongArgumentsShowTheirUsageAndOthersGoToTheShell() throws {
        let course = try harness()
        let screen = try course.run(["lang fr", "solution please", "echo hint", "help"])
        #expect(screen.contains("usage: lang en|zh\nusage: solution [show|run]\nhint\nCourse commands"))
    }

    @Test func openingACourseFolderLeavesOutBrokenLessonsAndReportsThem() throws {
        let (folder, paths) = try writeFixtures(["ch02/a.yaml": Fixtures.files, "ch02/b.yaml": Fixtures.more, "ch02/c.yaml": "id: [\n"])
        let (course, problems) = try Course.open(lessonsDirectory: folder, stateDirectory: temporaryDirectory(), environment: [:], style: .plain)
        #expect(course.lessons.map(\.id) == ["ch02-files", "ch02-more"])
        #expect(problems.map(\.location) == [SourceLocation(path: paths["ch02/c.yaml"] ?? "", line: 2)])
    }

    @Test func aDamagedProgressFileIsReportedWhenTheSessionStarts() throws {
        let course = try harness()
        try Data("{oops".utf8).write(to: course.store.url)
        let screen = try course.run([])
        #expect(screen.hasPrefix("kubelab: your progress file could not be read (not valid JSON); it was kept as \(course.store.url.path).corrupt-1 and the course starts afresh.\n"))
    }

    @Test func waitingLetsAStepPassInTime() throws {
        let course = try CourseHarness([Fixtures.slow])
        let screen = try course.run(["eventually ready", "wait 5s", "wait 5s"])
        #expect(screen.components(separatedBy: "✓ Step 1 done.").count == 2)
        #expect(course.prompts == ["[2.3 1/1] ~ $ ", "[2.3 1/1] ~ $ ", "[2.3 1/1] ~ $ ", "[2.3 ✓] ~ $ "])
    }

    @Test func solutionRunWaitsToo() throws {
        let course = try CourseHarness([Fixtures.slow])
        let screen = try course.run(["solution run"])
        #expect(screen.contains("$ eventually ready\n$ wait 15s\n✓ Step 1 done."))
    }
}
