import Foundation
import Simulation
import Testing
@testable import World

/// Seeded corruption of a saved journal: any bytes open as a world (with the damage reported),
/// never a crash, never a journal that cannot be appended to.
@Suite struct JournalFuzzTests {
    @Test(arguments: 0..<3)
    func corruptedJournalsAlwaysOpen(seed: UInt64) throws {
        var random = SeededRandom(seed: 4000 + seed)
        let count = MutationFuzzer.iterations(standard: 15, environment: ProcessInfo.processInfo.environment)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-journal-fuzz-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("world.journal")
        let journal = try JournalFile(url: url, seed: 8)
        for entry in [JournalEntry(.command(line: "dice", inputs: [], nanoseconds: 5)), JournalEntry(.advance(nanoseconds: 1_000)),
                      JournalEntry(.workspaceEdit(path: "a.txt", contents: Data("x".utf8))), JournalEntry(.silentCommand(line: "dice"))] {
            try journal.append(entry)
        }
        journal.flush()
        let original = [UInt8](try Data(contentsOf: url))
        for _ in 0..<count {
            var bytes = original
            for _ in 0..<random.integer(in: 1...6) {
                let position = random.integer(in: 0...(bytes.count - 1))
                switch random.integer(in: 0...3) {
                case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(contentsOf: Array("9223372036854775807".utf8), at: position)
                default: bytes = Array(bytes.prefix(position))
                }
                if bytes.isEmpty { break }
            }
            try Data(bytes).write(to: url)
            let saved = try SavedWorld(directory: directory, seed: nil, setup: testSetup())
            _ = saved.world
            try saved.journal.append(JournalEntry(.advance(nanoseconds: 1)))
            saved.journal.flush()
            let reopened = try JournalFile(url: url, seed: 1)
            #expect(try reopened.load() == nil)
        }
    }
}
