import CLibEdit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the terminal the program runs in.
public enum Terminal {
    /// Whether both standard input and standard output are terminals, so line editing is possible.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// The width of the terminal in columns (80 when it cannot be determined).
    public static var width: Int {
        let columns = kubelab_terminal_columns(STDOUT_FILENO)
        return columns > 0 ? Int(columns) : 80
    }

    /// The line reader suited to standard input: a `LineEditor` on a terminal,
    /// otherwise a `BufferedLineReader` (never both on one stdin).
    public static func makeLineReader(
        historyFile: String?,
        historyLimit: Int = 1000,
        completer: Completer?
    ) -> any LineReading {
        if isInteractive,
           let editor = LineEditor(historyFile: historyFile, historyLimit: historyLimit, completer: completer) {
            return editor
        }
        return BufferedLineReader(historyLimit: historyLimit)
    }
}
