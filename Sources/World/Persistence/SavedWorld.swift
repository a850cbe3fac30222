import Foundation
import Machine

/// A world kept in a state directory: its journal, and the workspace folder mirroring the
/// learner's home. Opening it replays the journal, so the learner is back where they left off.
public final class SavedWorld {
    public let world: World
    public let journal: JournalFile
    public let mirror: WorkspaceMirror
    /// Set when the journal was damaged and partly set aside: tell the learner.
    public let damage: JournalFile.Damage?

    /// Opens (or creates, with `seed`) the world saved under `directory`.
    ///
    /// - Throws: `SeedMismatch` when `seed` is given and the saved world has another one.
    public init(directory: URL, seed: UInt64?, setup: WorkstationSetup) throws {
        let journalURL = directory.appendingPathComponent("world.journal")
        let existed = FileManager.default.fileExists(atPath: journalURL.path)
        let journal = try JournalFile(url: journalURL, seed: seed ?? UInt64.random(in: 1...999_999))
        let damage = existed ? try journal.load() : nil
        if let seed, existed, journal.seed != seed {
            throw SeedMismatch(saved: journal.seed, requested: seed, directory: directory)
        }
        let world = try World(seed: journal.seed, setup: setup)
        for entry in journal.entries { world.apply(entry) }
        let mirror = WorkspaceMirror(folder: directory.appendingPathComponent("workspace"), simulatedPath: world.learner.home)
        try FileManager.default.createDirectory(at: mirror.folder, withIntermediateDirectories: true)
        if existed {
            // What the folder holds beyond the replayed world was edited while KubeLab was closed.
            mirror.assumeExported(world.workstation.fileSystem)
        } else {
            // A new world: its home (dotfiles) goes out; files already in the folder come in.
            mirror.export(from: world.workstation.fileSystem)
        }
        self.world = world
        self.journal = journal
        self.mirror = mirror
        self.damage = damage
    }

    /// The saved world has a different seed than the one asked for.
    public struct SeedMismatch: Error, CustomStringConvertible {
        public let saved: UInt64
        public let requested: UInt64
        public let directory: URL
        public var description: String {
            "the world saved in \(directory.path) was made with seed \(saved), not \(requested); use another --home, or `kubelab reset` it first"
        }
    }
}
