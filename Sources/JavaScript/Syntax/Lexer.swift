/// Splits script source into tokens, tracking lines and columns for error messages.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line: Int
    private var lineStart = 0
    private let columnOffset: Int
    private let firstLine: Int
    private var tokenStart = 0
    private var previous: Token.Kind?

    init(_ source: String, start: SourcePosition = SourcePosition(line: 1, column: 0)) {
        scalars = Array(source.unicodeScalars)
        line = start.line
        firstLine = start.line
        columnOffset = start.column
    }


    mutating func tokenize() throws(SyntaxErrorInfo) -> [Token] {
        var tokens: [Token] = []
        while true {
            var token = try next()
            // Bounded by the token's own length: scanning to the line's end for every token
            // made one long line quadratic.
            token.length = max(1, restOfLine(from: tokenStart, atMost: index - tokenStart))
            tokens.append(token)
            previous = token.kind
            if token.kind == .end { return tokens }
        }
    }

    private func restOfLine(from offset: Int, atMost limit: Int = .max) -> Int {
        var end = offset
        while end < scalars.count, end - offset < limit, scalars[end] != "\n" { end += 1 }
        return end - offset
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let position = index + offset
        return position < scalars.count ? scalars[position] : nil
    }

    private func position() -> SourcePosition {
        SourcePosition(line: line, column: index - lineStart + (line == firstLine ? columnOffset : 0))
    }

    private func error(_ message: String = "Invalid or unexpected token") -> SyntaxErrorInfo {
        SyntaxErrorInfo(message: message, position: position())
    }

    private mutating func skipTrivia() throws(SyntaxErrorInfo) -> Bool {
        var sawNewline = false
        while let scalar = peek() {
            if scalar == "\n" {
                index += 1
                line += 1
                lineStart = index
                sawNewline = true
            } else if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{FEFF}" || scalar == "\u{A0}" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                index += 1
            } else if scalar == "/" && peek(1) == "/" {
                while let c = peek(), c != "\n" { index += 1 }
            } else if scalar == "/" && peek(1) == "*" {
                index += 2
                while true {
                    guard let c = peek() else { throw error() }
                    if c == "*" && peek(1) == "/" { index += 2; break }
                    if c == "\n" { line += 1; lineStart = index + 1; sawNewline = true }
                    index += 1
                }
            } else if scalar == "#" && peek(1) == "!" && index == 0 {
                while let c = peek(), c != "\n" { index += 1 }
            } else {
                break
            }
        }
        return sawNewline
    }

    private var regexAllowed: Bool {
        guard let previous else { return true }
        switch previous {
        case .number, .string, .template, .regex: return false
        case .identifier(let name):
            return ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else"].contains(name)
        case .punctuator(let text): return text != ")" && text != "]" && text != "}"
        case .end: return true
        }
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "$" || scalar == "_" || (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            || (scalar.value > 127 && scalar.properties.isIDStart)
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || (scalar >= "0" && scalar <= "9") || (scalar.value > 127 && scalar.properties.isIDContinue)
    }

    private static let punctuators: [String] = [
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".",
    ]

    private mutating func next() throws(SyntaxErrorInfo) -> Token {
        let newline = try skipTrivia()
        tokenStart = index
        let start = position()
        guard let scalar = peek() else { return Token(kind: .end, position: start, newlineBefore: newline) }
        func make(_ kind: Token.Kind) -> Token { Token(kind: kind, position: start, newlineBefore: newline) }

        if Lexer.isIdentifierStart(scalar) || scalar == "\\" {
            var name = ""
            while let c = peek(), Lexer.isIdentifierPart(c) {
                name.unicodeScalars.append(c)
                index += 1
            }
            if name.isEmpty { throw error() }
            return make(.identifier(name))
        }
        if (scalar >= "0" && scalar <= "9") || (scalar == "." && (peek(1).map { $0 >= "0" && $0 <= "9" } ?? false)) {
            return make(.number(try number()))
        }
        if scalar == "\"" || scalar == "'" {
            return make(.string(try string(quote: scalar)))
        }
        if scalar == "`" {
            return make(try template())
        }
        if scalar == "/" && regexAllowed {
            return make(try regex())
        }
        for punctuator in Lexer.punctuators where matches(punctuator) {
            index += punctuator.unicodeScalars.count
            return make(.punctuator(punctuator))
        }
        throw error()
    }

    private func matches(_ text: String) -> Bool {
        var offset = 0
        for scalar in text.unicodeScalars {
            guard peek(offset) == scalar else { return false }
            offset += 1
        }
        return true
    }

    private mutating func number() throws(SyntaxErrorInfo) -> Double {
        var text = ""
        if peek() == "0", let x = peek(1), x == "x" || x == "X" || x == "o" || x == "O" || x == "b" || x == "B" {
            index += 2
            let radix = (x == "x" || x == "X") ? 16 : (x == "o" || x == "O") ? 8 : 2
            while let c = peek(), c.properties.isASCIIHexDigit {
                text.unicodeScalars.append(c)
                index += 1
            }
            guard let value = UInt64(text, radix: radix) else { throw error() }
            return Double(value)
        }
        while let c = peek(), (c >= "0" && c <= "9") || c == "." {
            if c == ".", text.contains(".") { break }
            text.unicodeScalars.append(c)
            index += 1
        }
        if let e = peek(), e == "e" || e == "E" {
            text.append("e")
            index += 1
            if let sign = peek(), sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                index += 1
            }
            while let c = peek(), c >= "0" && c <= "9" {
                text.unicodeScalars.append(c)
                index += 1
            }
        }
        if let c = peek(), Lexer.isIdentifierStart(c) { throw error() }
        guard let value = Double(text) else { throw error() }
        return value
    }

    private mutating func escape(into text: inout String) throws(SyntaxErrorInfo) {
        index += 1  // the backslash
        guard let c = peek() else { throw error() }
        index += 1
        switch c {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "r": text.append("\r")
        case "b": text.append("\u{08}")
        case "f": text.append("\u{0C}")
        case "v": text.append("\u{0B}")
        case "0" where !(peek().map { $0 >= "0" && $0 <= "9" } ?? false): text.append("\0")
        case "\n":
            line += 1
            lineStart = index
        case "x":
            text.unicodeScalars.append(try hexScalar(digits: 2))
        case "u":
            if peek() == "{" {
                index += 1
                var hex = ""
                while let d = peek(), d != "}" { hex.unicodeScalars.append(d); index += 1 }
                index += 1
                guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { throw error() }
                text.unicodeScalars.append(scalar)
            } else {
                var value = try hexValue(digits: 4)
                // A surrogate pair written as two escapes.
                if value >= 0xD800 && value < 0xDC00 && peek() == "\\" && peek(1) == "u" {
                    index += 2
                    let low = try hexValue(digits: 4)
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                }
                text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
        default: text.unicodeScalars.append(c)
        }
    }

    private mutating func hexValue(digits: Int) throws(SyntaxErrorInfo) -> UInt32 {
        var hex = ""
        for _ in 0..<digits {
            guard let d = peek(), d.properties.isASCIIHexDigit else { throw error() }
            hex.unicodeScalars.append(d)
            index += 1
        }
        return UInt32(hex, radix: 16) ?? 0
    }

    private mutating func hexScalar(digits: Int) throws(SyntaxErrorInfo) -> Unicode.Scalar {
        Unicode.Scalar(try hexValue(digits: digits)) ?? "\u{FFFD}"
    }

    private mutating func string(quote: Unicode.Scalar) throws(SyntaxErrorInfo) -> String {
        let start = position()
        index += 1
        var text = ""
        while true {
            guard let c = peek(), c != "\n" else {
                throw SyntaxErrorInfo(message: "Invalid or unexpected token", position: start, length: restOfLine(from: tokenStart))
            }
            if c == quote { index += 1; return text }
            if c == "\\" { try escape(into: &text); continue }
            text.unicodeScalars.append(c)
            index += 1
        }
    }

    private mutating func template() throws(SyntaxErrorInfo) -> Token.Kind {
        index += 1
        var strings: [String] = []
        var expressions: [Token.TemplateExpression] = []
        var text = ""
        while true {
            guard let c = peek() else { throw error("Unterminated template literal") }
            if c == "`" {
                index += 1
                strings.append(text)
                return .template(strings: strings, expressions: expressions)
            }
            if c == "\\" { try escape(into: &text); continue }
            if c == "$" && peek(1) == "{" {
                index += 2
                strings.append(text)
                text = ""
                let start = position()
                var depth = 0
                var source = ""
                while true {
                    guard let d = peek() else { throw error("Unterminated template literal") }
                    if d == "}" && depth == 0 { index += 1; break }
                    if d == "{" { depth += 1 }
                    if d == "}" { depth -= 1 }
                    if d == "\n" { line += 1; lineStart = index + 1 }
                    if d == "'" || d == "\"" || d == "`" {
                        // Copy a nested string verbatim so braces inside it do not count.
                        source.unicodeScalars.append(d)
                        index += 1
                        while let e = peek(), e != d {
                            if e == "\\" { source.unicodeScalars.append(e); index += 1 }
                            if let f = peek() { source.unicodeScalars.append(f); index += 1 }
                        }
                    }
                    if let e = peek() { source.unicodeScalars.append(e) }
                    index += 1
                }
                expressions.append(Token.TemplateExpression(source: source, position: start))
                continue
            }
            if c == "\n" { line += 1; lineStart = index + 1 }
            text.unicodeScalars.append(c)
            index += 1
        }
    }

    private mutating func regex() throws(SyntaxErrorInfo) -> Token.Kind {
        index += 1
        var pattern = ""
        var inClass = false
        while true {
            guard let c = peek(), c != "\n" else { throw error("Invalid regular expression: missing /") }
            index += 1
            if c == "\\" {
                pattern.unicodeScalars.append(c)
                if let d = peek() { pattern.unicodeScalars.append(d); index += 1 }
                continue
            }
            if c == "[" { inClass = true } else if c == "]" { inClass = false }
            if c == "/" && !inClass { break }
            pattern.unicodeScalars.append(c)
        }
        var flags = ""
        while let c = peek(), Lexer.isIdentifierPart(c) {
            flags.unicodeScalars.append(c)
            index += 1
        }
        return .regex(pattern: pattern, flags: flags)
    }
}
