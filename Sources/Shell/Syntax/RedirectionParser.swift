import Kernel

/// Redirections and here-documents.
extension ParserEngine {
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
            var redirection = Redirection(descriptor: descriptor, kind: .hereDocument(expands: expands), target: target)
            redirection.hereDocumentSource = Redirection.HereDocumentSource(
                delimiter: op + (expands ? delimiter : "'\(delimiter)'"), body: body + delimiter + "\n")
            return redirection
        case "<": kind = .input
        case ">": kind = .output
        case ">|": kind = .clobber
        case ">>": kind = .append
        case "<>": kind = .readWrite
        case "<&": kind = .duplicateInput
        case ">&":
            let isDescriptor = word.plainText.map { $0 == "-" || (!$0.isEmpty && $0.allSatisfy(\.isASCIIDigit)) } ?? false
            // A word with expansions decides when expanded (bash's r_duplicating_output_word).
            kind = isDescriptor || word.plainText == nil || (descriptor != nil && descriptor != 1) ? .duplicateOutput : .outputAndError
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

    /// The newline that ends the command line going on at `start`: quoted strings and escaped
    /// newlines continue it (`cat <<EOF; echo "a` / `b"` puts the body after the `b"` line).
    func endOfCommandLine(from start: Int) -> Int {
        var index = start
        var quote: Character?
        while index < characters.count {
            let c = characters[index]
            switch quote {
            case "'":
                if c == "'" { quote = nil }
            case "\"":
                if c == "\\" { index += 1 } else if c == "\"" { quote = nil }
            default:
                switch c {
                case "\n": return index
                case "\\": index += 1
                case "'", "\"": quote = c
                case "#" where index > start && " \t;&|".contains(characters[index - 1]):
                    while index < characters.count, characters[index] != "\n" { index += 1 }
                    return index
                default: break
                }
            }
            index += 1
        }
        return characters.count
    }

    /// Reads a here-document body from the line after the current one (or after the previous
    /// here-document of this line) up to the delimiter line.
    func readHereDocumentBody(delimiter: String, stripTabs: Bool) throws(ParseFailure) -> String {
        var start: Int
        if let resume = hereDocumentResume {
            start = resume
        } else {
            let index = endOfCommandLine(from: position)
            guard index < characters.count else {
                if isFinal { return "" }
                openHereDocument = (delimiter, stripTabs)
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
                openHereDocument = (delimiter, stripTabs)
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
