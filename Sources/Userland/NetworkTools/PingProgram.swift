import Kernel
import Simulation

/// `ping` of GNU inetutils 1.9 (Debian's `inetutils-ping`, in the node images): one echo request
/// a second, a line per reply, and the statistics when the count is reached or on Ctrl-C.
/// Only a machine that holds an address answers: a service's cluster IP never does.
public struct PingProgram: Program {
    public init() {}

    static let tryHelp = "Try 'ping --help' or 'ping --usage' for more information.\n"
    /// How long inetutils waits for late replies after the last request when none came (MAXWAIT).
    static let linger: Duration = .seconds(10)

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var count: Int?
        var deadline: Int?
        var quiet = false
        var operands: [String] = []
        var arguments = Array(context.arguments.dropFirst())[...]
        while let argument = arguments.popFirst() {
            if argument == "--" {
                operands += arguments
                break
            }
            guard argument.hasPrefix("-"), argument.count > 1 else {
                operands.append(argument)
                continue
            }
            if argument.hasPrefix("--") {
                let (name, inline) = Self.split(argument.dropFirst(2))
                switch name {
                case "count", "timeout":
                    guard let text = inline ?? arguments.popFirst() else {
                        context.printError("ping: option '--\(name)' requires an argument\n" + Self.tryHelp)
                        return 64
                    }
                    guard let value = Int(text), value >= 0 else {
                        context.printError("ping: invalid value (`\(text)' near `\(text)')\n")
                        return 64
                    }
                    if name == "count" { count = value } else { deadline = value }
                case "quiet": quiet = true
                case "numeric": break
                default:
                    context.printError("ping: unrecognized option '\(argument)'\n" + Self.tryHelp)
                    return 64
                }
                continue
            }
            var letters = argument.dropFirst()[...]
            while let letter = letters.popFirst() {
                switch letter {
                case "q": quiet = true
                case "n": break
                case "c", "w":
                    let text = letters.isEmpty ? arguments.popFirst() : String(letters)
                    letters = ""
                    guard let text else {
                        context.printError("ping: option requires an argument -- '\(letter)'\n" + Self.tryHelp)
                        return 64
                    }
                    guard let value = Int(text), value >= 0 else {
                        context.printError("ping: invalid value (`\(text)' near `\(text)')\n")
                        return 64
                    }
                    if letter == "c" { count = value } else { deadline = value }
                default:
                    context.printError("ping: invalid option -- '\(letter)'\n" + Self.tryHelp)
                    return 64
                }
            }
        }
        guard let host = operands.first else {
            context.printError("ping: missing host operand\n" + Self.tryHelp)
            return 64
        }
        guard let (name, address) = resolve(host, context: context) else {
            context.printError("ping: unknown host\n")
            return 1
        }
        return try await ping(name: name, address: address, count: count == 0 ? nil : count, deadline: deadline, quiet: quiet, context: context)
    }

    private static func split(_ text: Substring) -> (String, String?) {
        guard let equals = text.firstIndex(of: "=") else { return (String(text), nil) }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// The name as the resolver completed it (through resolv.conf's search domains) and its address.
    private func resolve(_ host: String, context: ProgramContext) -> (String, String)? {
        let stack = context.machine.networkStack
        if NetworkStack.isIPv4(host) { return (host, host) }
        var search: [String] = []
        if let bytes = try? context.machine.fileSystem.readFile("/etc/resolv.conf") {
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                if fields.first == "search" { search = Array(fields.dropFirst()) }
            }
        }
        let expanded = search.map { host + "." + $0 }
        for candidate in host.contains(".") ? [host] + expanded : expanded + [host] {
            if let address = stack.resolve(candidate).first { return (candidate, address) }
        }
        return nil
    }

    private func ping(name: String, address: String, count: Int?, deadline: Int?, quiet: Bool, context: ProgramContext) async throws -> Int32 {
        let stack = context.machine.networkStack
        context.print("PING \(name) (\(address)): 56 data bytes\n")
        var transmitted = 0
        var received = 0
        var times: [Double] = []
        var interrupted = false
        let wakeup = WakeupBox()
        context.process.signalHandlers[.interrupt] = {
            interrupted = true
            wakeup.current?.wake()
        }
        defer { context.process.signalHandlers[.interrupt] = nil }
        let started = context.loop.now
        func pause(_ duration: Duration) async throws {
            let current = Wakeup()
            wakeup.current = current
            let timer = context.loop.schedule(after: duration) { current.wake() }
            defer { context.loop.cancel(timer) }
            try await current.wait()
        }
        while !interrupted {
            if let deadline, context.loop.now - started >= .seconds(deadline) { break }
            if let count, transmitted >= count {
                // Every request sent: wait for stragglers when nothing answered yet.
                if received < transmitted { try await pause(Self.linger) }
                break
            }
            transmitted += 1
            if stack.answersEcho(address) {
                received += 1
                let time = 0.040 + Double((transmitted * 37 + address.count * 11) % 60) / 1000
                times.append(time)
                if !quiet { context.print("64 bytes from \(address): icmp_seq=\(transmitted - 1) ttl=64 time=\(Self.milliseconds(time)) ms\n") }
            }
            if let count, transmitted >= count, received == transmitted { break }
            try await pause(.seconds(1))
        }
        var summary = "--- \(name) ping statistics ---\n\(transmitted) packets transmitted, \(received) packets received, "
        if transmitted > 0 { summary += "\((transmitted - received) * 100 / transmitted)% packet loss" }
        summary += "\n"
        if !times.isEmpty {
            let minimum = times.min() ?? 0, maximum = times.max() ?? 0
            let average = times.reduce(0, +) / Double(times.count)
            let variance = times.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(times.count)
            summary += "round-trip min/avg/max/stddev = \([minimum, average, maximum, variance.squareRoot()].map(Self.milliseconds).joined(separator: "/")) ms\n"
        }
        context.print(summary)
        return received == 0 ? 1 : 0
    }

    /// `%.3f`.
    static func milliseconds(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

/// The wait a signal handler must cut short.
private final class WakeupBox {
    var current: Wakeup?
}
