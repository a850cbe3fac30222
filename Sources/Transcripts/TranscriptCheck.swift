import Formatting
/// Compares a transcript with what its replay printed, and writes the updated transcript.
public struct TranscriptCheck {
    public let transcript: Transcript
    public let results: [TranscriptRunner.StepResult]

    public init(transcript: Transcript, results: [TranscriptRunner.StepResult]) {
        self.transcript = transcript
        self.results = results
    }

    /// The transcript's lines with every command's output replaced by what it really printed;
    /// expected lines that are patterns stay where they still match.
    public var actualLines: [String] {
        var lines: [String] = []
        var cursor = 0
        for (step, result) in zip(transcript.steps, results) {
            lines += transcript.lines[cursor..<step.outputLineRange.lowerBound]
            lines += rendered(step, result)
            cursor = step.outputLineRange.upperBound
        }
        lines += transcript.lines[cursor...]
        return lines
    }

    /// Whether everything matched.
    public var passed: Bool {
        zip(transcript.steps, results).allSatisfy { step, result in
            rendered(step, result) == Array(transcript.lines[step.outputLineRange])
        }
    }

    /// A unified diff from the transcript to what really happened, with the transcript's line
    /// numbers; empty when it passed.
    /// Control characters in either side are shown visibly (`^[`), never sent to the terminal.
    public var diff: String {
        VisibleControls.escape(UnifiedDiff.make(expected: transcript.lines, actual: actualLines,
                                                expectedName: transcript.path, actualName: transcript.path + " (replayed)"))
    }

    private func rendered(_ step: Transcript.Step, _ result: TranscriptRunner.StepResult) -> [String] {
        var lines: [String] = []
        for (index, actual) in result.output.enumerated() {
            if index < step.expected.count, step.expected[index].kind != .literal, step.expected[index].matches(actual) {
                lines.append(step.expected[index].written)
            } else {
                lines.append(actual)
            }
        }
        if let after = result.interruptedAfter {
            if let interrupt = step.interrupt, interrupt.after == nil || interrupt.after == after {
                lines.append(interrupt.after == nil ? "^C" : "^C after " + TranscriptParser.format(after))
            } else {
                lines.append("^C after " + TranscriptParser.format(after))
            }
        }
        if result.exitStatus != 0 { lines.append("[\(result.exitStatus)]") }
        return lines
    }
}
