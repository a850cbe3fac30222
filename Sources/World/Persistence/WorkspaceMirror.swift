import Foundation
import Machine

/// Keeps the learner's simulated home directory and a real folder in step, so files can be
/// edited in the learner's own editor.
///
/// The simulated file system is the truth while a command runs. Between commands, edits found
/// in the real folder are brought in (and journaled by the caller); after a command, what it
/// changed is written out. Symbolic links in the real folder are never followed or imported:
/// nothing outside the folder can be reached through it.
public final class WorkspaceMirror {
    public let folder: URL
    public let simulatedPath: String
    /// The contents last exported or imported, by path relative to the folder.
    private var known: [String: [UInt8]] = [:]

    /// Files larger than this are not mirrored (a learner's workspace holds small sources).
    public static let sizeLimit = 8 * 1024 * 1024

    public init(folder: URL, simulatedPath: String) {
        self.folder = folder
        self.simulatedPath = simulatedPath
    }

    /// Writes the simulated home to the real folder where they differ.
    public func export(from fileSystem: FileSystem) {
        let simulated = Self.files(in: fileSystem, under: simulatedPath)
        let manager = FileManager.default
        for (relative, bytes) in simulated where known[relative] != bytes {
            let url = folder.appendingPathComponent(relative)
            try? manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if Self.isSymbolicLink(url) { try? manager.removeItem(at: url) }
            try? Data(bytes).write(to: url, options: .atomic)
            known[relative] = bytes
        }
        for relative in known.keys where simulated[relative] == nil {
            try? manager.removeItem(at: folder.appendingPathComponent(relative))
            known[relative] = nil
        }
    }

    /// The edits made in the real folder since the last export or import, as (relative path,
    /// new contents or nil when removed). They are not applied; `apply` does that.
    public func externalEdits() -> [(path: String, contents: [UInt8]?)] {
        var edits: [(String, [UInt8]?)] = []
        var seen = Set<String>()
        for (relative, url) in Self.realFiles(in: folder) {
            seen.insert(relative)
            // Timestamps are too coarse to trust (two saves within one kernel tick share one):
            // compare contents, which are small.
            guard let data = try? Data(contentsOf: url), data.count <= Self.sizeLimit else { continue }
            let bytes = [UInt8](data)
            if known[relative] != bytes {
                edits.append((relative, bytes))
            }
            known[relative] = bytes
        }
        for relative in known.keys.sorted() where !seen.contains(relative) {
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
    /// only real differences count as edits.
    public func assumeExported(_ fileSystem: FileSystem) {
        known = Self.files(in: fileSystem, under: simulatedPath)
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

    /// The regular files under `folder`, by relative path. A plain POSIX walk: Foundation's
    /// enumerator and resource values cost several system calls per file, before every command.
    /// Symbolic links are skipped, not followed.
    static func realFiles(in folder: URL) -> [(String, URL)] {
        var result: [(String, URL)] = []
        func walk(_ path: String, _ relative: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                    String(decoding: buffer.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard name != ".", name != ".." else { continue }
                let childPath = path + "/" + name
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(childPath, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: walk(childPath, childRelative)
                case S_IFREG: result.append((childRelative, URL(fileURLWithPath: childPath)))
                default: continue
                }
            }
        }
        walk(folder.standardizedFileURL.path, "")
        return result
    }

    static func isSymbolicLink(_ url: URL) -> Bool {
        (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]))?.isSymbolicLink == true
    }
}
