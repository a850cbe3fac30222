import Kernel

/// A syntax error, worded as bash words it.
public struct ShellSyntaxError: Error, Equatable, Sendable {
    /// The messages bash prints, one per line, without the `bash: ` prefix
    /// (e.g. "syntax error near unexpected token `fi'").
    public var messages: [String]
    /// The 1-based line of the source where the error was found.
    public var line: Int
    /// The offending source line, which non-interactive bash echoes after the message.
    public var sourceLine: String?

    public init(messages: [String], line: Int = 1, sourceLine: String? = nil) {
        self.messages = messages
        self.line = line
        self.sourceLine = sourceLine
    }

    /// The text an interactive shell prints: `bash: syntax error near unexpected token `fi'`.
    public func interactiveText(shellName: String = "bash") -> String {
        messages.map { "\(shellName): \($0)\n" }.joined()
    }

    /// The text bash prints for a script file, named by the script alone:
    /// `e.sh: line 2: syntax error near unexpected token `then'` and the line.
    public func scriptFileText(scriptName: String) -> String {
        var text = messages.map { "\(scriptName): line \(line): \($0)\n" }.joined()
        if let sourceLine { text += "\(scriptName): line \(line): `\(sourceLine)'\n" }
        return text
    }

    /// Whether bash finds this error only when it runs the command (a bad `${…}`).
    public var isExpansionError: Bool {
        messages.count == 1 && messages[0].hasSuffix(": bad substitution")
    }

    /// The text a shell running a script or `-c` prints, e.g.
    /// `bash: -c: line 1: syntax error near unexpected token `fi'` followed by the line.
    public func scriptText(shellName: String = "bash", scriptName: String = "-c") -> String {
        var text = messages.map { "\(shellName): \(scriptName): line \(line): \($0)\n" }.joined()
        if let sourceLine {
            text += "\(shellName): \(scriptName): line \(line): `\(sourceLine)'\n"
        }
        return text
    }
}

/// The outcome of parsing shell source.
public enum ParseResult: Equatable, Sendable {
    case complete(Script)
    /// More lines are needed (open quote, trailing `\` or `&&`, open `if`, unterminated here-document…).
    case incomplete
    case error(ShellSyntaxError)
}

/// Parses shell source text into a `Script`.
public enum ShellParser {
    /// Parses `source`. With `isFinal` false (the REPL), input that could continue on another line
    /// is `.incomplete`; with `isFinal` true (scripts, `-c`, end of input) it is bash's
    /// end-of-file error instead. `aliases` expand the first word of simple commands.
    public static func parse(_ source: String, aliases: [String: String] = [:], isFinal: Bool = false) -> ParseResult {
        let engine = ParserEngine(source: source, aliases: aliases, isFinal: isFinal)
        do {
            let script = try engine.parseScript()
            return .complete(script)
        } catch {
            switch error {
            case .incomplete(let reason):
                guard isFinal else { return .incomplete }
                return .error(engine.endOfFileError(reason))
            case .syntax(let error):
                return .error(error)
            }
        }
    }
}

extension ShellParser {
    /// Like `parse` for input still being typed, plus the delimiter of the here-document whose
    /// body the input ended in, when that is why it is incomplete.
    static func parseOpenInput(_ source: String, aliases: [String: String]) -> (ParseResult, (delimiter: String, stripTabs: Bool)?) {
        let engine = ParserEngine(source: source, aliases: aliases, isFinal: false)
        do {
            return (.complete(try engine.parseScript()), nil)
        } catch {
            switch error {
            case .incomplete: return (.incomplete, engine.openHereDocument)
            case .syntax(let error): return (.error(error), nil)
            }
        }
    }
}

/// Why input ended too early.
enum IncompleteReason: Equatable {
    case endOfFile
    case unmatched(Character)
}

/// How parsing stopped early.
enum ParseFailure: Error {
    case incomplete(IncompleteReason)
    case syntax(ShellSyntaxError)
}
