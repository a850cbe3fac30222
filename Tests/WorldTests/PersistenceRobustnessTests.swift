import Foundation
import Testing
import Machine
import Simulation
@testable import World

/// A saved world never breaks: a kill at any point, a failing disk, a torn journal or a replay
/// that crashes leaves a world that opens, with nothing a finished command did lost.
@Suite struct PersistenceRobustnessTests {
    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-persist-\(UUID().uuidString)")
    }

    // MARK: The journal's tail

    @Test func aLastEntryWithoutItsNewlineIsRepairedOnOpen() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("world.journal")
        let journal = try JournalFile(url: url, seed: 5)
        try journal.append(JournalEntry(.advance(nanoseconds: 7)))
        var data = try Data(contentsOf: url)
        data.removeLast()
        try data.write(to: url)

        let reopened = try JournalFile(url: url, seed: 5)
        #expect(try reopened.load() == nil)
        #expect(reopened.entries == [JournalEntry(.advance(nanoseconds: 7))])
        try reopened.append(JournalEntry(.advance(nanoseconds: 8)))
        let again = try JournalFile(url: url, seed: 5)
        #expect(try again.load() == nil)
        #expect(again.entries.count == 2)
    }

    @Test func anEmptyJournalBecomesANewOne() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("world.journal")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data().write(to: url)
        let journal = try JournalFile(url: url, seed: 9)
        #expect(try journal.load() == nil)
        try journal.append(JournalEntry(.advance(nanoseconds: 1)))
        let reopened = try JournalFile(url: url, seed: 1)
        #expect(try reopened.load() == nil)
        #expect(reopened.seed == 9)
        #expect(reopened.entries.count == 1)
    }

    // MARK: A replay that crashed

    @Test func aReplayThatCrashedIsSetAsideUpToTheEntryBefore() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let saved = try SavedWorld(directory: directory, seed: 3, setup: testSetup())
            for entry in [JournalEntry(.advance(nanoseconds: 1)), JournalEntry(.command(line: "dice", inputs: [], nanoseconds: 0)),
                          JournalEntry(.advance(nanoseconds: 2))] {
                try saved.journal.append(entry)
            }
            saved.journal.flush()
        }
        // What a start that crashed at entry 1 leaves: the entry's index, then the crash flag.
        var marker = [UInt8](repeating: 0, count: 9)
        marker[0] = 1
        marker[8] = 1
        try Data(marker).write(to: directory.appendingPathComponent("world.replaying"))

        let reopened = try SavedWorld(directory: directory, seed: nil, setup: testSetup())
        let damage = try #require(reopened.damage)
        #expect(damage.crashedReplay)
        #expect(damage.line == 3)
        #expect(damage.description.contains("crashed KubeLab"))
        #expect(reopened.journal.entries == [JournalEntry(.advance(nanoseconds: 1))])
        #expect(FileManager.default.fileExists(atPath: damage.setAsideAt.path))
        _ = reopened.world
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("world.replaying").path))
    }

    @Test func aReplayThatWasOnlyKilledIsReplayedWhole() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let saved = try SavedWorld(directory: directory, seed: 3, setup: testSetup())
            try saved.journal.append(JournalEntry(.advance(nanoseconds: 1)))
            try saved.journal.append(JournalEntry(.advance(nanoseconds: 2)))
            saved.journal.flush()
        }
        var marker = [UInt8](repeating: 0, count: 9)
        marker[0] = 1
        try Data(marker).write(to: directory.appendingPathComponent("world.replaying"))
        let reopened = try SavedWorld(directory: directory, seed: nil, setup: testSetup())
        #expect(reopened.damage == nil)
        #expect(reopened.journal.entries.count == 2)
    }

    @Test func theMarkerIsThereDuringTheReplayAndGoneAfter() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let saved = try SavedWorld(directory: directory, seed: 3, setup: testSetup())
            try saved.journal.append(JournalEntry(.advance(nanoseconds: 1)))
            try saved.journal.append(JournalEntry(.advance(nanoseconds: 2)))
            saved.journal.flush()
        }
        let reopened = try SavedWorld(directory: directory, seed: nil, setup: testSetup())
        let replay = try #require(reopened.pendingReplay)
        replay.step()
        let marker = ReplayMarker(url: directory.appendingPathComponent("world.replaying"))
        #expect(marker.read() == ReplayMarker.Found(entry: 0, crashed: false))
        replay.step()
        #expect(marker.read() == nil)
    }

    // MARK: Kills between the journal and the workspace folder

    /// A scripted session on the standard workstation, killed (seeded) at a random file
    /// operation of a random command's export: after a restart the folder and the journal
    /// agree, and no file a finished command wrote reads as deleted.
    @Test(arguments: 0..<12)
    func aKillAtARandomPointLosesNothingJournaled(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = ["echo 1 > one.txt", "mkdir -p notes/deep", "echo 2 > notes/deep/two.txt", "echo 3 > three.txt",
                      "mv three.txt notes/three.txt", "rm one.txt", "echo 365 > f365.txt", "cp f365.txt copy.txt"]
        let killedCommand = random.integer(in: 0...(script.count - 1))
        let killedAfter = random.integer(in: 0...2)
        do {
            let saved = try SavedWorld(directory: directory, seed: 11, setup: .standard())
            let world = saved.world
            for (index, line) in script.enumerated() {
                world.runUnattended(line)
                saved.mirror.noteLag(syncedAt: saved.journal.entries.count)
                try saved.journal.append(JournalEntry(.command(line: line, inputs: [], nanoseconds: 0)))
                if index == killedCommand { saved.mirror.killAfterOperations = killedAfter }
                saved.mirror.export(from: world.workstation.fileSystem)
                if index == killedCommand { break }
            }
            saved.journal.flush()
        }
        let restarted = try SavedWorld(directory: directory, seed: nil, setup: .standard())
        let world = restarted.world
        let simulated = WorkspaceMirror.files(in: world.workstation.fileSystem, under: world.learner.home)
        let real = WorkspaceFolder(path: restarted.mirror.folder.path).files(sizeLimit: WorkspaceMirror.sizeLimit).contents
        #expect(simulated == real)
        #expect(restarted.mirror.externalEdits().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: restarted.mirror.lagURL.path))
        let staging = try? FileManager.default.contentsOfDirectory(atPath: restarted.mirror.folder.path + ".staging")
        #expect((staging ?? []).isEmpty)
    }

    @Test func editsMadeWhileClosedStillCountAsEdits() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let saved = try SavedWorld(directory: directory, seed: 11, setup: .standard())
            let world = saved.world
            world.runUnattended("echo kept > kept.txt")
            saved.mirror.noteLag(syncedAt: saved.journal.entries.count)
            try saved.journal.append(JournalEntry(.command(line: "echo kept > kept.txt", inputs: [], nanoseconds: 0)))
            saved.mirror.export(from: world.workstation.fileSystem)
            saved.journal.flush()
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("workspace/kept.txt"))
        let restarted = try SavedWorld(directory: directory, seed: nil, setup: .standard())
        _ = restarted.world
        #expect(restarted.mirror.externalEdits().map(\.path) == ["kept.txt"])
    }

    // MARK: Writes the folder cannot take

    @Test func aNameTooLongIsReportedAndNeverReadsAsADeletion() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/home/learner", intermediates: true)
        let mirror = WorkspaceMirror(folder: directory.appendingPathComponent("workspace"), simulatedPath: "/home/learner")
        try FileManager.default.createDirectory(at: mirror.folder, withIntermediateDirectories: true)
        let long = String(repeating: "n", count: 300)
        try fileSystem.writeFile("/home/learner/" + long, Array("x".utf8))
        let failures = mirror.export(from: fileSystem)
        #expect(failures.count == 1)
        #expect(failures.first?.hasSuffix(": File name too long") == true)
        #expect(mirror.externalEdits().isEmpty)
        // After a restart too.
        let restarted = WorkspaceMirror(folder: mirror.folder, simulatedPath: "/home/learner")
        restarted.recover(fileSystem, behind: [])
        #expect(restarted.externalEdits().isEmpty)
    }

    @Test func aReadOnlyFolderIsReportedAndDeletesNothing() throws {
        // Root ignores permissions: only meaningful as another user.
        guard geteuid() != 0 else { return }
        let directory = temporaryDirectory()
        defer {
            chmod(directory.appendingPathComponent("workspace").path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/home/learner", intermediates: true)
        let mirror = WorkspaceMirror(folder: directory.appendingPathComponent("workspace"), simulatedPath: "/home/learner")
        try FileManager.default.createDirectory(at: mirror.folder, withIntermediateDirectories: true)
        chmod(mirror.folder.path, 0o555)
        try fileSystem.writeFile("/home/learner/app.js", Array("x".utf8))
        #expect(mirror.export(from: fileSystem).first?.hasSuffix(": Permission denied") == true)
        #expect(mirror.externalEdits().isEmpty)
    }

    @Test func failuresSpeakAsStrerror() {
        #expect(WorkspaceFolder.Failure(code: ENOSPC).description == "No space left on device")
        #expect(WorkspaceFolder.Failure(code: EROFS).description == "Read-only file system")
        #expect(WorkspaceFolder.Failure(code: ENAMETOOLONG).description == "File name too long")
    }
}

/// Durations from a journal or a command saturate at the end of time instead of overflowing.
@Suite struct HugeDurationTests {
    @Test func aJournalEntryWithAHugeDurationSaturates() throws {
        let world = try World(seed: 1, setup: testSetup())
        world.apply(JournalEntry(.advance(nanoseconds: .max)))
        world.apply(JournalEntry(.command(line: "slow", inputs: [], nanoseconds: .max)))
        #expect(world.loop.now == .distantFuture)
        #expect(world.runUnattended("dice") == 0)
    }

    @Test func sleepingPastTheEndOfTimeIsInterruptedNotACrash() throws {
        let world = try World(seed: 1, setup: .standard())
        #expect(world.runUnattended("sleep 9223372036") == 130)
        #expect(world.runUnattended("sleep 99999999999999999999") == 130)
        #expect(world.runUnattended("echo ok") == 0)
    }
}
