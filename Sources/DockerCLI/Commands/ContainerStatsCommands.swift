import Docker
import Formatting
import Foundation
import Kernel
import Simulation
import Userland

extension Commands {
    /// `docker port`: the published ports of a container, as `docker port` of 17.12 prints them.
    static var port: DockerCommand {
        DockerCommand(name: "port", usage: "docker port CONTAINER [PRIVATE_PORT[/PROTO]]",
                      summary: "List port mappings or a specific mapping for the container", flags: [],
                      minimumArguments: 1, maximumArguments: 2, readsOnly: true) { invocation in
            let name = invocation.arguments.positional[0]
            guard let container = invocation.engine.container(named: name) else {
                invocation.err("Error: No such container: \(name)\n")
                return 1
            }
            // A stopped container has no port bindings in its network settings.
            let bindings = container.isRunning ? container.ports.sorted { ($0.containerPort, $0.proto) < ($1.containerPort, $1.proto) } : []
            guard invocation.arguments.positional.count == 2 else {
                invocation.out(bindings.map { "\($0.containerPort)/\($0.proto) -> \($0.hostIP):\($0.hostPort)\n" }.joined())
                return 0
            }
            let requested = invocation.arguments.positional[1]
            let parts = requested.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
            let proto = parts.count == 2 && !parts[1].isEmpty ? String(parts[1]) : "tcp"
            guard let number = Int(parts[0]), (1...65535).contains(number) else {
                invocation.err("Invalid containerPort: \(parts[0])\n")
                return 1
            }
            let matching = bindings.filter { $0.containerPort == number && $0.proto == proto }
            guard !matching.isEmpty else {
                invocation.err("Error: No public port '\(number)/\(proto)' published for \(name)\n")
                return 1
            }
            invocation.out(matching.map { "\($0.hostIP):\($0.hostPort)\n" }.joined())
            return 0
        }
    }

    /// `docker top`: the container's processes as the host's `ps -ef` numbers them.
    static var top: DockerCommand {
        DockerCommand(name: "top", usage: "docker top CONTAINER [ps OPTIONS]", summary: "Display the running processes of a container",
                      flags: [], interspersed: false, minimumArguments: 1, maximumArguments: nil, readsOnly: true) { invocation in
            let name = invocation.arguments.positional[0]
            guard let container = invocation.engine.container(named: name) else {
                invocation.err("Error: No such container: \(name)\n")
                return 1
            }
            guard container.isRunning else {
                invocation.err("Error response from daemon: Container \(container.id) is not running\n")
                return 1
            }
            let host = invocation.engine.host
            let inside = Set(container.machine.processes.all.map(ObjectIdentifier.init))
            let rows = host.processes.allIncludingGuests.filter { inside.contains(ObjectIdentifier($0.process)) }
            let now = invocation.engine.loop.now
            var table = Table(header: ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"])
            for row in rows {
                let process = row.process
                let parent = container.machine.processes.process(process.parentPID)
                let parentPID = parent.flatMap { parent in rows.first { $0.process === parent }?.pid } ?? 0
                // `ps -ef` on the host: the host's user names.
                table.add([ProcessStatusProgram.userLabel(process.user.uid, on: host), String(row.pid), String(parentPID), "0",
                           ProcessStatusProgram.startText(process.startTime, now: now), process.terminal ?? "?",
                           ProcessStatusProgram.clock(process.cpuTime), process.arguments.joined(separator: " ")])
            }
            invocation.out(table.text(invocation.engine.era.docker.tables))
            return 0
        }
    }

    /// `docker stats`: each running container's resource use; `--no-stream` prints one table,
    /// otherwise it redraws every second until interrupted.
    static var stats: DockerCommand {
        DockerCommand(name: "stats", usage: "docker stats [OPTIONS] [CONTAINER...]",
                      summary: "Display a live stream of container(s) resource usage statistics",
                      flags: [FlagSpec("all", "a"), FlagSpec("no-stream"), FlagSpec("no-trunc")],
                      minimumArguments: 0, maximumArguments: nil, readsOnly: true) { invocation in
            let engine = invocation.engine
            let named = invocation.arguments.positional
            var chosen: [Container] = []
            for name in named {
                guard let container = engine.container(named: name) else {
                    invocation.err("Error response from daemon: No such container: \(name)\n")
                    return 1
                }
                chosen.append(container)
            }
            let all = invocation.arguments.has("all")
            func shown() -> [Container] {
                named.isEmpty ? engine.containers.filter { all || $0.isRunning } : chosen
            }
            if invocation.arguments.has("no-stream") {
                invocation.out(statsTable(shown(), invocation: invocation))
                return 0
            }
            while true {
                // The CLI clears the screen and draws the table afresh each second.
                invocation.out("\u{1B}[2J\u{1B}[H" + statsTable(shown(), invocation: invocation))
                try await invocation.context.process.sleep(for: .seconds(1))
            }
        }
    }

    /// The bytes of memory the daemon's host has (what `docker info` calls Total Memory).
    static let hostMemoryBytes: Int64 = 8_361_349_120

    static func statsTable(_ containers: [Container], invocation: Invocation) -> String {
        var table = Table(header: ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"])
        let full = invocation.arguments.has("no-trunc")
        for container in containers {
            let processes = container.isRunning ? container.machine.processes.all : []
            let usage = Int64(processes.reduce(0) { $0 + $1.residentKilobytes }) * 1024
            let limit = container.isRunning ? (container.spec.memoryLimit.flatMap { $0 > 0 ? $0 : nil } ?? hostMemoryBytes) : 0
            let percent = limit > 0 ? Double(usage) * 100 / Double(limit) : 0
            table.add([full ? container.id : container.shortID, container.name, "0.00%",
                       DockerSize.bytesSize(Double(usage)) + " / " + DockerSize.bytesSize(Double(limit)),
                       String(format: "%.2f%%", percent), "0B / 0B", "0B / 0B", String(processes.count)])
        }
        return table.text(invocation.engine.era.docker.tables)
    }
}
