import Foundation
import World

/// A scratch folder on the host for one escape attempt: KubeLab's state directory and, beside
/// it, files that must never be read or written through KubeLab.
///
///     root/state/workspace/…   the learner's workspace (hostile links are made here)
///     root/outside/secret.txt  "OUTSIDE-SECRET-file"
///     root/outside/dir/inner.txt
final class HostFixture {
    static let secretMarker = "OUTSIDE-SECRET"
    let root: URL
    var state: URL { root.appendingPathComponent("state") }
    var workspace: URL { state.appendingPathComponent("workspace") }
    var outside: URL { root.appendingPathComponent("outside") }
    private var before: [String: String] = [:]

    init(_ name: String) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-defences")
        root = base.appendingPathComponent("\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        let manager = FileManager.default
        try manager.createDirectory(at: outside.appendingPathComponent("dir"), withIntermediateDirectories: true)
        try manager.createDirectory(at: workspace, withIntermediateDirectories: true)
        try Data("\(Self.secretMarker)-file\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("\(Self.secretMarker)-inner\n".utf8).write(to: outside.appendingPathComponent("dir/inner.txt"))
        before = snapshot(outside)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Makes a symbolic link `name` in the workspace pointing at `target`.
    func symlink(_ name: String, to target: String) throws {
        let url = workspace.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Makes a hard link `name` in the workspace to the outside file `target`.
    func hardLink(_ name: String, to target: URL) throws {
        try FileManager.default.linkItem(at: target, to: workspace.appendingPathComponent(name))
    }

    /// Every entry under `folder`, by relative path: its kind, mode and contents or link target.
    func snapshot(_ folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        func walk(_ path: String, _ relative: String) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let child = path + "/" + name
                let key = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(child, &status) == 0 else { continue }
                let mode = String(status.st_mode, radix: 8)
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    result[key] = "dir \(mode)"
                    walk(child, key)
                case S_IFLNK:
                    result[key] = "link -> " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: child)) ?? "?")
                default:
                    let contents = (try? Data(contentsOf: URL(fileURLWithPath: child))).map { String(decoding: $0, as: UTF8.self) } ?? "?"
                    result[key] = "file \(mode) \(contents.debugDescription)"
                }
            }
        }
        walk(folder.path, "")
        return result
    }

    /// What changed outside the state directory, and what of KubeLab's own files outside the
    /// workspace was written by the learner's commands; empty when the sandbox held.
    func escapes() -> [String] {
        var found: [String] = []
        let after = snapshot(outside)
        for key in Set(before.keys).union(after.keys).sorted() where before[key] != after[key] {
            found.append("outside/\(key): \(before[key] ?? "absent") → \(after[key] ?? "absent")")
        }
        let top = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        for name in top where name != "state" && name != "outside" {
            found.append("new host file beside the state directory: \(name)")
        }
        // KubeLab's own files: the journal must still read whole; nothing a learner's command
        // wrote may appear beside it (the journal and history hold command lines, not files).
        let own = snapshot(state).filter { !$0.key.hasPrefix("workspace") }
        let written = ["pwned", "inner", "new.txt", "deep.txt", "moved", "tee.txt", "copy"]
        for (key, value) in own.sorted(by: { $0.key < $1.key }) {
            if key == "world.journal" {
                if let journal = try? JournalFile(url: state.appendingPathComponent(key), seed: 1), let damage = try? journal.load() {
                    found.append("the journal was damaged: \(damage)")
                }
            } else if key != "history", key != "progress.json", written.contains(where: { key.contains($0) || value.contains($0) }) {
                found.append("state/\(key) was written by a learner's command: \(value.prefix(200))")
            }
        }
        return found
    }
}
