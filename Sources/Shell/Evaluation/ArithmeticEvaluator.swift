import Kernel
import Simulation

/// An arithmetic error, worded as bash reports it (without the `bash: ` prefix).
public struct ArithmeticError: Error, Equatable, Sendable {
    public var message: String
}

/// Evaluates `$(( … ))` and `(( … ))` text: C integer arithmetic on 64-bit values, with variables.
struct ArithmeticEvaluator {
    /// Reads a variable's text (nil when unset).
    var lookup: (String) -> String?
    /// Assigns a variable (for `=`, `+=`, `++` …).
    var assign: (String, String) -> Void
    /// `set -u`: reading an unset variable is an error.
    var failOnUnset = false

    private enum Token: Equatable {
        case number(Int)
        case name(String)
        case op(String)
    }

    private var tokens: [Token] = []
    private var index = 0
    private var text = ""
    /// Guards against variables whose values refer to themselves.
    private var depth = 0

    init(lookup: @escaping (String) -> String?, assign: @escaping (String, String) -> Void) {
        self.lookup = lookup
        self.assign = assign
    }

    static let operators = ["<<=", ">>=", "**", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
                            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
                            "+", "-", "*", "/", "%", "<", ">", "!", "~", "&", "|", "^", "?", ":", "=", "(", ")", ","]

    mutating func evaluate(_ source: String) throws(ArithmeticError) -> Int {
        text = source.trimmingCharacters(in: " \t\n")
        tokens = try Self.tokenize(text)
        index = 0
        if tokens.isEmpty { return 0 }
        let value = try comma()
        if index < tokens.count { throw syntaxError("syntax error in expression", at: index) }
        return value
    }

    private static func tokenize(_ text: String) throws(ArithmeticError) -> [Token] {
        let characters = Array(text)
        var tokens: [Token] = []
        var i = 0
        outer: while i < characters.count {
            let c = characters[i]
            if c == " " || c == "\t" || c == "\n" {
                i += 1
                continue
            }
            if c.isASCIIDigit {
                var j = i
                while j < characters.count, characters[j].isNameCharacter || characters[j] == "#" { j += 1 }
                let literal = String(characters[i..<j])
                guard let value = parseNumber(literal) else {
                    throw ArithmeticError(message: "\(text): value too great for base (error token is \"\(literal)\")")
                }
                tokens.append(.number(value))
                i = j
                continue
            }
            if c.isNameStart {
                var j = i
                while j < characters.count, characters[j].isNameCharacter { j += 1 }
                // `a[expression]`: an array element, its subscript kept as text.
                if j < characters.count, characters[j] == "[" {
                    var depth = 0
                    var k = j
                    while k < characters.count {
                        if characters[k] == "[" { depth += 1 }
                        if characters[k] == "]" {
                            depth -= 1
                            if depth == 0 { break }
                        }
                        k += 1
                    }
                    guard k < characters.count else {
                        throw ArithmeticError(message: "\(text): bad array subscript")
                    }
                    j = k + 1
                }
                tokens.append(.name(String(characters[i..<j])))
                i = j
                continue
            }
            for op in operators {
                let end = i + op.count
                if end <= characters.count, String(characters[i..<end]) == op {
                    tokens.append(.op(op))
                    i = end
                    continue outer
                }
            }
            throw ArithmeticError(message: "\(text): syntax error: invalid arithmetic operator (error token is \"\(String(characters[i...]))\")")
        }
        return tokens
    }

    static func parseNumber(_ literal: String) -> Int? {
        if literal.hasPrefix("0x") || literal.hasPrefix("0X") { return Int(literal.dropFirst(2), radix: 16) }
        if let hash = literal.firstIndex(of: "#"), let base = Int(literal[..<hash]), (2...36).contains(base) {
            return Int(literal[literal.index(after: hash)...], radix: base)
        }
        if literal.count > 1, literal.hasPrefix("0") { return Int(literal.dropFirst(), radix: 8) }
        return Int(literal)
    }

    /// Nesting as deep as the stack allows ends in bash's error (its own limit counts only
    /// nested evaluations; parentheses recurse in C until the stack runs out).
    private func checkStack() throws(ArithmeticError) {
        guard ThreadStack.hasRoom else { throw syntaxError("expression recursion level exceeded", at: index) }
    }

    private func syntaxError(_ what: String, at position: Int) -> ArithmeticError {
        // Bash names the rest of the expression from the bad token, or the last token at the end.
        let rest = position < tokens.count ? tokens[position...].map(Self.describe).joined(separator: " ")
                                           : tokens.last.map(Self.describe) ?? ""
        return ArithmeticError(message: "\(text): \(what) (error token is \"\(rest)\")")
    }

    private static func describe(_ token: Token) -> String {
        switch token {
        case .number(let value): return String(value)
        case .name(let name): return name
        case .op(let op): return op
        }
    }

    private func peekOperator() -> String? {
        guard index < tokens.count, case .op(let op) = tokens[index] else { return nil }
        return op
    }

    private mutating func comma() throws(ArithmeticError) -> Int {
        var value = try assignment()
        while peekOperator() == "," {
            index += 1
            value = try assignment()
        }
        return value
    }

    private mutating func assignment() throws(ArithmeticError) -> Int {
        try checkStack()
        if index + 1 < tokens.count, case .name(let name) = tokens[index], case .op(let op) = tokens[index + 1],
           ["=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^="].contains(op) {
            index += 2
            let right = try assignment()
            var value = right
            if op != "=" {
                let current = try variable(name)
                value = try apply(String(op.dropLast()), current, right)
            }
            store(name, String(value))
            return value
        }
        return try conditional()
    }

    /// Operands bash does not evaluate (`||`, `&&` and `?:` short-circuit) are parsed with
    /// their assignments and division checks turned off.
    private var skipping = 0

    private func store(_ name: String, _ value: String) {
        if skipping == 0 { assign(name, value) }
    }

    private mutating func skipped<T>(_ skip: Bool, _ parse: (inout Self) throws(ArithmeticError) -> T) throws(ArithmeticError) -> T {
        if skip { skipping += 1 }
        defer { if skip { skipping -= 1 } }
        return try parse(&self)
    }

    private mutating func conditional() throws(ArithmeticError) -> Int {
        let condition = try binary(level: 0)
        guard peekOperator() == "?" else { return condition }
        index += 1
        let whenTrue = try skipped(condition == 0) { (parser: inout Self) throws(ArithmeticError) -> Int in try parser.assignment() }
        guard peekOperator() == ":" else { throw syntaxError("syntax error in expression", at: index) }
        index += 1
        let whenFalse = try skipped(condition != 0) { (parser: inout Self) throws(ArithmeticError) -> Int in try parser.assignment() }
        return condition != 0 ? whenTrue : whenFalse
    }

    private static let levels: [[String]] = [["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="],
                                             ["<<", ">>"], ["+", "-"], ["*", "/", "%"]]

    private mutating func binary(level: Int) throws(ArithmeticError) -> Int {
        guard level < Self.levels.count else { return try power() }
        var left = try binary(level: level + 1)
        while let op = peekOperator(), Self.levels[level].contains(op) {
            index += 1
            let decided = (op == "||" && left != 0) || (op == "&&" && left == 0)
            let right = try skipped(decided) { (parser: inout Self) throws(ArithmeticError) -> Int in try parser.binary(level: level + 1) }
            left = try apply(op, left, right)
        }
        return left
    }

    private mutating func power() throws(ArithmeticError) -> Int {
        let base = try unary()
        guard peekOperator() == "**" else { return base }
        index += 1
        let exponent = try power()
        guard exponent >= 0 else { throw ArithmeticError(message: "\(text): exponent less than 0 (error token is \"\(exponent)\")") }
        var result = 1
        var factor = base
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result &* factor }
            factor = factor &* factor
            remaining >>= 1
        }
        return result
    }

    private func apply(_ op: String, _ left: Int, _ right: Int) throws(ArithmeticError) -> Int {
        switch op {
        case "||": return (left != 0 || right != 0) ? 1 : 0
        case "&&": return (left != 0 && right != 0) ? 1 : 0
        case "|": return left | right
        case "^": return left ^ right
        case "&": return left & right
        case "==": return left == right ? 1 : 0
        case "!=": return left != right ? 1 : 0
        case "<": return left < right ? 1 : 0
        case "<=": return left <= right ? 1 : 0
        case ">": return left > right ? 1 : 0
        case ">=": return left >= right ? 1 : 0
        case "<<": return left << right
        case ">>": return left >> right
        case "+": return left &+ right
        case "-": return left &- right
        case "*": return left &* right
        case "/", "%":
            guard right != 0 else {
                if skipping > 0 { return 0 }
                throw ArithmeticError(message: "\(text): division by 0 (error token is \"\(right)\")")
            }
            if left == Int.min, right == -1 { return op == "/" ? Int.min : 0 }
            return op == "/" ? left / right : left % right
        default: return 0
        }
    }

    private mutating func unary() throws(ArithmeticError) -> Int {
        try checkStack()
        guard let op = peekOperator() else { return try postfix() }
        switch op {
        case "-": index += 1; return 0 &- (try unary())
        case "+": index += 1; return try unary()
        case "!": index += 1; return try unary() == 0 ? 1 : 0
        case "~": index += 1; return ~(try unary())
        case "++", "--":
            index += 1
            guard index < tokens.count, case .name(let name) = tokens[index] else {
                throw syntaxError("syntax error: operand expected", at: index)
            }
            index += 1
            let value = try variable(name) + (op == "++" ? 1 : -1)
            store(name, String(value))
            return value
        default:
            return try postfix()
        }
    }

    private mutating func postfix() throws(ArithmeticError) -> Int {
        guard index < tokens.count else { throw syntaxError("syntax error: operand expected", at: index) }
        let token = tokens[index]
        switch token {
        case .number(let value):
            index += 1
            return value
        case .name(let name):
            index += 1
            let value = try variable(name)
            if let op = peekOperator(), op == "++" || op == "--" {
                index += 1
                store(name, String(value + (op == "++" ? 1 : -1)))
            }
            return value
        case .op("("):
            index += 1
            let value = try comma()
            guard peekOperator() == ")" else { throw syntaxError("syntax error in expression", at: index) }
            index += 1
            return value
        case .op:
            throw syntaxError("syntax error: operand expected", at: index)
        }
    }

    /// A variable's value; text that is itself an expression is evaluated, as bash does.
    private mutating func variable(_ name: String) throws(ArithmeticError) -> Int {
        guard let value = lookup(name) else {
            if failOnUnset { throw ArithmeticError(message: "\(name): unbound variable") }
            return 0
        }
        let raw = value.trimmingCharacters(in: " \t\n")
        guard !raw.isEmpty else { return 0 }
        if let number = Self.parseNumber(raw) { return number }
        guard depth < 64 else { throw ArithmeticError(message: "\(name): expression recursion level exceeded") }
        var nested = ArithmeticEvaluator(lookup: lookup, assign: assign)
        nested.failOnUnset = failOnUnset
        nested.depth = depth + 1
        return try nested.evaluate(raw)
    }
}
