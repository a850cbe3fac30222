import Testing
import World
@testable import Lessons

/// Lessons against the real workstation: bash and coreutils, as learners will meet them.
@Suite struct StandardWorkstationTests {
    static let shellLesson = """
        id: ch01-shell
        chapter: 1
        section: "1.1"
        title: {en: The shell, zh: shell}
        minutes: 5
        steps:
          - instruction: {en: Write `Hello` into `hello.txt`., zh: 把 `Hello` 写进 `hello.txt`。}
            setup:
              files:
                - path: app/app.js
                  content: |
                    console.log("hi");
            checks:
              - run: cat hello.txt
                equals: Hello
              - run: grep -c console app/app.js
                equals: "1"
            solution: ['echo Hello > hello.txt']
          - instruction: {en: Make a folder `build` with a copy of `app.js`., zh: 建一个 `build` 文件夹，放入 `app.js` 的副本。}
            checks:
              - run: test -f build/app.js && grep -q console build/app.js
              - run: ls build | wc -l
                matches: '^\\s*1$'
            solution: [mkdir build, cp app/app.js build/]
            mistakes:
              - check: {run: test -f build}
                say: {en: "`build` is a file: remove it.", zh: "`build` 是文件：删掉它。"}
                test: {fires: [touch build]}
        world: {cluster: none}

        """

    @Test func aLessonPlaysThroughOnTheRealShell() throws {
        let (folder, _) = try writeFixtures(["ch01/shell.yaml": Self.shellLesson])
        var printed = ""
        let status = LessonTools.test(paths: [folder.path], makeWorld: { try World(seed: $0, setup: .standard()) }) { printed += $0 }
        #expect(status == 0, "\(printed)")
    }

    @Test func lintKnowsTheWorkstationsCommands() throws {
        let known = LessonTools.knownCommands(in: try World(seed: 1, setup: .standard()))
        for name in ["cat", "echo", "ls", "mkdir", "cp", "grep", "test", "cd"] {
            #expect(known.contains(name), "\(name)")
        }
        let (folder, _) = try writeFixtures(["ch01/shell.yaml": Self.shellLesson])
        #expect(LessonLinter(knownCommands: known).lint(paths: [folder.path]) == [])
        let unknown = Self.shellLesson.replacingOccurrences(of: "grep -q console", with: "cmp app/app.js")
        let (other, paths) = try writeFixtures(["ch01/shell.yaml": unknown])
        #expect(LessonLinter(knownCommands: known).lint(paths: [other.path]).map(\.description) == [
            "\(paths["ch01/shell.yaml"] ?? ""):21: error: step 2: a check runs `cmp`, which is not a known command",
        ])
    }

    @Test func theScaffoldPlaysOnTheRealShell() throws {
        let lesson = try #require(LessonParser.parse(LessonScaffold.text(id: "ch04-probes"), path: "new.yaml").lesson)
        #expect(LessonTester(makeWorld: { try World(seed: $0, setup: .standard()) }).test(lesson) == [])
    }

    @Test func theCourseRunsOnTheRealShell() throws {
        let course = try CourseHarness([Self.shellLesson])
        course.makeWorld = { try World(seed: $0, setup: .standard()) }
        let screen = try course.run(["echo Hello > hello.txt", "touch build", "undo", "mkdir build", "cp app/app.js build/"])
        #expect(screen.contains("✓ Step 1 done."))
        #expect(screen.contains("Careful:\n`build` is a file: remove it.\n"))
        #expect(screen.contains("Lesson 1.1 The shell complete."))
        #expect(course.prompts.first == "[1.1 1/2] ~ $ ")
    }
}
