import Foundation
import Machine

/// A world kept in a state directory: its journal, and the workspace folder mirroring the
/// learner's home. Opening it replays the journal, so the learner is back where they left off;
/// the replay may run while the learner types (`pendingReplay`), and `world` finishes it.
public final class SavedWorld {
    public let journal: JournalFile
    public let mirror: WorkspaceMirror
    /// Set when the journal was damaged and partly set aside: tell the learner.
    public let damage: JournalFile.Damage?
    /// The prompt the replayed world shows, when it is known before the replay (see
    /// `RememberedPrompt`).
    public let expectedPrompt: String?
    private let replay: JournalReplay
    private let rememberedPrompt: RememberedPrompt

    /// Opens (or creates, with `seed`) the world saved under `directory`. The world is made at
    /// once; its journal is replayed when `world` is first used, or earlier through
    /// `pendingReplay`.
    ///
    /// - Throws: `SeedMismatch` when `seed` is given and the saved world has another one.
    public init(directory: URL, seed: UInt64?, setup: WorkstationSetup) throws {
        let journalURL = directory.appendingPathComponent("world.journal")
        let existed = FileManager.default.fileExists(atPath: journalURL.path)
        let journal = try JournalFile(url: journalURL, seed: seed ?? UInt64.random(in: 1...999_999))
        var damage = existed ? try journal.load() : nil
        if let seed, existed, journal.seed != seed {
            throw SeedMismatch(saved: journal.seed, requested: seed, directory: directory)
        }
        // The last start died replaying an entry: it would again. Keep the journal aside and
        // restore the world up to the entry before. The marker counts entries from the start of
        // the replayed segment (what follows the last fresh world, a lesson's starting world).
        let marker = ReplayMarker(url: directory.appendingPathComponent("world.replaying"))
        if let found = marker.read(), found.crashed {
            let crashed = JournalSegment(entries: journal.entries, seed: journal.seed).entries.startIndex + found.entry
            if crashed < journal.entries.count {
                damage = try journal.setAside(keeping: crashed, damagedLine: crashed + 2, crashedReplay: true)
            }
        }
        marker.remove()
        // Only what follows the last fresh world is replayed.
        let segment = JournalSegment(entries: journal.entries, seed: journal.seed)
        let world = try segment.makeWorld { try World(seed: $0, setup: setup) }
        let replay = JournalReplay(world: world, entries: Array(segment.entries), marker: marker)
        let mirror = WorkspaceMirror(folder: directory.appendingPathComponent("workspace"), simulatedPath: world.learner.home)
        try FileManager.default.createDirectory(at: mirror.folder, withIntermediateDirectories: true)
        if existed {
            // What the folder holds beyond the replayed world was edited while KubeLab was closed,
            // unless the last process was killed before the folder caught up with the journal:
            // then the files the journal changed since the folder was in step are written out.
            switch mirror.notedLag() {
            case nil:
                replay.whenFinished { world in mirror.recover(world.workstation.fileSystem, behind: []) }
            case .everything:
                replay.whenFinished { world in mirror.recover(world.workstation.fileSystem, behind: nil) }
            case .since(let entries):
                let home = world.learner.home
                var inStep: [String: [UInt8]] = [:]
                replay.whenReaching(entries) { world in inStep = WorkspaceMirror.files(in: world.workstation.fileSystem, under: home) }
                replay.whenFinished { world in
                    let now = WorkspaceMirror.files(in: world.workstation.fileSystem, under: home)
                    let changed = Set(now.keys).union(inStep.keys).filter { now[$0] != inStep[$0] }
                    mirror.recover(world.workstation.fileSystem, behind: changed)
                }
            }
        } else {
            // A new world: its home (dotfiles) goes out; files already in the folder come in.
            mirror.export(from: world.workstation.fileSystem)
        }
        let rememberedPrompt = RememberedPrompt(url: directory.appendingPathComponent("world.prompt"))
        self.expectedPrompt = rememberedPrompt.prompt(forJournal: journal.digest)
        self.rememberedPrompt = rememberedPrompt
        self.replay = replay
        self.journal = journal
        self.mirror = mirror
        self.damage = damage
    }

    /// Forces what is saved to disk together at most every `interval` and when the session ends,
    /// instead of at every entry: for a script on standard input, whose thousands of commands
    /// would each wait for the disk. Nothing written is lost when only the process is killed.
    public func groupCommits(every interval: Duration) {
        mirror.groupsWrites = true
        journal.beforeCommit = mirror.commitLagNote
        journal.commitInterval = interval
    }

    /// The world, with its whole journal replayed.
    public var world: World {
        replay.finish()
        return replay.world
    }

    /// The replay still to run, if any: step it while nothing else needs the world.
    public var pendingReplay: JournalReplay? {
        replay.isFinished ? nil : replay
    }

    /// Runs `body` on the world once its journal is replayed (at once if it is): for what a
    /// replay must not see, such as where output goes.
    public func whenRestored(_ body: @escaping (World) -> Void) {
        replay.whenFinished(body)
    }

    /// Remembers the prompt the world shows now, for the next start (see `RememberedPrompt`).
    public func rememberPrompt(_ prompt: String) {
        guard let digest = journal.digest else { return }
        rememberedPrompt.remember(prompt, forJournal: digest)
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
