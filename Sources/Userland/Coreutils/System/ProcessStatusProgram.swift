import Kernel
import Simulation

/// `ps`: the process table in procps-ng's layouts — plain `ps` (this terminal's processes),
/// `-e`/`-A` (all), `-f` (full), BSD `aux` — or BusyBox's single layout. On a Docker host it
/// also lists the containers' processes, under the host's PIDs.
public struct ProcessStatusProgram: Program {
    public let flavor: Flavor
    public let profile: SystemProfile

    public init(flavor: Flavor = .gnu, profile: SystemProfile = .standard) {
        self.flavor = flavor
        self.profile = profile
    }

    enum Layout { case plain, full, user }

    struct Row {
        var pid: Int
        var process: SimulatedProcess
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        // procps' ps (17 MB virtual, 2 MB resident on Debian), as `ps aux` shows itself.
        if flavor == .gnu { context.process.setFootprint(virtualKilobytes: 17_492, residentKilobytes: 2_048) }
        let rows = context.machine.processes.allIncludingGuests.map { Row(pid: $0.pid, process: $0.process) }
        let users = UserDatabase(fileSystem: context.machine.fileSystem)
        if flavor == .busybox {
            var output = "PID   USER     TIME  COMMAND\n"
            for row in rows {
                let seconds = Int(row.process.cpuTime.components.seconds)
                output += padLeft(String(row.pid), 5) + " " + padRight(String(users.userLabel(row.process.user.uid).prefix(8)), 8) + " "
                    + padLeft("\(seconds / 60):" + Self.twoDigits(seconds % 60), 5) + " " + row.process.arguments.joined(separator: " ") + "\n"
            }
            context.emit(output)
            return 0
        }
        var layout = Layout.plain
        var everyone = false
        var bsdAll = false
        var bsdNoTerminal = false
        for argument in context.arguments.dropFirst() {
            let dashed = argument.hasPrefix("-")
            for option in argument.drop(while: { $0 == "-" }) {
                switch (dashed, option) {
                case (true, "e"), (true, "A"): everyone = true
                case (true, "f"): layout = .full
                case (false, "a"): bsdAll = true
                case (false, "x"): bsdNoTerminal = true
                case (false, "u"): layout = .user
                case (true, "w"), (false, "w"): continue
                default:
                    context.printError("error: unsupported option (BSD syntax)\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n")
                    return 1
                }
            }
        }
        let me = context.process
        let selected = rows.filter { row in
            if everyone || (bsdAll && bsdNoTerminal) { return true }
            if bsdAll { return row.process.terminal != nil }
            if bsdNoTerminal { return row.process.user.uid == context.user.uid }
            return row.process.user.uid == context.user.uid && row.process.terminal == me.terminal
        }
        let now = context.machine.loop.now
        var output = ""
        switch layout {
        case .plain:
            output = "  PID TTY          TIME CMD\n"
            for row in selected {
                output += padLeft(String(row.pid), 5) + " " + padRight(row.process.terminal ?? "?", 8) + " "
                    + Self.clock(row.process.cpuTime) + " " + Self.commandName(row.process) + "\n"
            }
        case .full:
            output = "UID        PID  PPID  C STIME TTY          TIME CMD\n"
            for row in selected {
                output += padRight(users.userLabel(row.process.user.uid), 8) + " " + padLeft(String(row.pid), 5) + " "
                    + padLeft(String(parentPID(of: row, in: rows)), 5) + " " + padLeft(String(Int(cpuPercent(row.process, now: now))), 2) + " "
                    + startText(row.process.startTime, now: now) + " " + padRight(row.process.terminal ?? "?", 8) + " "
                    + Self.clock(row.process.cpuTime) + " " + row.process.arguments.joined(separator: " ") + "\n"
            }
        case .user:
            output = "USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n"
            for row in selected {
                let seconds = Int(row.process.cpuTime.components.seconds)
                let memory = Double(row.process.residentKilobytes) * 100 / Double(profile.memoryKilobytes)
                var line = padRight(users.userLabel(row.process.user.uid), 8) + " " + padLeft(String(row.pid), 5) + " "
                    + padLeft(Self.oneDecimal(cpuPercent(row.process, now: now)), 4) + " " + padLeft(Self.oneDecimal(memory), 4) + " "
                    + padLeft(String(row.process.virtualKilobytes), 6) + " " + padLeft(String(row.process.residentKilobytes), 5) + " "
                    + padRight(row.process.terminal ?? "?", 8) + " " + padRight(state(row, in: rows, me: me), 4) + " "
                    + startText(row.process.startTime, now: now) + " " + padLeft("\(seconds / 60):" + Self.twoDigits(seconds % 60), 6) + " "
                    + row.process.arguments.joined(separator: " ")
                // On a terminal procps cuts lines at its width.
                if context.stdoutIsTerminal, line.count > context.terminalWidth { line = String(line.prefix(context.terminalWidth)) }
                output += line + "\n"
            }
        }
        context.emit(output)
        return 0
    }

    /// The parent's PID as this table numbers it (a container's PID 1 has parent 0 inside, but
    /// the Docker daemon's shim on the host; here it shows 0).
    private func parentPID(of row: Row, in rows: [Row]) -> Int {
        if row.pid == row.process.pid { return row.process.parentPID }
        let parent = row.process.machine.processes.process(row.process.parentPID)
        return rows.first { $0.process === parent }?.pid ?? 0
    }

    private func state(_ row: Row, in rows: [Row], me: SimulatedProcess) -> String {
        var state = row.process === me ? "R" : "S"
        let parent = row.process.machine.processes.process(row.process.parentPID)
        let leader = row.process.parentPID == 0 || parent == nil || parent?.terminal != row.process.terminal
        if leader { state += "s" }
        if row.process.isMultithreaded { state += "l" }
        if row.process.terminal != nil, !leader || row.process === me { state += "+" }
        return state
    }

    private func cpuPercent(_ process: SimulatedProcess, now: VirtualInstant) -> Double {
        let elapsed = (now - process.startTime).secondsValue
        guard elapsed > 0 else { return 0 }
        return min(100 * process.cpuTime.secondsValue / elapsed, 999)
    }

    private func startText(_ start: VirtualInstant, now: VirtualInstant) -> String {
        Self.startText(start, now: now)
    }

    /// The STIME/START column: the time of day when started today, else the month and day.
    public static func startText(_ start: VirtualInstant, now: VirtualInstant) -> String {
        let startTime = CivilTime(start)
        let today = CivilTime(now)
        if startTime.year == today.year, startTime.dayOfYear == today.dayOfYear { return startTime.format("%H:%M") }
        return startTime.format("%b%d")
    }

    static func commandName(_ process: SimulatedProcess) -> String {
        String(Paths.lastComponent(process.arguments.first ?? "").prefix(15))
    }

    /// The UID column: the user's name on `machine`, or the number when it has none.
    public static func userLabel(_ uid: UInt32, on machine: Machine) -> String {
        UserDatabase(fileSystem: machine.fileSystem).userLabel(uid)
    }

    /// The TIME column: CPU time as HH:MM:SS.
    public static func clock(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        return twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60)
    }

    static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
