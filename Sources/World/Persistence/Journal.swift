import Crypto
import Foundation

/// Everything from outside that changed the simulated world, in order: the world is a pure
/// function of its seed and this journal, so replaying it restores the world exactly (after a
/// restart, a crash, or to undo the last command).
public struct JournalEntry: Codable, Hashable, Sendable {
    /// What happened.
    public enum Event: Codable, Hashable, Sendable {
        /// Virtual time passed with nothing typed (the learner thinking, or `wait`).
        case advance(nanoseconds: Int64)
        /// A command line was run for `nanoseconds` of virtual time; `inputs` are what the
        /// learner typed into it meanwhile.
        case command(line: String, inputs: [TimedInput], nanoseconds: Int64)
        /// A read-only command run out of sight (a lesson's check); replayed silently too, so that
        /// what it consumed (random draws, time) is the same on replay.
        case silentCommand(line: String)
        /// The learner changed a workspace file outside KubeLab (nil contents: removed it).
        case workspaceEdit(path: String, contents: Data?)
        /// The world was replaced by a fresh one made with `seed`, its clock at `nanoseconds`
        /// since the Unix epoch (a lesson restoring the world it starts from). What came before
        /// no longer shapes the world: a replay begins at the last such entry.
        case freshWorld(seed: UInt64, nanoseconds: Int64)
    }

    public var event: Event

    public init(_ event: Event) {
        self.event = event
    }
}

/// Input that reached a running command, at a virtual offset from the command's start.
public struct TimedInput: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A line typed at the terminal (without its newline).
        case line
        /// End of input (Ctrl-D).
        case endOfFile
        /// Ctrl-C.
        case interrupt
        /// The learner saved a file in their editor: `text` is what it held then.
        case editorResult
    }

    public var offsetNanoseconds: Int64
    public var kind: Kind
    public var text: String

    public init(offsetNanoseconds: Int64, kind: Kind, text: String = "") {
        self.offsetNanoseconds = offsetNanoseconds
        self.kind = kind
        self.text = text
    }
}

/// The journal on disk: a header line with the seed, then one JSON line per entry, appended and
/// flushed to disk as each entry happens so a kill loses at most the entry being written.
public final class JournalFile {
    public let url: URL
    public private(set) var seed: UInt64
    public private(set) var entries: [JournalEntry]
    private var handle: FileHandle?
    /// Flushes appended entries to disk off the prompt's path: an fsync costs milliseconds, and
    /// a written entry already survives the process being killed (it is in the kernel); the
    /// flush guards against the machine itself going down.
    private let flusher = DispatchQueue(label: "kubelab.journal.flush")
    /// The descriptor written since the last flush, when flushes are grouped.
    private let unflushed = Unflushed()
    /// When set, entries are forced to disk together at most this often (and by `flush()`), not
    /// one fsync each: a script's thousands of entries would otherwise queue thousands of
    /// fsyncs, which a busy disk serves slowly and the exit waits for. Every entry is still
    /// written at once, so a killed process loses none; only the machine going down could lose
    /// the last interval. Nil (a terminal): each entry is flushed as it comes.
    public var commitInterval: Duration?
    /// Runs on the flushing queue before the journal is forced to disk (for what must be on
    /// disk no later than the entries that follow it).
    public var beforeCommit: (@Sendable () -> Void)?
    /// SHA-256 over the file's bytes so far; nil until the file was read or written.
    private var hasher: SHA256?

    /// The digest of the journal file as it stands (nil before `load()` of an existing one).
    /// Equal digests mean equal seeds and entries, hence the same world.
    public var digest: String? {
        hasher.map { hasher in
            hasher.finalize().map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        }
    }

    private struct Header: Codable {
        var kubelabJournal: Int
        var seed: UInt64
    }

    /// What was wrong with a journal that could only be read in part.
    public struct Damage: Error, CustomStringConvertible, Sendable {
        public let line: Int
        public let setAsideAt: URL
        /// Set when the journal was readable but replaying it crashed KubeLab at `line`.
        public var crashedReplay = false
        public var description: String {
            if crashedReplay {
                return "the saved world crashed KubeLab while it was restored, at line \(line) of its journal; the journal was kept as \(setAsideAt.path) and the world was restored up to the entry before"
            }
            return "the saved world was damaged at line \(line) of its journal; the damaged copy was kept as \(setAsideAt.path) and the world was restored up to that point"
        }
    }

    /// Opens the journal at `url`, creating it with `seed` if absent. A damaged journal is copied
    /// aside and truncated to its last good entry; the damage is returned for the caller to report.
    public init(url: URL, seed: UInt64) throws {
        self.url = url
        self.seed = seed
        self.entries = []
        let manager = FileManager.default
        try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !manager.fileExists(atPath: url.path) {
            hasher = SHA256(data: try Self.writeAtomically(header: Header(kubelabJournal: 1, seed: seed), entries: [], to: url))
        }
    }

    /// Reads the entries; returns the damage if some had to be set aside.
    @discardableResult
    public func load() throws -> Damage? {
        var data = try Data(contentsOf: url)
        // An empty file (a kill while it was first written) is a new journal.
        guard !data.isEmpty else {
            try rewrite(entries: [])
            return nil
        }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let decoder = JSONDecoder()
        var loaded: [JournalEntry] = []
        var damagedLine: Int?
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if index == 0 {
                guard let header = try? decoder.decode(Header.self, from: Data(line)) else {
                    damagedLine = 1
                    break
                }
                seed = header.seed
                continue
            }
            guard let entry = try? decoder.decode(JournalEntry.self, from: Data(line)) else {
                damagedLine = index + 1
                break
            }
            loaded.append(entry)
        }
        entries = loaded
        guard let damagedLine else {
            // A whole last entry without its newline: add it, or the next entry would be glued on.
            if data.last != UInt8(ascii: "\n") {
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.seekToEnd()
                try handle.write(contentsOf: [UInt8(ascii: "\n")])
                data.append(UInt8(ascii: "\n"))
            }
            hasher = SHA256(data: data)
            return nil
        }
        return try setAside(keeping: loaded.count, damagedLine: damagedLine)
    }

    /// Copies the journal aside as damaged and keeps only its first `count` entries; returns
    /// the damage to report.
    public func setAside(keeping count: Int, damagedLine: Int, crashedReplay: Bool = false) throws -> Damage {
        let aside = url.deletingLastPathComponent().appendingPathComponent(
            url.lastPathComponent + ".damaged-\(Int(Date().timeIntervalSince1970))")
        try? FileManager.default.removeItem(at: aside)
        try FileManager.default.copyItem(at: url, to: aside)
        try rewrite(entries: Array(entries.prefix(count)))
        return Damage(line: damagedLine, setAsideAt: aside, crashedReplay: crashedReplay)
    }

    /// Appends `entry` and forces it to disk.
    public func append(_ entry: JournalEntry) throws {
        entries.append(entry)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        if handle == nil {
            handle = try FileHandle(forWritingTo: url)
        }
        guard let handle else { return }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        let descriptor = handle.fileDescriptor
        let beforeCommit = beforeCommit
        if let commitInterval {
            // One flush is scheduled for everything written until it runs.
            if unflushed.mark(descriptor) {
                let unflushed = unflushed
                let delay = Double(commitInterval.components.seconds) + Double(commitInterval.components.attoseconds) / 1e18
                flusher.asyncAfter(deadline: .now() + delay) { unflushed.commit(beforeCommit) }
            }
        } else {
            flusher.async {
                beforeCommit?()
                _ = fsync(descriptor)
            }
        }
        hasher?.update(data: line)
    }

    /// Waits until every appended entry is on disk.
    public func flush() {
        let unflushed = unflushed
        let beforeCommit = beforeCommit
        flusher.sync { unflushed.commit(beforeCommit) }
    }

    /// Replaces the whole journal (undo, reset, a new seed), atomically.
    public func rewrite(entries newEntries: [JournalEntry], seed newSeed: UInt64? = nil) throws {
        flush()
        try handle?.close()
        handle = nil
        if let newSeed { seed = newSeed }
        hasher = SHA256(data: try Self.writeAtomically(header: Header(kubelabJournal: 1, seed: seed), entries: newEntries, to: url))
        entries = newEntries
    }

    @discardableResult
    private static func writeAtomically(header: Header, entries: [JournalEntry], to url: URL) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(header)
        data.append(UInt8(ascii: "\n"))
        for entry in entries {
            data.append(try encoder.encode(entry))
            data.append(UInt8(ascii: "\n"))
        }
        try data.write(to: url, options: .atomic)
        return data
    }

    deinit {
        flush()
        try? handle?.close()
    }
}

/// The journal's descriptor while it holds entries not yet forced to disk (grouped flushes).
private final class Unflushed: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptor: Int32?

    /// Notes that `descriptor` has unflushed entries; true when no flush was pending.
    func mark(_ descriptor: Int32) -> Bool {
        lock.withLock {
            defer { self.descriptor = descriptor }
            return self.descriptor == nil
        }
    }

    /// Forces the noted descriptor to disk, if any (on the flushing queue).
    func commit(_ beforeCommit: (@Sendable () -> Void)?) {
        guard let descriptor = lock.withLock({ () -> Int32? in
            defer { self.descriptor = nil }
            return self.descriptor
        }) else { return }
        beforeCommit?()
        _ = fsync(descriptor)
    }
}

extension SHA256 {
    init(data: Data) {
        self.init()
        update(data: data)
    }
}
