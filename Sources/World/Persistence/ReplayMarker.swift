import Foundation

/// Notes which journal entry a start is replaying, so the next start can tell a replay that
/// crashed KubeLab (the entry is noted and flagged) from one that finished (no marker) or was
/// killed (noted, not flagged). A journal replays deterministically, so an entry that crashed
/// once crashes at every start: the next start keeps the journal aside and drops that entry and
/// those after it.
///
/// Noting an entry is one `pwrite` of eight bytes, without `fsync`: a crash of the process
/// leaves the kernel's copy intact, which is all this needs.
final class ReplayMarker {
    let url: URL
    private var descriptor: Int32 = -1

    /// What a marker left by an earlier start says.
    struct Found: Equatable {
        /// The index of the journal entry being replayed.
        var entry: Int
        /// Whether the process died of a crash signal during it.
        var crashed: Bool
    }

    init(url: URL) {
        self.url = url
    }

    /// The marker an earlier start left, if any.
    func read() -> Found? {
        guard let data = try? Data(contentsOf: url), data.count >= 8 else { return nil }
        let entry = data.prefix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        return Found(entry: Int(clamping: entry), crashed: data.count > 8 && data[8] != 0)
    }

    /// Removes the marker.
    func remove() {
        if descriptor >= 0 { end() }
        unlink(url.path)
    }

    /// Starts noting a replay (once, before its first entry).
    func begin() {
        guard descriptor < 0 else { return }
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var zeros = [UInt8](repeating: 0, count: 9)
        _ = pwrite(descriptor, &zeros, 9, 0)
        CrashSignals.watch(descriptor)
    }

    /// Notes that entry `index` is being replayed now.
    func note(entry index: Int) {
        guard descriptor >= 0 else { return }
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(index) >> (8 * UInt64($0))) }
        _ = pwrite(descriptor, &bytes, 8, 0)
    }

    /// The replay finished: the marker goes.
    func end() {
        guard descriptor >= 0 else { return }
        CrashSignals.watch(-1)
        close(descriptor)
        descriptor = -1
        unlink(url.path)
    }
}

/// Flags the replay marker when the process dies of a crash signal, then lets the crash go on as
/// it would have (to the previous handler, or the default action).
enum CrashSignals {
    nonisolated(unsafe) private static var descriptor: Int32 = -1
    nonisolated(unsafe) private static var previous: UnsafeMutablePointer<sigaction>?
    private static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Flags `descriptor`'s ninth byte on a crash from now on (-1: stop).
    static func watch(_ newDescriptor: Int32) {
        installed.touch()
        descriptor = newDescriptor
    }

    private final class Installation: Sendable {
        init() {
            // A stack overflow leaves no stack to run a handler on: give it one of its own.
            var current = stack_t()
            if sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 {
                let size = 64 * 1024
                var alternate = stack_t(ss_sp: malloc(size), ss_flags: 0, ss_size: size)
                sigaltstack(&alternate, nil)
            }
            let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
            saved.initialize(repeating: sigaction(), count: 65)
            CrashSignals.previous = saved
            for signal in CrashSignals.signals {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { signal in
                    if CrashSignals.descriptor >= 0 {
                        var flag: UInt8 = 1
                        _ = pwrite(CrashSignals.descriptor, &flag, 1, 8)
                    }
                    // Back to what was there, and the signal again: it ends the process as it
                    // would have (a fault would also recur when the instruction is re-run).
                    if let previous = CrashSignals.previous { sigaction(signal, previous + Int(signal), nil) }
                    raise(signal)
                }
                action.sa_flags = Int32(SA_ONSTACK)
                sigaction(signal, &action, saved + Int(signal))
            }
        }

        func touch() {}
    }

    private static let installed = Installation()
}
