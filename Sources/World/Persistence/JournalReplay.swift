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
    /// Run when the replay reaches an entry, before applying it, by entry index.
    private var stops: [Int: [(World) -> Void]] = [:]
    /// Notes the entry being replayed, for the next start to find if this one crashes.
    private let marker: ReplayMarker?

    init(world: World, entries: [JournalEntry], marker: ReplayMarker? = nil) {
        self.world = world
        self.remaining = entries[...]
        self.marker = marker
    }

    /// Whether every entry has been applied.
    public var isFinished: Bool { remaining.isEmpty }

    /// Applies the next entry; returns whether entries remain.
    @discardableResult
    public func step() -> Bool {
        if let bodies = stops.removeValue(forKey: remaining.startIndex) {
            for body in bodies { body(world) }
        }
        guard let entry = remaining.first else { return false }
        marker?.begin()
        marker?.note(entry: remaining.startIndex)
        remaining = remaining.dropFirst()
        // A replay shows nothing and opens no editor, whatever the world was given meanwhile.
        let (shown, editor) = (world.outputSink, world.editorHost)
        world.outputSink = { _ in }
        world.editorHost = nil
        world.apply(entry)
        world.outputSink = shown
        world.editorHost = editor
        if remaining.isEmpty {
            marker?.end()
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

    /// Runs `body` on the world as it is before entry `index` is applied (or once the replay is
    /// finished, when the journal has no such entry).
    func whenReaching(_ index: Int, _ body: @escaping (World) -> Void) {
        if index >= remaining.endIndex {
            whenFinished(body)
        } else if index <= remaining.startIndex {
            body(world)
        } else {
            stops[index, default: []].append(body)
        }
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
