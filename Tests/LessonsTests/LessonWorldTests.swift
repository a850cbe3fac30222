import Foundation
import Testing
import World
@testable import Lessons

/// Lessons declare the world they start from; entering one restores it, and mistake notes
/// carry tests that `lesson test` plays.
@Suite struct LessonWorldTests {
    /// A lesson starting from a home with one file, whose only step wants a second file.
    static let seeded = """
        id: ch02-seeded
        chapter: 2
        section: "2.1"
        title: {en: Seeded, zh: 播种}
        minutes: 2
        world:
          cluster: none
          files:
            - path: seed.txt
              content: seeded
          commands: [touch from-world]
        steps:
          - instruction: {en: Create `notes.txt`., zh: 创建 `notes.txt`。}
            checks:
              - run: test -f notes.txt
            solution: [touch notes.txt]
            mistakes:
              - check: {run: test -d notes.txt}
                say: {en: A directory., zh: 目录。}
                test:
                  fires: [mkdir notes.txt]

        """

    /// A second lesson whose check would pass on what the first one left behind.
    static let later = """
        id: ch02-later
        chapter: 2
        section: "2.2"
        title: {en: Later, zh: 之后}
        minutes: 2
        world:
          cluster: none
        steps:
          - instruction: {en: Create `notes.txt` again., zh: 再创建 `notes.txt`。}
            checks:
              - run: test -f notes.txt
            solution: [touch notes.txt]

        """

    @Test func theWorldAndMistakeTestsAreRead() throws {
        let result = LessonParser.parse(Self.seeded, path: "seeded.yaml")
        let lesson = try #require(result.lesson)
        #expect(lesson.world == LessonWorld(cluster: .none, commands: ["touch from-world"],
                                            files: [SetupFile(path: "seed.txt", contents: "seeded")]))
        #expect(lesson.steps[0].mistakes[0].test?.fires == ["mkdir notes.txt"])
        #expect(lesson.steps[0].mistakes[0].test?.silent == nil)
    }

    @Test(arguments: [
        ("world:\n  cluster: k3s\n", "cluster \"k3s\" is not one of none, minikube, gke"),
        ("world:\n  clusters: gke\n", "clusters"),
        ("world: [gke]\n", "must be a mapping"),
    ])
    func aWrongWorldIsAnError(world: String, message: String) {
        let text = Self.later.replacingOccurrences(of: "world:\n  cluster: none\n", with: world)
        let result = LessonParser.parse(text, path: "w.yaml")
        #expect(result.hasErrors)
        #expect(result.diagnostics.contains { $0.message.contains(message) })
    }

    @Test func theClusterKindsStartTheBooksClusters() {
        #expect(LessonWorld.Cluster.none.commands.isEmpty)
        #expect(LessonWorld.Cluster.minikube.commands == ["minikube start"])
        #expect(LessonWorld(cluster: .gke, commands: ["docker build -t kubia ."]).setupCommands
                == ["gcloud container clusters create kubia --num-nodes 3 --machine-type f1-micro", "docker build -t kubia ."])
    }

    @Test func lintWantsAWorldAndATestOnEveryMistake() throws {
        let noWorld = Self.later.replacingOccurrences(of: "world:\n  cluster: none\n", with: "")
        let untested = Self.seeded.replacingOccurrences(of: "        test:\n          fires: [mkdir notes.txt]\n", with: "")
        let (folder, paths) = try writeFixtures(["a.yaml": noWorld, "b.yaml": untested])
        let diagnostics = LessonLinter(knownCommands: ["touch", "mkdir", "test"]).lint(paths: [folder.path])
        #expect(diagnostics.map(\.description) == [
            "\(paths["a.yaml"] ?? ""):1: error: the lesson needs \"world\": the world it starts from (cluster: none, minikube or gke)",
            "\(paths["b.yaml"] ?? ""):18: error: step 1: a mistake needs a \"test\" (`fires`: lines after which its note must show)",
        ])
    }

    @Test func lintPointsAtTheLineOfAnUnknownPrerequisite() throws {
        let text = Self.later.replacingOccurrences(of: "minutes: 2\n", with: "minutes: 2\nprerequisites:\n  - ch02-seeded\n  - ch02-nothing\n")
        let (folder, paths) = try writeFixtures(["a.yaml": text, "b.yaml": Self.seeded])
        let diagnostics = LessonLinter(knownCommands: ["touch", "mkdir", "test"]).lint(paths: [folder.path])
        #expect(diagnostics.map(\.description) == ["\(paths["a.yaml"] ?? ""):8: error: prerequisite \"ch02-nothing\" is not a lesson"])
    }

    func test(_ text: String) throws -> (Int32, String) {
        let (folder, _) = try writeFixtures(["l.yaml": text])
        var printed = ""
        let status = LessonTools.test(paths: [folder.path], makeWorld: { try makeTestWorld(seed: $0) }) { printed += $0 }
        return (status, printed)
    }

    @Test func lessonTestRestoresTheWorldAndPlaysMistakeTests() throws {
        let (status, printed) = try test(Self.seeded)
        #expect(status == 0, "\(printed)")
    }

    @Test func aNoteThatDoesNotFireOnItsTestFails() throws {
        let (status, printed) = try test(Self.seeded.replacingOccurrences(of: "fires: [mkdir notes.txt]", with: "fires: [touch other]"))
        #expect(status == 1)
        #expect(printed.contains("lesson ch02-seeded, step 1 (1): the mistake note does not fire after its test's `fires` lines"))
    }

    @Test func aNoteThatFiresOnTheSolutionFails() throws {
        let (status, printed) = try test(Self.seeded.replacingOccurrences(of: "check: {run: test -d notes.txt}", with: "check: {run: test -f seed.txt}"))
        #expect(status == 1)
        #expect(printed.contains("the mistake note fires after the solution"))
    }

    @Test func aNoteThatFiresOnItsSilentLinesFails() throws {
        let text = Self.seeded.replacingOccurrences(of: "fires: [mkdir notes.txt]", with: "fires: [mkdir notes.txt]\n          silent: [mkdir notes.txt]")
        let (status, printed) = try test(text)
        #expect(status == 1)
        #expect(printed.contains("the mistake note fires after its test's `silent` lines"))
    }

    @Test func aFiresTestThatPassesTheStepFails() throws {
        let (status, printed) = try test(Self.seeded.replacingOccurrences(of: "fires: [mkdir notes.txt]", with: "fires: [touch notes.txt]"))
        #expect(status == 1)
        #expect(printed.contains("the test's `fires` lines pass the step, so the note could never show"))
    }

    @Test func theWorldsCommandsRunInTheTester() throws {
        // The world's files and commands are in place before the first step's checks.
        let text = Self.seeded.replacingOccurrences(of: "run: test -f notes.txt", with: "run: test -f notes.txt\n      - run: test -f from-world")
        let (status, printed) = try test(text)
        #expect(status == 0, "\(printed)")
    }

    @Test func enteringALessonRestoresItsWorldWhateverCameBefore() throws {
        let harness = try CourseHarness([Self.seeded, Self.later])
        try harness.run(["touch notes.txt", "touch leftover", "next"])
        // The first lesson's notes.txt would pass the second lesson's check: it must be gone.
        #expect(!harness.exists("notes.txt"))
        #expect(!harness.exists("leftover"))
        #expect(!harness.exists("seed.txt"))
        #expect(harness.course?.progress.currentLesson == "ch02-later")
        #expect(harness.course?.progress.currentStep == 0)
        // A restart replays only from the restored world and comes back to the same place.
        try harness.run(["touch notes.txt"])
        #expect(harness.screen.contains("✓ Step 1 done."))
        #expect(!harness.exists("leftover"))
    }

    @Test func theFirstLessonsWorldIsInPlaceAndResetRestoresIt() throws {
        let harness = try CourseHarness([Self.seeded, Self.later])
        try harness.run(["mkdir junk"])
        #expect(harness.exists("seed.txt"))
        #expect(harness.exists("from-world"))
        #expect(harness.exists("junk"))
        try harness.run(["rm seed.txt", "reset"])
        #expect(harness.exists("seed.txt"))
        #expect(!harness.exists("junk"))
        // Undo stops at the lesson's start: the restored world is not undone.
        try harness.run(["undo"])
        #expect(harness.screen.contains("Nothing to undo in this lesson"))
        #expect(harness.exists("seed.txt"))
    }

    @Test func aLessonsWorldKeepsTheClockGoing() throws {
        let harness = try CourseHarness([Self.seeded, Self.later])
        try harness.run(["wait 1h"])
        let before = try #require(harness.world).loop.now
        try harness.run(["touch notes.txt", "next"])
        let after = try #require(harness.world).loop.now
        #expect(after >= before)
    }
}
