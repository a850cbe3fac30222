import Testing
import World
@testable import Transcripts

/// A transcript command that never ends and has no `^C` must not hang the replay: a busy loop
/// costs simulated time, so it is stopped once it has used the unattended CPU limit, and what it
/// printed is kept only up to a bound.
@Suite struct UnattendedReplayTests {
    func replay(_ commands: String) throws -> (TranscriptCheck, [TranscriptRunner.StepResult]) {
        let world = try World(seed: 1, setup: .standard())
        let text = "# T\n<!-- kubelab: seed=1 -->\n\n```console\n\(commands)\n```\n"
        let transcript = try TranscriptParser.parse(text, path: "t.md", isComplete: world.shell.isComplete)
        let results = try TranscriptRunner(setup: { .standard() }).run(transcript)
        return (TranscriptCheck(transcript: transcript, results: results), results)
    }

    @Test(arguments: ["while true; do :; done", "for ((;;)); do x=1; done", "trap '' INT; while :; do :; done"])
    func aBusyLoopWithoutCtrlCIsStopped(_ loop: String) throws {
        let (check, results) = try replay("$ \(loop)\n$ echo after")
        #expect(!check.passed)
        #expect(results.count == 2)
        #expect(results[0].stoppedBusy)
        let after = try #require(results[0].interruptedAfter)
        // The last time slice may still be unpaid when the limit is reached.
        #expect(after >= World.unattendedCPULimit - .milliseconds(10) && after < World.unattendedCPULimit + .seconds(2))
        #expect(results[1].output == ["after"])
    }

    @Test func yesIsStoppedAndItsOutputBounded() throws {
        let (check, results) = try replay("$ yes\n$ echo after")
        #expect(!check.passed)
        #expect(results[0].stoppedBusy)
        let kept = results[0].output.dropLast().reduce(0) { $0 + $1.utf8.count + 1 }
        #expect(kept <= OutputCapture.stepLimit)
        #expect(results[0].output.last?.hasPrefix("[kubelab: ") == true)
        #expect(results[1].output == ["after"])
    }

    @Test func aBusyLoopMarkedWithCtrlCPasses() throws {
        let (check, _) = try replay("$ while true; do :; done\n^C\n[130]")
        #expect(check.passed, "\(check.diff)")
    }

    @Test func aLoopThatSleepsIsAWatchNotABusyLoop() throws {
        let (_, results) = try replay("$ while true; do sleep 10; done")
        #expect(!results[0].stoppedBusy)
        #expect(results[0].interruptedAfter == World.unattendedLimit)
    }
}
