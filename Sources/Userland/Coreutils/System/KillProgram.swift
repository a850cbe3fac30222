import Kernel

/// `kill`: sends a signal (TERM by default; `-9`, `-KILL`, `-s NAME`, `-n 9`) to processes,
/// or lists signal names (`-l`).
public struct KillProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    /// Linux's signal names by number, for `kill -l`.
    static let names = ["HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
                        "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG",
                        "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"]

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())[...]
        var signal = Signal.terminate
        guard let first = arguments.first else {
            context.printError(flavor == .gnu ? "\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n <pid> [...]            send signal to every <pid> listed\n -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n -l, --list=[<signal>]  list all signal names, or convert one to a name\n -L, --table            list all signal names in a nice table\n\n -h, --help     display this help and exit\n -V, --version  output version information and exit\n\nFor more details see kill(1).\n" : BusyBoxProgram.banner + "\n")
            return flavor == .gnu ? 2 : 1
        }
        if first == "-l" || first == "-L" || first == "--list" {
            if let number = arguments.dropFirst().first {
                guard let value = Int(number), value >= 1, value <= Self.names.count else {
                    context.complain("unknown signal name \(number)")
                    return 1
                }
                context.emit(Self.names[value - 1] + "\n")
                return 0
            }
            var lines: [String] = []
            var line: [String] = []
            for name in Self.names {
                line.append(name)
                if line.count == 16 { lines.append(line.joined(separator: " ")); line = [] }
            }
            if !line.isEmpty { lines.append(line.joined(separator: " ")) }
            context.emit(lines.joined(separator: "\n") + "\n")
            return 0
        }
        if first == "-s" || first == "-n" || first == "--signal" {
            arguments = arguments.dropFirst()
            guard let name = arguments.first else {
                context.complain("option requires an argument -- '\(first.dropFirst())'")
                return 1
            }
            guard let parsed = Signal(name: name) else {
                context.complain("unknown signal name \(quoted(name))")
                return 1
            }
            signal = parsed
            arguments = arguments.dropFirst()
        } else if first.hasPrefix("-"), first.count > 1 {
            guard let parsed = Signal(name: String(first.dropFirst())) else {
                context.complain("unknown signal name \(quoted(String(first.dropFirst())))")
                return 1
            }
            signal = parsed
            arguments = arguments.dropFirst()
        }
        if arguments.first == "--" { arguments = arguments.dropFirst() }
        guard !arguments.isEmpty else {
            context.complain("not enough arguments")
            return 1
        }
        var status: Int32 = 0
        for target in arguments {
            guard let pid = Int(target) else {
                context.complain("failed to parse argument: \(quoted(target))")
                status = 1
                continue
            }
            guard pid > 0, let process = context.machine.processes.process(pid), process.isRunning else {
                context.complain(flavor == .gnu ? "(\(target)): No such process" : "can't kill pid \(target): No such process")
                status = 1
                continue
            }
            guard context.user.isRoot || process.user.uid == context.user.uid else {
                context.complain(flavor == .gnu ? "(\(target)): Operation not permitted" : "can't kill pid \(target): Operation not permitted")
                status = 1
                continue
            }
            process.signal(signal)
        }
        return status
    }
}
