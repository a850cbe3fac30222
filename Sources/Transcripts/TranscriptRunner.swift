import Kernel
import REPL
import World

/// Replays a transcript in a fresh world and collects what each command really printed.
public struct TranscriptRunner {
    public let setup: () -> WorkstationSetup

    public init(setup: @escaping () -> WorkstationSetup) {
        self.setup = setup
    }

    /// What one command printed and how it ended.
    public struct StepResult: Equatable {
        public var output: [String]
        public var exitStatus: Int32
        /// The virtual time after which it was interrupted, if it was.
        public var interruptedAfter: Duration?
        /// Whether it was stopped for using up the unattended CPU limit (a busy loop).
        public var stoppedBusy = false
    }

    public func run(_ transcript: Transcript) throws -> [StepResult] {
        let capture = OutputCapture()
        let world = try World(seed: transcript.seed, setup: setup()) { capture.append($0) }
        let reader = TranscriptReader(transcript: transcript, capture: capture)
        let session = Session(world: world, reader: reader, journal: nil, mirror: nil, clock: .script) { capture.append($0) }
        session.commandFinished = { _, status in reader.finishedStatus = status }
        session.interrupted = { after in reader.interruptedAfter = after }
        session.stoppedBusy = { _, _ in reader.stoppedBusy = true }
        session.unattendedLimit = { _ in reader.currentStep?.interrupt?.after ?? World.unattendedLimit }
        _ = session.run()
        reader.finishStep()
        return reader.results
    }
}

/// Everything the session printed, as bytes, split into steps by the reader. What one step
/// keeps is bounded (`yes` left running would otherwise fill memory); the rest is counted.
final class OutputCapture {
    /// The most bytes of one step's output kept.
    static let stepLimit = 1 << 20
    var bytes: [UInt8] = []
    private var stepStart = 0
    /// Bytes of the current step dropped past `stepLimit`.
    private(set) var droppedBytes = 0

    func append(_ more: [UInt8]) {
        let room = max(0, stepStart + Self.stepLimit - bytes.count)
        if more.count <= room {
            bytes += more
        } else {
            bytes += more.prefix(room)
            droppedBytes += more.count - room
        }
    }

    /// Starts a new step's bound.
    func beginStep() {
        stepStart = bytes.count
        droppedBytes = 0
    }
}

/// Feeds a session the transcript's commands, and answers commands that read input from the
/// transcript's expected lines (the screen shows the command's prompt followed by the text).
final class TranscriptReader: LineReading {
    let transcript: Transcript
    let capture: OutputCapture
    var results: [TranscriptRunner.StepResult] = []
    var historyEntries: [String] = []
    var finishedStatus: Int32 = 0
    var interruptedAfter: Duration?
    var stoppedBusy = false
    private var nextStep = 0
    private var pendingCommandLines: [String] = []
    private var stepOutputStart = 0
    private var inStep = false

    init(transcript: Transcript, capture: OutputCapture) {
        self.transcript = transcript
        self.capture = capture
    }

    var currentStep: Transcript.Step? {
        inStep && nextStep > 0 ? transcript.steps[nextStep - 1] : nil
    }

    func readLine(prompt: String) -> LineInput {
        if !pendingCommandLines.isEmpty {
            return .line(pendingCommandLines.removeFirst())
        }
        finishStep()
        guard nextStep < transcript.steps.count else { return .endOfFile }
        let step = transcript.steps[nextStep]
        nextStep += 1
        inStep = true
        capture.beginStep()
        stepOutputStart = capture.bytes.count
        finishedStatus = 0
        interruptedAfter = nil
        stoppedBusy = false
        pendingCommandLines = Array(step.commandLines.dropFirst())
        return .line(step.commandLines[0])
    }

    func readInput(prompt: String) -> LineInput {
        guard let step = currentStep else { return .endOfFile }
        let printed = String(decoding: capture.bytes[stepOutputStart...], as: UTF8.self)
        let completeLines = printed.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        guard completeLines < step.expected.count else { return .endOfFile }
        let line = step.expected[completeLines].text
        if line == "^D" { return .endOfFile }
        guard line.hasPrefix(prompt) else { return .endOfFile }
        return .line(String(line.dropFirst(prompt.count)))
    }

    func addToHistory(_ line: String) { historyEntries.append(line) }
    func replaceHistory(with entries: [String]) { historyEntries = entries }
    func saveHistory() {}

    func finishStep() {
        guard inStep else { return }
        inStep = false
        var text = String(decoding: capture.bytes[stepOutputStart...], as: UTF8.self)
        if capture.droppedBytes > 0 {
            if !text.hasSuffix("\n") { text += "\n" }
            text += "[kubelab: \(capture.droppedBytes) more bytes of output not kept]"
        }
        if text.hasSuffix("\n") { text.removeLast() }
        let output = text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        results.append(TranscriptRunner.StepResult(output: output, exitStatus: finishedStatus, interruptedAfter: interruptedAfter,
                                                       stoppedBusy: stoppedBusy))
    }
}
