import Foundation
import Testing
import REPL
import World
@testable import Transcripts

/// Lines for a session recorded from a script.
final class LinesReader: LineReading {
    var lines: [String]
    var historyEntries: [String] = []
    init(_ lines: [String]) { self.lines = lines }
    func readLine(prompt: String) -> LineInput { lines.isEmpty ? .endOfFile : .line(lines.removeFirst()) }
    func addToHistory(_ line: String) { historyEntries.append(line) }
    func saveHistory() {}
}

@Suite struct TranscriptReplayTests {
    let isComplete: (String) -> Bool

    init() throws {
        let world = try World(seed: 1, setup: .standard())
        isComplete = world.shell.isComplete
    }

    func record(_ lines: [String], seed: UInt64 = 3) throws -> String {
        let recorder = TranscriptRecorder(seed: seed, title: "Test")
        let world = try World(seed: seed, setup: .standard()) { recorder.record(output: $0) }
        let session = Session(world: world, reader: LinesReader(lines), journal: nil, mirror: nil, clock: .script) { _ in }
        recorder.attach(to: session)
        _ = session.run()
        return recorder.text
    }

    func replay(_ text: String) throws -> TranscriptCheck {
        let transcript = try TranscriptParser.parse(text, path: "t.md", isComplete: isComplete)
        let results = try TranscriptRunner(setup: { .standard() }).run(transcript)
        return TranscriptCheck(transcript: transcript, results: results)
    }

    @Test func aRecordedSessionReplaysIdentically() throws {
        let text = try record([
            "cat > notes.txt <<'EOF'", "first", "second", "EOF",
            "wc -l notes.txt", "read name; echo \"hi $name\"", "Ada", "ls nope", "wait 90s", "date",
        ])
        #expect(text.contains("$ read name; echo \"hi $name\"\nAda\nhi Ada\n"))
        #expect(text.contains("ls: cannot access 'nope': No such file or directory\n[2]\n"))
        let check = try replay(text)
        #expect(check.passed, "\(check.diff)")
    }

    @Test func oneChangedCharacterFailsWithADiffAtItsLine() throws {
        let text = try record(["echo one", "echo two", "echo three"])
        let broken = text.replacingOccurrences(of: "\ntwo\n", with: "\ntwp\n")
        let check = try replay(broken)
        #expect(!check.passed)
        let lineNumber = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "twp").map { $0 + 1 }
        #expect(check.diff.contains("-twp\n+two\n"))
        #expect(lineNumber != nil)
        #expect(check.diff.contains("@@ -\(max((lineNumber ?? 0) - 3, 1)),"))
        let updated = check.actualLines.joined(separator: "\n") + "\n"
        #expect(updated == text)
    }

    @Test func patternsAndInterruptsReplay() throws {
        let text = """
            <!-- kubelab: seed=2 -->
            ```console
            $ date
            Tue Mar  6 09:00:?? UTC 2018 (glob)
            $ while :; do sleep 10; echo tick; done
            tick
            tick
            ^C after 25s
            [130]
            $ echo $((6 * 7))
            \\d+ (re)
            ```
            """
        let check = try replay(text)
        #expect(check.passed, "\(check.diff)")
    }
}
