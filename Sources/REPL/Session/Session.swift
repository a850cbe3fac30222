import Foundation
import Machine
import Simulation
import World

/// The read–run loop of KubeLab: reads command lines, runs them in the world, shows what they
/// print, and keeps the journal and the workspace folder up to date after each one.
public final class Session {
    public let world: World
    private let reader: any LineReading
    private let journal: JournalFile?
    private let mirror: WorkspaceMirror?
    private let clock: SessionClock
    private let write: ([UInt8]) -> Void

    /// How much virtual time a scripted session lets pass before each command.
    public static let scriptStep: Duration = .seconds(1)
    /// The most virtual time a pause at the prompt adds (a learner away for a week does not
    /// make the cluster simulate a week).
    public static let longestPause: Duration = .seconds(3600)

    public init(world: World, reader: any LineReading, journal: JournalFile?, mirror: WorkspaceMirror?,
                clock: SessionClock, write: @escaping ([UInt8]) -> Void) {
        self.world = world
        self.reader = reader
        self.journal = journal
        self.mirror = mirror
        self.clock = clock
        self.write = write
    }

    /// Runs until `exit` or end of input; returns the exit status for the process.
    public func run() -> Int32 {
        var lastStatus: Int32 = 0
        var lastCommandEnd = clock.now()
        while true {
            guard let line = readCommand() else {
                reader.saveHistory()
                return lastStatus
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            reader.addToHistory(line)
            reader.saveHistory()

            let sessionCommand = SessionCommand(parsing: trimmed)
            // A script's step stands for the learner typing a command; `wait` says itself how long.
            if clock.isInteractive || sessionCommand == nil { letTimePass(since: lastCommandEnd) }
            importWorkspaceEdits()
            if let sessionCommand {
                lastStatus = run(sessionCommand)
            } else {
                lastStatus = runInWorld(line)
            }
            exportWorkspace()
            lastCommandEnd = clock.now()
            if let exit = world.shell.exitRequest {
                reader.saveHistory()
                return exit
            }
        }
    }

    // MARK: Reading

    /// The prompt: the working directory with the home folder shown as `~`.
    public var prompt: String {
        let directory = world.shell.workingDirectory
        let home = world.learner.home
        var shown = directory
        if directory == home {
            shown = "~"
        } else if directory.hasPrefix(home + "/") {
            shown = "~" + directory.dropFirst(home.count)
        }
        return "\(shown) $ "
    }

    /// Reads one whole command, over several lines while it is incomplete; nil at end of input.
    private func readCommand() -> String? {
        var text = ""
        var continuation = false
        while true {
            switch reader.readLine(prompt: continuation ? "> " : prompt) {
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

    // MARK: Time

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
            world.loop.advance(by: duration)
            record(.advance(nanoseconds: duration.nanoseconds))
        case .history(let count):
            let entries = reader.historyEntries
            let width = max(5, String(entries.count).count + 1)
            var text = ""
            for (index, entry) in entries.enumerated().suffix(count ?? entries.count) {
                let number = String(index + 1)
                text += String(repeating: " ", count: width - number.count) + number + "  " + entry + "\n"
            }
            write(Array(text.utf8))
        }
        return 0
    }

    // MARK: Running in the world

    private func runInWorld(_ line: String) -> Int32 {
        let execution = world.begin(line)
        if clock.isInteractive {
            driveInteractively(execution)
        } else {
            driveFromScript(execution)
        }
        record(.command(line: line, inputs: execution.inputs, nanoseconds: execution.elapsed.nanoseconds))
        return execution.exitStatus ?? 0
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
                let prompt = execution.pendingPrompt
                // The command printed its prompt already; the editor shows it again as its
                // own, so take it back off the screen first.
                if !prompt.isEmpty { write(Array("\r\u{1B}[K".utf8)) }
                switch reader.readLine(prompt: prompt) {
                case .line(let text): execution.type(text)
                case .endOfFile:
                    write(Array("\n".utf8))
                    execution.endInput()
                case .interrupted: execution.interrupt()
                }
                last = clock.now()
                continue
            }
            if clock.consumeInterrupt() {
                write(Array("^C\n".utf8))
                execution.interrupt()
                continue
            }
            clock.sleep(.milliseconds(5))
            let now = clock.now()
            execution.advance(by: now - last)
            last = now
        }
    }

    /// Runs to the end in virtual time; input the command reads comes from the script's next
    /// lines, and a command that never ends is interrupted after `World.unattendedLimit`.
    private func driveFromScript(_ execution: CommandExecution) {
        while true {
            switch execution.run(until: world.loop.now + World.unattendedLimit) {
            case .finished:
                return
            case .awaitingInput:
                switch reader.readLine(prompt: "") {
                case .line(let text):
                    write(Array((text + "\n").utf8))
                    execution.type(text)
                case .endOfFile, .interrupted: execution.endInput()
                }
            case .timeLimit:
                execution.interrupt()
            }
        }
    }

    // MARK: Persistence

    private func record(_ event: JournalEntry.Event) {
        do {
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
        mirror?.export(from: world.workstation.fileSystem)
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
