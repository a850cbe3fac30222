/// Supplies the possible words at one position of a command line.
///
/// `words` are the command's words before the one being completed (quotes
/// removed; `words[0]` is the command name, empty when completing the command
/// name itself); `prefix` is what has been typed of the current word. A source
/// may return words that do not start with `prefix`: the `Completer` filters.
/// A candidate ending in `/` (a directory) or `=` (a flag awaiting its value)
/// is not followed by a space when it is the only match.
public protocol CompletionSource {
    func candidates(for words: [String], current prefix: String) -> [String]
}

/// A fixed or computed list of words, e.g. command names or a command's subcommands.
public struct WordListSource: CompletionSource {
    private let words: () -> [String]

    /// Words computed at each completion (e.g. the programs currently in `PATH`).
    public init(_ words: @escaping () -> [String]) {
        self.words = words
    }

    public init(_ words: [String]) {
        self.words = { words }
    }

    public func candidates(for words: [String], current prefix: String) -> [String] {
        self.words().filter { $0.hasPrefix(prefix) }
    }
}

/// A source defined by a closure, for commands whose arguments depend on context.
public struct CompletionFunction: CompletionSource {
    private let body: (_ words: [String], _ prefix: String) -> [String]

    public init(_ body: @escaping (_ words: [String], _ prefix: String) -> [String]) {
        self.body = body
    }

    public func candidates(for words: [String], current prefix: String) -> [String] {
        body(words, prefix)
    }
}
