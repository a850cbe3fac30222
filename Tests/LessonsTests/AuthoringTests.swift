import Foundation
import Testing
@testable import Lessons

@Suite struct AuthoringTests {
    @Test func theScaffoldIsACompleteValidLesson() throws {
        let folder = temporaryDirectory("new")
        var printed = ""
        #expect(LessonTools.new(id: "ch04-probes", in: folder) { printed += $0 } == 0)
        let path = folder.appendingPathComponent("ch04-probes.yaml").path
        #expect(printed.hasPrefix("Created \(path)"))
        let lesson = try #require(LessonParser.parse(contentsOf: URL(fileURLWithPath: path)).lesson)
        #expect(lesson.chapter == 4 && lesson.section == "4.1")
        let diagnostics = LessonLinter(knownCommands: ["touch", "rmdir", "test", "mkdir"]).lint(paths: [path])
        #expect(diagnostics == [])
        #expect(LessonTester(makeWorld: { try makeTestWorld(seed: $0) }).test(lesson) == [])
        // Every field of the format is there for the instructor to see.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for field in ["prerequisites:", "setup:", "files:", "commands:", "hints:", "explain:", "mistakes:", "say:", "zh:"] {
            #expect(text.contains(field))
        }
        #expect(LessonTools.new(id: "ch04-probes", in: folder) { printed = $0 } == 1)
        #expect(printed == "kubelab: \(path) already exists\n")
        #expect(LessonTools.new(id: "Bad Id", in: folder) { printed = $0 } == 1)
    }

    /// The README's complete example must stay a valid lesson.
    @Test func theReadmeExampleIsValid() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("lessons/README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        let example = String(text[start.upperBound..<end.lowerBound])
        let result = LessonParser.parse(example, path: "README.md")
        #expect(result.diagnostics == [])
        let lesson = try #require(result.lesson)
        let known: Set<String> = ["docker", "kubectl", "curl", "cat", "touch", "ls", "test", "echo", "minikube"]
        #expect(LessonLinter(knownCommands: known).lint([lesson]) == [])
    }
}
