import Docker
import Kernel

extension Commands {
    static var start: DockerCommand {
        DockerCommand(name: "start", usage: "docker start [OPTIONS] CONTAINER [CONTAINER...]",
                      summary: "Start one or more stopped containers",
                      flags: [FlagSpec("attach", "a"), FlagSpec("interactive", "i")],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            var failed: [String] = []
            for name in invocation.arguments.positional {
                guard let container = invocation.engine.container(named: name) else {
                    invocation.err("Error response from daemon: No such container: \(name)\n")
                    failed.append(name)
                    continue
                }
                if invocation.arguments.has("attach") {
                    return await attachAndStart(invocation, container)
                }
                do {
                    try invocation.engine.start(container)
                    invocation.out(name + "\n")
                } catch {
                    invocation.err("Error response from daemon: \(error.dockerMessage)\n")
                    failed.append(name)
                }
            }
            if failed.isEmpty { return 0 }
            invocation.err("Error: failed to start containers: \(failed.joined(separator: ", "))\n")
            return 1
        }
    }

    /// Applies `body` to each named container, echoing names and reporting errors like the CLI.
    static func eachContainer(_ invocation: Invocation, _ body: (Container) async throws(DockerError) -> Void) async -> Int32 {
        var status: Int32 = 0
        for name in invocation.arguments.positional {
            guard let container = invocation.engine.container(named: name) else {
                invocation.err("Error response from daemon: No such container: \(name)\n")
                status = 1
                continue
            }
            do {
                try await body(container)
                invocation.out(name + "\n")
            } catch {
                invocation.err("Error response from daemon: \(error.dockerMessage)\n")
                status = 1
            }
        }
        return status
    }

    static func timeout(_ invocation: Invocation) -> Duration {
        .seconds(Int(invocation.arguments.value("time") ?? "") ?? 10)
    }

    static var stop: DockerCommand {
        DockerCommand(name: "stop", usage: "docker stop [OPTIONS] CONTAINER [CONTAINER...]",
                      summary: "Stop one or more running containers", flags: [FlagSpec("time", "t", value: true)],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            var status: Int32 = 0
            for name in invocation.arguments.positional {
                guard let container = invocation.engine.container(named: name) else {
                    invocation.err("Error response from daemon: No such container: \(name)\n")
                    status = 1
                    continue
                }
                // Interrupted (Ctrl-C): the client ends without an answer; the daemon goes on.
                guard await invocation.engine.stop(container, timeout: timeout(invocation)) else { throw CancellationError() }
                invocation.out(name + "\n")
            }
            return status
        }
    }

    static var restart: DockerCommand {
        DockerCommand(name: "restart", usage: "docker restart [OPTIONS] CONTAINER [CONTAINER...]",
                      summary: "Restart one or more containers", flags: [FlagSpec("time", "t", value: true)],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            await eachContainer(invocation) { container throws(DockerError) in
                try await invocation.engine.restart(container, timeout: timeout(invocation))
            }
        }
    }

    static var kill: DockerCommand {
        DockerCommand(name: "kill", usage: "docker kill [OPTIONS] CONTAINER [CONTAINER...]",
                      summary: "Kill one or more running containers", flags: [FlagSpec("signal", "s", value: true)],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            let signalName = invocation.arguments.value("signal") ?? "KILL"
            guard let signal = Signal(name: signalName) else {
                invocation.err("Error response from daemon: Invalid signal: \(signalName)\n")
                return 1
            }
            return await eachContainer(invocation) { container throws(DockerError) in
                do { try invocation.engine.kill(container, signal: signal) } catch {
                    throw .other("Cannot kill container: \(container.name): \(error.dockerMessage)")
                }
            }
        }
    }

    static var rm: DockerCommand {
        DockerCommand(name: "rm", usage: "docker rm [OPTIONS] CONTAINER [CONTAINER...]",
                      summary: "Remove one or more containers", flags: [FlagSpec("force", "f"), FlagSpec("volumes", "v")],
                      minimumArguments: 1, maximumArguments: nil) { invocation in
            await eachContainer(invocation) { container throws(DockerError) in
                try invocation.engine.remove(container, force: invocation.arguments.has("force"),
                                             removeVolumes: invocation.arguments.has("volumes"))
            }
        }
    }

    static var logs: DockerCommand {
        DockerCommand(name: "logs", usage: "docker logs [OPTIONS] CONTAINER", summary: "Fetch the logs of a container",
                      flags: [FlagSpec("follow", "f"), FlagSpec("timestamps", "t"), FlagSpec("tail", value: true)],
                      minimumArguments: 1, maximumArguments: 1, readsOnly: true) { invocation in
            let name = invocation.arguments.positional[0]
            guard let container = invocation.engine.container(named: name) else {
                invocation.err("Error: No such container: \(name)\n")
                return 1
            }
            let context = invocation.context
            let timestamps = invocation.arguments.has("timestamps")
            func emit(_ entry: LogEntry) {
                let prefix = timestamps ? HumanUnits.timestamp(entry.time) + " " : ""
                let bytes = Array(prefix.utf8) + entry.bytes
                if entry.stream == .stdout { try? context.stdout.write(bytes) } else { try? context.stderr.write(bytes) }
            }
            var entries = container.logs
            if let tail = invocation.arguments.value("tail"), tail != "all", let count = Int(tail) {
                entries = Array(entries.suffix(max(count, 0)))
            }
            for entry in entries { emit(entry) }
            guard invocation.arguments.has("follow"), container.isRunning else { return 0 }
            var seen = container.logs.count
            let wakeup = LogFollower()
            let token = container.observeState { wakeup.poke() }
            let outputToken = container.observeOutput { _, _ in wakeup.poke() }
            defer {
                container.removeObserver(token)
                container.removeObserver(outputToken)
            }
            while true {
                while seen < container.logs.count {
                    emit(container.logs[seen])
                    seen += 1
                }
                guard container.isRunning else { break }
                do { try await wakeup.wait() } catch { return 130 }
            }
            return 0
        }
    }

    static var exec: DockerCommand {
        DockerCommand(name: "exec", usage: "docker exec [OPTIONS] CONTAINER COMMAND [ARG...]",
                      summary: "Run a command in a running container",
                      flags: [FlagSpec("interactive", "i"), FlagSpec("tty", "t"), FlagSpec("detach", "d"),
                              FlagSpec("env", "e", value: true), FlagSpec("workdir", "w", value: true),
                              FlagSpec("user", "u", value: true)],
                      interspersed: false, minimumArguments: 2, maximumArguments: nil) { invocation in
            let arguments = invocation.arguments
            let name = arguments.positional[0]
            guard let container = invocation.engine.container(named: name) else {
                invocation.err("Error: No such container: \(name)\n")
                return 1
            }
            let context = invocation.context
            let process: SimulatedProcess
            do {
                process = try invocation.engine.exec(
                    in: container, arguments: Array(arguments.positional.dropFirst()), tty: arguments.has("tty"),
                    environment: arguments.all("env"), workingDirectory: arguments.value("workdir"),
                    stdin: arguments.has("interactive") ? context.stdin : EmptyReader(),
                    stdout: arguments.has("detach") ? DiscardingStream() : context.stdout,
                    stderr: arguments.has("detach") ? DiscardingStream() : context.stderr)
            } catch {
                invocation.err("Error response from daemon: \(error.dockerMessage)\n")
                return 126
            }
            if arguments.has("detach") { return 0 }
            do { return try await process.waitForExit() } catch { return 130 }
        }
    }
}

/// Wakes a `docker logs -f` loop when the container writes or changes state.
final class LogFollower {
    private var wakeup = Wakeup()

    func poke() { wakeup.wake() }

    func wait() async throws {
        try await wakeup.wait()
        wakeup = Wakeup()
    }
}
