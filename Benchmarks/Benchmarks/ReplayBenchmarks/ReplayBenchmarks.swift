import Benchmark
import Chapter2
import Foundation
import Transcripts
import World

/// Replay of the transcripts in `transcripts/`, in-process with `TranscriptParser` and
/// `TranscriptRunner` (what `kubelab replay` does, without the process start).
/// Target: the chapter-2 transcripts together under 200 ms.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident, .instructions],
                                           maxDuration: .seconds(10), maxIterations: 100)

    let transcripts = loadTranscripts()
    for transcript in transcripts {
        let name = (transcript.path as NSString).lastPathComponent
        Benchmark("Replay \(name) (\(transcript.steps.count) commands)") { benchmark in
            benchmark.startMeasurement()
            blackHole(try? TranscriptRunner(setup: { .standard() }).run(transcript))
            benchmark.stopMeasurement()
        }
    }
    Benchmark("Replay every transcript together (\(transcripts.count) files)") { benchmark in
        benchmark.startMeasurement()
        for transcript in transcripts {
            blackHole(try? TranscriptRunner(setup: { .standard() }).run(transcript))
        }
        benchmark.stopMeasurement()
    }

    // The chapter-2 session replayed from scratch: what a chapter-2 transcript costs, whether
    // or not one is checked in yet (a fresh world, then every command of the chapter).
    Benchmark("Chapter-2 session from a fresh world (target < 200 ms)") { benchmark in
        benchmark.startMeasurement()
        guard let world = try? World(seed: 1, setup: .standard()) else { return }
        for line in Chapter2.files + Chapter2.commands {
            world.runUnattended(line)
        }
        benchmark.stopMeasurement()
    }
}

/// Every transcript (a Markdown file with the kubelab header) in the repository's `transcripts/`.
func loadTranscripts() -> [Transcript] {
    let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("transcripts").path
    guard let checker = try? World(seed: 1, setup: .standard()),
          let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
    return names.filter { $0.hasSuffix(".md") }.sorted().compactMap { name in
        let path = (folder as NSString).appendingPathComponent(name)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              text.split(separator: "\n").contains(where: { $0.hasPrefix("<!--") && $0.contains("kubelab:") })
        else { return nil }
        return try? TranscriptParser.parse(text, path: path, isComplete: checker.shell.isComplete)
    }
}
