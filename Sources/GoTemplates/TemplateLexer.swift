import Formatting
/// A token of Go's text/template language.
struct TemplateToken: Equatable {
    enum Kind: Equatable {
        case text, leftDelimiter, rightDelimiter, space, field, variable, identifier, dot, string, rawString
        case character, number, bool, `nil`, pipe, declare, leftParen, rightParen, char, error, eof
        // Keywords.
        case `if`, `else`, end, range, with, define, template, block
    }

    let kind: Kind
    let text: String
    /// Byte offset in the template source.
    let position: Int

    var isKeyword: Bool {
        switch kind {
        case .if, .else, .end, .range, .with, .define, .template, .block, .nil, .dot: true
        default: false
        }
    }

    /// How Go's parser names a token in `unexpected …` messages.
    var quoted: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        default:
            if isKeyword { return "<\(text)>" }
            let scalars = Array(text.unicodeScalars)
            if scalars.count > 10 {
                var head = ""
                head.unicodeScalars.append(contentsOf: scalars.prefix(10))
                return goQuoted(head) + "..."
            }
            return goQuoted(text)
        }
    }
}

/// Splits a template into tokens the way Go 1.8's text/template lexer does, including the
/// `{{-` / `-}}` trim markers and `{{/* comments */}}`.
struct TemplateLexer {
    private let source: [UInt8]
    private var start = 0
    private var position = 0
    private var parenDepth = 0
    private(set) var tokens: [TemplateToken] = []

    private static let leftDelimiter = Array("{{".utf8)
    private static let rightDelimiter = Array("}}".utf8)

    init(_ text: String) {
        source = Array(text.utf8)
    }

    static func tokenize(_ text: String) -> [TemplateToken] {
        var lexer = TemplateLexer(text)
        lexer.run()
        return lexer.tokens
    }

    private mutating func run() {
        var inside = false
        while true {
            let finished = inside ? lexInsideAction(&inside) : lexText(&inside)
            if finished { return }
        }
    }

    // MARK: - Text

    private func hasPrefix(_ bytes: [UInt8], at offset: Int) -> Bool {
        offset + bytes.count <= source.count && Array(source[offset..<offset + bytes.count]) == bytes
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: source[range], as: UTF8.self)
    }

    private mutating func emit(_ kind: TemplateToken.Kind) {
        tokens.append(TemplateToken(kind: kind, text: text(start..<position), position: start))
        start = position
    }

    private mutating func fail(_ message: String) -> Bool {
        tokens.append(TemplateToken(kind: .error, text: message, position: start))
        return true
    }

    /// Text up to the next `{{`; returns true when lexing is over.
    private mutating func lexText(_ inside: inout Bool) -> Bool {
        guard let found = firstLeftDelimiter(from: position) else {
            position = source.count
            if position > start { emit(.text) }
            tokens.append(TemplateToken(kind: .eof, text: "", position: position))
            return true
        }
        // `{{- ` trims the blanks before it.
        let trims = hasPrefix(Array("{{- ".utf8), at: found)
        var end = found
        if trims {
            while end > start, isTemplateSpace(source[end - 1]) { end -= 1 }
        }
        if end > start {
            tokens.append(TemplateToken(kind: .text, text: text(start..<end), position: start))
        }
        position = found
        start = found
        return lexLeftDelimiter(&inside, trims: trims)
    }

    private func firstLeftDelimiter(from offset: Int) -> Int? {
        var index = offset
        while index + 1 < source.count {
            if source[index] == UInt8(ascii: "{") && source[index + 1] == UInt8(ascii: "{") { return index }
            index += 1
        }
        return nil
    }

    private mutating func lexLeftDelimiter(_ inside: inout Bool, trims: Bool) -> Bool {
        position += 2
        if trims { position += 2 }
        if hasPrefix(Array("/*".utf8), at: position) {
            return lexComment(&inside)
        }
        tokens.append(TemplateToken(kind: .leftDelimiter, text: "{{", position: start))
        start = position
        parenDepth = 0
        inside = true
        return false
    }

    private mutating func lexComment(_ inside: inout Bool) -> Bool {
        position += 2
        var index = position
        while index + 1 < source.count, !(source[index] == UInt8(ascii: "*") && source[index + 1] == UInt8(ascii: "/")) {
            index += 1
        }
        guard index + 1 < source.count else { return fail("unclosed comment") }
        position = index + 2
        let (atRight, trims) = atRightDelimiter()
        guard atRight else { return fail("comment ends before closing delimiter") }
        position += trims ? 4 : 2
        if trims { skipLeadingSpace() }
        start = position
        return false
    }

    // MARK: - Actions

    /// `}}` or ` -}}` at the current position.
    private func atRightDelimiter() -> (Bool, trims: Bool) {
        if hasPrefix(Self.rightDelimiter, at: position) { return (true, false) }
        if hasPrefix(Array(" -}}".utf8), at: position) {
            return (true, true)
        }
        return (false, false)
    }

    private mutating func skipLeadingSpace() {
        while position < source.count, isTemplateSpace(source[position]) { position += 1 }
    }

    private mutating func lexInsideAction(_ inside: inout Bool) -> Bool {
        let (atRight, trims) = atRightDelimiter()
        if atRight {
            if trims {
                position += 1
                start = position
            }
            if parenDepth > 0 { return fail("unclosed left paren") }
            position += trims ? 3 : 2
            tokens.append(TemplateToken(kind: .rightDelimiter, text: "}}", position: start))
            if trims { skipLeadingSpace() }
            start = position
            inside = false
            return false
        }
        guard position < source.count else { return fail("unclosed action") }
        let byte = source[position]
        switch byte {
        case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
            return fail("unclosed action")
        case UInt8(ascii: " "), UInt8(ascii: "\t"):
            while position < source.count, source[position] == UInt8(ascii: " ") || source[position] == UInt8(ascii: "\t") {
                if atRightDelimiter().trims { break }
                position += 1
            }
            emit(.space)
        case UInt8(ascii: ":"):
            position += 1
            guard position < source.count, source[position] == UInt8(ascii: "=") else { return fail("expected :=") }
            position += 1
            emit(.declare)
        case UInt8(ascii: "|"):
            position += 1
            emit(.pipe)
        case UInt8(ascii: "\""):
            return lexQuote()
        case UInt8(ascii: "`"):
            return lexRawQuote()
        case UInt8(ascii: "'"):
            return lexCharacter()
        case UInt8(ascii: "$"):
            position += 1
            return lexFieldOrVariable(.variable)
        case UInt8(ascii: "."):
            if position + 1 < source.count, isDigit(source[position + 1]) {
                return lexNumber()
            }
            position += 1
            return lexFieldOrVariable(.field)
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return lexNumber()
        case UInt8(ascii: "("):
            position += 1
            parenDepth += 1
            emit(.leftParen)
        case UInt8(ascii: ")"):
            position += 1
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren U+0029 ')'") }
            emit(.rightParen)
        default:
            if alphanumericLength(at: position) > 0 {
                return lexIdentifier()
            }
            if byte < 0x80 && byte >= 0x20 && byte != 0x7F {
                position += 1
                emit(.char)
            } else {
                let scalar = String(decoding: source[position...], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
                return fail("unrecognized character in action: \(goUnicode(scalar))")
            }
        }
        return false
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// The byte length of the letter, digit or `_` at `offset` (Go's `isAlphaNumeric`, which
    /// accepts Unicode letters and digits), or 0 when there is none.
    private func alphanumericLength(at offset: Int) -> Int {
        guard offset < source.count else { return 0 }
        let lead = source[offset]
        if lead < 0x80 {
            let isWord = isDigit(lead) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lead)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(lead) || lead == UInt8(ascii: "_")
            return isWord ? 1 : 0
        }
        let length = lead >= 0xF0 ? 4 : (lead >= 0xE0 ? 3 : 2)
        guard offset + length <= source.count,
              let scalar = String(decoding: source[offset..<offset + length], as: UTF8.self).unicodeScalars.first,
              scalar != "\u{FFFD}" else { return 0 }
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal ? length : 0
    }

    private mutating func skipAlphanumerics() {
        while case let length = alphanumericLength(at: position), length > 0 { position += length }
    }

    private func atTerminator() -> Bool {
        guard position < source.count else { return true }
        switch source[position] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "."),
             UInt8(ascii: ","), UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: ")"), UInt8(ascii: "("),
             UInt8(ascii: "}"):
            return true
        default:
            return false
        }
    }

    private mutating func lexFieldOrVariable(_ kind: TemplateToken.Kind) -> Bool {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return false
        }
        skipAlphanumerics()
        guard atTerminator() else { return failBadCharacter() }
        emit(kind)
        return false
    }

    private mutating func failBadCharacter() -> Bool {
        let scalar = String(decoding: source[position...], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        return fail("bad character \(goUnicode(scalar))")
    }

    private mutating func lexIdentifier() -> Bool {
        skipAlphanumerics()
        guard atTerminator() else { return failBadCharacter() }
        let word = text(start..<position)
        let keywords: [String: TemplateToken.Kind] = [
            "if": .if, "else": .else, "end": .end, "range": .range, "with": .with, "define": .define,
            "template": .template, "block": .block, "nil": .nil, "true": .bool, "false": .bool,
        ]
        emit(keywords[word] ?? .identifier)
        return false
    }

    private mutating func lexQuote() -> Bool {
        position += 1
        while true {
            guard position < source.count, source[position] != UInt8(ascii: "\n") else {
                return fail("unterminated quoted string")
            }
            if source[position] == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            position += 1
            if source[position - 1] == UInt8(ascii: "\"") { break }
        }
        emit(.string)
        return false
    }

    private mutating func lexRawQuote() -> Bool {
        position += 1
        while position < source.count, source[position] != UInt8(ascii: "`") { position += 1 }
        guard position < source.count else { return fail("unterminated raw quoted string") }
        position += 1
        emit(.rawString)
        return false
    }

    private mutating func lexCharacter() -> Bool {
        position += 1
        while true {
            guard position < source.count, source[position] != UInt8(ascii: "\n") else {
                return fail("unterminated character constant")
            }
            if source[position] == UInt8(ascii: "\\") {
                position += 2
                continue
            }
            position += 1
            if source[position - 1] == UInt8(ascii: "'") { break }
        }
        emit(.character)
        return false
    }

    private mutating func lexNumber() -> Bool {
        if position < source.count, source[position] == UInt8(ascii: "+") || source[position] == UInt8(ascii: "-") {
            position += 1
        }
        var digits = "0123456789"
        if hasPrefix(Array("0x".utf8), at: position) || hasPrefix(Array("0X".utf8), at: position) {
            position += 2
            digits = "0123456789abcdefABCDEF"
        }
        let digitBytes = Set(digits.utf8)
        func accept(_ set: Set<UInt8>) -> Bool {
            guard position < source.count, set.contains(source[position]) else { return false }
            position += 1
            return true
        }
        while accept(digitBytes) {}
        if accept([UInt8(ascii: ".")]) { while accept(digitBytes) {} }
        if accept([UInt8(ascii: "e"), UInt8(ascii: "E")]) {
            _ = accept([UInt8(ascii: "+"), UInt8(ascii: "-")])
            while accept(Set("0123456789".utf8)) {}
        }
        _ = accept([UInt8(ascii: "i")])
        if alphanumericLength(at: position) > 0 {
            position += alphanumericLength(at: position)
            return fail("bad number syntax: \(goQuoted(text(start..<position)))")
        }
        emit(.number)
        return false
    }
}

func isTemplateSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
}

/// Go's `%#U`: `U+007D '}'`.
func goUnicode(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    return "U+\(padded) '\(Character(scalar))'"
}
