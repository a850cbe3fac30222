import Testing
@testable import Lessons

@Suite struct LessonLinterTests {
    static let known: Set<String> = ["cat", "echo", "ls", "mkdir", "test", "touch", "write", "kubectl"]

    func lint(_ files: [String: String]) throws -> ([LessonDiagnostic], [String: String]) {
        let (folder, paths) = try writeFixtures(files)
        return (LessonLinter(knownCommands: Self.known).lint(paths: [folder.path]), paths)
    }

    @Test func goodLessonsHaveNoProblems() throws {
        let (diagnostics, _) = try lint(["ch02/a.yaml": Fixtures.files, "ch02/b.yaml": Fixtures.more])
        #expect(diagnostics == [])
    }

    @Test func missingTranslationsAreWarnings() throws {
        let text = Fixtures.more.replacingOccurrences(of: "{en: Make a directory named `box`., zh: 创建一个名为 `box` 的目录。}",
                                                      with: "{en: Make a directory named `box`.}")
        let (diagnostics, paths) = try lint(["b.yaml": text, "a.yaml": Fixtures.files])
        #expect(diagnostics.map(\.description) == ["\(paths["b.yaml"] ?? ""):8: warning: step 1: instruction has no Chinese translation (zh)"])
    }

    @Test func unknownCommandsInSolutionsAndSetupAreErrors() throws {
        let text = Fixtures.more.replacingOccurrences(of: "solution: [mkdir box]", with: "solution: [mkdir box, 'kubectl get po | grepp x']")
            .replacingOccurrences(of: "commands: [touch setup-marker]", with: "commands: [minikube start]")
        let (diagnostics, paths) = try lint(["b.yaml": text, "a.yaml": Fixtures.files])
        let path = paths["b.yaml"] ?? ""
        #expect(diagnostics.map(\.description) == [
            "\(path):8: error: step 1: the setup runs `minikube`, which is not a known command",
            "\(path):8: error: step 1: the solution runs `grepp`, which is not a known command",
        ])
    }

    @Test func editorsInSetupSolutionsAndChecksAreErrors() throws {
        let text = Fixtures.more.replacingOccurrences(of: "solution: [mkdir box]", with: "solution: [mkdir box, 'cat x | /usr/bin/vi app.js']")
            .replacingOccurrences(of: "commands: [touch setup-marker]", with: "commands: ['kubectl -n x edit pod a']")
        let (diagnostics, paths) = try lint(["b.yaml": text, "a.yaml": Fixtures.files])
        let path = paths["b.yaml"] ?? ""
        let descriptions = diagnostics.map(\.description)
        #expect(descriptions.contains("\(path):8: error: step 1: the solution runs `vi`, which opens the learner's own editor; only the learner may start it"))
        #expect(descriptions.contains("\(path):8: error: step 1: the setup runs `kubectl edit`, which opens the learner's own editor; only the learner may start it"))
        #expect(LessonLinter(knownCommands: Self.known).editorCommand(in: "kubectl get pods; echo edit") == nil)
        #expect(LessonLinter(knownCommands: Self.known).editorCommand(in: "nano notes") == "nano")
    }

    @Test func checksThatChangeTheWorldAreErrors() throws {
        let text = Fixtures.files
            .replacingOccurrences(of: "- run: cat greeting", with: "- run: touch greeting")
            .replacingOccurrences(of: "check: {run: test -d notes.txt}", with: "check: {run: kubectl delete pod x}")
        let (diagnostics, paths) = try lint(["a.yaml": text])
        let path = paths["a.yaml"] ?? ""
        #expect(diagnostics.map(\.description) == [
            "\(path):19: error: step 1: a mistake's check must only read the world: `kubectl delete` changes the world",
            "\(path):30: error: step 2: a check must only read the world: `touch` is not known to be read-only (checks may use kubectl get/describe/logs, docker images/ps/inspect, curl, cat, ls, grep, test …)",
        ])
    }

    @Test func duplicateIdsAndUnknownPrerequisitesAreErrors() throws {
        let copy = Fixtures.more.replacingOccurrences(of: "prerequisites: [ch02-files]", with: "prerequisites: [ch02-nothing, ch02-more]")
        let (diagnostics, paths) = try lint(["a.yaml": Fixtures.more, "b.yaml": copy])
        let (a, b) = (paths["a.yaml"] ?? "", paths["b.yaml"] ?? "")
        // An unknown prerequisite is reported at its own line.
        #expect(diagnostics.map(\.description) == [
            "\(a):5: error: prerequisite \"ch02-files\" is not a lesson",
            "\(b):1: error: lesson id \"ch02-more\" is also used at \(a):1",
            "\(b):1: error: the lesson lists itself as a prerequisite",
            "\(b):5: error: prerequisite \"ch02-nothing\" is not a lesson",
        ])
    }

    @Test func aSectionOutsideItsChapterIsAnError() throws {
        let (diagnostics, paths) = try lint(["a.yaml": Fixtures.files.replacingOccurrences(of: "section: \"2.1\"", with: "section: \"3.1\"")])
        #expect(diagnostics.map(\.description) == ["\(paths["a.yaml"] ?? ""):1: error: section 3.1 is not in chapter 2"])
    }

    @Test func schemaErrorsComeThroughWithTheirFileAndLine() throws {
        let (diagnostics, paths) = try lint(["a.yaml": Fixtures.files.replacingOccurrences(of: "minutes: 5", with: "minutes: soon")])
        #expect(diagnostics.map(\.description) == ["\(paths["a.yaml"] ?? ""):5: error: minutes must be a whole number"])
    }

    @Test func aMissingPathIsReported() {
        let diagnostics = LessonLinter(knownCommands: []).lint(paths: ["/nonexistent/lessons"])
        #expect(diagnostics.map(\.description) == ["/nonexistent/lessons:1: error: no such file or directory"])
    }

    @Test func lintPrintsAndFailsOnErrorsOnly() throws {
        let (folder, _) = try writeFixtures(["a.yaml": Fixtures.files])
        var printed = ""
        #expect(LessonTools.lint(paths: [folder.path], knownCommands: Self.known) { printed += $0 } == 0)
        #expect(printed == "0 errors, 0 warnings\n")
        printed = ""
        #expect(LessonTools.lint(paths: [folder.path], knownCommands: []) { printed += $0 } == 1)
        #expect(printed.hasSuffix("6 errors, 0 warnings\n"))
    }
}
