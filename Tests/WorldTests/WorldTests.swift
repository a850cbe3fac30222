import Foundation
import Testing
import Machine
import Simulation
@testable import World

/// A minimal login shell for these tests: splits a line on spaces and runs it.
final class WordSplittingShell: LoginShell {
    let machine: Machine
    init(machine: Machine) { self.machine = machine }
    var workingDirectory: String { "/home/learner" }
    func isComplete(_ source: String) -> Bool { !source.hasSuffix("\\") }
    var exitRequest: Int32? { nil }
    var builtinNames: [String] { [] }
    var prompt: String { "$ " }
    var continuationPrompt: String { "> " }
    func program(forLine line: String) -> any Program {
        LineProgram(words: line.split(separator: " ").map(String.init))
    }

    struct LineProgram: Program {
        let words: [String]
        func run(_ context: ProgramContext) async throws -> Int32 {
            do {
                let child = try context.machine.start(words, environment: ["PATH": "/bin"], workingDirectory: context.workingDirectory,
                                                      user: context.user, stdin: context.stdin, stdout: context.stdout,
                                                      stderr: context.stderr, parent: context.process)
                // Like an interactive shell: Ctrl-C goes to the foreground command.
                context.process.signalHandlers[.interrupt] = { child.signal(.interrupt) }
                return try await child.waitForExit()
            } catch let error as ExecError {
                context.printError("bash: \(error.path): command not found\n")
                return 127
            }
        }
    }
}

/// Prints a random number from the world's seed, to show determinism.
struct DiceProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print("\(context.loop.random.integer(in: 1...1_000_000))\n")
        return 0
    }
}

/// Reads lines and echoes them until end of input, like `cat` at a terminal.
struct AskProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        context.print("Name: ")
        let lines = LineBuffer(context.stdin)
        guard let name = try await lines.readLine() else { return 1 }
        context.print("Hello \(name)\n")
        return 0
    }
}

struct TickProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        var count = 0
        while true {
            try await context.process.sleep(for: .seconds(1))
            count += 1
            context.print("tick \(count)\n")
        }
    }
}

/// Works for three minutes of simulated time, like `gcloud container clusters create`.
struct SlowProgram: Program {
    func run(_ context: ProgramContext) async throws -> Int32 {
        try await context.process.sleep(for: .seconds(180))
        context.print("done\n")
        return 0
    }
}

func testSetup() -> WorkstationSetup {
    var root = Directory()
    root.entries["bin"] = .directory(Directory(entries: [
        "dice": .file(.program(name: "dice", size: 100), FileMetadata(mode: 0o755)),
        "ask": .file(.program(name: "ask", size: 100), FileMetadata(mode: 0o755)),
        "tick": .file(.program(name: "tick", size: 100), FileMetadata(mode: 0o755)),
        "slow": .file(.program(name: "slow", size: 100), FileMetadata(mode: 0o755)),
    ]))
    root.entries["home"] = .directory(Directory(entries: [
        "learner": .directory(Directory(metadata: FileMetadata(mode: 0o755, owner: 1000, group: 1000))),
    ]))
    return WorkstationSetup(
        hostname: "kubelab",
        learner: Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner"),
        rootFileSystem: root,
        registerPrograms: { registry in
            registry.register("dice", DiceProgram())
            registry.register("ask", AskProgram())
            registry.register("tick", TickProgram())
            registry.register("slow", SlowProgram())
        },
        makeShell: { WordSplittingShell(machine: $0) })
}

@Suite struct WorldTests {
    final class Output: @unchecked Sendable {
        var bytes: [UInt8] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    func makeWorld(seed: UInt64 = 7) throws -> (World, Output) {
        let output = Output()
        let world = try World(seed: seed, setup: testSetup()) { output.bytes += $0 }
        return (world, output)
    }

    @Test func sameSeedSameOutput() throws {
        let (first, firstOutput) = try makeWorld()
        let (second, secondOutput) = try makeWorld()
        for world in [first, second] {
            world.runUnattended("dice")
            world.runUnattended("dice")
        }
        #expect(firstOutput.text == secondOutput.text)
        let (other, otherOutput) = try makeWorld(seed: 8)
        other.runUnattended("dice")
        other.runUnattended("dice")
        #expect(otherOutput.text != firstOutput.text)
    }

    @Test func unknownCommandsFailWith127() throws {
        let (world, output) = try makeWorld()
        #expect(world.runUnattended("nope") == 127)
        #expect(output.text == "bash: nope: command not found\n")
    }

    @Test func aCommandAsksAndIsAnswered() throws {
        let (world, output) = try makeWorld()
        let execution = world.begin("ask")
        #expect(execution.run(until: world.loop.now + .seconds(10)) == .awaitingInput)
        #expect(execution.pendingPrompt == "Name: ")
        execution.type("Ada")
        #expect(execution.run(until: world.loop.now + .seconds(10)) == .finished)
        #expect(output.text == "Name: Hello Ada\n")
    }

    @Test func aCommandAsSlowAsCreatingAClusterIsNotInterrupted() throws {
        let (world, output) = try makeWorld()
        #expect(world.runUnattended("slow") == 0)
        #expect(output.text == "done\n")
    }

    @Test func anUnattendedWatchIsInterruptedAtTheLimit() throws {
        let (world, output) = try makeWorld()
        let start = world.loop.now
        #expect(world.runUnattended("tick") == 130)
        #expect(world.loop.now - start == World.unattendedLimit)
        #expect(output.text.hasSuffix("tick 300\n"))
        #expect(world.workstation.processes.count == 0)
    }

    @Test func replayingTheJournalRebuildsTheSameWorld() throws {
        let (world, output) = try makeWorld()
        var journal: [JournalEntry] = []
        func run(_ line: String, answer: String? = nil, interruptAfter: Duration? = nil) {
            let execution = world.begin(line)
            let pause = execution.run(until: world.loop.now)
            if pause == .awaitingInput, let answer { execution.type(answer) }
            if let interruptAfter {
                execution.advance(by: interruptAfter)
                execution.interrupt()
            }
            execution.run(until: world.loop.now + .seconds(5))
            journal.append(JournalEntry(.command(line: line, inputs: execution.inputs, nanoseconds: execution.elapsed.nanoseconds)))
        }
        run("dice")
        world.loop.advance(by: .milliseconds(2500))
        journal.append(JournalEntry(.advance(nanoseconds: 2_500_000_000)))
        run("ask", answer: "Grace")
        run("tick", interruptAfter: .milliseconds(3500))
        run("dice")

        let (replayed, replayOutput) = try makeWorld()
        for entry in journal { replayed.apply(entry) }
        #expect(replayOutput.text == output.text)
        #expect(replayed.loop.now == world.loop.now)
        #expect(output.text.contains("Hello Grace"))
        #expect(output.text.contains("tick 3\n") && !output.text.contains("tick 4"))
    }
}

@Suite struct JournalFileTests {
    func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-journal-\(UUID().uuidString)/world.journal")
    }

    @Test func entriesSurviveReopening() throws {
        let url = temporaryURL()
        let journal = try JournalFile(url: url, seed: 42)
        try journal.append(JournalEntry(.command(line: "echo hi", inputs: [], nanoseconds: 5)))
        try journal.append(JournalEntry(.advance(nanoseconds: 10)))
        let reopened = try JournalFile(url: url, seed: 1)
        #expect(try reopened.load() == nil)
        #expect(reopened.seed == 42)
        #expect(reopened.entries == journal.entries)
    }

    @Test func aTornLastLineIsSetAsideAndTheRestKept() throws {
        let url = temporaryURL()
        let journal = try JournalFile(url: url, seed: 3)
        try journal.append(JournalEntry(.advance(nanoseconds: 1)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"event\":{\"comm".utf8))
        try handle.close()
        let reopened = try JournalFile(url: url, seed: 3)
        let damage = try reopened.load()
        #expect(damage?.line == 3)
        #expect(reopened.entries == [JournalEntry(.advance(nanoseconds: 1))])
        if let damage {
            #expect(FileManager.default.fileExists(atPath: damage.setAsideAt.path))
        }
        let again = try JournalFile(url: url, seed: 3)
        #expect(try again.load() == nil)
    }
}

@Suite struct WorkspaceMirrorTests {
    @Test func editsFlowBothWaysAndLinksAreIgnored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let learner = Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner")
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/home/learner", intermediates: true)
        let mirror = WorkspaceMirror(folder: folder, simulatedPath: "/home/learner")

        try fileSystem.writeFile("/home/learner/app.js", Array("v1".utf8))
        mirror.export(from: fileSystem)
        #expect(try String(contentsOf: folder.appendingPathComponent("app.js"), encoding: .utf8) == "v1")
        #expect(mirror.externalEdits().isEmpty)

        try Data("v2".utf8).write(to: folder.appendingPathComponent("app.js"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("escape"), withDestinationURL: URL(fileURLWithPath: "/etc"))
        let edits = mirror.externalEdits()
        #expect(edits.map(\.path) == ["app.js"])
        for edit in edits {
            WorkspaceMirror.apply(path: edit.path, contents: edit.contents, to: fileSystem, home: "/home/learner", owner: learner)
        }
        #expect(try fileSystem.readFile("/home/learner/app.js") == Array("v2".utf8))

        WorkspaceMirror.apply(path: "../../etc/passwd", contents: Array("x".utf8), to: fileSystem, home: "/home/learner", owner: learner)
        #expect(!fileSystem.exists("/etc/passwd"))
    }
}

@Suite struct JournalDigestTests {
    @Test func theDigestFollowsTheFileThroughAppendsRewritesAndReopening() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-digest-\(UUID().uuidString)/world.journal")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let journal = try JournalFile(url: url, seed: 4)
        let empty = try #require(journal.digest)
        try journal.append(JournalEntry(.advance(nanoseconds: 1)))
        let appended = try #require(journal.digest)
        #expect(appended != empty)

        let reopened = try JournalFile(url: url, seed: 4)
        #expect(reopened.digest == nil)
        try reopened.load()
        #expect(reopened.digest == appended)

        try journal.rewrite(entries: [])
        #expect(journal.digest == empty)
        try journal.rewrite(entries: [], seed: 5)
        #expect(journal.digest != empty)
    }
}
