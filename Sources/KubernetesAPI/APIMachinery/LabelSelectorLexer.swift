/// The tokens of the label selector grammar.
enum LabelSelectorToken: Equatable {
    case error
    case endOfString
    case closedParenthesis
    case comma
    case doesNotExist
    case doubleEquals
    case equals
    case greaterThan
    case identifier
    case `in`
    case lessThan
    case notEquals
    case notIn
    case openParenthesis

    /// The literal spellings the lexer recognises as tokens rather than identifiers.
    static func keyword(_ literal: String) -> LabelSelectorToken? {
        switch literal {
        case ")": .closedParenthesis
        case ",": .comma
        case "!": .doesNotExist
        case "==": .doubleEquals
        case "=": .equals
        case ">": .greaterThan
        case "in": .in
        case "<": .lessThan
        case "!=": .notEquals
        case "notin": .notIn
        case "(": .openParenthesis
        default: nil
        }
    }
}

/// A scanned token with the text it came from.
struct LabelSelectorItem {
    var token: LabelSelectorToken
    var literal: String
}

/// Splits a selector into tokens byte by byte, as the Go lexer does (a NUL byte ends the input).
struct LabelSelectorLexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    private mutating func read() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func unread() {
        position -= 1
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
    }

    private static func isSpecialSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","),
            UInt8(ascii: ">"), UInt8(ascii: "<"):
            true
        default:
            false
        }
    }

    mutating func next() -> LabelSelectorItem {
        var byte = read()
        while Self.isWhitespace(byte) { byte = read() }
        if byte == 0 { return LabelSelectorItem(token: .endOfString, literal: "") }
        unread()
        return Self.isSpecialSymbol(byte) ? scanSpecialSymbol() : scanIdentifierOrKeyword()
    }

    private mutating func scanIdentifierOrKeyword() -> LabelSelectorItem {
        var buffer: [UInt8] = []
        while true {
            let byte = read()
            if byte == 0 { break }
            if Self.isSpecialSymbol(byte) || Self.isWhitespace(byte) {
                unread()
                break
            }
            buffer.append(byte)
        }
        let literal = String(decoding: buffer, as: UTF8.self)
        return LabelSelectorItem(token: LabelSelectorToken.keyword(literal) ?? .identifier, literal: literal)
    }

    /// Takes the longest run of symbols that still spells an operator (`!=` rather than `!`).
    private mutating func scanSpecialSymbol() -> LabelSelectorItem {
        var last: LabelSelectorItem?
        var buffer: [UInt8] = []
        while true {
            let byte = read()
            if byte == 0 { break }
            guard Self.isSpecialSymbol(byte) else {
                unread()
                break
            }
            buffer.append(byte)
            let literal = String(decoding: buffer, as: UTF8.self)
            if let token = LabelSelectorToken.keyword(literal) {
                last = LabelSelectorItem(token: token, literal: literal)
            } else if last != nil {
                unread()
                break
            }
        }
        guard let last else {
            return LabelSelectorItem(
                token: .error, literal: "error expected: keyword found '\(String(decoding: buffer, as: UTF8.self))'")
        }
        return last
    }
}
