import Kernel
import Shell

/// `expr`: evaluates its arguments as an expression (POSIX expr with GNU's `match`, `substr`,
/// `index`, `length` and `+ TOKEN`). Exit status 0 when the result is neither null nor 0, 1 when
/// it is, 2 for an invalid expression, 3 for another error.
public struct ExpressionProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var arguments = Array(context.arguments.dropFirst())
        if arguments.first == "--" { arguments.removeFirst() }
        guard !arguments.isEmpty else {
            context.complain("missing operand")
            context.printUsageHint(flavor: flavor)
            return 2
        }
        var parser = ExpressionParser(tokens: arguments, flavor: flavor)
        do {
            let value = try parser.parse()
            guard context.emit(value.text + "\n") else { return 3 }
            return value.isNullOrZero ? 1 : 0
        } catch {
            context.complain(error.message)
            return error.status
        }
    }
}

/// An `expr` failure: GNU's message and exit status.
struct ExpressionError: Error {
    let message: String
    var status: Int32 = 2
}

/// A value of `expr`: an integer when the text is one, else a string.
struct ExpressionValue {
    let text: String

    init(_ text: String) { self.text = text }
    init(_ number: Int) { text = String(number) }

    /// `-?[0-9]+` as an integer (GNU's `looks_like_integer`).
    var integer: Int? {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    var isNullOrZero: Bool { text.isEmpty || integer == 0 }
}

/// Recursive descent over the words, loosest operator first: `|`, `&`, comparisons, `+ -`,
/// `* / %`, `:`, then primaries. Nesting is bounded by the number of words.
struct ExpressionParser {
    let tokens: [String]
    let flavor: Flavor
    private var index = 0
    private var depth = 0
    private static let maximumDepth = 1_000

    init(tokens: [String], flavor: Flavor) {
        self.tokens = tokens
        self.flavor = flavor
    }

    mutating func parse() throws(ExpressionError) -> ExpressionValue {
        let value = try alternation()
        if index < tokens.count {
            throw ExpressionError(message: "syntax error: unexpected argument \(quotedWord(tokens[index]))")
        }
        return value
    }

    private func quotedWord(_ word: String) -> String { flavor == .gnu ? quoted(word) : "'\(word)'" }

    private var current: String? { index < tokens.count ? tokens[index] : nil }

    private mutating func take(_ operators: Set<String>) -> String? {
        guard let token = current, operators.contains(token) else { return nil }
        index += 1
        return token
    }

    private mutating func operand(after symbol: String) throws(ExpressionError) {
        guard current != nil else {
            throw ExpressionError(message: "syntax error: missing argument after \(quotedWord(symbol))")
        }
    }

    private mutating func alternation() throws(ExpressionError) -> ExpressionValue {
        var left = try conjunction()
        while let symbol = take(["|"]) {
            try operand(after: symbol)
            let right = try conjunction()
            if left.isNullOrZero { left = right.isNullOrZero ? ExpressionValue(0) : right }
        }
        return left
    }

    private mutating func conjunction() throws(ExpressionError) -> ExpressionValue {
        var left = try comparison()
        while let symbol = take(["&"]) {
            try operand(after: symbol)
            let right = try comparison()
            if left.isNullOrZero || right.isNullOrZero { left = ExpressionValue(0) }
        }
        return left
    }

    private mutating func comparison() throws(ExpressionError) -> ExpressionValue {
        var left = try additive()
        while let symbol = take(["<", "<=", "=", "==", "!=", ">=", ">"]) {
            try operand(after: symbol)
            let right = try additive()
            let order: Int
            if let a = left.integer, let b = right.integer {
                order = a < b ? -1 : (a > b ? 1 : 0)
            } else {
                order = left.text < right.text ? -1 : (left.text > right.text ? 1 : 0)
            }
            let truth: Bool
            switch symbol {
            case "<": truth = order < 0
            case "<=": truth = order <= 0
            case "=", "==": truth = order == 0
            case "!=": truth = order != 0
            case ">=": truth = order >= 0
            default: truth = order > 0
            }
            left = ExpressionValue(truth ? 1 : 0)
        }
        return left
    }

    private mutating func additive() throws(ExpressionError) -> ExpressionValue {
        var left = try multiplicative()
        while let symbol = take(["+", "-"]) {
            try operand(after: symbol)
            let right = try multiplicative()
            left = try arithmetic(symbol, left, right)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionError) -> ExpressionValue {
        var left = try matching()
        while let symbol = take(["*", "/", "%"]) {
            try operand(after: symbol)
            let right = try matching()
            left = try arithmetic(symbol, left, right)
        }
        return left
    }

    private func arithmetic(_ symbol: String, _ left: ExpressionValue, _ right: ExpressionValue) throws(ExpressionError) -> ExpressionValue {
        guard let a = left.integer, let b = right.integer else { throw ExpressionError(message: "non-integer argument") }
        let result: (Int, Bool)
        switch symbol {
        case "+": result = a.addingReportingOverflow(b)
        case "-": result = a.subtractingReportingOverflow(b)
        case "*": result = a.multipliedReportingOverflow(by: b)
        default:
            guard b != 0 else { throw ExpressionError(message: "division by zero") }
            result = symbol == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
        }
        guard !result.1 else { throw ExpressionError(message: "integer result too large", status: 3) }
        return ExpressionValue(result.0)
    }

    private mutating func matching() throws(ExpressionError) -> ExpressionValue {
        var left = try primary()
        while let symbol = take([":"]) {
            try operand(after: symbol)
            let right = try primary()
            left = try Self.match(left.text, right.text)
        }
        return left
    }

    /// `STRING : REGEX`, anchored at the start: the first `\(…\)` group, or the matched length.
    static func match(_ text: String, _ pattern: String) throws(ExpressionError) -> ExpressionValue {
        let regex: PosixRegex
        do {
            regex = try PosixRegex(pattern, extended: false)
        } catch {
            throw ExpressionError(message: error.message)
        }
        let found = try? regex.regex.prefixMatch(in: text)
        if pattern.contains("\\(") {
            guard let found, found.output.count > 1 else { return ExpressionValue("") }
            return ExpressionValue(found.output[1].substring.map(String.init) ?? "")
        }
        guard let found else { return ExpressionValue(0) }
        return ExpressionValue(text[found.range].count)
    }

    private mutating func primary() throws(ExpressionError) -> ExpressionValue {
        guard let token = current else {
            throw ExpressionError(message: "syntax error: missing argument after \(quotedWord(tokens.last ?? ""))")
        }
        depth += 1
        defer { depth -= 1 }
        guard depth < Self.maximumDepth else { throw ExpressionError(message: "syntax error: expression too deeply nested") }
        index += 1
        // GNU's keywords only apply when a word follows.
        let hasNext = index < tokens.count
        switch token {
        case "(":
            let value = try alternation()
            guard take([")"]) != nil else {
                if let stray = current {
                    throw ExpressionError(message: "syntax error: expecting ')' after \(quotedWord(tokens[index - 1])) instead of \(quotedWord(stray))")
                }
                throw ExpressionError(message: "syntax error: expecting ')' after \(quotedWord(tokens[index - 1]))")
            }
            return value
        case ")":
            throw ExpressionError(message: "syntax error: unexpected ')'")
        case "+" where hasNext && flavor == .gnu:
            index += 1
            return ExpressionValue(tokens[index - 1])
        case "length" where hasNext:
            let value = try primary()
            return ExpressionValue(value.text.count)
        case "match" where hasNext:
            let text = try primary()
            let pattern = try primary()
            return try Self.match(text.text, pattern.text)
        case "index" where hasNext:
            let text = try primary()
            let characters = try primary()
            let position = text.text.firstIndex { characters.text.contains($0) }
            return ExpressionValue(position.map { text.text.distance(from: text.text.startIndex, to: $0) + 1 } ?? 0)
        case "substr" where hasNext:
            let text = try primary()
            let start = try primary()
            let length = try primary()
            guard let from = start.integer, let count = length.integer, from >= 1, count >= 1, from <= text.text.count else {
                return ExpressionValue("")
            }
            let characters = Array(text.text)
            return ExpressionValue(String(characters[(from - 1)..<min(characters.count, from - 1 + count)]))
        default:
            return ExpressionValue(token)
        }
    }
}
