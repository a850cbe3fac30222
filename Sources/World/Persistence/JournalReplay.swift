/// Replays a saved world's journal an entry at a time, so that the learner's prompt can show
/// while the world is still catching up (the line editor replays between keystrokes; the
/// first command, or anything else that needs the world, finishes the replay first).
///
/// The replay is the same sequence of `World.apply` calls as replaying all at once, on the same
/// thread: when it runs cannot change what it produces. It only reads the journal, so a kill
/// during it loses nothing.
public final class JournalReplay {
    /// The world being replayed: run nothing in it before `isFinished`.
    public let world: World
    private var remaining: ArraySlice<JournalEntry>
    private var followUps: [(World) -> Void] = []

    init(world: World, entries: [JournalEntry]) {
        self.world = world
        self.remaining = entries[...]
    }

    /// Whether every entry has been applied.
    public var isFinished: Bool { remaining.isEmpty }

    /// Applies the next entry; returns whether entries remain.
    @discardableResult
    public func step() -> Bool {
        guard let entry = remaining.popFirst() else { return false }
        // A replay shows nothing and opens no editor, whatever the world was given meanwhile.
        let (shown, editor) = (world.outputSink, world.editorHost)
        world.outputSink = { _ in }
        world.editorHost = nil
        world.apply(entry)
        world.outputSink = shown
        world.editorHost = editor
        if remaining.isEmpty {
            // The learner left with `exit` last time; the restored session carries on.
            world.shell.forgetExitRequest()
            runFollowUps()
        }
        return !remaining.isEmpty
    }

    /// Applies every remaining entry.
    public func finish() {
        while step() {}
    }

    /// Runs `body` on the world once the replay is finished (at once if it is).
    func whenFinished(_ body: @escaping (World) -> Void) {
        if isFinished {
            body(world)
        } else {
            followUps.append(body)
        }
    }

    private func runFollowUps() {
        let bodies = followUps
        followUps = []
        for body in bodies { body(world) }
    }
}
