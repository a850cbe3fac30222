import Testing
import Machine
import Simulation
import World
@testable import REPL

/// Lines typed by a pretend learner.
final class ScriptedReader: LineReading {
    var lines: [LineInput]
    var prompts: [String] = []
    var historyEntries: [String] = []
    init(_ lines: [LineInput]) { self.lines = lines }
    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return lines.isEmpty ? .endOfFile : lines.removeFirst()
    }
    func addToHistory(_ line: String) { historyEntries.append(line) }
    func replaceHistory(with entries: [String]) { historyEntries = entries }
    func saveHistory() {}
}

/// A shell that understands `echo`, `cd`, `exit` and `ask`, with `\` continuations.
final class TinyShell: LoginShell {
    var workingDirectory = "/home/learner"
    var exitRequest: Int32?
    var commandHistory: (any CommandHistory)?
    var builtinNames: [String] { ["cd", "echo", "exit"] }
    var prompt: String {
        let shown = workingDirectory == "/home/learner" ? "~" : workingDirectory
        return "\(shown) $ "
    }
    var continuationPrompt: String { "> " }
    func isComplete(_ source: String) -> Bool { !source.hasSuffix("\\") }
    func forgetExitRequest() { exitRequest = nil }

    func program(forLine line: String) -> any Program {
        let words = line.replacingOccurrences(of: "\\\n", with: "").split(separator: " ").map(String.init)
        return TinyLine(shell: UncheckedSendable(self), words: words)
    }

    struct TinyLine: Program {
        let shell: UncheckedSendable<TinyShell>
        let words: [String]
        func run(_ context: ProgramContext) async throws -> Int32 {
            switch words.first {
            case "echo": context.print(words.dropFirst().joined(separator: " ") + "\n")
            case "cd": shell.value.workingDirectory = Paths.normalize(words.dropFirst().first ?? "~", relativeTo: shell.value.workingDirectory)
            case "exit": shell.value.exitRequest = Int32(words.dropFirst().first ?? "0") ?? 0
            case "ask":
                context.print("Password: ")
                let answer = try await LineBuffer(context.stdin).readLine()
                context.print("got \(answer ?? "nothing")\n")
            case "history":
                let entries = shell.value.commandHistory?.entries ?? ["(none)"]
                context.print(entries.joined(separator: ",") + "\n")
            case "clock": context.print("\((context.loop.now - .worldEpoch).nanoseconds / 1_000_000_000)\n")
            case "boot":
                try await context.process.sleep(for: .seconds(60), skippable: true)
                context.print("booted\n")
            default:
                context.printError("bash: \(words.first ?? ""): command not found\n")
                return 127
            }
            return 0
        }
    }
}

@Suite struct SessionTests {
    final class Screen: @unchecked Sendable {
        var text = ""
    }

    func runSession(_ lines: [LineInput]) throws -> (Int32, String, ScriptedReader, World) {
        let screen = Screen()
        let setup = WorkstationSetup(
            hostname: "kubelab", learner: Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner"),
            rootFileSystem: Directory(), registerPrograms: { _ in }, makeShell: { _ in TinyShell() })
        let world = try World(seed: 1, setup: setup) { screen.text += String(decoding: $0, as: UTF8.self) }
        let reader = ScriptedReader(lines)
        let session = Session(world: world, reader: reader, journal: nil, mirror: nil, clock: .script) {
            screen.text += String(decoding: $0, as: UTF8.self)
        }
        let status = session.run()
        return (status, screen.text, reader, world)
    }

    @Test func continuationLinesAreJoinedAndThePromptChanges() throws {
        let (status, screen, reader, _) = try runSession([.line("echo one \\"), .line("two"), .line("cd /tmp"), .line("echo x")])
        #expect(status == 0)
        #expect(screen == "one two\nx\n")
        #expect(reader.prompts == ["~ $ ", "> ", "~ $ ", "/tmp $ ", "/tmp $ "])
    }

    @Test func exitEndsTheSessionWithItsStatus() throws {
        let (status, screen, _, _) = try runSession([.line("nope"), .line("exit 3"), .line("echo never")])
        #expect(status == 3)
        #expect(screen == "bash: nope: command not found\n")
    }

    @Test func waitAdvancesVirtualTimeAndScriptsStepOneSecond() throws {
        let (_, screen, _, _) = try runSession([.line("clock"), .line("wait 1m"), .line("clock"), .line("wait 2x")])
        #expect(screen.hasPrefix("1\n62\n"))
    }

    @Test func theShellSeesWhatWasTypedWhileALineRuns() throws {
        let (_, screen, _, world) = try runSession([.line("echo a"), .line("history")])
        #expect(screen == "a\necho a,history\n")
        #expect(world.shell.commandHistory == nil)
    }

    @Test func aScriptAnswersACommandThatAsks() throws {
        let (_, screen, _, _) = try runSession([.line("ask"), .line("secret"), .line("echo after")])
        #expect(screen == "Password: secret\ngot secret\nafter\n")
    }

    @Test func anInteractiveSessionJumpsOverSkippableWaits() throws {
        let screen = Screen()
        let setup = WorkstationSetup(
            hostname: "kubelab", learner: Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner"),
            rootFileSystem: Directory(), registerPrograms: { _ in }, makeShell: { _ in TinyShell() })
        let world = try World(seed: 1, setup: setup) { screen.text += String(decoding: $0, as: UTF8.self) }
        let sleeps = SleepCounter()
        let clock = SessionClock(isInteractive: true, now: { sleeps.now }, sleep: { duration in sleeps.sleep(duration) },
                                 consumeInterrupt: { false }, resetInterrupt: {})
        let session = Session(world: world, reader: ScriptedReader([.line("boot")]), journal: nil, mirror: nil, clock: clock) { _ in }
        _ = session.run()
        #expect(screen.text == "booted\n")
        #expect(sleeps.count == 0)
        #expect(world.loop.now - .worldEpoch >= .seconds(60))
    }

    /// `wait 100000h` with a cluster ticking every second ran for hours of host time; Ctrl-C
    /// now ends it where it got to.
    @Test func ctrlCEndsALongWait() throws {
        let screen = Screen()
        let setup = WorkstationSetup(
            hostname: "kubelab", learner: Credentials(uid: 1000, gid: 1000, userName: "learner", home: "/home/learner"),
            rootFileSystem: Directory(), registerPrograms: { _ in }, makeShell: { _ in TinyShell() })
        let world = try World(seed: 1, setup: setup) { screen.text += String(decoding: $0, as: UTF8.self) }
        let ticks = SleepCounter()
        func tick() { _ = world.loop.schedule(after: .seconds(1)) { ticks.count += 1; tick() } }
        tick()
        let polls = SleepCounter()
        let clock = SessionClock(isInteractive: true, now: { polls.now }, sleep: { _ in },
                                 consumeInterrupt: { polls.count += 1; return polls.count == 5_000 },
                                 resetInterrupt: { polls.count = 0 })
        let start = world.loop.now
        let session = Session(world: world, reader: ScriptedReader([.line("wait 100000h"), .line("clock")]),
                              journal: nil, mirror: nil, clock: clock) { _ in }
        _ = session.run()
        #expect(world.loop.now - start < .seconds(10_000))
        #expect(ticks.count < 10_000)
    }

    final class SleepCounter: @unchecked Sendable {
        var count = 0
        var now = ContinuousClock.now
        func sleep(_ duration: Duration) {
            count += 1
            now = now.advanced(by: duration)
        }
    }

    @Test(arguments: [("30s", 30.0), ("2m", 120.0), ("1h30m", 5400.0), ("500ms", 0.5), ("1.5s", 1.5)])
    func durationsParse(text: String, seconds: Double) {
        #expect(DurationText.parse(text) == .nanoseconds(Int64(seconds * 1e9)))
    }

    @Test(arguments: ["30", "", "s", "3x", "1m-", "-1s"])
    func nonDurationsAreRejected(text: String) {
        #expect(DurationText.parse(text) == nil)
    }
}

import Foundation
