import ArgumentParser
import Foundation
import REPL
import Transcripts
import World

/// `kubelab record FILE`: a live session in a fresh world, written down as a transcript.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record a session in a fresh world as a transcript (written when you exit).")

    @Option(name: .long, help: ArgumentHelp("The seed of the fresh world.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The transcript's title.", valueName: "text"))
    var title: String = "A KubeLab session"

    @Argument(help: ArgumentHelp("Where to write the transcript (Markdown).", valueName: "file"))
    var file: String

    func run() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-record-\(ProcessInfo.processInfo.processIdentifier)")
        defer { try? FileManager.default.removeItem(at: home) }
        try? FileManager.default.removeItem(at: home)
        let state = StateDirectory(url: home)
        try state.create()
        let saved = try SavedWorld(directory: home, seed: seed, setup: .standard())
        let recorder = TranscriptRecorder(seed: seed, title: title)
        let output = StandardOutput()
        saved.world.outputSink = { bytes in
            output.write(bytes)
            recorder.record(output: bytes)
        }
        let session = REPLLauncher.makeSession(saved: saved, state: state, history: nil, output: output)
        recorder.attach(to: session)
        let status = session.run()
        do {
            try recorder.text.write(toFile: file, atomically: true, encoding: .utf8)
        } catch {
            throw ValidationError("cannot write \(file): \(error.localizedDescription)")
        }
        print("Recorded \(file)")
        throw ExitCode(status)
    }
}
