import Benchmark
import Chapter2
import Foundation

/// Time to first prompt of the release binary: the whole process from exec to its exit, when
/// its only input is `exit` — start-up, restoring the world and the first prompt, then leaving.
/// `scripts/benchmark` builds it (`swift build -c release --product kubelab` in `Benchmarks/`);
/// `KUBELAB_BINARY` overrides the path.
/// Target: under 20 ms, for an empty state and for a saved chapter-2 world.
let benchmarks: @Sendable () -> Void = {
    let binary = ProcessInfo.processInfo.environment["KUBELAB_BINARY"]
        ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/release/kubelab").path

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 200)

    Benchmark("Start-up, empty state (target < 20 ms)") { benchmark in
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        benchmark.startMeasurement()
        runKubeLab(binary, home: home, input: "exit\n")
        benchmark.stopMeasurement()
    }

    // The state directory is made once: the chapter-2 script, then measured restarts of it.
    Benchmark("Start-up, saved chapter-2 world (target < 20 ms)") { benchmark in
        if !chapter2Ready {
            runKubeLab(binary, home: chapter2Home, input: Chapter2.script(withCurl: true) + "exit\n")
            chapter2Ready = true
        }
        benchmark.startMeasurement()
        runKubeLab(binary, home: chapter2Home, input: "exit\n")
        benchmark.stopMeasurement()
    }

    // Resident memory of the kubelab process itself (not the harness), sitting at its prompt
    // after the chapter-2 script: read from /proc while it waits for input.
    Benchmark("Idle chapter-2 session, resident memory of kubelab (target < 50 MB)",
              configuration: .init(metrics: [.custom("kubelab resident (MB)", useScalingFactor: false)], maxIterations: 5)) { benchmark in
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let resident = residentMegabytesWhileIdle(binary, home: home, input: Chapter2.script(withCurl: true))
        benchmark.measurement(.custom("kubelab resident (MB)", useScalingFactor: false), resident)
    }
}

let chapter2Home = temporaryHome()
nonisolated(unsafe) var chapter2Ready = false

func temporaryHome() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("kubelab-bench-\(UUID().uuidString)")
}

func launchKubeLab(_ binary: String, home: URL) -> (Process, Pipe) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["sandbox", "--home", home.path, "--seed", "1"]
    let stdin = Pipe()
    process.standardInput = stdin
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
    } catch {
        FileHandle.standardError.write(Data("cannot run \(binary): \(error)\n".utf8))
        exit(1)
    }
    return (process, stdin)
}

func runKubeLab(_ binary: String, home: URL, input: String) {
    let (process, stdin) = launchKubeLab(binary, home: home)
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try? stdin.fileHandleForWriting.close()
    process.waitUntilExit()
}

/// Feeds `input`, then waits until the session has gone quiet (its CPU time stops growing) and
/// returns its resident set in megabytes.
func residentMegabytesWhileIdle(_ binary: String, home: URL, input: String) -> Int {
    let (process, stdin) = launchKubeLab(binary, home: home)
    stdin.fileHandleForWriting.write(Data(input.utf8))
    var lastTicks = -1
    for _ in 0..<200 {
        Thread.sleep(forTimeInterval: 0.1)
        let ticks = cpuTicks(of: process.processIdentifier)
        if ticks == lastTicks { break }
        lastTicks = ticks
    }
    let status = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)) ?? ""
    let kilobytes = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        .flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    try? stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    return kilobytes / 1024
}

/// User plus system time of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat).
func cpuTicks(of pid: Int32) -> Int {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let end = stat.lastIndex(of: ")") else { return 0 }
    let fields = stat[stat.index(after: end)...].split(separator: " ")
    // After the command name: state is field 3, so utime (14) and stime (15) sit at 11 and 12.
    guard fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12]) else { return 0 }
    return user + system
}
