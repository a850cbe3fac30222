import Benchmark
import Foundation

/// Whole-process rows of the scale issue: the release binary run as a learner runs it,
/// `kubelab sandbox` with a script piped in, timed from exec to exit, with the process's own
/// peak resident set (from `wait4`, not the harness's).
enum ProcessBenchmarks {
    static let peak = BenchmarkMetric.custom("kubelab peak resident (MB)", useScalingFactor: false)
    static let answered = BenchmarkMetric.custom("first command answered (ms)", useScalingFactor: false)

    static func register(binary: String) {
        let whole = Benchmark.Configuration(metrics: [.wallClock, peak], maxDuration: .seconds(60), maxIterations: 3)

        Benchmark("Script of 2,000 commands (kubectl get pods, echo > file), piped (target < 2 s)", configuration: whole) { benchmark in
            piped(binary, script: commandScript(count: 2_000), benchmark: benchmark)
        }

        Benchmark("Real kubelets: GKE 50 nodes, RC of 5,000 pods, sleep 120, get rc, piped (target < 3 s, < 400 MB)",
                  configuration: whole) { benchmark in
            piped(binary, script: """
                gcloud container clusters create kubia --num-nodes 50
                kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1 --replicas=5000
                sleep 120
                kubectl get rc kubia

                """, benchmark: benchmark)
        }

        // The day's cost is the difference between these two (target < 50 ms per day).
        Benchmark("GKE 3 nodes, 10 kubia pods, without a wait, piped", configuration: whole) { benchmark in
            piped(binary, script: gkeWithPods, benchmark: benchmark)
        }
        Benchmark("GKE 3 nodes, 10 kubia pods, then wait 24h, piped (target: the day < 50 ms)", configuration: whole) { benchmark in
            piped(binary, script: gkeWithPods + "wait 24h\n", benchmark: benchmark)
        }

        let saved = Benchmark.Configuration(metrics: [.wallClock, answered], maxDuration: .seconds(20), maxIterations: 20)
        Benchmark("Start-up, saved world of 10,000 commands (target: prompt < 20 ms p50, first command < 300 ms)",
                  configuration: saved) { benchmark in
            prepareLongWorld(binary)
            let answer = timeToFirstPrompt(binary, home: longWorldHome, benchmark: benchmark, thenRun: "echo answered")
            benchmark.measurement(answered, Int(answer.milliseconds))
        }
    }

    static let gkeWithPods = """
        gcloud container clusters create kubia --num-nodes 3
        kubectl run kubia --image=luksa/kubia --port=8080 --generator=run/v1 --replicas=10
        wait 1m
        kubectl get pods

        """

    /// `count` commands, half `kubectl get pods`, half writing a workspace file.
    static func commandScript(count: Int) -> String {
        (0..<count).map { $0.isMultiple(of: 2) ? "kubectl get pods\n" : "echo line \($0) > file\($0 % 20).txt\n" }.joined()
    }

    static let longWorldHome = temporaryHome()
    nonisolated(unsafe) static var longWorldReady = false

    static func prepareLongWorld(_ binary: String) {
        guard !longWorldReady else { return }
        runKubeLab(binary, home: longWorldHome, input: commandScript(count: 10_000) + "exit\n")
        longWorldReady = true
    }

    /// Runs `script` then `exit` in a fresh state directory; measures exec to exit.
    static func piped(_ binary: String, script: String, benchmark: Benchmark) {
        let home = temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        benchmark.startMeasurement()
        let peakKilobytes = spawnAndWait(binary, arguments: ["sandbox", "--home", home.path, "--seed", "1"], input: script + "exit\n")
        benchmark.stopMeasurement()
        benchmark.measurement(peak, peakKilobytes / 1024)
    }

    /// Spawns `binary` with `input` on a pipe as its standard input (output discarded), waits
    /// for it and returns its peak resident set in kilobytes (`ru_maxrss`; a spawned child
    /// starts out sharing the harness's memory, so figures below the harness's own mean little).
    static func spawnAndWait(_ binary: String, arguments: [String], input: String) -> Int {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { fail("cannot make a pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        let environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, binary, &actions, nil, argv, environment) == 0 else { fail("cannot run \(binary)") }
        close(pipeEnds[0])
        // A writer thread: the script may be larger than the pipe holds before kubelab reads it.
        let writer = pipeEnds[1]
        let bytes = Array(input.utf8)
        let thread = Thread {
            var offset = 0
            while offset < bytes.count {
                let count = bytes[offset...].withUnsafeBytes { write(writer, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                offset += count
            }
            close(writer)
        }
        thread.start()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return usage.ru_maxrss
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
        exit(1)
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15
    }
}
