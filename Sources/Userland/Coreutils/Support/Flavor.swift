import Kernel

/// Which implementation a program imitates: GNU coreutils (Debian, Ubuntu, the workstation) or
/// BusyBox (the busybox and alpine images). Messages and formats differ; the logic does not.
public enum Flavor: Hashable, Sendable {
    case gnu
    case busybox

    /// The verb GNU says "cannot", BusyBox "can't".
    var cannot: String { self == .gnu ? "cannot" : "can't" }
}

/// Quoting of file names inside messages, as GNU's `quote()` does in the C locale's
/// shell-escape style: `'name'`, or `"it's"` when the name holds a single quote.
func quoted(_ name: String) -> String {
    if name.contains("'") { return "\"" + name + "\"" }
    return "'" + name + "'"
}

extension ProgramContext {
    /// Reports `message` as `name: message` on stderr.
    func complain(_ message: String) {
        printError("\(programName): \(message)\n")
    }

    /// The file-system error text: `path: strerror`.
    func complain(about error: FileSystemError, path: String) {
        complain("\(path): \(error.code.message)")
    }

    /// A terminal width from `COLUMNS`, or 80.
    var terminalWidth: Int {
        if let text = environment["COLUMNS"], let width = Int(text), width > 0 { return width }
        return 80
    }

    /// Whether standard output is a terminal.
    var stdoutIsTerminal: Bool { stdout is TerminalStream }
}
