/// One token of a shell command line, as far as completion needs to know it.
public struct ShellToken: Equatable, Sendable {
    /// What role a token plays in the command line.
    public enum Kind: Equatable, Sendable {
        /// A word, with quotes and backslashes removed in `value`.
        case word
        /// `|`, `||`, `&&`, `&`, `;`, `(`, `)`: the next word starts a new command.
        case commandSeparator
        /// `>`, `>>`, `<`, `<<`, `2>`, `&>` …: the next word is a file, not an argument.
        case redirection
    }

    public var kind: Kind
    /// The word's value after quote removal, or the operator itself.
    public var value: String
    /// Offset of the token's first character in the line, in characters.
    public var start: Int
    /// Offset just past the token's last character, in characters.
    public var end: Int
    /// The quote left open at the end of the line (`'` or `"`), if the word is unterminated.
    public var openQuote: Character?

    public init(kind: Kind, value: String, start: Int, end: Int, openQuote: Character? = nil) {
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end
        self.openQuote = openQuote
    }
}
