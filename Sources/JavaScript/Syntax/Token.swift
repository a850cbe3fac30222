/// A position in a source file: 1-based line and 0-based column.
public struct SourcePosition: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One lexical token of a script.
struct Token {
    enum Kind: Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case template(strings: [String], expressions: [TemplateExpression])
        case punctuator(String)
        case regex(pattern: String, flags: String)
        case end
    }

    /// The source of one `${…}` part of a template literal, and where it starts.
    struct TemplateExpression: Equatable {
        var source: String
        var position: SourcePosition
    }

    var kind: Kind
    var position: SourcePosition
    /// Whether a line break precedes the token (drives automatic semicolon insertion).
    var newlineBefore: Bool
    /// How many characters the token spans on its first line (V8 underlines that many).
    var length = 1

    /// How V8 names the token in "Unexpected …" messages.
    var unexpectedDescription: String {
        switch kind {
        case .identifier(let name):
            return Token.reservedWords.contains(name) || name == "true" || name == "false" || name == "null"
                ? "Unexpected token \(name)" : "Unexpected identifier"
        case .number: return "Unexpected number"
        case .string: return "Unexpected string"
        case .template: return "Unexpected template string"
        case .punctuator(let text): return "Unexpected token \(text)"
        case .regex: return "Unexpected regular expression"
        case .end: return "Unexpected end of input"
        }
    }

    static let reservedWords: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof",
        "new", "return", "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while",
        "with", "enum",
    ]
}

/// A syntax error found while reading a script, with V8's message.
public struct SyntaxErrorInfo: Error, Sendable, Equatable {
    public var message: String
    public var position: SourcePosition
    /// The width of the offending token, for the caret underline.
    public var length = 1
    /// The error's constructor: a `RangeError` when nesting exhausts the parser's stack.
    public var name = "SyntaxError"

    public init(name: String = "SyntaxError", message: String, position: SourcePosition, length: Int = 1) {
        self.name = name
        self.message = message
        self.position = position
        self.length = length
    }
}
