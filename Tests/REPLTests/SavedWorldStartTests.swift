import Foundation
import Testing
import Machine
import Simulation
import World
@testable import REPL

/// A reader for a scripted learner who sits at the first prompt until the world has caught up.
final class PatientReader: LineReading {
    var lines: [LineInput]
    var prompts: [String] = []
    var historyEntries: [String] = []
    var idleWork: (() -> Bool)?
    /// How many times the idle work ran before the first line was typed.
    var idleSteps = 0
    init(_ lines: [LineInput]) { self.lines = lines }
    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        while let work = idleWork {
            idleSteps += 1
            if !work() { idleWork = nil }
        }
        return lines.isEmpty ? .endOfFile : lines.removeFirst()
    }
    func addToHistory(_ line: String) { historyEntries.append(line) }
    func saveHistory() {}
    func doWhileWaiting(_ work: @escaping () -> Bool) { idleWork = work }
}

/// Starting a saved world: the prompt before the replay, the replay between keystrokes.
@Suite struct SavedWorldStartTests {
    final class Screen: @unchecked Sendable {
        var text = ""
    }

    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-start-\(UUID().uuidString)")

    func tinySetup() -> WorkstationSetup {
        WorkstationSetup(
            hostname: "kubelab", learner: Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner"),
            rootFileSystem: Directory(), registerPrograms: { _ in }, makeShell: { _ in TinyShell() })
    }

    /// Runs `reader`'s lines as a scripted session on the world saved in `directory`.
    func runSession(_ reader: any LineReading) throws -> (SavedWorld, Screen) {
        let saved = try SavedWorld(directory: directory, seed: 9, setup: tinySetup())
        let screen = Screen()
        saved.whenRestored { world in world.outputSink = { screen.text += String(decoding: $0, as: UTF8.self) } }
        let session = Session(saved: saved, reader: reader, clock: .script) { screen.text += String(decoding: $0, as: UTF8.self) }
        _ = session.run()
        return (saved, screen)
    }

    @Test func theRememberedPromptShowsWhileTheJournalReplaysBetweenKeys() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try runSession(ScriptedReader([.line("cd /srv"), .line("echo one"), .line("cd /srv/app"), .line("exit")]))

        let reopened = try SavedWorld(directory: directory, seed: nil, setup: tinySetup())
        #expect(reopened.expectedPrompt == "/srv/app $ ")
        #expect(reopened.pendingReplay != nil)

        let reader = PatientReader([.line("echo two"), .line("clock")])
        let (saved, screen) = try runSession(reader)
        #expect(reader.prompts.first == "/srv/app $ ")
        // One step per journal entry (a second of thinking and a command, for each line).
        #expect(reader.idleSteps == 8)
        #expect(saved.pendingReplay == nil)
        #expect(screen.text == "two\n6\n")
    }

    @Test func aStaleRememberedPromptIsNotShown() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try runSession(ScriptedReader([.line("cd /srv")]))
        // As if killed after the journal's append and before the prompt was remembered.
        let journal = try JournalFile(url: directory.appendingPathComponent("world.journal"), seed: 9)
        try journal.load()
        try journal.append(JournalEntry(.command(line: "cd /opt", inputs: [], nanoseconds: 0)))

        let reopened = try SavedWorld(directory: directory, seed: nil, setup: tinySetup())
        #expect(reopened.expectedPrompt == nil)
        let reader = PatientReader([])
        _ = try runSession(reader)
        // Without a prompt to trust, the first prompt waits for the replay, and is remembered.
        #expect(reader.prompts == ["/opt $ "])
        #expect(reader.idleSteps == 0)
        #expect(try SavedWorld(directory: directory, seed: nil, setup: tinySetup()).expectedPrompt == "/opt $ ")
    }

    @Test func aWorldReplayedBetweenKeysIsTheWorldReplayedAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try runSession(ScriptedReader([.line("cd /srv"), .line("wait 90s"), .line("echo one")]))

        let atOnce = try SavedWorld(directory: directory, seed: nil, setup: tinySetup()).world
        let stepwise = try SavedWorld(directory: directory, seed: nil, setup: tinySetup())
        var steps = 0
        while let replay = stepwise.pendingReplay {
            replay.step()
            steps += 1
        }
        #expect(steps == 5)
        #expect(stepwise.world.loop.now == atOnce.loop.now)
        #expect(stepwise.world.shell.prompt == atOnce.shell.prompt)
        #expect(stepwise.world.runSilently("clock").output == atOnce.runSilently("clock").output)
    }
}
