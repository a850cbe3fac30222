import Foundation
import Machine

/// Keeps the learner's simulated home directory and a real folder in step, so files can be
/// edited in the learner's own editor.
///
/// The simulated file system is the truth while a command runs. Between commands, edits found
/// in the real folder are brought in (and journaled by the caller); after a command, what it
/// changed is written out. Symbolic links in the real folder are never followed, at any
/// component of a path, for reading, writing or removing (see `WorkspaceFolder`): nothing
/// outside the folder can be reached through it.
///
/// The journal is written before the folder, so a kill can leave the folder behind the journal.
/// Before the journal grows, a note (`lagURL`) records where the folder was last in step; it goes
/// once the folder has caught up. A start that finds it writes the files the journal changed
/// since then (`recover`), instead of taking their absence for the learner's deletion.
public final class WorkspaceMirror {
    public let folder: URL
    public let simulatedPath: String
    /// The contents last exported or imported, by path relative to the folder.
    private var known: [String: [UInt8]] = [:]
    private let real: WorkspaceFolder
    /// Export failures already reported, so a file that cannot be written is reported once.
    private var reportedFailures: Set<String> = []
    /// What the lag note on disk says, if there is one.
    private var lag: Lag?
    /// For tests of a kill in the middle of an export: the export stops dead after this many
    /// file operations, leaving what a killed process would leave.
    var killAfterOperations: Int?

    /// Files larger than this are not mirrored (a learner's workspace holds small sources).
    public static let sizeLimit = 8 * 1024 * 1024

    /// Since when the folder may be behind the journal.
    public enum Lag: Codable, Equatable, Sendable {
        /// Since the journal had this many entries: the files the later entries changed.
        case since(entries: Int)
        /// Since before the journal was rewritten (undo, reset): every file.
        case everything
    }

    public init(folder: URL, simulatedPath: String) {
        self.folder = folder
        self.simulatedPath = simulatedPath
        self.real = WorkspaceFolder(path: folder.standardizedFileURL.path)
    }

    /// Where the note saying the folder may be behind the journal is kept.
    public var lagURL: URL {
        folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + ".lagging")
    }

    /// The lag an earlier process left noted (it was killed before the folder caught up).
    public func notedLag() -> Lag? {
        guard let data = try? Data(contentsOf: lagURL) else { return nil }
        // An unreadable note (torn by a kill) says nothing certain: trust the journal for all.
        return (try? JSONDecoder().decode(Lag.self, from: data)) ?? .everything
    }

    /// Notes, before the journal changes, that the folder is in step with its first `entries`
    /// entries (nil: the journal is about to be rewritten). Once noted, later entries add nothing
    /// until an export catches up.
    public func noteLag(syncedAt entries: Int?) {
        let wanted: Lag = entries.map { .since(entries: $0) } ?? .everything
        if let lag, lag == .everything || wanted != .everything { return }
        lag = wanted
        guard let data = try? JSONEncoder().encode(wanted) else { return }
        if !groupsWrites {
            try? data.write(to: lagURL)
            return
        }
        // Foundation's write forces the disk; the journal's grouped flush does it instead.
        let descriptor = open(lagURL.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return }
        _ = data.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
    }

    /// Set for a script (see `SavedWorld.groupCommits`): the lag note is written without forcing
    /// the disk (`commitLagNote` must run before the journal entries after it are forced), and
    /// stays from the first entry until `settle()` instead of coming and going with every
    /// command: on a busy disk each create and unlink waits milliseconds. A kill meanwhile only
    /// makes the next start write out the files the script changed.
    public var groupsWrites = false
    /// Whether the last export wrote everything (the folder is in step with the journal).
    private var lastExportComplete = false

    /// Ends a script: drops the lag note if the folder is in step with the journal.
    public func settle() {
        if groupsWrites, lastExportComplete { clearLag() }
    }

    /// Forces the lag note to disk, if there is one (callable from any thread).
    public var commitLagNote: @Sendable () -> Void {
        let path = lagURL.path
        return {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { return }
            _ = fsync(descriptor)
            close(descriptor)
        }
    }

    private func clearLag() {
        guard lag != nil else { return }
        lag = nil
        unlink(lagURL.path)
    }

    /// Writes the simulated home to the real folder where they differ. Returns what could not
    /// be written or removed, as messages for the learner (each reported once); a file that
    /// could not be written keeps counting as unchanged, so a failure never reads as a deletion.
    @discardableResult
    public func export(from fileSystem: FileSystem) -> [String] {
        let simulated = Self.files(in: fileSystem, under: simulatedPath)
        var failures: [String] = []
        var failed = false
        var operations = 0
        func killed() -> Bool {
            operations += 1
            return killAfterOperations.map { operations > $0 } ?? false
        }
        for (relative, bytes) in simulated.sorted(by: { $0.key < $1.key }) where known[relative] != bytes {
            if killed() { return failures }
            do {
                try real.write(relative, bytes)
                known[relative] = bytes
                reportedFailures.remove(relative)
            } catch {
                failed = true
                failures += report(relative, "cannot write", error)
            }
        }
        for relative in known.keys.sorted() where simulated[relative] == nil {
            if killed() { return failures }
            do {
                try real.remove(relative)
                known[relative] = nil
                reportedFailures.remove(relative)
            } catch {
                failed = true
                failures += report(relative, "cannot remove", error)
            }
        }
        lastExportComplete = !failed
        if !failed, !groupsWrites { clearLag() }
        return failures
    }

    private func report(_ relative: String, _ action: String, _ failure: WorkspaceFolder.Failure) -> [String] {
        guard reportedFailures.insert(relative).inserted else { return [] }
        return ["\(action) \(String(reflecting: relative)) in the workspace folder \(folder.path): \(failure)"]
    }

    /// The edits made in the real folder since the last export or import, as (relative path,
    /// new contents or nil when removed). They are not applied; `apply` does that.
    public func externalEdits() -> [(path: String, contents: [UInt8]?)] {
        var edits: [(String, [UInt8]?)] = []
        let found = real.files(sizeLimit: Self.sizeLimit)
        // Timestamps are too coarse to trust (two saves within one kernel tick share one):
        // compare contents, which are small.
        for (relative, bytes) in found.contents where known[relative] != bytes {
            edits.append((relative, bytes))
            known[relative] = bytes
        }
        for relative in known.keys.sorted() where !found.present.contains(relative) {
            edits.append((relative, nil))
            known[relative] = nil
        }
        return edits.sorted { $0.0 < $1.0 }
    }

    /// Applies an edit to the simulated home (used live and when replaying the journal).
    public static func apply(path relative: String, contents: [UInt8]?, to fileSystem: FileSystem, home: String, owner: Credentials) {
        let path = Paths.normalize(relative, relativeTo: home)
        guard path.hasPrefix(home + "/") else { return }
        // The real folder is the truth for the learner's files, whatever their simulated owner:
        // write as root, and give new files and folders to the learner.
        if let contents {
            var missing: [String] = []
            var directory = Paths.parent(path)
            while !fileSystem.exists(directory), directory != "/" {
                missing.insert(directory, at: 0)
                directory = Paths.parent(directory)
            }
            let isNew = !fileSystem.exists(path)
            for folder in missing {
                try? fileSystem.createDirectory(folder)
                try? fileSystem.setOwner(folder, uid: owner.uid, gid: owner.gid)
            }
            try? fileSystem.writeFile(path, contents)
            if isNew { try? fileSystem.setOwner(path, uid: owner.uid, gid: owner.gid) }
        } else {
            try? fileSystem.remove(path, recursive: true)
        }
    }

    /// Takes the simulated home as already written out (after replaying a saved world), so that
    /// only real differences count as edits — after bringing the folder up to the journal where
    /// a kill left it behind: `behind` holds the paths the journal changed since the folder was
    /// last in step (nil: every path). A file the folder cannot hold (a name too long, a full
    /// disk) counts as absent, so it never reads as the learner's deletion.
    public func recover(_ fileSystem: FileSystem, behind: Set<String>?) {
        let simulated = Self.files(in: fileSystem, under: simulatedPath)
        real.clearStaging()
        let found = real.files(sizeLimit: Self.sizeLimit)
        known = simulated
        lag = notedLag()
        var failed = false
        let lagging = behind ?? Set(simulated.keys).union(found.present)
        for relative in lagging.sorted() {
            do {
                if let bytes = simulated[relative] {
                    if found.contents[relative] != bytes { try real.write(relative, bytes) }
                } else {
                    try real.remove(relative)
                }
            } catch {
                failed = true
                known[relative] = found.contents[relative]
            }
        }
        for relative in simulated.keys where !found.present.contains(relative) && !lagging.contains(relative) {
            if !WorkspaceFolder.canHold(relative) { known[relative] = nil }
        }
        if !failed { clearLag() }
    }

    /// Takes the simulated home as already written out, with nothing to catch up.
    public func assumeExported(_ fileSystem: FileSystem) {
        recover(fileSystem, behind: [])
    }

    /// Forgets what was mirrored (after the folder was wiped for a reset).
    public func forget() {
        known.removeAll()
    }

    // MARK: Helpers

    static func files(in fileSystem: FileSystem, under root: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        func walk(_ path: String, _ relative: String) {
            guard let names = try? fileSystem.listDirectory(path) else { return }
            for name in names {
                let childPath = Paths.join(path, name)
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                guard let status = try? fileSystem.status(childPath, followSymlinks: false) else { continue }
                switch status.kind {
                case .directory: walk(childPath, childRelative)
                case .file:
                    if status.size <= sizeLimit, let bytes = try? fileSystem.readFile(childPath) { result[childRelative] = bytes }
                case .symlink, .device: continue
                }
            }
        }
        walk(root, "")
        return result
    }
}
