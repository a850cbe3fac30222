import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libedit's history list: bounded, without consecutive duplicates, kept in a file.
final class EditLineHistory {
    let state: OpaquePointer
    let file: String?

    /// Creates an empty history holding at most `limit` lines and loads `file` if it exists.
    init?(file: String?, limit: Int) {
        guard let state = kubelab_history_init(Int32(clamping: max(1, limit))) else { return nil }
        self.state = state
        self.file = file
        if let file {
            // A missing file is the normal first run; libedit reports it as -1.
            _ = kubelab_history_load(state, file)
        }
    }

    deinit {
        history_end(state)
    }

    /// Adds a line unless it is blank or repeats the newest entry.
    func add(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        _ = kubelab_history_enter(state, line)
    }

    /// Empties the list and enters `entries` again, oldest first.
    func replaceEntries(with entries: [String]) {
        kubelab_history_clear(state)
        entries.forEach(add)
    }

    var count: Int {
        Int(kubelab_history_count(state))
    }

    /// The entries, oldest first.
    var entries: [String] {
        var result: [String] = []
        var entry = kubelab_history_oldest(state)
        while let current = entry {
            result.append(String(cString: current))
            entry = kubelab_history_newer(state)
        }
        return result
    }

    /// Writes the history to its file through a temporary file and a rename, so a
    /// kill at any moment leaves either the old or the new file, never half of one.
    @discardableResult
    func save() -> Bool {
        guard let file else { return true }
        let temporary = file + ".tmp"
        guard kubelab_history_save(state, temporary) != -1 else {
            unlink(temporary)
            return false
        }
        guard rename(temporary, file) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
