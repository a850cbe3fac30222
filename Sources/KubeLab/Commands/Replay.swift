import ArgumentParser
import Foundation
import REPL
import Transcripts
import World

/// `kubelab replay FILE…`: checks transcripts against a fresh world, or plays one to a person.
struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay transcripts in fresh worlds and check every output (or --play one).",
        discussion: """
            Each FILE (or every .md file in a directory) that carries a `<!-- kubelab: … -->` header is
            replayed in a world of its own. A mismatch prints a unified diff with the transcript's line
            numbers; the exit status is 1 when any transcript fails. The format is described in
            transcripts/README.md.
            """)

    @Flag(help: "Rewrite the expected output in the files with what the replay printed.")
    var update = false

    @Flag(help: "Type the session out at a human pace instead of checking it (press any key to skip ahead).")
    var play = false

    @Option(help: ArgumentHelp("Playing speed: 2 is twice as fast.", valueName: "factor"))
    var speed: Double = 1

    @Argument(help: ArgumentHelp("Transcript files or folders.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if play && update { throw ValidationError("--play and --update cannot be used together") }
        if play && files.count != 1 { throw ValidationError("--play takes exactly one transcript") }
        guard speed > 0 else { throw ValidationError("--speed must be greater than 0") }
    }

    func run() throws {
        let paths = try TranscriptFiles.expand(files)
        let checker = try World(seed: 1, setup: .standard())
        var failures = 0
        var replayed = 0
        for path in paths {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read \(path): \(error.localizedDescription)")
            }
            guard TranscriptFiles.isTranscript(text) else {
                if files.contains(path) { print("\(path): no kubelab header, skipped") }
                continue
            }
            replayed += 1
            let transcript: Transcript
            do {
                transcript = try TranscriptParser.parse(text, path: path, isComplete: checker.shell.isComplete)
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                failures += 1
                continue
            }
            if play {
                try playToTerminal(transcript)
                return
            }
            let results = try TranscriptRunner(setup: { .standard() }).run(transcript)
            let check = TranscriptCheck(transcript: transcript, results: results)
            if check.passed {
                print("ok    \(path) (\(transcript.steps.count) commands)")
            } else if update {
                try (check.actualLines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
                print("updated \(path)")
            } else {
                print("FAIL  \(path)")
                print(check.diff, terminator: "")
                for (step, result) in zip(transcript.steps, results) where result.stoppedBusy && step.interrupt == nil {
                    print("\(path):\(step.commandLineIndex + 1): `\(step.commandLines[0])` was still busy after "
                          + "\(TranscriptParser.format(World.unattendedCPULimit)) of CPU time and was stopped "
                          + "(a loop that never ends? mark it `^C` if that is meant)")
                }
                failures += 1
            }
        }
        if failures > 0 {
            print("\(failures) of \(replayed) transcripts failed")
            throw ExitCode(1)
        }
    }

    private func playToTerminal(_ transcript: Transcript) throws {
        let keyboard = KeyboardPoller()
        defer { keyboard.restore() }
        let player = TranscriptPlayer(setup: { .standard() }, speed: speed)
        try player.play(transcript,
                        write: { FileHandle.standardOutput.write(Data($0)) },
                        sleep: { Thread.sleep(forTimeInterval: $0) },
                        skipRequested: { keyboard.keyWasPressed() })
    }
}

/// Finding transcript files.
enum TranscriptFiles {
    /// Files as given, and the `.md` files of folders, sorted.
    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        let manager = FileManager.default
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                throw ValidationError("\(argument): No such file or directory")
            }
            if isDirectory.boolValue {
                let names = try manager.contentsOfDirectory(atPath: argument).filter { $0.hasSuffix(".md") }.sorted()
                paths += names.map { (argument as NSString).appendingPathComponent($0) }
            } else {
                paths.append(argument)
            }
        }
        return paths
    }

    /// Whether a Markdown file is a transcript: it carries the kubelab header.
    static func isTranscript(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.hasPrefix("<!--") && $0.contains("kubelab:") }
    }
}
