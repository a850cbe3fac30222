import Testing
@testable import Transcripts

@Suite struct TranscriptParserTests {
    let isComplete: (String) -> Bool = { source in
        // Enough of the shell's rule for these tests: an open here-document or a trailing backslash.
        if source.hasSuffix("\\") { return false }
        if let range = source.range(of: "<<'EOF'") ?? source.range(of: "<<EOF") {
            return source[range.upperBound...].split(separator: "\n").contains("EOF")
        }
        return true
    }

    func parse(_ text: String) throws -> Transcript {
        try TranscriptParser.parse(text, path: "t.md", isComplete: isComplete)
    }

    @Test func commandsOutputStatusesAndInterrupts() throws {
        let transcript = try parse("""
            # Title
            <!-- kubelab: seed=42 -->

            Prose with a `$ not a command`.

            ```console
            $ echo hi
            hi
            $ false
            [1]
            $ cat > a.txt <<'EOF'
            > one
            > EOF
            $ kubectl get pods -w
            NAME   READY
            ^C after 30s
            ```

            ```sh
            $ ignored
            ```
            """)
        #expect(transcript.seed == 42)
        #expect(transcript.steps.map(\.command) == ["echo hi", "false", "cat > a.txt <<'EOF'\none\nEOF", "kubectl get pods -w"])
        #expect(transcript.steps[0].expected == [ExpectedLine(text: "hi", kind: .literal)])
        #expect(transcript.steps[1].exitStatus == 1)
        #expect(transcript.steps[1].expected.isEmpty)
        #expect(transcript.steps[3].interrupt == Transcript.Interrupt(after: .seconds(30), position: 1))
        #expect(transcript.steps[0].commandLineIndex == 6)
        #expect(transcript.steps[0].outputLineRange == 7..<8)
    }

    @Test(arguments: [
        ("```console\nhello\n```", 2, "output before the first command of the block (commands start with \"$ \")"),
        ("```console\n$ cat <<EOF\nx\n```", 2, "the command is not complete: continue it on lines starting with \"> \""),
        ("```console\n$ false\n[1]\nmore\n```", 3, "an exit status line [1] must be the last line of a command's output"),
        ("<!-- kubelab: seed=x -->", 1, "the seed must be a whole number, not \"x\""),
        ("<!-- kubelab: color=red -->", 1, "unknown header setting \"color\" (known: seed)"),
        ("```console\n$ watch\n^C after soon\n```", 3, "\"^C after\" needs a duration such as 30s or 2m"),
        ("```console\n$ ls\n", 2, "the console block is not closed"),
    ])
    func malformedTranscriptsFailWithTheirLine(text: String, line: Int, message: String) {
        #expect(throws: TranscriptParser.Failure(path: "t.md", line: line, message: message)) {
            try parse(text)
        }
    }

    @Test(arguments: [
        ("Up 2 minutes (glob)", "Up 2 minutes", true),
        ("Up * minutes (glob)", "Up 12 minutes", true),
        ("kubia-????? (glob)", "kubia-x7k2p", true),
        ("kubia-????? (glob)", "kubia-x7k2", false),
        ("[0-9a-f]{12} (re)", "4a1b2c3d4e5f", true),
        ("[0-9a-f]{12} (re)", "4a1b2c3d4e5", false),
        ("plain", "plain", true),
        ("plain", "plain ", false),
    ])
    func expectedLinesMatch(written: String, actual: String, matches: Bool) {
        #expect(ExpectedLine(parsing: written).matches(actual) == matches)
    }

    @Test func durationsPrintInTheirShortestForm() {
        #expect(TranscriptParser.format(.seconds(120)) == "2m")
        #expect(TranscriptParser.format(.seconds(30)) == "30s")
        #expect(TranscriptParser.format(.milliseconds(1500)) == "1500ms")
    }
}

@Suite struct UnifiedDiffTests {
    @Test func pointsAtTheChangedLineWithItsNumber() {
        let expected = (1...10).map { "line \($0)" }
        var actual = expected
        actual[6] = "line seven"
        let diff = UnifiedDiff.make(expected: expected, actual: actual, expectedName: "a", actualName: "b")
        #expect(diff == """
            --- a
            +++ b
            @@ -4,7 +4,7 @@
             line 4
             line 5
             line 6
            -line 7
            +line seven
             line 8
             line 9
             line 10

            """)
    }

    @Test func identicalInputsGiveNoDiff() {
        #expect(UnifiedDiff.make(expected: ["a"], actual: ["a"], expectedName: "x", actualName: "y").isEmpty)
    }

    @Test func insertionsAtTheEnd() {
        let diff = UnifiedDiff.make(expected: ["a"], actual: ["a", "b"], expectedName: "x", actualName: "y")
        #expect(diff == "--- x\n+++ y\n@@ -1,1 +1,2 @@\n a\n+b\n")
    }
}
