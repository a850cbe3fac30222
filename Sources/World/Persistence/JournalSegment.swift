import Simulation

/// The part of a journal that makes the current world: everything after its last `freshWorld`
/// entry (all of it when there is none), and the seed and clock that world started with.
public struct JournalSegment {
    /// The seed the segment's world is made with.
    public var seed: UInt64
    /// Where the fresh world's clock starts; nil: a new world's own start.
    public var start: VirtualInstant?
    /// The entries to apply to it, in order.
    public var entries: ArraySlice<JournalEntry>

    /// The current segment of the first `count` (default all) `entries` of a journal made with `seed`.
    public init(entries: [JournalEntry], seed: UInt64, count: Int? = nil) {
        let kept = entries.prefix(count ?? entries.count)
        self.seed = seed
        self.start = nil
        self.entries = kept
        if let last = kept.lastIndex(where: \.isFreshWorld), case .freshWorld(let freshSeed, let nanoseconds) = kept[last].event {
            self.seed = freshSeed
            self.start = VirtualInstant(nanosecondsSinceEpoch: nanoseconds)
            self.entries = kept[(last + 1)...]
        }
    }

    /// A fresh world for the segment, its clock set, nothing applied yet.
    public func makeWorld(_ make: (UInt64) throws -> World) throws -> World {
        let world = try make(seed)
        if let start { world.loop.advance(to: start) }
        return world
    }

    /// The segment's world with every entry applied.
    public func rebuild(_ make: (UInt64) throws -> World) throws -> World {
        let world = try makeWorld(make)
        for entry in entries { world.apply(entry) }
        return world
    }
}

extension JournalEntry {
    /// Whether the entry replaces the world by a fresh one.
    public var isFreshWorld: Bool {
        if case .freshWorld = event { true } else { false }
    }
}
