import Benchmark
import Chapter2
import Foundation

/// Time to first prompt of the release binary on a terminal: from exec until the prompt is on
/// the screen, as a learner sees it (a saved world's journal then replays while they type).
/// Also the whole run of a piped `exit`, which includes that replay. It times the binary
/// `scripts/benchmark` builds and names in `KUBELAB_BINARY` (without it, the release build in
/// `Benchmarks/.build`).
/// Target: under 20 ms to the first prompt, for an empty state and for a saved chapter-2 world.
let benchmarks: @Sendable () -> Void = {
    let binary = ProcessInfo.processInfo.environment["KUBELAB_BINARY"]
        ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/release/kubelab").path

    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(10), maxIterations: 200)

    Benchmark("Start-up, empty state (target < 20 ms)") { benchmark in
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        timeToFirstPrompt(binary, home: home, benchmark: benchmark)
    }

    // The state directory is made once: the chapter-2 script, then measured restarts of it.
    Benchmark("Start-up, saved chapter-2 world (target < 20 ms)") { benchmark in
        prepareChapter2(binary)
        timeToFirstPrompt(binary, home: chapter2Home, benchmark: benchmark)
    }

    Benchmark("Start-up and exit with the journal replayed, saved chapter-2 world, piped") { benchmark in
        prepareChapter2(binary)
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
        let resident = residentMegabytesWhileIdle(binary, home: home, input: Chapter2.script)
        benchmark.measurement(.custom("kubelab resident (MB)", useScalingFactor: false), resident)
    }

    ProcessBenchmarks.register(binary: binary)
}

let chapter2Home = temporaryHome()
nonisolated(unsafe) var chapter2Ready = false

func prepareChapter2(_ binary: String) {
    guard !chapter2Ready else { return }
    runKubeLab(binary, home: chapter2Home, input: Chapter2.script + "exit\n")
    chapter2Ready = true
}

/// Starts kubelab on a pseudo-terminal (so it edits lines with libedit, as for a learner) and
/// measures until its prompt, which ends in "$ ", has been written; then types `command` (if
/// given) and returns how long after exec its output began, then types `exit`.
@discardableResult
func timeToFirstPrompt(_ binary: String, home: URL, benchmark: Benchmark, thenRun command: String? = nil) -> Duration {
    guard let (controller, device) = openPseudoTerminal() else {
        FileHandle.standardError.write(Data("cannot open a pseudo-terminal\n".utf8))
        exit(1)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["sandbox", "--home", home.path, "--seed", "1"]
    let terminal = FileHandle(fileDescriptor: device, closeOnDealloc: true)
    process.standardInput = terminal
    process.standardOutput = terminal
    process.standardError = FileHandle.nullDevice
    let started = ContinuousClock.now
    benchmark.startMeasurement()
    do {
        try process.run()
    } catch {
        FileHandle.standardError.write(Data("cannot run \(binary): \(error)\n".utf8))
        exit(1)
    }
    // Only kubelab may hold the terminal's device open, so that reads fail once it has gone.
    try? terminal.close()
    var screen: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while !String(decoding: screen, as: UTF8.self).contains("$ ") {
        let count = read(controller, &chunk, chunk.count)
        guard count > 0 else { break }
        screen += chunk[..<count]
    }
    benchmark.stopMeasurement()
    var answered = ContinuousClock.now - started
    if let command {
        // The command's output is the line after the one the terminal echoes it on.
        _ = (command + "\n").withCString { write(controller, $0, strlen($0)) }
        let output = "\n" + command.split(separator: " ").dropFirst().joined(separator: " ")
        screen = []
        while !String(decoding: screen, as: UTF8.self).replacingOccurrences(of: "\r", with: "").contains(output) {
            let count = read(controller, &chunk, chunk.count)
            guard count > 0 else { break }
            screen += chunk[..<count]
        }
        answered = ContinuousClock.now - started
    }
    _ = "exit\n".withCString { write(controller, $0, 5) }
    // Drain the terminal until kubelab has gone (reads then fail), so it never blocks writing.
    while read(controller, &chunk, chunk.count) > 0 {}
    process.waitUntilExit()
    close(controller)
    return answered
}

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

/// A new pseudo-terminal: the controlling side and the terminal device a program is given.
func openPseudoTerminal() -> (controller: Int32, device: Int32)? {
    let controller = open("/dev/ptmx", O_RDWR | O_NOCTTY)
    guard controller >= 0 else { return nil }
    // Glibc's module leaves out posix_openpt and friends: unlock and name the device with the
    // ioctls they use (TIOCSPTLCK, TIOCGPTN on Linux).
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(controller, 0x4004_5431, &unlock) == 0, ioctl(controller, 0x8004_5430, &number) == 0 else {
        close(controller)
        return nil
    }
    let device = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
    guard device >= 0 else {
        close(controller)
        return nil
    }
    return (controller, device)
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
