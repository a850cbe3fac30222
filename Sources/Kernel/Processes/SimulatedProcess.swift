import Simulation

/// A process on a simulated machine: its identity as `ps` shows it, its signal dispositions and
/// its life cycle. The program it runs is an `async` function on the world's event loop.
public final class SimulatedProcess {
    public let pid: Int
    public let parentPID: Int
    /// The command line `ps` shows.
    public var arguments: [String]
    public let user: Credentials
    public let startTime: VirtualInstant
    public unowned let machine: Machine
    /// The terminal it runs on (`pts/0`), or nil (`?`), as `ps` shows it.
    public var terminal: String?
    /// Simulated CPU time used, for `ps` and `top`; also charged to the command line's account.
    public var cpuTime: Duration = .zero {
        didSet { cpuAccount?.used += cpuTime - oldValue }
    }

    /// How much CPU time a process uses before it pays for it by letting virtual time pass: a
    /// time slice. Other processes and timers run meanwhile, and so does Ctrl-C.
    public static let timeSlice: Duration = .milliseconds(10)

    /// Charges `amount` of CPU time; once a time slice is used up, lets that much virtual time
    /// pass, so that a busy loop costs simulated time and never starves the rest of the world.
    public func spendCPU(_ amount: Duration) async throws {
        cpuTime += amount
        unpaidCPU += amount
        guard unpaidCPU >= Self.timeSlice else { return }
        let slice = unpaidCPU
        unpaidCPU = .zero
        try await sleep(for: slice)
    }
    /// Simulated resident memory in kilobytes, for `ps`.
    public var residentKilobytes: Int = 1_000
    public var virtualKilobytes: Int = 4_000
    /// Whether it runs more than one thread (`l` in `ps`'s STAT), like node's worker pool.
    public var isMultithreaded = false

    /// Sets the memory `ps` shows, to the footprint a program of its kind typically has.
    public func setFootprint(virtualKilobytes: Int, residentKilobytes: Int, multithreaded: Bool = false) {
        self.virtualKilobytes = virtualKilobytes
        self.residentKilobytes = residentKilobytes
        isMultithreaded = multithreaded
    }

    /// Handlers installed by `trap` or node's `process.on('SIGTERM')`: they run instead of the
    /// default action.
    public var signalHandlers: [Signal: () -> Void] = [:]
    public var ignoredSignals: Set<Signal> = []

    /// The exit status once the process has ended.
    public private(set) var exitStatus: Int32?
    /// Set the moment the process is told to end, before its program has unwound.
    public private(set) var terminationStatus: Int32?
    /// The signal that ended it, if one did.
    public private(set) var terminatingSignal: Signal?

    var waiting: [Wakeup] = []
    private var exitHooks: [(Int32) -> Void] = []
    private var exitWaiters: [Wakeup] = []
    /// The CPU account of the command line this process belongs to (inherited from its parent),
    /// so an unattended line can be stopped once it has used too much.
    public var cpuAccount: CPUAccount?
    /// CPU time used but not yet paid for in virtual time (see `spendCPU`).
    private var unpaidCPU: Duration = .zero

    package init(pid: Int, parentPID: Int, arguments: [String], user: Credentials, machine: Machine) {
        self.pid = pid
        self.parentPID = parentPID
        self.arguments = arguments
        self.user = user
        self.machine = machine
        self.startTime = machine.loop.now
    }

    public var isRunning: Bool { exitStatus == nil }

    /// The process whose task is running now, if any.
    public static var current: SimulatedProcess? { currentBox?.value }

    @TaskLocal package static var currentBox: UncheckedSendable<SimulatedProcess>?

    /// When the process is in a wait that need not take real time, the instant it ends.
    public private(set) var skippableWaitEnd: VirtualInstant?

    /// Suspends for `duration` of virtual time; throws if the process is killed meanwhile.
    ///
    /// A `skippable` wait stands for time a real tool spends working (a VM booting, layers
    /// downloading), not time a person watches pass: an interactive session jumps over it
    /// instead of waiting in real time, so the tool answers at once.
    public func sleep(for duration: Duration, skippable: Bool = false) async throws {
        let wakeup = Wakeup()
        let timer = machine.loop.schedule(after: duration) { wakeup.wake() }
        if skippable { skippableWaitEnd = machine.loop.now + duration }
        defer { if skippable { skippableWaitEnd = nil } }
        do {
            try await wakeup.wait()
        } catch {
            machine.loop.cancel(timer)
            throw error
        }
    }

    /// Delivers `signal`: its handler if one is installed, nothing if ignored, otherwise the
    /// default action.
    public func signal(_ signal: Signal) {
        guard isRunning, terminationStatus == nil else { return }
        if signal == .kill {
            terminate(status: signal.exitStatus, by: signal)
            return
        }
        if let handler = signalHandlers[signal] {
            machine.loop.execute(handler)
            return
        }
        if ignoredSignals.contains(signal) || !signal.terminatesByDefault { return }
        terminate(status: signal.exitStatus, by: signal)
    }

    /// Ends the process now: waits in progress throw `ProcessTerminated`, exit hooks run.
    public func terminate(status: Int32, by signal: Signal? = nil) {
        guard terminationStatus == nil, exitStatus == nil else { return }
        terminationStatus = status
        terminatingSignal = signal
        let woken = waiting
        waiting.removeAll()
        for wakeup in woken { wakeup.wake() }
        finish(status: status)
    }

    /// Records the end of the program with `status` (once); runs hooks and wakes waiters.
    func finish(status: Int32) {
        guard exitStatus == nil else { return }
        exitStatus = status
        if terminationStatus == nil { terminationStatus = status }
        signalHandlers.removeAll()
        machine.processes.remove(self)
        let hooks = exitHooks
        exitHooks.removeAll()
        for hook in hooks { hook(status) }
        for waiter in exitWaiters { waiter.wake() }
        exitWaiters.removeAll()
    }

    /// Runs `hook` when the process ends (at once if it has).
    public func onExit(_ hook: @escaping (Int32) -> Void) {
        if let status = exitStatus { hook(status) } else { exitHooks.append(hook) }
    }

    /// Waits for the process to end and returns its exit status. A kill of the *waiting*
    /// process interrupts the wait.
    public func waitForExit() async throws -> Int32 {
        while exitStatus == nil {
            let wakeup = Wakeup()
            exitWaiters.append(wakeup)
            try await wakeup.wait()
        }
        return exitStatus ?? 0
    }
}
