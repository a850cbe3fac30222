/// What one attempt to read a line of input produced.
public enum LineInput: Equatable, Sendable {
    /// A complete line, without its trailing newline.
    case line(String)
    /// The user pressed Ctrl-C: the half-typed line is discarded.
    case interrupted
    /// Input ended (Ctrl-D on an empty line, or the end of piped input).
    case endOfFile
}

/// A source of input lines for the REPL, with a history of entered lines.
public protocol LineReading: AnyObject {
    /// Shows `prompt` (when interactive) and reads one line.
    func readLine(prompt: String) -> LineInput
    /// Reads a line a running command asks for, after the command printed `prompt`
    /// (a transcript answers from its text; a terminal simply reads a line).
    func readInput(prompt: String) -> LineInput
    /// Reads a line typed without echo (a password), after the command printed `prompt`.
    func readSecret(prompt: String) -> LineInput
    /// Records a line the user entered; blank lines are ignored.
    func addToHistory(_ line: String)
    /// Writes the history to its file, if it has one.
    func saveHistory()
    /// The recorded lines, oldest first.
    var historyEntries: [String] { get }
    /// Replaces the recorded lines (`history -c`, `history -d N`) and saves them.
    func replaceHistory(with entries: [String])
    /// Gives the reader `work` to do while it waits for keys (replaying a saved world);
    /// `work` does a little and returns whether more is left. Readers that never wait ignore it.
    func doWhileWaiting(_ work: @escaping () -> Bool)
}

extension LineReading {
    public func doWhileWaiting(_ work: @escaping () -> Bool) {}

    /// Readers that keep no history have nothing to replace.
    public func replaceHistory(with entries: [String]) {}

    public func readInput(prompt: String) -> LineInput {
        readLine(prompt: prompt)
    }

    public func readSecret(prompt: String) -> LineInput {
        readInput(prompt: prompt)
    }
}
