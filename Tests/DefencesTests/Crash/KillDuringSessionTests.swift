import Foundation
import Testing
import World

/// `kill -9` at seeded random moments of a scripted `kubelab sandbox` session, then a restart:
/// every file written by a command whose journal entry is complete must be in the workspace
/// with its contents, and the restart must not journal the loss of one as the learner's deletion.
@Suite("kill -9 during a session", .serialized)
struct KillDuringSessionTests {
    /// Rounds per run; `KUBELAB_KILL_ROUNDS` asks for more.
    static let rounds = ProcessInfo.processInfo.environment["KUBELAB_KILL_ROUNDS"].flatMap { Int($0) } ?? 6
    static let seed = ProcessInfo.processInfo.environment["KUBELAB_FUZZ_SEED"].flatMap { UInt64($0) } ?? 1

    /// The commands of round `round`: writes, appends, renames and deletes in the workspace.
    static func script(round: Int) -> [String] {
        (0..<12).flatMap { step -> [String] in
            let n = round * 100 + step
            return ["echo \(n) > f\(n).txt", "mkdir -p d\(n % 5) && echo \(n) >> d\(n % 5)/log.txt",
                    step % 4 == 3 ? "mv f\(n - 1).txt g\(n - 1).txt" : "echo \(n)x >> f\(n).txt",
                    step % 6 == 5 ? "rm -f f\(n - 2).txt" : ":"]
        }
    }

    /// What the workspace must hold after the complete command entries of `entries`.
    static func expectedFiles(_ entries: [JournalEntry]) -> [String: String] {
        var files: [String: String] = [:]
        for entry in entries {
            guard case .command(let line, _, _) = entry.event else { continue }
            for part in line.components(separatedBy: " && ") {
                let words = part.split(separator: " ").map(String.init)
                switch (words.first, words.count) {
                case ("echo", 4) where words[2] == ">": files[words[3]] = words[1] + "\n"
                case ("echo", 4) where words[2] == ">>": files[words[3], default: ""] += words[1] + "\n"
                case ("mv", 3): if let moved = files.removeValue(forKey: words[1]) { files[words[2]] = moved }
                case ("rm", 3): files[words[2]] = nil
                default: continue
                }
            }
        }
        return files
    }

    @Test
    func killedSessionsKeepFinishedCommands() throws {
        let fixture = try HostFixture("kill")
        var random = FuzzRandom(seed: Self.seed)
        // An uninterrupted round shows how long a round runs on this machine.
        let clock = ContinuousClock()
        let started = clock.now
        let first = try KubeLabRun.run(["sandbox", "--home", fixture.state.path], input: Self.script(round: 0).joined(separator: "\n") + "\nexit\n")
        #expect(first.signal == nil, "\(first.output.suffix(500))")
        let roundTime = clock.now - started
        try Self.verify(fixture, after: "the uninterrupted round")

        for round in 1...Self.rounds {
            let process = Process()
            process.executableURL = KubeLabRun.executable
            process.arguments = ["sandbox", "--home", fixture.state.path]
            process.environment = ProcessInfo.processInfo.environment.merging(["EDITOR": "/bin/false"]) { $1 }
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data((Self.script(round: round).joined(separator: "\n") + "\nexit\n").utf8))
            // Somewhere between the start (replaying the journal) and the end of the round.
            let fraction = 0.1 + Double(random.below(1_000)) / 1_000
            let delay = roundTime * fraction
            let deadline = clock.now + delay
            while clock.now < deadline, process.isRunning { usleep(5_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()

            // The restart replays the journal and must complete the workspace.
            let restart = try KubeLabRun.run(["sandbox", "--home", fixture.state.path], input: "exit\n")
            #expect(restart.signal == nil, "\(restart.output.suffix(500))")
            try Self.verify(fixture, after: "kill \(round) at \(delay) (seed \(Self.seed))")
        }
    }

    static func verify(_ fixture: HostFixture, after what: String) throws {
        let journal = try JournalFile(url: fixture.state.appendingPathComponent("world.journal"), seed: 1)
        let damage = try journal.load()
        #expect(damage == nil, "after \(what): \(String(describing: damage))")
        for entry in journal.entries {
            if case .workspaceEdit(let path, let contents) = entry.event {
                Issue.record("after \(what): the restart journaled an edit nobody made: \(path) → \(contents.map { "\($0.count) bytes" } ?? "deleted")")
            }
        }
        for (path, contents) in expectedFiles(journal.entries).sorted(by: { $0.key < $1.key }) {
            let data = try? Data(contentsOf: fixture.workspace.appendingPathComponent(path))
            #expect(data.map { String(decoding: $0, as: UTF8.self) } == contents, "after \(what): \(path)")
        }
    }
}
