/// The simulation's discrete-event loop: a virtual clock, a FIFO of ready work and a
/// queue of timers.
///
/// Nothing runs on its own: work runs when the owner calls `runReady()`, `advance(by:)` or
/// `run(until:)`, always on the calling thread. Swift `async` code runs on it too: `spawn`
/// starts a task whose every job the loop executes, so simulated processes can `await`
/// (sleep, read a pipe) without threads and in a reproducible order — the idea of SwiftNIO's
/// `EmbeddedEventLoop`, applied to Swift concurrency.
public final class EventLoop: TaskExecutor, @unchecked Sendable {
    // @unchecked Sendable: the loop is only ever touched from the thread that drives it;
    // Swift concurrency sees it as an executor, which must be Sendable.

    /// The current virtual time.
    public private(set) var now: VirtualInstant

    /// The world's random source; subsystems `split()` their own off it.
    public var random: SeededRandom

    private enum Work {
        case job(UnownedJob)
        case closure(() -> Void)
    }

    private var ready: [Work] = []
    private var readyHead = 0
    private var timers = TimerHeap()
    private var timerWork: [UInt64: () -> Void] = [:]
    private var nextTimerID: UInt64 = 0

    public init(seed: UInt64, start: VirtualInstant = .worldEpoch) {
        self.now = start
        self.random = SeededRandom(seed: seed)
    }

    // MARK: Scheduling

    /// Runs `work` soon, at the current virtual time, after the work already ready.
    public func execute(_ work: @escaping () -> Void) {
        ready.append(.closure(work))
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        ready.append(.job(UnownedJob(job)))
    }

    /// Runs `work` when virtual time reaches `deadline` (at once, in order, if it has passed).
    /// The end of time never comes: a deadline there (a saturated `sleep 9223372036`) never
    /// fires, so timers that reschedule themselves cannot spin there forever.
    @discardableResult
    public func schedule(at deadline: VirtualInstant, _ work: @escaping () -> Void) -> TimerID {
        nextTimerID += 1
        let id = nextTimerID
        guard deadline < .distantFuture else { return TimerID(rawValue: id) }
        timerWork[id] = work
        timers.insert(TimerHeap.Entry(deadline: max(deadline, now), id: id))
        return TimerID(rawValue: id)
    }

    /// Runs `work` after `delay` of virtual time.
    @discardableResult
    public func schedule(after delay: Duration, _ work: @escaping () -> Void) -> TimerID {
        schedule(at: now + delay, work)
    }

    /// Cancels a timer; cancelling one that already ran does nothing.
    public func cancel(_ timer: TimerID) {
        timerWork[timer.rawValue] = nil
    }

    /// Starts `body` as a task that runs on this loop.
    public func spawn(_ body: @escaping () async -> Void) {
        let operation = UncheckedSendable(body)
        Task(executorPreference: self) {
            await operation.value()
        }
    }

    /// Suspends the calling task for `duration` of virtual time.
    public func sleep(for duration: Duration) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            schedule(after: duration) { continuation.resume() }
        }
    }

    // MARK: Running

    /// Whether work is ready to run at the current time.
    public var hasReadyWork: Bool { readyHead < ready.count }

    /// The deadline of the earliest live timer, if any.
    public var nextDeadline: VirtualInstant? {
        while let first = timers.first {
            if timerWork[first.id] != nil { return first.deadline }
            timers.removeFirst()
        }
        return nil
    }

    /// Runs ready work and timers that are due until nothing is left to do at the current time.
    public func runReady() {
        while true {
            while readyHead < ready.count {
                let work = ready[readyHead]
                readyHead += 1
                switch work {
                case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
                case .closure(let closure): closure()
                }
                if readyHead > 1024, readyHead * 2 > ready.count {
                    ready.removeFirst(readyHead)
                    readyHead = 0
                }
            }
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
            guard let deadline = nextDeadline, deadline <= now else { return }
            fireFirstTimer()
        }
    }

    /// Advances virtual time by `duration`, running everything that falls due on the way, in
    /// deadline order.
    public func advance(by duration: Duration) {
        advance(to: now + duration)
    }

    /// Advances virtual time to `instant` (never backwards), running everything due on the way.
    public func advance(to instant: VirtualInstant) {
        runReady()
        while let deadline = nextDeadline, deadline <= instant {
            now = max(now, deadline)
            runReady()
        }
        now = max(now, instant)
        runReady()
    }

    /// Runs until `condition` holds, jumping virtual time from timer to timer, but never past
    /// `limit`. Returns whether the condition holds.
    @discardableResult
    public func run(until condition: () -> Bool, limit: VirtualInstant) -> Bool {
        runReady()
        while !condition() {
            guard let deadline = nextDeadline, deadline <= limit else {
                return false
            }
            now = max(now, deadline)
            runReady()
        }
        return true
    }

    private func fireFirstTimer() {
        guard let entry = timers.first else { return }
        timers.removeFirst()
        if let work = timerWork.removeValue(forKey: entry.id) {
            work()
        }
    }
}

/// Identifies a scheduled timer so it can be cancelled.
public struct TimerID: Hashable, Sendable {
    public let rawValue: UInt64
}

/// Carries a value across a concurrency boundary the compiler cannot see is safe: everything
/// in the simulation runs on its one loop thread.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}

/// A binary min-heap of timers ordered by deadline, then by scheduling order.
struct TimerHeap {
    struct Entry {
        var deadline: VirtualInstant
        var id: UInt64

        func precedes(_ other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : id < other.id
        }
    }

    private var entries: [Entry] = []

    var first: Entry? { entries.first }
    var count: Int { entries.count }

    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func removeFirst() {
        guard !entries.isEmpty else { return }
        entries.swapAt(0, entries.count - 1)
        entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < entries.count, entries[left].precedes(entries[smallest]) { smallest = left }
            if right < entries.count, entries[right].precedes(entries[smallest]) { smallest = right }
            if smallest == parent { return }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
