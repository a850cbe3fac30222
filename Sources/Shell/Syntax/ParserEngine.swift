import Kernel
import Simulation

/// A lexical token of the shell grammar.
enum Token: Equatable {
    case word(Word, raw: String)
    case `operator`(String)
    case ioNumber(Int)
    case newline
    case end

    /// The text bash quotes in "syntax error near unexpected token `…'".
    var displayText: String {
        switch self {
        case .word(_, let raw): return raw
        case .operator(let text): return text
        case .ioNumber(let number): return String(number)
        case .newline, .end: return "newline"
        }
    }
}

/// The lexer and recursive-descent parser; lexing depends on the parser's context (here-documents,
/// command substitutions, aliases), so both live in one object over one character buffer.
final class ParserEngine {
    var characters: [Character]
    var position = 0
    let aliases: [String: String]
    let isFinal: Bool
    /// Where lexing resumes after the newline that ends a line with here-documents.
    var hereDocumentResume: Int?
    /// The here-document whose body the input ended in, if that is why it is incomplete.
    var openHereDocument: (delimiter: String, stripTabs: Bool)?
    var lookahead: (token: Token, start: Int, end: Int)?
    /// Depth of compound commands and substitutions, bounded so absurd input cannot exhaust the stack.
    var nesting = 0
    /// The last position whose line was counted, and that line.
    var lineCache = (index: 0, line: 1)
    static let maximumNesting = 256

    static let operators = ["&&", "||", ";;&", ";;", ";&", "|&", "&>>", "&>", "<<<", "<<-", "<<", "<>", "<&",
                            ">>", ">&", ">|", "<", ">", "&", "|", ";", "(", ")"]
    static let metacharacters: Set<Character> = [" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]

    init(source: String, aliases: [String: String], isFinal: Bool) {
        self.characters = Array(source)
        self.aliases = aliases
        self.isFinal = isFinal
    }

    // MARK: Errors

    func lineNumber(at index: Int) -> Int {
        let limit = min(index, characters.count)
        // Positions mostly grow, so counting on from the last answer keeps long scripts linear.
        var (i, line) = lineCache.index <= limit ? lineCache : (0, 1)
        while i < limit {
            if characters[i] == "\n" { line += 1 }
            i += 1
        }
        lineCache = (limit, line)
        return line
    }

    func sourceLine(at index: Int) -> String {
        var start = min(index, characters.count)
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        var end = min(index, characters.count)
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return String(characters[start..<end])
    }

    func unexpected(_ token: Token, at start: Int) -> ParseFailure {
        if token == .end, !isFinal { return .incomplete(.endOfFile) }
        if token == .end {
            return .syntax(ShellSyntaxError(messages: ["syntax error: unexpected end of file"],
                                            line: lineNumber(at: characters.count)))
        }
        return .syntax(ShellSyntaxError(messages: ["syntax error near unexpected token `\(token.displayText)'"],
                                        line: lineNumber(at: start), sourceLine: sourceLine(at: start)))
    }

    func endOfFileError(_ reason: IncompleteReason) -> ShellSyntaxError {
        let line = lineNumber(at: characters.count)
        switch reason {
        case .endOfFile:
            return ShellSyntaxError(messages: ["syntax error: unexpected end of file"], line: line)
        case .unmatched(let character):
            return ShellSyntaxError(messages: ["unexpected EOF while looking for matching `\(character)'",
                                               "syntax error: unexpected end of file"], line: line)
        }
    }

    /// Enters one nesting level; past the limit the input is rejected.
    func enterNesting() throws(ParseFailure) {
        nesting += 1
        if nesting > Self.maximumNesting {
            throw nestingTooDeep()
        }
        try checkStack()
    }

    /// Rejects the input when the thread's stack is nearly used up: nested substitutions,
    /// `$(( $((` and `${x:-${x:-` start parsers of their own, each with its nesting count.
    func checkStack() throws(ParseFailure) {
        guard ThreadStack.hasRoom else { throw nestingTooDeep() }
    }

    private func nestingTooDeep() -> ParseFailure {
        .syntax(ShellSyntaxError(messages: ["syntax error: nesting too deep"], line: lineNumber(at: position)))
    }

    // MARK: Token stream

    func peek() throws(ParseFailure) -> Token {
        if let lookahead { return lookahead.token }
        let (token, start) = try lexToken()
        lookahead = (token, start, position)
        return token
    }

    var peekStart: Int { lookahead?.start ?? position }

    @discardableResult
    func next() throws(ParseFailure) -> Token {
        let token = try peek()
        lookahead = nil
        return token
    }

    func isOperator(_ token: Token, _ text: String) -> Bool { token == .operator(text) }

    func isReserved(_ token: Token, _ text: String) -> Bool {
        if case .word(let word, let raw) = token { return raw == text && word.plainText == text }
        return false
    }

    /// Replaces the word just peeked (an alias name) with the alias's text.
    func spliceAlias(_ value: String) {
        guard let current = lookahead else { return }
        let replacement = Array(value)
        characters.replaceSubrange(current.start..<current.end, with: replacement)
        if lineCache.index > current.start { lineCache = (0, 1) }
        let delta = replacement.count - (current.end - current.start)
        if let resume = hereDocumentResume, resume >= current.end { hereDocumentResume = resume + delta }
        position = current.start
        lookahead = nil
    }

    // MARK: Lexing

    var atEnd: Bool { position >= characters.count }
    var current: Character? { position < characters.count ? characters[position] : nil }
    func character(at offset: Int) -> Character? {
        let index = position + offset
        return index < characters.count ? characters[index] : nil
    }

    func skipBlanksAndComments() throws(ParseFailure) {
        while let c = current {
            if c == " " || c == "\t" {
                position += 1
            } else if c == "\\", character(at: 1) == "\n" {
                position += 2
            } else if c == "\\", character(at: 1) == nil, !isFinal {
                throw .incomplete(.endOfFile)
            } else if c == "#" {
                while let d = current, d != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    func lexToken() throws(ParseFailure) -> (Token, Int) {
        try skipBlanksAndComments()
        let start = position
        guard let c = current else { return (.end, start) }
        if c == "\n" {
            position += 1
            if let resume = hereDocumentResume {
                position = resume
                hereDocumentResume = nil
            }
            return (.newline, start)
        }
        // `<(list)` is a word (or part of one), not the `<` operator.
        if c != "<" || character(at: 1) != "(" {
            for op in Self.operators where matches(op) {
                position += op.count
                return (.operator(op), start)
            }
        }
        var word = try lexWord()
        let raw = String(characters[start..<position])
        word.source = raw
        if raw.allSatisfy(\.isASCIIDigit), let next = current, next == "<" || next == ">", let number = Int(raw) {
            return (.ioNumber(number), start)
        }
        return (.word(word, raw: raw), start)
    }

    func matches(_ text: String) -> Bool {
        var index = position
        for c in text {
            guard index < characters.count, characters[index] == c else { return false }
            index += 1
        }
        return true
    }

    func lexWord() throws(ParseFailure) -> Word {
        var parts: [WordPart] = []
        repeat {
            if current == "<", character(at: 1) == "(" { parts.append(try readProcessSubstitution()) }
            parts += try readParts(mode: .unquoted) { Self.metacharacters.contains($0) }
        } while current == "<" && character(at: 1) == "("
        return Word(Self.withTilde(parts))
    }

    /// Splits a leading `~user` off an unquoted word into a `.tilde` part.
    static func withTilde(_ parts: [WordPart]) -> [WordPart] {
        guard case .literal(let text)? = parts.first, text.hasPrefix("~") else { return parts }
        let afterTilde = text.dropFirst()
        let user: Substring
        let rest: Substring
        if let slash = afterTilde.firstIndex(of: "/") {
            user = afterTilde[..<slash]
            rest = afterTilde[slash...]
        } else {
            guard parts.count == 1 else { return parts }
            user = afterTilde
            rest = ""
        }
        guard user.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }) else {
            return parts
        }
        var result: [WordPart] = [.tilde(user: String(user))]
        if !rest.isEmpty { result.append(.literal(String(rest))) }
        result.append(contentsOf: parts.dropFirst())
        return result
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isNameStart: Bool { isASCII && (isLetter || self == "_") }
    var isNameCharacter: Bool { isASCII && (isLetter || isNumber || self == "_") }
}
