import Kernel

/// Where a run of word parts is being read; it decides which characters are special.
enum PartsMode: Equatable {
    case unquoted
    case doubleQuoted
    /// The word of `${name:-word}`, inside or outside double quotes.
    case parameterWord(inDoubleQuotes: Bool)
    /// A here-document body or arithmetic text: only `$`, backquote and some `\` are special.
    case hereDocument
}

extension ParserEngine {
    /// Reads word parts until `isEnd` accepts the current character (not consumed) or input ends.
    func readParts(mode: PartsMode, isEnd: (Character) -> Bool) throws(ParseFailure) -> [WordPart] {
        try checkStack()
        var parts: [WordPart] = []
        var literal = ""
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
        }
        let quotedContext: Bool
        switch mode {
        case .unquoted, .parameterWord(inDoubleQuotes: false): quotedContext = false
        default: quotedContext = true
        }
        while let c = current, !isEnd(c) {
            switch c {
            case "\\":
                let escaped = character(at: 1)
                guard let escaped else {
                    if !isFinal, mode != .hereDocument { throw .incomplete(.endOfFile) }
                    literal.append("\\")
                    position += 1
                    continue
                }
                if escaped == "\n" {
                    position += 2
                    continue
                }
                if quotedContext {
                    let special: Set<Character> = mode == .hereDocument ? ["$", "`", "\\"] : ["$", "`", "\"", "\\"]
                    var escapable = special
                    if case .parameterWord = mode { escapable.insert("}") }
                    if escapable.contains(escaped) {
                        flush()
                        parts.append(.quoted(String(escaped)))
                    } else {
                        literal.append("\\")
                        literal.append(escaped)
                    }
                } else {
                    flush()
                    parts.append(.quoted(String(escaped)))
                }
                position += 2
            case "'" where !quotedContext:
                flush()
                parts.append(.quoted(try readSingleQuoted()))
            // Inside `"${v#…}"` the operand's own double quotes nest (`"${v#"*"}"`).
            case "\"" where mode == .unquoted || mode == .parameterWord(inDoubleQuotes: false) || mode == .parameterWord(inDoubleQuotes: true):
                flush()
                position += 1
                let inner = try readParts(mode: .doubleQuoted) { $0 == "\"" }
                guard current == "\"" else { throw .incomplete(.unmatched("\"")) }
                position += 1
                parts.append(.doubleQuoted(inner))
            case "$":
                if let part = try readDollar(inDoubleQuotes: quotedContext) {
                    flush()
                    parts.append(part)
                } else {
                    literal.append("$")
                }
            case "`":
                flush()
                parts.append(try readBackquoted(inDoubleQuotes: mode == .doubleQuoted))
            default:
                literal.append(c)
                position += 1
            }
        }
        flush()
        return parts
    }

    func readSingleQuoted() throws(ParseFailure) -> String {
        position += 1
        var text = ""
        while let c = current, c != "'" {
            text.append(c)
            position += 1
        }
        guard current == "'" else { throw .incomplete(.unmatched("'")) }
        position += 1
        return text
    }

    /// Reads what follows a `$`; nil when the `$` is a literal dollar sign (consumed).
    func readDollar(inDoubleQuotes: Bool) throws(ParseFailure) -> WordPart? {
        guard let next = character(at: 1) else {
            position += 1
            return nil
        }
        switch next {
        case "(":
            if character(at: 2) == "(", let arithmetic = try readArithmeticExpansion() {
                return arithmetic
            }
            position += 2
            return .commandSubstitution(try readListUntilClosingParenthesis())
        case "{":
            position += 2
            return .parameter(try readBracedParameter(inDoubleQuotes: inDoubleQuotes))
        case "'" where !inDoubleQuotes:
            position += 1
            return .quoted(try readANSICQuoted())
        case "?", "$", "#", "@", "*", "!", "-", "0"..."9":
            position += 2
            return .parameter(ParameterExpansion(name: String(next)))
        default:
            guard next.isNameStart else {
                position += 1
                return nil
            }
            position += 1
            var name = ""
            while let c = current, c.isNameCharacter {
                name.append(c)
                position += 1
            }
            return .parameter(ParameterExpansion(name: name))
        }
    }

    /// `$(( … ))`; nil (nothing consumed) when the parentheses do not close as `))`, so the text
    /// is a command substitution of a subshell instead.
    func readArithmeticExpansion() throws(ParseFailure) -> WordPart? {
        var index = position + 3
        var depth = 0
        while index < characters.count {
            let c = characters[index]
            if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 {
                    guard index + 1 < characters.count else { break }
                    guard characters[index + 1] == ")" else { return nil }
                    let text = String(characters[(position + 3)..<index])
                    position = index + 2
                    // Parsed by a parser of its own, which carries this one's nesting on.
                    try enterNesting()
                    defer { nesting -= 1 }
                    let engine = ParserEngine(source: text, aliases: [:], isFinal: true)
                    engine.nesting = nesting
                    return .arithmetic(try engine.readParts(mode: .hereDocument) { _ in false })
                }
                depth -= 1
            }
            index += 1
        }
        throw .incomplete(isFinal ? .unmatched(")") : .endOfFile)
    }

    /// Parses text where only `$…`, backquotes and `\` before them expand (here-documents, arithmetic).
    static func parseExpandableText(_ text: String, isFinal: Bool) throws(ParseFailure) -> [WordPart] {
        let engine = ParserEngine(source: text, aliases: [:], isFinal: true)
        return try engine.readParts(mode: .hereDocument) { _ in false }
    }

    func readANSICQuoted() throws(ParseFailure) -> String {
        position += 1
        var text = ""
        while let c = current, c != "'" {
            position += 1
            guard c == "\\", let escaped = current else {
                text.append(c)
                continue
            }
            position += 1
            switch escaped {
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "a": text.append("\u{07}")
            case "b": text.append("\u{08}")
            case "e", "E": text.append("\u{1B}")
            case "f": text.append("\u{0C}")
            case "v": text.append("\u{0B}")
            case "\\", "'", "\"", "?": text.append(escaped)
            default:
                text.append("\\")
                text.append(escaped)
            }
        }
        guard current == "'" else { throw .incomplete(.unmatched("'")) }
        position += 1
        return text
    }

    /// Reads `<(list)`, the current character being its `<`.
    func readProcessSubstitution() throws(ParseFailure) -> WordPart {
        position += 2
        return .processSubstitution(try readListUntilClosingParenthesis())
    }

    /// Reads the list inside `$(…)` or `<(…)` up to and including its `)`, the opening
    /// characters already consumed.
    private func readListUntilClosingParenthesis() throws(ParseFailure) -> Script {
        try enterNesting()
        defer { nesting -= 1 }
        let script = try parseList { [self] token in isOperator(token, ")") }
        guard case .operator(")") = try peek() else {
            if try peek() == .end { throw .incomplete(isFinal ? .unmatched(")") : .endOfFile) }
            throw unexpected(try peek(), at: peekStart)
        }
        lookahead = nil
        return script
    }

    func readBackquoted(inDoubleQuotes: Bool) throws(ParseFailure) -> WordPart {
        position += 1
        var text = ""
        while let c = current, c != "`" {
            position += 1
            if c == "\\", let escaped = current {
                if escaped == "$" || escaped == "`" || escaped == "\\" || (inDoubleQuotes && escaped == "\"") {
                    text.append(escaped)
                } else {
                    text.append("\\")
                    text.append(escaped)
                }
                position += 1
            } else {
                text.append(c)
            }
        }
        guard current == "`" else { throw .incomplete(.unmatched("`")) }
        position += 1
        try enterNesting()
        defer { nesting -= 1 }
        let inner = ParserEngine(source: text, aliases: aliases, isFinal: isFinal)
        inner.nesting = nesting
        return .commandSubstitution(try inner.parseScript())
    }

    func readBracedParameter(inDoubleQuotes: Bool) throws(ParseFailure) -> ParameterExpansion {
        let start = position
        var isLength = false
        var isIndirect = false
        if current == "#", let after = character(at: 1), after != "}" {
            isLength = true
            position += 1
        } else if current == "!", let after = character(at: 1), after.isNameStart {
            isIndirect = true
            position += 1
        }
        var name = ""
        if let c = current, c.isNameStart {
            while let d = current, d.isNameCharacter {
                name.append(d)
                position += 1
            }
        } else if let c = current, c.isASCIIDigit {
            while let d = current, d.isASCIIDigit {
                name.append(d)
                position += 1
            }
        } else if let c = current, "?$#@*!-".contains(c) {
            name = String(c)
            position += 1
        }
        func badSubstitution() -> ParseFailure {
            var end = position
            while end < characters.count, characters[end] != "}" { end += 1 }
            let text = String(characters[start..<min(end, characters.count)])
            return .syntax(ShellSyntaxError(messages: ["${\(text)}: bad substitution"], line: lineNumber(at: start)))
        }
        var arrayIndex: ParameterExpansion.Subscript?
        if current == "[", let first = name.first, first.isNameStart {
            arrayIndex = try readSubscript()
        }
        guard let c = current else { throw .incomplete(isFinal ? .unmatched("}") : .endOfFile) }
        if name.isEmpty { throw badSubstitution() }
        if isLength {
            guard c == "}" else { throw badSubstitution() }
            position += 1
            return ParameterExpansion(name: name, operation: .length, arrayIndex: arrayIndex)
        }
        if isIndirect {
            guard c == "}" else { throw badSubstitution() }
            position += 1
            if case .all = arrayIndex { return ParameterExpansion(name: name, operation: .indices, arrayIndex: arrayIndex) }
            guard arrayIndex == nil else { throw badSubstitution() }
            return ParameterExpansion(name: name, operation: .indirect)
        }
        func word() throws(ParseFailure) -> Word {
            let parts = try readParts(mode: .parameterWord(inDoubleQuotes: inDoubleQuotes)) { $0 == "}" }
            guard current == "}" else { throw .incomplete(isFinal ? .unmatched("}") : .endOfFile) }
            position += 1
            return Word(parts)
        }
        let colon = c == ":"
        let op = colon ? character(at: 1) : c
        switch op {
        case "}" where !colon:
            position += 1
            return ParameterExpansion(name: name, arrayIndex: arrayIndex)
        case "-", "=", "?", "+":
            position += colon ? 2 : 1
            let operand = try word()
            let operation: ParameterExpansion.Operation
            switch op {
            case "-": operation = .useDefault(operand, ifNullToo: colon)
            case "=": operation = .assignDefault(operand, ifNullToo: colon)
            case "?": operation = .errorIfUnset(operand, ifNullToo: colon)
            default: operation = .useAlternative(operand, ifNullToo: colon)
            }
            return ParameterExpansion(name: name, operation: operation, arrayIndex: arrayIndex)
        case "#" where !colon, "%" where !colon:
            position += 1
            let longest = current == op
            if longest { position += 1 }
            let pattern = try word()
            let operation: ParameterExpansion.Operation = op == "#" ? .removePrefix(pattern, longest: longest)
                                                                    : .removeSuffix(pattern, longest: longest)
            return ParameterExpansion(name: name, operation: operation, arrayIndex: arrayIndex)
        case "^" where !colon, "," where !colon:
            position += 1
            let all = current == op
            if all { position += 1 }
            // A pattern limiting which characters change is accepted and ignored.
            _ = try word()
            return ParameterExpansion(name: name, operation: op == "^" ? .uppercase(all: all) : .lowercase(all: all), arrayIndex: arrayIndex)
        case "/" where !colon:
            position += 1
            let all = current == "/"
            if all { position += 1 }
            let pattern = Word(try readParts(mode: .parameterWord(inDoubleQuotes: inDoubleQuotes)) { $0 == "/" || $0 == "}" })
            var replacement = Word([])
            if current == "/" {
                position += 1
                replacement = try word()
            } else {
                guard current == "}" else { throw .incomplete(isFinal ? .unmatched("}") : .endOfFile) }
                position += 1
            }
            return ParameterExpansion(name: name, operation: .replace(pattern: pattern, replacement: replacement, all: all), arrayIndex: arrayIndex)
        default:
            guard colon else { throw badSubstitution() }
            position += 1
            let offset = try readParts(mode: .hereDocument) { $0 == ":" || $0 == "}" }
            var length: [WordPart]?
            if current == ":" {
                position += 1
                length = try readParts(mode: .hereDocument) { $0 == "}" }
            }
            guard current == "}" else { throw .incomplete(isFinal ? .unmatched("}") : .endOfFile) }
            position += 1
            return ParameterExpansion(name: name, operation: .substring(offset: offset, length: length), arrayIndex: arrayIndex)
        }
    }

    /// Reads `[…]` after a name in `${name[…]}`, up to its matching `]`.
    func readSubscript() throws(ParseFailure) -> ParameterExpansion.Subscript {
        position += 1
        var depth = 0
        var end = position
        while end < characters.count {
            let c = characters[end]
            if c == "[" { depth += 1 }
            if c == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            end += 1
        }
        guard end < characters.count else { throw .incomplete(isFinal ? .unmatched("}") : .endOfFile) }
        let text = String(characters[position..<end])
        position = end + 1
        if text == "@" || text == "*" { return .all(joined: text == "*") }
        try enterNesting()
        defer { nesting -= 1 }
        let engine = ParserEngine(source: text, aliases: [:], isFinal: true)
        engine.nesting = nesting
        return .index(try engine.readParts(mode: .hereDocument) { _ in false })
    }
}
