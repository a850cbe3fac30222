/// The command grammar: lists, pipelines, simple and compound commands, redirections.
extension ParserEngine {
    static let redirectionOperators: Set<String> = ["<", ">", ">|", ">>", "<>", "<&", ">&", "&>", "&>>", "<<<", "<<", "<<-"]
    static let listTerminators: Set<String> = [";;", ";&", ";;&"]

    func parseScript() throws(ParseFailure) -> Script {
        let script = try parseList { _ in false }
        let token = try peek()
        guard token == .end else { throw unexpected(token, at: peekStart) }
        return script
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

    /// Parses a compound command starting at the current token.
    func parseCompoundCommand() throws(ParseFailure) -> CompoundCommand {
        try enterNesting()
        defer { nesting -= 1 }
        let token = try peek()
        let start = peekStart
        if isOperator(token, "(") {
            if start + 1 < characters.count, characters[start + 1] == "(",
               let parts = try scanArithmetic(from: start + 2) {
                lookahead = nil
                return .arithmetic(parts)
            }
            lookahead = nil
            let body = try parseList { [self] in isOperator($0, ")") }
            try requireNonEmpty(body)
            try expectOperator(")")
            return .subshell(body)
        }
        guard case .word(_, let raw) = token else { throw unexpected(token, at: start) }
        lookahead = nil
        switch raw {
        case "if": return try parseIf()
        case "while", "until":
            let condition = try parseList { [self] in isReserved($0, "do") }
            try requireNonEmpty(condition)
            let body = try parseDoGroup()
            return raw == "while" ? .whileLoop(condition: condition, body: body) : .untilLoop(condition: condition, body: body)
        case "for": return try parseFor()
        case "case": return try parseCase()
        case "{":
            let body = try parseList { [self] in isReserved($0, "}") }
            try requireNonEmpty(body)
            try expectReserved("}")
            return .braceGroup(body)
        case "[[":
            return try parseConditional()
        default:
            throw unexpected(token, at: start)
        }
    }

    func requireNonEmpty(_ script: Script) throws(ParseFailure) {
        if script.items.isEmpty { throw unexpected(try peek(), at: peekStart) }
    }

    func expectReserved(_ word: String) throws(ParseFailure) {
        let token = try peek()
        guard isReserved(token, word) else { throw unexpected(token, at: peekStart) }
        lookahead = nil
    }

    func expectOperator(_ text: String) throws(ParseFailure) {
        let token = try peek()
        guard isOperator(token, text) else { throw unexpected(token, at: peekStart) }
        lookahead = nil
    }

    func parseDoGroup() throws(ParseFailure) -> Script {
        try expectReserved("do")
        let body = try parseList { [self] in isReserved($0, "done") }
        try requireNonEmpty(body)
        try expectReserved("done")
        return body
    }

    func parseIf() throws(ParseFailure) -> CompoundCommand {
        var branches: [ConditionalBranch] = []
        var otherwise: Script?
        while true {
            let condition = try parseList { [self] in isReserved($0, "then") }
            try requireNonEmpty(condition)
            try expectReserved("then")
            let body = try parseList { [self] in isReserved($0, "elif") || isReserved($0, "else") || isReserved($0, "fi") }
            try requireNonEmpty(body)
            branches.append(ConditionalBranch(condition: condition, body: body))
            let token = try peek()
            if isReserved(token, "elif") {
                lookahead = nil
                continue
            }
            if isReserved(token, "else") {
                lookahead = nil
                let elseBody = try parseList { [self] in isReserved($0, "fi") }
                try requireNonEmpty(elseBody)
                otherwise = elseBody
            }
            try expectReserved("fi")
            return .ifClause(branches: branches, otherwise: otherwise)
        }
    }

    func parseFor() throws(ParseFailure) -> CompoundCommand {
        let nameToken = try next()
        guard case .word(let word, let raw) = nameToken, let name = word.plainText, name == raw,
              let first = name.first, first.isNameStart, name.allSatisfy(\.isNameCharacter) else {
            throw unexpected(nameToken, at: peekStart)
        }
        var words: [Word]?
        if isOperator(try peek(), ";") {
            lookahead = nil
        }
        try skipNewlines()
        if isReserved(try peek(), "in") {
            lookahead = nil
            var list: [Word] = []
            loop: while true {
                let token = try peek()
                switch token {
                case .word(let item, _):
                    lookahead = nil
                    list.append(item)
                case .operator(";"), .newline:
                    lookahead = nil
                    break loop
                default:
                    throw unexpected(token, at: peekStart)
                }
            }
            words = list
            try skipNewlines()
        }
        let body = try parseDoGroup()
        return .forLoop(name: name, words: words, body: body)
    }

    func parseCase() throws(ParseFailure) -> CompoundCommand {
        let subjectToken = try next()
        guard case .word(let subject, _) = subjectToken else { throw unexpected(subjectToken, at: peekStart) }
        try skipNewlines()
        try expectReserved("in")
        var items: [CaseItem] = []
        while true {
            try skipNewlines()
            if isReserved(try peek(), "esac") {
                lookahead = nil
                return .caseClause(subject: subject, items: items)
            }
            if isOperator(try peek(), "(") { lookahead = nil }
            var patterns: [Word] = []
            while true {
                let token = try next()
                guard case .word(let pattern, _) = token else { throw unexpected(token, at: peekStart) }
                patterns.append(pattern)
                if isOperator(try peek(), "|") {
                    lookahead = nil
                    continue
                }
                try expectOperator(")")
                break
            }
            let body = try parseList { [self] token in
                isReserved(token, "esac") || Self.listTerminators.contains(token.operatorText ?? "")
            }
            var terminator = CaseItem.Terminator.break
            switch try peek() {
            case .operator(";;"): lookahead = nil
            case .operator(";&"): lookahead = nil; terminator = .fallThrough
            case .operator(";;&"): lookahead = nil; terminator = .testNext
            default:
                let token = try peek()
                guard isReserved(token, "esac") else { throw unexpected(token, at: peekStart) }
            }
            items.append(CaseItem(patterns: patterns, body: body, terminator: terminator))
        }
    }

    func parseConditional() throws(ParseFailure) -> CompoundCommand {
        var words: [Word] = []
        while true {
            let token = try next()
            switch token {
            case .word(let word, let raw):
                if raw == "]]", word.plainText == raw { return .conditional(words) }
                words.append(word)
            case .operator(let op):
                words.append(Word(stringLiteral: op))
            case .ioNumber(let number):
                words.append(Word(stringLiteral: String(number)))
            case .newline:
                continue
            case .end:
                throw unexpected(token, at: characters.count)
            }
        }
    }

    /// Scans `… ))` from `index`; returns the expandable parts and moves past it, or nil when the
    /// parentheses do not close as `))`.
    func scanArithmetic(from index: Int) throws(ParseFailure) -> [WordPart]? {
        var cursor = index
        var depth = 0
        while cursor < characters.count {
            let c = characters[cursor]
            if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 {
                    guard cursor + 1 < characters.count else { break }
                    guard characters[cursor + 1] == ")" else { return nil }
                    let text = String(characters[index..<cursor])
                    position = cursor + 2
                    return try Self.parseExpandableText(text, isFinal: isFinal)
                }
                depth -= 1
            }
            cursor += 1
        }
        throw .incomplete(isFinal ? .unmatched(")") : .endOfFile)
    }

    func parseFunctionKeyword() throws(ParseFailure) -> Command {
        lookahead = nil
        let nameToken = try next()
        guard case .word(let word, _) = nameToken, let name = word.plainText else {
            throw unexpected(nameToken, at: peekStart)
        }
        if isOperator(try peek(), "(") {
            lookahead = nil
            try expectOperator(")")
        }
        return try parseFunctionBody(name: name)
    }

    func parseFunctionBody(name: String) throws(ParseFailure) -> Command {
        try skipNewlines()
        let token = try peek()
        guard isOperator(token, "(") || ["if", "while", "until", "for", "case", "{", "[["].contains(where: { isReserved(token, $0) }) else {
            throw unexpected(token, at: peekStart)
        }
        let compound = try parseCompoundCommand()
        let redirections = try parseRedirections()
        return .functionDefinition(name: name, body: FunctionBody(command: compound, redirections: redirections))
    }

    func parseRedirections() throws(ParseFailure) -> [Redirection] {
        var redirections: [Redirection] = []
        while true {
            let token = try peek()
            switch token {
            case .ioNumber(let number):
                lookahead = nil
                let op = try next()
                guard let text = op.operatorText else { throw unexpected(op, at: peekStart) }
                redirections.append(try parseRedirection(descriptor: number, operator: text))
            case .operator(let op) where Self.redirectionOperators.contains(op):
                lookahead = nil
                redirections.append(try parseRedirection(descriptor: nil, operator: op))
            default:
                return redirections
            }
        }
    }

    func parseSimpleCommand() throws(ParseFailure) -> Command {
        var command = SimpleCommand()
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
                if command.words.isEmpty, let assignment = Self.assignment(from: word) {
                    lookahead = nil
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

    /// `NAME=value` or `NAME+=value` when the name and `=` are unquoted.
    static func assignment(from word: Word) -> Assignment? {
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
        return Assignment(name: String(name), value: Word(withTilde(parts)), isAppend: isAppend)
    }

    func parseRedirection(descriptor: Int?, operator op: String) throws(ParseFailure) -> Redirection {
        let token = try next()
        guard case .word(let word, let raw) = token else {
            // A redirection missing its word is an error even where more lines could follow.
            throw token == .end ? unexpected(.newline, at: characters.count) : unexpected(token, at: peekStart)
        }
        let kind: Redirection.Kind
        switch op {
        case "<<", "<<-":
            let delimiter = Self.removingQuotes(raw)
            let expands = !raw.contains(where: { $0 == "'" || $0 == "\"" || $0 == "\\" })
            let body = try readHereDocumentBody(delimiter: delimiter, stripTabs: op == "<<-")
            let target = expands ? Word(try Self.parseExpandableText(body, isFinal: true)) : Word([.quoted(body)])
            return Redirection(descriptor: descriptor, kind: .hereDocument(expands: expands), target: target)
        case "<": kind = .input
        case ">": kind = .output
        case ">|": kind = .clobber
        case ">>": kind = .append
        case "<>": kind = .readWrite
        case "<&": kind = .duplicateInput
        case ">&":
            let isDescriptor = word.plainText.map { $0 == "-" || (!$0.isEmpty && $0.allSatisfy(\.isASCIIDigit)) } ?? false
            kind = isDescriptor || (descriptor != nil && descriptor != 1) ? .duplicateOutput : .outputAndError
        case "&>": kind = .outputAndError
        case "&>>": kind = .appendOutputAndError
        default: kind = .hereString
        }
        return Redirection(descriptor: descriptor, kind: kind, target: word)
    }

    static func removingQuotes(_ raw: String) -> String {
        var result = ""
        var iterator = raw.makeIterator()
        while let c = iterator.next() {
            switch c {
            case "'", "\"": continue
            case "\\": if let escaped = iterator.next() { result.append(escaped) }
            default: result.append(c)
            }
        }
        return result
    }

    /// Reads a here-document body from the line after the current one (or after the previous
    /// here-document of this line) up to the delimiter line.
    func readHereDocumentBody(delimiter: String, stripTabs: Bool) throws(ParseFailure) -> String {
        var start: Int
        if let resume = hereDocumentResume {
            start = resume
        } else {
            var index = position
            while index < characters.count, characters[index] != "\n" { index += 1 }
            guard index < characters.count else {
                if isFinal { return "" }
                throw .incomplete(.endOfFile)
            }
            start = index + 1
        }
        var body = ""
        while true {
            guard start < characters.count else {
                if isFinal {
                    hereDocumentResume = characters.count
                    return body
                }
                throw .incomplete(.endOfFile)
            }
            var end = start
            while end < characters.count, characters[end] != "\n" { end += 1 }
            var line = Substring(String(characters[start..<end]))
            if stripTabs { line = line.drop { $0 == "\t" } }
            if line == delimiter {
                hereDocumentResume = min(end + 1, characters.count)
                return body
            }
            body += line + "\n"
            start = end + 1
        }
    }
}

extension Token {
    var operatorText: String? {
        if case .operator(let text) = self { return text }
        return nil
    }
}
