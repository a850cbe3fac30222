import Machine
import Simulation

/// One command line running in the world, driven by whoever started it (the REPL, a replay, a
/// lesson check). It records what reached the command while it ran, for the journal.
public final class CommandExecution {
    public let line: String
    public let process: SimulatedProcess
    public let startTime: VirtualInstant
    public private(set) var inputs: [TimedInput] = []
    private let world: World

    init(line: String, process: SimulatedProcess, world: World) {
        self.line = line
        self.process = process
        self.world = world
        self.startTime = world.loop.now
    }

    public var isFinished: Bool { !process.isRunning }
    public var exitStatus: Int32? { process.exitStatus }

    /// Whether the command is blocked reading the keyboard.
    public var isAwaitingInput: Bool { world.terminalInput.isAwaitingInput && !isFinished }

    /// The end of the earliest wait of the command's processes that need not take real time.
    public var skippableWaitEnd: VirtualInstant? {
        let machine = process.machine
        var members: Set<Int> = [process.pid]
        var earliest = process.skippableWaitEnd
        for candidate in machine.processes.all where candidate.pid > process.pid && members.contains(candidate.parentPID) {
            members.insert(candidate.pid)
            if let end = candidate.skippableWaitEnd { earliest = min(earliest ?? end, end) }
        }
        return earliest
    }

    /// Whether the command reads with echo off (a password): what is typed is not shown, and
    /// not recorded anywhere but the journal.
    public var isReadingSecret: Bool { !world.terminalInput.echoesInput }

    /// What the command printed after its last newline: its own prompt, if it is asking.
    public var pendingPrompt: String {
        String(decoding: world.terminalOutput.currentLine, as: UTF8.self)
    }

    private var offset: Int64 { (world.loop.now - startTime).nanoseconds }

    /// Types a line into the command.
    public func type(_ text: String) {
        inputs.append(TimedInput(offsetNanoseconds: offset, kind: .line, text: text))
        world.terminalOutput.clearCurrentLine()
        world.terminalInput.type(text)
        world.loop.runReady()
    }

    /// Ctrl-D: end of input.
    public func endInput() {
        inputs.append(TimedInput(offsetNanoseconds: offset, kind: .endOfFile))
        world.terminalInput.endOfInput()
        world.loop.runReady()
    }

    /// Records what the learner's editor saved, so a replay gets the same text.
    func recordEdit(_ contents: [UInt8]) {
        inputs.append(TimedInput(offsetNanoseconds: offset, kind: .editorResult, text: String(decoding: contents, as: UTF8.self)))
    }

    /// Ctrl-C: interrupts the command and everything it started in the foreground.
    public func interrupt() {
        inputs.append(TimedInput(offsetNanoseconds: offset, kind: .interrupt))
        world.interruptForeground(of: self)
        world.loop.runReady()
    }

    /// Ctrl-C, then, if the command is still running a second of virtual time later (it traps
    /// or ignores SIGINT), SIGKILL to all its processes: how an unattended run ends a command.
    public func stop() {
        cpuLimit = nil
        interrupt()
        run(until: world.loop.now)
        if !isFinished { run(until: world.loop.now + .seconds(1)) }
        if !isFinished { world.kill(self) }
    }

    /// The CPU time an unattended run allows the command (nil: no limit, a person is watching).
    public var cpuLimit: Duration?

    /// Whether the command and what it started have used more CPU time than `cpuLimit`.
    public var isOverCPULimit: Bool {
        guard let cpuLimit, let account = process.cpuAccount else { return false }
        return account.used >= cpuLimit
    }

    /// How a drive of the command stopped.
    public enum Pause: Equatable {
        case finished
        case awaitingInput
        case timeLimit
        /// It used up its `cpuLimit`: a busy loop.
        case cpuLimit
    }

    /// Runs the command, jumping virtual time from event to event, until it finishes, asks for
    /// input, uses up its CPU limit, or virtual time reaches `limit`.
    @discardableResult
    public func run(until limit: VirtualInstant) -> Pause {
        world.loop.run(until: { isFinished || isAwaitingInput || isOverCPULimit }, limit: limit)
        if isFinished { return .finished }
        if isAwaitingInput { return .awaitingInput }
        if isOverCPULimit { return .cpuLimit }
        world.loop.advance(to: limit)
        if isFinished { return .finished }
        return isAwaitingInput ? .awaitingInput : .timeLimit
    }

    /// Lets `duration` of virtual time pass while the command runs (a learner watching).
    public func advance(by duration: Duration) {
        world.loop.advance(by: duration)
    }

    /// Replays recorded inputs at their recorded offsets, then lets the command run for the
    /// virtual time it took when recorded (it ends then: it finished, or it was interrupted).
    func replay(_ recorded: [TimedInput], duration: Duration) {
        // The editor's results were handed to the world before the line began (`World.apply`).
        defer { world.recordedEdits = [] }
        for input in recorded where input.kind != .editorResult {
            let target = startTime + .nanoseconds(input.offsetNanoseconds)
            if !isFinished { run(until: target) }
            if world.loop.now < target { world.loop.advance(to: target) }
            switch input.kind {
            case .line: type(input.text)
            case .endOfFile: endInput()
            case .interrupt: interrupt()
            case .editorResult: break
            }
        }
        let end = startTime + duration
        if !isFinished { run(until: end) }
        if !isFinished { interrupt() }
        if world.loop.now < end { world.loop.advance(to: end) }
        // A command that outlived its Ctrl-C was killed (`stop()`).
        if !isFinished { world.kill(self) }
    }

    /// The virtual time since the command started.
    public var elapsed: Duration { world.loop.now - startTime }
}
