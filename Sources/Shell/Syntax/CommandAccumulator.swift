/// A command read line by line (the REPL's `PS2` lines, a transcript's `> ` lines). While a
/// here-document is open only its delimiter line can end it, so body lines are not re-parsed:
/// a long pasted manifest costs linear time, not a parse of everything before per line.
public struct CommandAccumulator {
    /// The lines so far, joined by newlines.
    public private(set) var text = ""
    private var lineCount = 0
    private var openHereDocument: (delimiter: String, stripTabs: Bool)?

    public init() {}

    /// Whether `source` is this text plus the line after `newline` (the REPL's next question).
    func isContinued(by source: String, at newline: String.Index) -> Bool {
        let utf8 = source.utf8
        guard lineCount > 0, text.utf8.count == utf8.distance(from: utf8.startIndex, to: newline) else { return false }
        // Lengths agree; the last bytes are enough to tell a continued command from another one.
        let tailLength = min(64, text.utf8.count)
        return text.utf8.suffix(tailLength).elementsEqual(utf8[..<newline].suffix(tailLength))
    }

    /// Adds `line`; true once the text is a whole command (or a syntax error, which ends it too).
    public mutating func append(_ line: String, aliases: [String: String] = [:]) -> Bool {
        text += lineCount == 0 ? line : "\n" + line
        lineCount += 1
        if let open = openHereDocument {
            let candidate = open.stripTabs ? line.drop { $0 == "\t" } : Substring(line)
            if candidate != open.delimiter { return false }
        }
        let (result, open) = ShellParser.parseOpenInput(text, aliases: aliases)
        openHereDocument = open
        return result != .incomplete
    }
}
