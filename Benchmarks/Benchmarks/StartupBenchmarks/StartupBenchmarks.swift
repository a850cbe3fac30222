import Benchmark
import Foundation

/// Time to first prompt of the release binary: the whole process from exec to its exit, when
/// its only input is `exit` — start-up, restoring the world and the first prompt, then leaving.
/// Run `swift build -c release` in the repository root first; `KUBELAB_BINARY` overrides the path.
let benchmarks: @Sendable () -> Void = {
    let binary = ProcessInfo.processInfo.environment["KUBELAB_BINARY"]
        ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/release/kubelab").path

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 200)

    Benchmark("Start-up, empty state") { benchmark in
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        benchmark.startMeasurement()
        runKubeLab(binary, home: home, input: "exit\n")
        benchmark.stopMeasurement()
    }

    Benchmark("Start-up, saved world of 50 commands") { benchmark in
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let script = (1...50).map { "echo line \($0) >> notes.txt; wc -l notes.txt" }.joined(separator: "\n") + "\n"
        runKubeLab(binary, home: home, input: script)
        benchmark.startMeasurement()
        runKubeLab(binary, home: home, input: "exit\n")
        benchmark.stopMeasurement()
    }
}

func runKubeLab(_ binary: String, home: URL, input: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["sandbox", "--home", home.path, "--seed", "1"]
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    } catch {
        FileHandle.standardError.write(Data("cannot run \(binary): \(error)\n".utf8))
        exit(1)
    }
}
