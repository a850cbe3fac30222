import Foundation
import Testing
import Machine
@testable import World

/// Grouped flushes (a script on standard input): entries reach the file at once, so a killed
/// process loses none, but are forced to disk together, once per interval and at `flush()`.
@Suite struct GroupCommitTests {
    /// Counts the commits that ran (from the flushing queue).
    final class Commits: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func record() { lock.withLock { value += 1 } }
    }

    func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-group-\(UUID().uuidString)")
    }

    @Test func groupedEntriesAreInTheFileAtOnceAndForcedToDiskTogether() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("world.journal")
        let journal = try JournalFile(url: url, seed: 3)
        let commits = Commits()
        journal.beforeCommit = { commits.record() }
        journal.commitInterval = .seconds(60)
        for step in 1...100 {
            try journal.append(JournalEntry(.advance(nanoseconds: Int64(step))))
        }
        // What another process (the next start, after a kill) reads: every entry, unflushed.
        let reader = try JournalFile(url: url, seed: 3)
        #expect(try reader.load() == nil)
        #expect(reader.entries.count == 100)
        #expect(commits.count == 0)
        journal.flush()
        #expect(commits.count == 1)
        // Nothing new: nothing to force.
        journal.flush()
        #expect(commits.count == 1)
        try journal.append(JournalEntry(.advance(nanoseconds: 101)))
        journal.flush()
        #expect(commits.count == 2)
    }

    @Test func aShortIntervalCommitsWithoutAFlush() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try JournalFile(url: directory.appendingPathComponent("world.journal"), seed: 3)
        let commits = Commits()
        journal.beforeCommit = { commits.record() }
        journal.commitInterval = .milliseconds(10)
        for step in 1...20 {
            try journal.append(JournalEntry(.advance(nanoseconds: Int64(step))))
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while commits.count == 0, ContinuousClock.now < deadline { usleep(1_000) }
        #expect(commits.count >= 1)
    }

    @Test func ungroupedEntriesAreEachForcedToDisk() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try JournalFile(url: directory.appendingPathComponent("world.journal"), seed: 3)
        let commits = Commits()
        journal.beforeCommit = { commits.record() }
        for step in 1...10 {
            try journal.append(JournalEntry(.advance(nanoseconds: Int64(step))))
        }
        journal.flush()
        #expect(commits.count == 10)
    }

    @Test func aLagNoteWrittenWithoutForcingReadsBackTheSame() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let mirror = WorkspaceMirror(folder: directory.appendingPathComponent("workspace"), simulatedPath: "/home/learner")
        mirror.groupsWrites = true
        mirror.commitLagNote()  // no note yet: nothing to force, no failure
        mirror.noteLag(syncedAt: 4)
        #expect(mirror.notedLag() == .since(entries: 4))
        mirror.noteLag(syncedAt: nil)
        #expect(mirror.notedLag() == .everything)
        mirror.commitLagNote()
        #expect(mirror.notedLag() == .everything)
    }

    @Test func aScriptKeepsTheLagNoteUntilItSettlesInStep() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/home/learner", intermediates: true)
        let mirror = WorkspaceMirror(folder: folder, simulatedPath: "/home/learner")
        mirror.groupsWrites = true
        mirror.noteLag(syncedAt: 0)
        try fileSystem.writeFile("/home/learner/a.txt", Array("a\n".utf8))
        mirror.export(from: fileSystem)
        // In step, but the note stays while the script runs: a kill now rewrites a.txt at most.
        #expect(mirror.notedLag() == .since(entries: 0))
        mirror.noteLag(syncedAt: 1)
        #expect(mirror.notedLag() == .since(entries: 0))
        mirror.settle()
        #expect(mirror.notedLag() == nil)
        #expect(try String(contentsOf: folder.appendingPathComponent("a.txt"), encoding: .utf8) == "a\n")
    }

    @Test func aSessionAtATerminalDropsTheLagNoteAtEachExport() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fileSystem = FileSystem()
        try fileSystem.createDirectory("/home/learner", intermediates: true)
        let mirror = WorkspaceMirror(folder: folder, simulatedPath: "/home/learner")
        mirror.noteLag(syncedAt: 0)
        #expect(mirror.notedLag() == .since(entries: 0))
        mirror.export(from: fileSystem)
        #expect(mirror.notedLag() == nil)
    }
}
