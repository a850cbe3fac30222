import REPL
import World

/// Plays a transcript to a person: commands are typed out at a human pace and run for real in
/// a fresh world, so the output appears as it would in a live session.
public struct TranscriptPlayer {
    public let setup: () -> WorkstationSetup
    /// Seconds per typed character.
    public var secondsPerCharacter: Double
    /// Pause after each command's output, in seconds.
    public var pauseAfterCommand: Double

    public init(setup: @escaping () -> WorkstationSetup, speed: Double) {
        self.setup = setup
        let factor = max(speed, 0.01)
        secondsPerCharacter = 0.05 / factor
        pauseAfterCommand = 1.0 / factor
    }

    /// Plays `transcript`, writing with `write`, sleeping with `sleep`; `skipRequested` is polled
    /// while typing and, when true, finishes the current line at once.
    public func play(_ transcript: Transcript, write: @escaping ([UInt8]) -> Void, sleep: @escaping (Double) -> Void,
                     skipRequested: @escaping () -> Bool) throws {
        let capture = OutputCapture()
        let world = try World(seed: transcript.seed, setup: setup()) { bytes in
            capture.append(bytes)
            write(bytes)
        }
        let reader = TranscriptReader(transcript: transcript, capture: capture)
        let typist = TypingReader(inner: reader, write: write, sleep: sleep, skipRequested: skipRequested,
                                  secondsPerCharacter: secondsPerCharacter, pauseAfterCommand: pauseAfterCommand)
        let session = Session(world: world, reader: typist, journal: nil, mirror: nil, clock: .script) { write($0) }
        session.echoesScriptInput = false
        session.unattendedLimit = { _ in reader.currentStep?.interrupt?.after ?? World.unattendedLimit }
        _ = session.run()
    }
}

/// Types what another reader answers, character by character.
final class TypingReader: LineReading {
    let inner: TranscriptReader
    let write: ([UInt8]) -> Void
    let sleep: (Double) -> Void
    let skipRequested: () -> Bool
    let secondsPerCharacter: Double
    let pauseAfterCommand: Double
    var historyEntries: [String] { inner.historyEntries }
    private var typedBefore = false

    init(inner: TranscriptReader, write: @escaping ([UInt8]) -> Void, sleep: @escaping (Double) -> Void,
         skipRequested: @escaping () -> Bool, secondsPerCharacter: Double, pauseAfterCommand: Double) {
        self.inner = inner
        self.write = write
        self.sleep = sleep
        self.skipRequested = skipRequested
        self.secondsPerCharacter = secondsPerCharacter
        self.pauseAfterCommand = pauseAfterCommand
    }

    func readLine(prompt: String) -> LineInput {
        if typedBefore, prompt.hasSuffix("$ ") { sleep(pauseAfterCommand) }
        let answer = inner.readLine(prompt: prompt)
        if case .line(let text) = answer {
            write(Array(prompt.utf8))
            type(text)
            typedBefore = true
        }
        return answer
    }

    func readInput(prompt: String) -> LineInput {
        let answer = inner.readInput(prompt: prompt)
        if case .line(let text) = answer { type(text) }
        return answer
    }

    func addToHistory(_ line: String) { inner.addToHistory(line) }
    func replaceHistory(with entries: [String]) { inner.replaceHistory(with: entries) }
    func saveHistory() {}

    private func type(_ text: String) {
        var skipping = false
        for character in text {
            write(Array(String(character).utf8))
            if !skipping {
                skipping = skipRequested()
                if !skipping { sleep(secondsPerCharacter) }
            }
        }
        write(Array("\n".utf8))
    }
}
