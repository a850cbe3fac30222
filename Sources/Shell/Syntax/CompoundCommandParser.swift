import Kernel

/// The compound commands: `if`, loops, `case`, groups, subshells, `[[ ]]`, `(( ))`, functions.
extension ParserEngine {
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
        if isOperator(try peek(), "("), peekStart + 1 < characters.count, characters[peekStart + 1] == "(" {
            return try parseArithmeticFor()
        }
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

    /// `for (( initial; condition; step ))` then an optional `;` and the do-group.
    func parseArithmeticFor() throws(ParseFailure) -> CompoundCommand {
        let start = peekStart
        lookahead = nil
        position = start + 2
        var cursor = position
        var depth = 0
        var sections: [String] = []
        var sectionStart = cursor
        while cursor < characters.count {
            let c = characters[cursor]
            if c == "(" {
                depth += 1
            } else if c == ")" {
                if depth == 0 { break }
                depth -= 1
            } else if c == ";", depth == 0 {
                sections.append(String(characters[sectionStart..<cursor]))
                sectionStart = cursor + 1
            }
            cursor += 1
        }
        guard cursor + 1 < characters.count, characters[cursor + 1] == ")" else {
            if cursor >= characters.count - 1 { throw .incomplete(isFinal ? .unmatched(")") : .endOfFile) }
            throw unexpected(.operator(")"), at: cursor)
        }
        sections.append(String(characters[sectionStart..<cursor]))
        guard sections.count == 3 else {
            throw .syntax(ShellSyntaxError(messages: ["syntax error: arithmetic expression required"], line: lineNumber(at: start),
                                           sourceLine: sourceLine(at: start)))
        }
        position = cursor + 2
        let parts = try sections.map { (text: String) throws(ParseFailure) -> [WordPart] in
            try Self.parseExpandableText(text, isFinal: isFinal)
        }
        if isOperator(try peek(), ";") { lookahead = nil }
        try skipNewlines()
        let body: Script
        if isReserved(try peek(), "{") {
            lookahead = nil
            body = try parseList { [self] in isReserved($0, "}") }
            try requireNonEmpty(body)
            try expectReserved("}")
        } else {
            body = try parseDoGroup()
        }
        return .arithmeticForLoop(initial: parts[0], condition: parts[1], step: parts[2], body: body)
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
}
