import Foundation
import Machine
import REPL
import World
@testable import Lessons

/// A shell for these tests: splits a line on spaces and runs a handful of file commands in the
/// learner's home, enough to set up, solve and check lessons.
final class LessonTestShell: LoginShell {
    var workingDirectory: String { "/home/learner" }
    func isComplete(_ source: String) -> Bool { !source.hasSuffix("\\") }
    var exitRequest: Int32? { nil }
    var prompt: String { "~ $ " }
    var continuationPrompt: String { "> " }
    var builtinNames: [String] { ["cat", "echo", "eventually", "fail", "ls", "mkdir", "rm", "test", "touch", "write"] }
    func program(forLine line: String) -> any Program {
        FileCommand(words: line.split(separator: " ").map(String.init))
    }

    struct FileCommand: Program {
        let words: [String]
        func run(_ context: ProgramContext) async throws -> Int32 {
            let fileSystem = context.machine.fileSystem
            func path(_ index: Int) -> String {
                Paths.normalize(index < words.count ? words[index] : "", relativeTo: "/home/learner")
            }
            switch words.first {
            case "echo":
                context.print(words.dropFirst().joined(separator: " ") + "\n")
            case "touch":
                try? fileSystem.writeFile(path(1), [])
            case "write":
                do { try fileSystem.writeFile(path(1), Array((words.dropFirst(2).joined(separator: " ") + "\n").utf8)) } catch {
                    context.printError("write: cannot write \(words[1])\n")
                    return 1
                }
            case "mkdir":
                do { try fileSystem.createDirectory(path(1)) } catch {
                    context.printError("mkdir: cannot create directory '\(words.count > 1 ? words[1] : "")'\n")
                    return 1
                }
            case "rm":
                do { try fileSystem.remove(path(1), recursive: true) } catch { return 1 }
            case "cat":
                guard let bytes = try? fileSystem.readFile(path(1)) else {
                    context.printError("cat: \(words.count > 1 ? words[1] : ""): No such file or directory\n")
                    return 1
                }
                context.print(String(decoding: bytes, as: UTF8.self))
            case "ls":
                let names = (try? fileSystem.listDirectory("/home/learner")) ?? []
                context.print(names.sorted().map { $0 + "\n" }.joined())
            case "test":
                guard words.count == 3 else { return 2 }
                let exists = fileSystem.exists(path(2))
                switch words[1] {
                case "-f": return exists && !fileSystem.isDirectory(path(2)) ? 0 : 1
                case "-d": return fileSystem.isDirectory(path(2)) ? 0 : 1
                case "-e": return exists ? 0 : 1
                default: return 2
                }
            case "eventually":
                // Creates the file ten seconds from now, after the command has ended (like a pod
                // that starts in the background).
                let target = path(1)
                _ = context.loop.schedule(after: .seconds(10)) { try? fileSystem.writeFile(target, []) }
            case "fail":
                context.printError("fail: failed on purpose\n")
                return 3
            default:
                context.printError("bash: \(words.first ?? ""): command not found\n")
                return 127
            }
            return 0
        }
    }
}

func lessonTestSetup() -> WorkstationSetup {
    var root = Directory()
    root.entries["home"] = .directory(Directory(entries: [
        "learner": .directory(Directory(metadata: FileMetadata(mode: 0o755, owner: 1000, group: 1000))),
    ]))
    return WorkstationSetup(
        hostname: "kubelab",
        learner: Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner"),
        rootFileSystem: root,
        registerPrograms: { _ in },
        makeShell: { _ in LessonTestShell() })
}

func makeTestWorld(seed: UInt64) throws -> World {
    try World(seed: seed, setup: lessonTestSetup())
}

func temporaryDirectory(_ name: String = "lessons") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes fixture lesson files into a fresh folder; returns the folder and each file's path.
func writeFixtures(_ files: [String: String]) throws -> (URL, [String: String]) {
    let folder = temporaryDirectory("fixtures")
    var paths: [String: String] = [:]
    for (name, text) in files {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        paths[name] = url.path
    }
    return (folder, paths)
}

/// Lines typed by a pretend learner.
final class ScriptedReader: LineReading {
    var lines: [String]
    var prompts: [String] = []
    var historyEntries: [String] = []
    init(_ lines: [String]) { self.lines = lines }
    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return lines.isEmpty ? .endOfFile : .line(lines.removeFirst())
    }
    func addToHistory(_ line: String) { historyEntries.append(line) }
    func saveHistory() {}
}

/// A state directory with a journal and progress, and sessions run over it one after another.
final class CourseHarness {
    final class Screen: @unchecked Sendable {
        var text = ""
    }

    let directory = temporaryDirectory("state")
    let lessons: [Lesson]
    var environment: [String: String] = ["LANG": "en_US.UTF-8"]
    /// Makes the worlds sessions run in.
    var makeWorld: (UInt64) throws -> World = { try makeTestWorld(seed: $0) }
    /// Everything shown during the last session.
    private(set) var screen = ""
    private(set) var prompts: [String] = []
    private(set) var world: World?
    private(set) var course: Course?

    init(_ texts: [String]) throws {
        var lessons: [Lesson] = []
        for (index, text) in texts.enumerated() {
            let result = LessonParser.parse(text, path: "lesson\(index).yaml")
            guard let lesson = result.lesson else { throw ParseFailed(diagnostics: result.diagnostics) }
            lessons.append(lesson)
        }
        self.lessons = lessons
    }

    struct ParseFailed: Error { var diagnostics: [LessonDiagnostic] }

    var store: ProgressStore { ProgressStore(directory: directory) }

    /// Runs a session that types `lines`, resuming the saved world and progress.
    @discardableResult
    func run(_ lines: [String]) throws -> String {
        let output = Screen()
        let journal = try JournalFile(url: directory.appendingPathComponent("world.journal"), seed: 5)
        try journal.load()
        let world = try JournalSegment(entries: journal.entries, seed: journal.seed).rebuild(makeWorld)
        world.outputSink = { output.text += String(decoding: $0, as: UTF8.self) }
        let reader = ScriptedReader(lines)
        let session = Session(world: world, reader: reader, journal: journal, mirror: nil, clock: .script) {
            output.text += String(decoding: $0, as: UTF8.self)
        }
        session.makeWorld = makeWorld
        let course = try Course(lessons: lessons, store: store, environment: environment, style: .plain)
        session.companion = course
        _ = session.run()
        screen = output.text
        prompts = reader.prompts
        self.world = session.world
        self.course = course
        return output.text
    }

    func exists(_ path: String) -> Bool {
        world?.workstation.fileSystem.exists("/home/learner/" + path) ?? false
    }
}
