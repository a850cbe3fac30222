import Kernel

/// The command grammar: lists, pipelines and simple commands.
extension ParserEngine {
    static let redirectionOperators: Set<String> = ["<", ">", ">|", ">>", "<>", "<&", ">&", "&>", "&>>", "<<<", "<<", "<<-"]
    static let listTerminators: Set<String> = [";;", ";&", ";;&"]

    func parseScript() throws(ParseFailure) -> Script {
        let script = try parseList { _ in false }
        let token = try peek()
        guard token == .end else { throw unexpected(token, at: peekStart) }
        return script
    }

    /// Parses the next complete command of a script: the lists up to the end of its line (a
    /// compound command may span lines); nil at the end of the input. Bash reads scripts this
    /// way, running each command before it parses the next.
    func parseNextCommand() throws(ParseFailure) -> Script? {
        try skipNewlines()
        var items: [ListItem] = []
        while true {
            let token = try peek()
            if token == .end { return items.isEmpty ? nil : Script(items: items) }
            let start = peekStart
            let list = try parseAndOr()
            let after = try peek()
            let text = String(characters[start..<min(max(peekStart, start), characters.count)]).trimmingCharacters(in: " \t\n")
            switch after {
            case .operator(";"), .operator("&"):
                lookahead = nil
                items.append(ListItem(list: list, isBackground: after == .operator("&"), text: text))
                let next = try peek()
                if next == .newline {
                    lookahead = nil
                    return Script(items: items)
                }
                if next == .end { return Script(items: items) }
            case .newline:
                lookahead = nil
                items.append(ListItem(list: list, text: text))
                return Script(items: items)
            case .end:
                items.append(ListItem(list: list, text: text))
                return Script(items: items)
            default:
                throw unexpected(after, at: peekStart)
            }
        }
    }

    /// Moves on to the line after `line`, abandoning what is left of a command there.
    func skip(pastLine line: Int) {
        lookahead = nil
        hereDocumentResume = nil
        var index = 0
        var current = 1
        while index < characters.count, current <= line {
            if characters[index] == "\n" { current += 1 }
            index += 1
        }
        position = max(position, index)
        lineCache = (0, 1)
    }

    func skipNewlines() throws(ParseFailure) {
        while try peek() == .newline { lookahead = nil }
    }

    /// Parses and-or lists separated by `;`, `&` or newlines until `stop` accepts the token that
    /// would start the next one (not consumed) or input ends.
    func parseList(stop: (Token) -> Bool) throws(ParseFailure) -> Script {
        var items: [ListItem] = []
        while true {
            try skipNewlines()
            let token = try peek()
            if token == .end || stop(token) { return Script(items: items) }
            let start = peekStart
            let list = try parseAndOr()
            let after = try peek()
            let text = String(characters[start..<min(max(peekStart, start), characters.count)]).trimmingCharacters(in: " \t\n")
            switch after {
            case .operator(";"), .newline:
                lookahead = nil
                items.append(ListItem(list: list, text: text))
            case .operator("&"):
                lookahead = nil
                items.append(ListItem(list: list, isBackground: true, text: text))
            default:
                guard after == .end || stop(after) else { throw unexpected(after, at: peekStart) }
                items.append(ListItem(list: list, text: text))
                return Script(items: items)
            }
        }
    }

    func parseAndOr() throws(ParseFailure) -> AndOrList {
        var list = AndOrList(first: try parsePipeline())
        while true {
            let token = try peek()
            let connective: AndOrOperator
            if isOperator(token, "&&") {
                connective = .and
            } else if isOperator(token, "||") {
                connective = .or
            } else {
                return list
            }
            lookahead = nil
            try skipNewlines()
            list.rest.append(AndOrList.Link(connective, try parsePipeline()))
        }
    }

    func parsePipeline() throws(ParseFailure) -> Pipeline {
        var pipeline = Pipeline(commands: [])
        if isReserved(try peek(), "time") {
            lookahead = nil
            pipeline.timing = .standard
            if case .word(_, "-p") = try peek() {
                lookahead = nil
                pipeline.timing = .posix
            }
            let next = try peek()
            if next == .newline || next == .end || isOperator(next, ";") || isOperator(next, "&") { return pipeline }
        }
        if isReserved(try peek(), "!") {
            lookahead = nil
            pipeline.isNegated = true
        }
        pipeline.commands.append(try parseCommand())
        while true {
            let token = try peek()
            guard isOperator(token, "|") || isOperator(token, "|&") else { return pipeline }
            lookahead = nil
            if isOperator(token, "|&"), let last = pipeline.commands.popLast() {
                pipeline.commands.append(Self.addingRedirection(Redirection(descriptor: 2, kind: .duplicateOutput, target: "1"), to: last))
            }
            try skipNewlines()
            pipeline.commands.append(try parseCommand())
        }
    }

    static func addingRedirection(_ redirection: Redirection, to command: Command) -> Command {
        switch command {
        case .simple(var simple):
            simple.redirections.append(redirection)
            return .simple(simple)
        case .compound(let compound, let redirections):
            return .compound(compound, redirections: redirections + [redirection])
        case .functionDefinition:
            return command
        }
    }

    func parseCommand() throws(ParseFailure) -> Command {
        let token = try peek()
        let start = peekStart
        switch token {
        case .word(let word, let raw) where word.plainText == raw:
            switch raw {
            case "if", "while", "until", "for", "case", "{", "[[":
                let compound = try parseCompoundCommand()
                return .compound(compound, redirections: try parseRedirections())
            case "function":
                return try parseFunctionKeyword()
            case "then", "else", "elif", "fi", "do", "done", "esac", "}", "]]", "!":
                throw unexpected(token, at: start)
            default:
                return try parseSimpleCommand()
            }
        case .word, .ioNumber:
            return try parseSimpleCommand()
        case .operator("("):
            let compound = try parseCompoundCommand()
            return .compound(compound, redirections: try parseRedirections())
        case .operator(let op) where Self.redirectionOperators.contains(op):
            return try parseSimpleCommand()
        default:
            throw unexpected(token, at: start)
        }
    }

    func parseSimpleCommand() throws(ParseFailure) -> Command {
        var command = SimpleCommand(line: lineNumber(at: peekStart))
        var usedAliases: Set<String> = []
        var checkAlias = true
        var aliasEndedWithBlank = false
        while true {
            let token = try peek()
            switch token {
            case .ioNumber, .operator:
                guard token.operatorText.map({ Self.redirectionOperators.contains($0) }) ?? true else {
                    return try finish(command)
                }
                command.redirections.append(contentsOf: try parseRedirections())
            case .word(let word, let raw):
                if checkAlias, let name = word.plainText, name == raw, let value = aliases[name], !usedAliases.contains(name) {
                    usedAliases.insert(name)
                    aliasEndedWithBlank = value.last == " " || value.last == "\t"
                    spliceAlias(value)
                    continue
                }
                if command.words.isEmpty, var assignment = try Self.assignment(from: word) {
                    let wordEnd = lookahead?.end ?? position
                    lookahead = nil
                    if assignment.value.parts.isEmpty, assignment.arrayIndex == nil, raw.hasSuffix("="),
                       isOperator(try peek(), "("), peekStart == wordEnd {
                        lookahead = nil
                        assignment.elements = try parseArrayElements()
                    }
                    command.assignments.append(assignment)
                    continue
                }
                lookahead = nil
                command.words.append(word)
                checkAlias = command.words.count == 1 && aliasEndedWithBlank
                if command.words.count == 1, command.assignments.isEmpty, command.redirections.isEmpty,
                   isOperator(try peek(), "(") {
                    lookahead = nil
                    try expectOperator(")")
                    guard let name = word.plainText else { throw unexpected(.operator("("), at: position) }
                    return try parseFunctionBody(name: name)
                }
            default:
                return try finish(command)
            }
        }
    }

    func finish(_ command: SimpleCommand) throws(ParseFailure) -> Command {
        if command.words.isEmpty, command.assignments.isEmpty, command.redirections.isEmpty {
            throw unexpected(try peek(), at: peekStart)
        }
        return .simple(command)
    }

    /// The words of `NAME=(…)` up to its `)`, the `(` consumed; newlines and comments between
    /// them are allowed.
    func parseArrayElements() throws(ParseFailure) -> [ArrayElement] {
        try enterNesting()
        defer { nesting -= 1 }
        var elements: [ArrayElement] = []
        while true {
            try skipNewlines()
            let token = try peek()
            switch token {
            case .operator(")"):
                lookahead = nil
                return elements
            case .word(let word, let raw):
                lookahead = nil
                elements.append(try Self.arrayElement(word, raw: raw))
            default:
                throw unexpected(token, at: peekStart)
            }
        }
    }

    /// `[subscript]=value` inside `NAME=(…)`, or a plain word.
    static func arrayElement(_ word: Word, raw: String) throws(ParseFailure) -> ArrayElement {
        guard raw.hasPrefix("["), let (arrayIndex, valueSource, _) = splitSubscript(raw.dropFirst()) else {
            return ArrayElement(value: word)
        }
        return ArrayElement(arrayIndex: try parseExpandableText(arrayIndex, isFinal: true), value: try wordFrom(valueSource))
    }

    /// Splits `sub]=value` (or `sub]+=value`) after an opening `[`: the subscript text, the
    /// value's source and whether it appends; nil when the text is not of that form.
    static func splitSubscript(_ text: Substring) -> (String, String, Bool)? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == "[" { depth += 1 }
            if c == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            index = text.index(after: index)
        }
        guard index < text.endIndex else { return nil }
        let arrayIndex = String(text[..<index])
        var rest = text[text.index(after: index)...]
        var isAppend = false
        if rest.hasPrefix("+=") {
            isAppend = true
            rest = rest.dropFirst()
        }
        guard rest.hasPrefix("="), !arrayIndex.isEmpty else { return nil }
        return (arrayIndex, String(rest.dropFirst()), isAppend)
    }

    /// A word lexed again from its source (the value after `NAME[i]=`).
    static func wordFrom(_ source: String) throws(ParseFailure) -> Word {
        let engine = ParserEngine(source: source, aliases: [:], isFinal: true)
        return Word(withTilde(try engine.readParts(mode: .unquoted) { _ in false }), source: source)
    }

    /// `NAME=value`, `NAME+=value` or `NAME[subscript]=value` when the name and `=` are unquoted.
    static func assignment(from word: Word) throws(ParseFailure) -> Assignment? {
        let raw = word.source
        if let bracket = raw.firstIndex(of: "["), Shell.isValidName(String(raw[..<bracket])),
           let (arrayIndex, valueSource, isAppend) = splitSubscript(raw[raw.index(after: bracket)...]) {
            return Assignment(name: String(raw[..<bracket]), value: try wordFrom(valueSource), isAppend: isAppend,
                              arrayIndex: try parseExpandableText(arrayIndex, isFinal: true))
        }
        guard case .literal(let text)? = word.parts.first, let equals = text.firstIndex(of: "=") else { return nil }
        var name = text[..<equals]
        var isAppend = false
        if name.hasSuffix("+") {
            isAppend = true
            name = name.dropLast()
        }
        guard let first = name.first, first.isNameStart, name.allSatisfy(\.isNameCharacter) else { return nil }
        var parts: [WordPart] = []
        let rest = text[text.index(after: equals)...]
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        parts.append(contentsOf: word.parts.dropFirst())
        let valueSource = word.source.firstIndex(of: "=").map { String(word.source[word.source.index(after: $0)...]) } ?? ""
        return Assignment(name: String(name), value: Word(withTilde(parts), source: valueSource), isAppend: isAppend)
    }

}

extension Token {
    var operatorText: String? {
        if case .operator(let text) = self { return text }
        return nil
    }
}
