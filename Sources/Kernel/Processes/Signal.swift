/// The signals simulated processes send and handle, numbered as on Linux x86-64.
public enum Signal: Int32, CaseIterable, Sendable {
    case hangup = 1, interrupt = 2, quit = 3, kill = 9, user1 = 10, user2 = 12, pipe = 13
    case alarm = 14, terminate = 15, child = 17, `continue` = 18, stop = 19

    /// The conventional name, `SIGTERM`.
    public var name: String { "SIG" + shortName }

    /// The name without its prefix, `TERM`, as `kill -l` and `trap` use it.
    public var shortName: String {
        switch self {
        case .hangup: "HUP"
        case .interrupt: "INT"
        case .quit: "QUIT"
        case .kill: "KILL"
        case .user1: "USR1"
        case .user2: "USR2"
        case .pipe: "PIPE"
        case .alarm: "ALRM"
        case .terminate: "TERM"
        case .child: "CHLD"
        case .continue: "CONT"
        case .stop: "STOP"
        }
    }

    /// Parses `TERM`, `SIGTERM`, `term` or `15`.
    public init?(name: String) {
        if let number = Int32(name) {
            self.init(rawValue: number)
            return
        }
        let upper = name.uppercased()
        let short = upper.hasPrefix("SIG") ? String(upper.dropFirst(3)) : upper
        guard let match = Signal.allCases.first(where: { $0.shortName == short }) else { return nil }
        self = match
    }

    /// Whether the default action ends the process (all but CHLD, CONT and STOP here).
    public var terminatesByDefault: Bool {
        switch self {
        case .child, .continue, .stop: false
        default: true
        }
    }

    /// The exit status a shell reports for a process this signal killed: 128 + number.
    public var exitStatus: Int32 { 128 + rawValue }
}

/// Thrown from a wait of a process that has been terminated, so its program unwinds at once.
public struct ProcessTerminated: Error, Sendable {
    public let status: Int32
    public init(status: Int32) { self.status = status }
}
