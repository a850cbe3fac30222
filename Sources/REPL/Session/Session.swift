import Foundation
import Kernel
import Simulation
import World

/// The read–run loop of KubeLab: reads command lines, runs them in the world, shows what they
/// print, and keeps the journal and the workspace folder up to date after each one.
public final class Session {
    private var currentWorld: World
    /// The saved world's journal, while it is still being replayed.
    private var replay: JournalReplay?
    /// The prompt shown while the replay runs (nil: the prompt waits for the replay).
    private var expectedPrompt: String?
    /// Keeps the prompt for the next start of a saved world.
    private var rememberPrompt: ((String) -> Void)?
    private let reader: any LineReading
    private let journal: JournalFile?
    private let mirror: WorkspaceMirror?
    private let clock: SessionClock
    private let write: ([UInt8]) -> Void
    /// Makes a fresh world with a seed, for undo and reset; nil: the world cannot be rebuilt.
    public var makeWorld: ((UInt64) throws -> World)?
    /// The course, when one rides along.
    public var companion: (any SessionCompanion)?
    /// Told about every command line the learner entered, before it runs (the shell's, the
    /// session's own and the companion's).
    public var lineEntered: ((_ line: String) -> Void)?
    /// Told about every command line the shell ran, with its exit status and what the learner
    /// typed into it (a recorder writes transcripts from this).
    public var commandFinished: ((_ line: String, _ status: Int32) -> Void)?
    /// Told about each line typed into a running command, after the command's own prompt; nil
    /// text: a line typed without echo (a password), which must not be written down.
    public var inputTyped: ((_ prompt: String, _ text: String?) -> Void)?
    /// Whether a scripted session shows the lines it types into commands (a player types them
    /// itself, at a human pace).
    public var echoesScriptInput = true
    /// How long a command may run unattended (scripts, replays) before it is interrupted.
    public var unattendedLimit: (_ line: String) -> Duration = { _ in World.unattendedLimit }
    /// Told when a running command was interrupted with Ctrl-C.
    public var interrupted: ((_ after: Duration) -> Void)?
    /// Told when an unattended command was stopped because it used up its CPU time limit
    /// (`World.unattendedCPULimit`): a loop that never ends.
    public var stoppedBusy: ((_ line: String, _ after: Duration) -> Void)?
    /// The language of KubeLab's notes in the tools' output (`en`, `zh`): the course's. Kept on
    /// every world the session runs, including those undo, reset and a lesson's start make.
    public var noteLanguage = "en" {
        didSet { currentWorld.workstation.noteLanguage = noteLanguage }
    }

    /// How much virtual time a scripted session lets pass before each command.
    public static let scriptStep: Duration = .seconds(1)
    /// The most virtual time one step of an interactive command covers.
    static let largestSlice: Duration = .milliseconds(20)
    /// The most virtual time a pause at the prompt adds (a learner away for a week does not
    /// make the cluster simulate a week).
    public static let longestPause: Duration = .seconds(3600)

    public init(world: World, reader: any LineReading, journal: JournalFile?, mirror: WorkspaceMirror?,
                clock: SessionClock, write: @escaping ([UInt8]) -> Void) {
        self.currentWorld = world
        self.reader = reader
        self.journal = journal
        self.mirror = mirror
        self.clock = clock
        self.write = write
    }

    /// A session on a saved world whose journal may still be replaying: the prompt shows at
    /// once when the world's prompt is remembered, and the replay runs while the learner types.
    public convenience init(saved: SavedWorld, reader: any LineReading, clock: SessionClock, write: @escaping ([UInt8]) -> Void) {
        let replay = saved.pendingReplay
        // Taken before `saved.world`, which would finish the replay.
        self.init(world: replay?.world ?? saved.world, reader: reader, journal: saved.journal, mirror: saved.mirror,
                  clock: clock, write: write)
        self.replay = replay
        self.expectedPrompt = saved.expectedPrompt
        self.rememberPrompt = { prompt in saved.rememberPrompt(prompt) }
    }

    /// The learner's world. Asking for it finishes replaying a saved world first.
    public var world: World {
        if let replay {
            self.replay = nil
            replay.finish()
        }
        return currentWorld
    }

    /// Replays one more journal entry of a saved world; whether any remain.
    private func continueReplay() -> Bool {
        guard let replay else { return false }
        if replay.step() { return true }
        self.replay = nil
        return false
    }

    /// Runs until `exit` or end of input; returns the exit status for the process.
    public func run() -> Int32 {
        // Without a prompt known in advance, the first prompt finishes the replay anyway.
        if replay != nil, expectedPrompt != nil {
            reader.doWhileWaiting { [unowned self] in self.continueReplay() }
        }
        companion?.sessionDidStart(self)
        var lastStatus: Int32 = 0
        var lastCommandEnd = clock.now()
        while true {
            guard let line = readCommand() else {
                reader.saveHistory()
                finishSaving()
                return lastStatus
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            reader.addToHistory(line)
            reader.saveHistory()
            lineEntered?(line)

            if let companion {
                letTimePassIfInteractive(since: lastCommandEnd)
                if companion.handle(trimmed, in: self) {
                    exportWorkspace()
                    lastCommandEnd = clock.now()
                    continue
                }
            }
            let sessionCommand = SessionCommand(parsing: trimmed)
            // A script's step stands for the learner typing a command; `wait` says itself how long.
            if clock.isInteractive || sessionCommand == nil { letTimePass(since: lastCommandEnd) }
            importWorkspaceEdits()
            if let sessionCommand {
                lastStatus = run(sessionCommand)
            } else {
                lastStatus = runInWorld(line)
            }
            // Waiting changes the world too (a pod comes up): the course checks after it as well.
            if sessionCommand == nil || sessionCommand.map({ if case .wait = $0 { true } else { false } }) == true {
                companion?.commandDidFinish(line, status: lastStatus, in: self)
            }
            exportWorkspace()
            lastCommandEnd = clock.now()
            // `exit` is journaled too: the next start's prompt is the one after it. A script's
            // prompt is remembered once, at its end (a file replaced per command is slow to do).
            if clock.isInteractive { rememberCurrentPrompt() }
            if let exit = world.shell.exitRequest {
                reader.saveHistory()
                finishSaving()
                return exit
            }
        }
    }

    // MARK: Reading

    /// The prompt: the course's place, then the shell's own prompt (`PS1`).
    public var prompt: String {
        (companion?.promptPrefix ?? "") + shellPrompt
    }

    /// `PS1`, or while the saved world replays, what it is known to be once replayed.
    private var shellPrompt: String {
        if replay != nil, let expectedPrompt { return expectedPrompt }
        return world.shell.prompt
    }

    /// Reads one whole command, over several lines while it is incomplete; nil at end of input.
    private func readCommand() -> String? {
        var text = ""
        var continuation = false
        if clock.isInteractive { rememberCurrentPrompt() }
        while true {
            switch reader.readLine(prompt: continuation ? world.shell.continuationPrompt : prompt) {
            case .endOfFile:
                if clock.isInteractive { write(Array("exit\n".utf8)) }
                return continuation && !text.isEmpty ? nil : nil
            case .interrupted:
                text = ""
                continuation = false
                continue
            case .line(let line):
                text += continuation ? "\n" + line : line
                if world.shell.isComplete(text) { return text }
                continuation = true
            }
        }
    }

    /// Everything saved is on disk and in step as the session ends.
    private func finishSaving() {
        if !clock.isInteractive { rememberCurrentPrompt() }
        mirror?.settle()
        journal?.flush()
    }

    /// Between commands the journal holds everything the world went through: the prompt now is
    /// the one a replay of that journal ends with. (Unless it is known already and the replay
    /// still runs: asking the world would finish the replay.)
    private func rememberCurrentPrompt() {
        guard let rememberPrompt, replay == nil || expectedPrompt == nil else { return }
        rememberPrompt(world.shell.prompt)
    }

    // MARK: Time

    /// Real time spent at the prompt counts even before a companion's command.
    private func letTimePassIfInteractive(since lastCommandEnd: ContinuousClock.Instant) {
        guard clock.isInteractive else { return }
        letTimePass(since: lastCommandEnd)
    }

    private func letTimePass(since lastCommandEnd: ContinuousClock.Instant) {
        let pause: Duration
        if clock.isInteractive {
            pause = min(clock.now() - lastCommandEnd, Self.longestPause)
        } else {
            pause = Self.scriptStep
        }
        guard pause > .zero else { return }
        world.loop.advance(by: pause)
        record(.advance(nanoseconds: pause.nanoseconds))
    }

    // MARK: Commands of the session itself

    private func run(_ command: SessionCommand) -> Int32 {
        switch command {
        case .wait(let duration):
            // Ctrl-C ends a long wait where it got to, as it ends `sleep`; the journal keeps
            // the time that passed, so a replay stops at the same instant.
            clock.resetInterrupt()
            let start = world.loop.now
            let end = start + duration
            let interrupted = world.loop.run(until: clock.consumeInterrupt, limit: end)
            if !interrupted { world.loop.advance(to: end) }
            record(.advance(nanoseconds: (world.loop.now - start).nanoseconds))
            if interrupted {
                // The terminal already echoed "^C".
                write(Array("\n".utf8))
                self.interrupted?(world.loop.now - start)
                return 130
            }
        }
        return 0
    }

    // MARK: Running in the world

    private func runInWorld(_ line: String) -> Int32 {
        // Only the learner's own lines see the list: a saved world's replayed `history -c`
        // must not clear what was typed since.
        world.shell.commandHistory = ReaderHistory(reader: reader)
        let execution = world.begin(line)
        if clock.isInteractive {
            driveInteractively(execution)
        } else {
            driveFromScript(execution)
        }
        world.shell.commandHistory = nil
        record(.command(line: line, inputs: execution.inputs, nanoseconds: execution.elapsed.nanoseconds))
        let status = execution.exitStatus ?? 0
        commandFinished?(line, status)
        return status
    }

    /// Virtual time follows real time while the command runs; Ctrl-C interrupts it; when it
    /// reads the keyboard, the line editor asks with the command's own prompt.
    private func driveInteractively(_ execution: CommandExecution) {
        clock.resetInterrupt()
        var last = clock.now()
        while !execution.isFinished {
            let pause = execution.run(until: world.loop.now)
            if pause == .finished { break }
            if pause == .awaitingInput {
                // Only what follows `clear`'s sequences: the terminal has cleared already.
                let prompt = PromptEscapes.afterLastControlSequence(execution.pendingPrompt)
                // The command printed its prompt already; the editor shows it again as its
                // own, so take it back off the screen first.
                let secret = execution.isReadingSecret
                if !prompt.isEmpty, !secret { write(Array("\r\u{1B}[K".utf8)) }
                switch secret ? reader.readSecret(prompt: prompt) : reader.readInput(prompt: prompt) {
                case .line(let text):
                    // A password is never handed on (a recorder would write it down).
                    inputTyped?(prompt, secret ? nil : text)
                    execution.type(text)
                case .endOfFile:
                    write(Array("\n".utf8))
                    execution.endInput()
                case .interrupted: execution.interrupt()
                }
                last = clock.now()
                continue
            }
            if let end = execution.skippableWaitEnd {
                // A tool's working time (a VM booting): jump over it rather than wait.
                execution.run(until: end)
                last = clock.now()
                continue
            }
            if clock.consumeInterrupt() {
                // The terminal already echoed "^C".
                write(Array("\n".utf8))
                interrupted?(execution.elapsed)
                execution.interrupt()
                continue
            }
            clock.sleep(.milliseconds(5))
            let now = clock.now()
            // Never more than a small slice at once: time spent computing must not turn into
            // ever larger slices (a busy loop would then never let Ctrl-C through).
            execution.advance(by: min(now - last, Self.largestSlice))
            last = clock.now()
        }
    }

    /// Runs to the end in virtual time; input the command reads comes from the script's next
    /// lines, and a command that never ends is interrupted after `World.unattendedLimit`.
    private func driveFromScript(_ execution: CommandExecution) {
        var deadline = execution.startTime + unattendedLimit(execution.line)
        execution.cpuLimit = World.unattendedCPULimit
        while true {
            switch execution.run(until: max(deadline, world.loop.now)) {
            case .finished:
                return
            case .awaitingInput:
                let prompt = execution.pendingPrompt
                let secret = execution.isReadingSecret
                switch secret ? reader.readSecret(prompt: prompt) : reader.readInput(prompt: prompt) {
                case .line(let text):
                    // No terminal echoes what a script types: show it, as a person would see it
                    // (a password not: the program itself ends its line).
                    if echoesScriptInput, !secret { write(Array((text + "\n").utf8)) }
                    inputTyped?(prompt, secret ? nil : text)
                    execution.type(text)
                case .endOfFile: execution.endInput()
                case .interrupted:
                    interrupted?(execution.elapsed)
                    execution.interrupt()
                }
            case .timeLimit:
                // A tool still working (a cluster being created) is not a watch left running.
                if let end = execution.skippableWaitEnd {
                    deadline = max(deadline, end)
                    continue
                }
                interrupted?(execution.elapsed)
                execution.stop()
                return
            case .cpuLimit:
                stoppedBusy?(execution.line, execution.elapsed)
                interrupted?(execution.elapsed)
                execution.stop()
                return
            }
        }
    }

    // MARK: For the companion

    /// Shows `text` to the learner.
    public func show(_ text: String) {
        write(Array(text.utf8))
    }

    /// Runs a read-only command out of sight (journaled, so replays stay identical).
    public func runCheck(_ line: String) -> (status: Int32, output: String) {
        let result = world.runSilently(line)
        record(.silentCommand(line: line))
        return result
    }

    /// Runs a command as if typed (a lesson's setup or solution), shown or not.
    @discardableResult
    public func runScripted(_ line: String, visible: Bool) -> Int32 {
        let status: Int32
        if visible {
            status = world.runUnattended(line)
            record(.command(line: line, inputs: [], nanoseconds: 0))
        } else {
            status = world.runSilently(line).status
            record(.silentCommand(line: line))
        }
        return status
    }

    /// Lets simulated time pass, journaled (a solution's `wait 30s`).
    public func advanceTime(by duration: Duration) {
        world.loop.advance(by: duration)
        record(.advance(nanoseconds: duration.nanoseconds))
    }

    /// Writes a file into the learner's home (a lesson's setup), journaled like an edit made
    /// in the workspace folder; `path` is relative to the home directory.
    public func placeFile(_ path: String, contents: [UInt8]) {
        WorkspaceMirror.apply(path: path, contents: contents, to: world.workstation.fileSystem,
                              home: world.learner.home, owner: world.learner)
        record(.workspaceEdit(path: path, contents: Data(contents)))
    }

    /// How many journal entries the world is made of (a point to come back to).
    public var journalPosition: Int { journal?.entries.count ?? 0 }

    /// The journal position before the last command the shell ran, if there was one.
    public var positionBeforeLastCommand: Int? {
        guard let entries = journal?.entries else { return nil }
        return entries.lastIndex { if case .command = $0.event { true } else { false } }
    }

    /// Rebuilds the world from the first `position` journal entries (undo, reset); the workspace
    /// folder follows. Throws when the world cannot be rebuilt.
    public func rebuildWorld(keepingJournalEntries position: Int) throws {
        guard let makeWorld, let journal else { throw RebuildUnavailable() }
        let kept = Array(journal.entries.prefix(position))
        let fresh = try JournalSegment(entries: kept, seed: journal.seed).rebuild(makeWorld)
        fresh.outputSink = world.outputSink
        fresh.editorHost = world.editorHost
        mirror?.noteLag(syncedAt: nil)
        try journal.rewrite(entries: kept)
        fresh.workstation.noteLanguage = noteLanguage
        currentWorld = fresh
        exportWorkspace()
    }

    /// Replaces the world by a fresh one made with the journal's seed, its clock where the old
    /// one's was (a lesson entered restores the world it starts from). Journaled: a replay starts
    /// there. A world with nothing journaled yet is fresh already and is kept.
    public func restoreFreshWorld() throws {
        guard let makeWorld, let journal else { throw RebuildUnavailable() }
        if journal.entries.isEmpty { return }
        let old = world
        let now = old.loop.now
        let fresh = try makeWorld(journal.seed)
        fresh.loop.advance(to: now)
        fresh.outputSink = old.outputSink
        fresh.editorHost = old.editorHost
        record(.freshWorld(seed: journal.seed, nanoseconds: now.nanosecondsSinceEpoch))
        fresh.workstation.noteLanguage = noteLanguage
        currentWorld = fresh
        exportWorkspace()
    }

    /// This session keeps no journal, so its world cannot be rebuilt.
    public struct RebuildUnavailable: Error {
        public init() {}
    }

    // MARK: Persistence

    private func record(_ event: JournalEntry.Event) {
        do {
            // The folder catches up after the journal: a kill in between is repaired at the next start.
            if let journal { mirror?.noteLag(syncedAt: journal.entries.count) }
            try journal?.append(JournalEntry(event))
        } catch {
            write(Array("kubelab: could not save the world: \(error.localizedDescription)\n".utf8))
        }
    }

    private func importWorkspaceEdits() {
        guard let mirror else { return }
        for edit in mirror.externalEdits() {
            WorkspaceMirror.apply(path: edit.path, contents: edit.contents, to: world.workstation.fileSystem,
                                  home: world.learner.home, owner: world.learner)
            record(.workspaceEdit(path: edit.path, contents: edit.contents.map { Data($0) }))
        }
    }

    private func exportWorkspace() {
        guard let mirror else { return }
        for failure in mirror.export(from: world.workstation.fileSystem) {
            write(Array("kubelab: \(failure)\n".utf8))
        }
    }
}

/// Real time for a session: how long the learner paused, and Ctrl-C. Scripted sessions have
/// no real time at all.
public struct SessionClock: Sendable {
    public var isInteractive: Bool
    public var now: @Sendable () -> ContinuousClock.Instant
    public var sleep: @Sendable (Duration) -> Void
    public var consumeInterrupt: @Sendable () -> Bool
    public var resetInterrupt: @Sendable () -> Void

    public init(isInteractive: Bool, now: @escaping @Sendable () -> ContinuousClock.Instant, sleep: @escaping @Sendable (Duration) -> Void,
                consumeInterrupt: @escaping @Sendable () -> Bool, resetInterrupt: @escaping @Sendable () -> Void) {
        self.isInteractive = isInteractive
        self.now = now
        self.sleep = sleep
        self.consumeInterrupt = consumeInterrupt
        self.resetInterrupt = resetInterrupt
    }

    /// The terminal's clock: real time and the SIGINT flag.
    public static let terminal = SessionClock(
        isInteractive: true,
        now: { ContinuousClock.now },
        sleep: { duration in Thread.sleep(forTimeInterval: duration.secondsValue) },
        consumeInterrupt: { InterruptFlag.consume() },
        resetInterrupt: { InterruptFlag.reset() })

    /// A script's clock: only virtual time passes.
    public static let script = SessionClock(
        isInteractive: false,
        now: { ContinuousClock.Instant.now },
        sleep: { _ in },
        consumeInterrupt: { false },
        resetInterrupt: {})
}
