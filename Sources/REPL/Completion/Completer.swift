/// Completes a shell command line: command names for the first word of each
/// command, then whatever the source registered for that command offers
/// (file paths when none is registered, and after a redirection).
public final class Completer {
    private let commandNames: any CompletionSource
    private let files: (any CompletionSource)?
    private var commandSources: [String: any CompletionSource]

    /// - Parameters:
    ///   - commandNames: the builtins and programs in `PATH`.
    ///   - files: file paths, for commands without a source of their own.
    ///   - commandSources: per-command sources, keyed by command name.
    public init(
        commandNames: any CompletionSource,
        files: (any CompletionSource)? = nil,
        commandSources: [String: any CompletionSource] = [:]
    ) {
        self.commandNames = commandNames
        self.files = files
        self.commandSources = commandSources
    }

    /// Asked for a source when no registered one fits a command (programs that bring their own
    /// completion); nil falls back to file names.
    public var fallbackSource: ((_ command: String) -> (any CompletionSource)?)?

    /// Makes `source` complete the arguments of `command`, replacing any earlier one.
    public func register(_ source: any CompletionSource, forCommand command: String) {
        commandSources[command] = source
    }

    public func complete(_ request: CompletionRequest) -> Completion {
        let typed = String(request.line.prefix(request.cursor))
        let tokens = ShellTokenizer.tokenize(typed)

        // The current word is the last token only if it runs right up to the cursor.
        var current = ShellToken(kind: .word, value: "", start: request.cursor, end: request.cursor)
        var before = tokens[...]
        if let last = tokens.last, last.kind == .word, last.end == request.cursor {
            current = last
            before = tokens.dropLast()
        }

        let source = self.source(after: before, completing: current.value)
        let words = commandWords(in: before)
        let matches = Set(source?.candidates(for: words, current: current.value) ?? [])
            .filter { $0.hasPrefix(current.value) }
            .sorted()

        let replacedText = String(Array(typed)[current.start...])
        let replacement: String
        if matches.count == 1, let only = matches.first {
            let complete = !(only.hasSuffix("/") || only.hasSuffix("="))
            let closing = complete ? (current.openQuote.map(String.init) ?? "") + " " : ""
            replacement = ShellQuoting.quote(only, openQuote: current.openQuote) + closing
        } else {
            let common = Self.commonPrefix(of: matches)
            replacement = common.count > current.value.count
                ? ShellQuoting.quote(common, openQuote: current.openQuote)
                : replacedText
        }
        return Completion(
            replacementStart: current.start,
            replacedText: replacedText,
            replacement: replacement,
            prefix: current.value,
            candidates: matches
        )
    }

    /// Which source completes the word that follows `tokens`.
    private func source(after tokens: ArraySlice<ShellToken>, completing prefix: String) -> (any CompletionSource)? {
        if tokens.last?.kind == .redirection {
            return files
        }
        let words = commandWords(in: tokens)
        guard let command = words.first else {
            // `./run.sh` or `/bin/ls`: a path, not a name to look up.
            return prefix.contains("/") ? files : commandNames
        }
        return commandSources[command] ?? fallbackSource?(command) ?? files
    }

    /// The words of the last command in `tokens`, without redirections and their targets.
    private func commandWords(in tokens: ArraySlice<ShellToken>) -> [String] {
        var words: [String] = []
        var skipNextWord = false
        for token in tokens {
            switch token.kind {
            case .commandSeparator:
                words.removeAll()
                skipNextWord = false
            case .redirection:
                skipNextWord = true
            case .word:
                if skipNextWord {
                    skipNextWord = false
                } else {
                    words.append(token.value)
                }
            }
        }
        return words
    }

    static func commonPrefix(of words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let characters = Array(word)
            var length = 0
            while length < prefix.count, length < characters.count, prefix[length] == characters[length] {
                length += 1
            }
            prefix.removeSubrange(length...)
        }
        return String(prefix)
    }
}
