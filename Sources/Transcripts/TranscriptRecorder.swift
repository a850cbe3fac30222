import REPL

/// Writes a transcript of a live session: each command line, what the world printed for it,
/// what the learner typed into it, how it ended.
public final class TranscriptRecorder {
    public let seed: UInt64
    public let title: String
    private var steps: [RecordedStep] = []

    private struct RecordedStep {
        var command: String
        var output: [UInt8] = []
        var status: Int32 = 0
        var interruptedAfter: Duration?
    }

    public init(seed: UInt64, title: String) {
        self.seed = seed
        self.title = title
    }

    /// Connects the recorder to a session's observers; route the world's output to `record(output:)`.
    public func attach(to session: Session) {
        session.lineEntered = { [weak self] line in self?.steps.append(RecordedStep(command: line)) }
        session.commandFinished = { [weak self] _, status in self?.updateLast { $0.status = status } }
        // A password typed without echo is left out: the screen never showed it.
        session.inputTyped = { [weak self] _, text in
            guard let text else { return }
            self?.updateLast { $0.output += Array((text + "\n").utf8) }
        }
        session.interrupted = { [weak self] after in
            // Whole milliseconds: real keystrokes are no more precise, and the file stays readable.
            let rounded = Duration.milliseconds((after.nanoseconds + 500_000) / 1_000_000)
            self?.updateLast { $0.interruptedAfter = rounded }
        }
    }

    /// What the world printed (commands' output only).
    public func record(output: [UInt8]) {
        updateLast { $0.output += output }
    }

    private func updateLast(_ change: (inout RecordedStep) -> Void) {
        guard !steps.isEmpty else { return }
        change(&steps[steps.count - 1])
    }

    /// The transcript in its Markdown form.
    public var text: String {
        var lines = ["# \(title)", "", "<!-- kubelab: seed=\(seed) -->", "", "```console"]
        for step in steps {
            let commandLines = step.command.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append("$ " + (commandLines.first.map(String.init) ?? ""))
            lines += commandLines.dropFirst().map { "> " + $0 }
            var output = String(decoding: step.output, as: UTF8.self)
            if output.hasSuffix("\n") { output.removeLast() }
            if !output.isEmpty {
                lines += output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            if let after = step.interruptedAfter { lines.append("^C after " + TranscriptParser.format(after)) }
            if step.status != 0 { lines.append("[\(step.status)]") }
        }
        lines.append("```")
        return lines.joined(separator: "\n") + "\n"
    }
}
