import Foundation
import Testing
@testable import Lessons

@Suite struct LessonParserTests {
    @Test func aCompleteLessonIsRead() throws {
        let result = LessonParser.parse(Fixtures.files, path: "ch02/files.yaml")
        #expect(result.diagnostics.isEmpty)
        let lesson = try #require(result.lesson)
        #expect(lesson.id == "ch02-files")
        #expect(lesson.chapter == 2)
        #expect(lesson.section == "2.1")
        #expect(lesson.title == LocalizedText(english: "Files at home", chinese: "家目录里的文件"))
        #expect(lesson.estimatedMinutes == 5)
        #expect(lesson.steps.map(\.id) == ["create", "greet", "look"])
        let first = lesson.steps[0]
        #expect(first.source == SourceLocation(path: "ch02/files.yaml", line: 7))
        #expect(first.checks == [Check(kind: .command("test -f notes.txt"), status: 0, source: SourceLocation(path: "ch02/files.yaml", line: 12))])
        #expect(first.hints.count == 2)
        #expect(first.hints[1].text(in: .chinese) == "试试 `touch`。")
        #expect(first.solution == ["touch notes.txt"])
        #expect(first.explain?.english == "An empty file is still a file.")
        #expect(first.mistakes.first?.check.kind == .command("test -d notes.txt"))
        #expect(lesson.steps[1].setup.files == [SetupFile(path: "data/seed.txt", contents: "seeded\n")])
        #expect(lesson.steps[1].checks.first?.output == .equals("hello"))
        #expect(lesson.steps[2].checks.first?.kind == .typed(pattern: "^ls\\b"))
        #expect(lesson.steps[2].checks.first?.status == 0)
    }

    @Test func aSolutionLineMayGiveTheStatusItEndsWith() throws {
        let text = Self.lesson(replacing: "    solution: [ls]\n", with: "    solution: [ls, {run: 'sleep 1000', status: 130}, pwd]\n")
        let lesson = try #require(LessonParser.parse(text, path: "x.yaml").lesson)
        #expect(lesson.steps[2].solution == ["ls", "sleep 1000", "pwd"])
        #expect(lesson.steps[2].solutionStatuses == [1: 130])
    }

    @Test func stepsWithoutIdsAreNumbered() throws {
        let lesson = try #require(LessonParser.parse(Fixtures.failingSolution, path: "x.yaml").lesson)
        #expect(lesson.steps.map(\.id) == ["1", "2"])
    }

    /// A valid lesson with one line swapped for something wrong.
    static func lesson(replacing old: String, with new: String) -> String {
        Fixtures.files.replacingOccurrences(of: old, with: new)
    }

    @Test(arguments: [
        (lesson(replacing: "id: ch02-files", with: "id: Ch02_Files"), 1, "may only hold lower-case letters"),
        (lesson(replacing: "chapter: 2", with: "chapter: two"), 2, "chapter must be a whole number"),
        (lesson(replacing: "section: \"2.1\"", with: "section: two"), 3, "must be numbers joined by dots"),
        (lesson(replacing: "minutes: 5", with: "minute: 5"), 5, "unknown field \"minute\""),
        (lesson(replacing: "minutes: 5", with: "minutes: 0"), 5, "minutes must be more than 0"),
        (lesson(replacing: "      - run: test -f notes.txt\n", with: "      - run: test -f notes.txt\n        typed: touch\n"), 12,
         "has both \"run\" and \"typed\""),
        (lesson(replacing: "        equals: hello", with: "        equals: hello\n        contains: he"), 30, "give at most one"),
        (lesson(replacing: "'^ls\\b'", with: "'^ls('"), 36, "not a valid regular expression"),
        (lesson(replacing: "    solution: [ls]\n", with: ""), 33, "needs a solution"),
        (lesson(replacing: "    - path: data/seed.txt", with: "    - path: ../escape.txt"), 26, "must stay inside the learner's home"),
        (lesson(replacing: "check: {run: test -d notes.txt}", with: "when: {run: test -d notes.txt}"), 19, "unknown field \"when\""),
        (lesson(replacing: "      - run: cat greeting", with: "      - status: 0"), 30, "needs \"run\""),
        (lesson(replacing: "title: {en: Files at home, zh: 家目录里的文件}", with: "title: {zh: 家目录里的文件}"), 4, "has no English text"),
        (lesson(replacing: "{en: Files can be empty., zh: 文件可以是空的。}", with: "{en: Files can be empty., oops: 1}"), 14, "unknown field \"oops\""),
        (lesson(replacing: "    solution: [ls]\n", with: "    solution: [{run: ls, status: 256}]\n"), 37, "status must be between 0 and 255"),
        (lesson(replacing: "    solution: [ls]\n", with: "    solution: [{status: 1}]\n"), 37, "needs \"run\""),
        (lesson(replacing: "    solution: [ls]\n", with: "    solution: [{run: ls, state: 1}]\n"), 37, "unknown field \"state\""),
        ("id: [unclosed\n", 2, "not valid YAML"),
        ("id: a\nid: b\n", 1, "given twice"),
        ("- just\n- a list\n", 1, "a lesson must be a mapping"),
    ] as [(String, Int, String)])
    func schemaErrorsHaveTheirLine(text: String, line: Int, message: String) {
        let result = LessonParser.parse(text, path: "bad.yaml")
        #expect(result.lesson == nil)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.location == SourceLocation(path: "bad.yaml", line: line) && $0.message.contains(message) },
                "got \(errors.map(\.description))")
    }

    @Test func aPlainStringIsEnglishWithAWarning() throws {
        let text = Fixtures.more.replacingOccurrences(of: "title: {en: More files, zh: 更多文件}", with: "title: More files")
        let result = LessonParser.parse(text, path: "more.yaml")
        #expect(result.lesson?.title == LocalizedText(english: "More files"))
        #expect(result.diagnostics == [LessonDiagnostic(.warning, "title has no Chinese translation: write it as {en: …, zh: …}",
                                                        at: SourceLocation(path: "more.yaml", line: 4))])
    }

    @Test func lessonsAreOrderedBySectionNumbers() throws {
        func lesson(_ section: String, _ path: String) -> Lesson {
            Lesson(id: path, chapter: 2, section: section, title: LocalizedText(english: ""), estimatedMinutes: 1, steps: [],
                   source: SourceLocation(path: path, line: 1))
        }
        let sorted = [lesson("2.10", "a"), lesson("2.9", "b"), lesson("10.1", "c"), lesson("2.9", "a")].sorted(by: Lesson.courseOrder)
        #expect(sorted.map { "\($0.section) \($0.source.path)" } == ["2.9 a", "2.9 b", "2.10 a", "10.1 c"])
    }
}

/// Lessons are parsed without resolving scalar types (it is start-up's largest cost); every
/// lesson of the course must read exactly as with the full resolver.
@Suite struct LessonResolverTests {
    static let lessonFiles: [URL] = {
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons")
        let files = FileManager.default.enumerator(at: lessons, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? []
        return files.filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }()

    @Test func theCourseHasLessonsToCompare() {
        #expect(Self.lessonFiles.count >= 2)
    }

    @Test(arguments: lessonFiles)
    func aLessonReadsTheSameWithoutTypeResolution(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let fast = LessonParser.parse(text, path: file.lastPathComponent)
        let full = LessonParser.parse(text, path: file.lastPathComponent, resolvingScalarTypes: true)
        #expect(fast.lesson != nil)
        #expect(fast.lesson == full.lesson)
        #expect(fast.diagnostics == full.diagnostics)
    }
}
