import Kernel
import Simulation

/// An error of `test`, `[` or `[[`, worded as bash words it after `bash: [: `.
struct TestError: Error, Equatable {
    var message: String
}

/// Evaluates the expressions of `test`, `[` and `[[ … ]]`.
struct TestEvaluator {
    /// Answers a file test such as `-f` for a path.
    var fileTest: (String, String) -> Bool
    /// `[[ … ]]`: `&&`, `||`, `==` as a pattern match, `<` and `>`.
    var isDoubleBracket = false
    /// For `[[`: the right-hand patterns, by argument index, for `==`/`!=`.
    var patterns: [Int: ShellPattern] = [:]
    /// Answers `-ef`, `-nt` and `-ot` for two paths.
    var fileCompare: (String, String, String) -> Bool = { _, _, _ in false }

    static let unaryOperators: Set<String> = ["-n", "-z", "-e", "-f", "-d", "-x", "-r", "-w", "-s", "-L", "-h", "-a", "-b", "-c", "-p", "-S", "-t", "-g", "-u", "-k", "-O", "-G", "-N", "-v"]
    static let binaryOperators: Set<String> = ["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", "-nt", "-ot", "-ef", "=~"]

    private var arguments: [String] = []
    private var index = 0

    init(fileTest: @escaping (String, String) -> Bool, isDoubleBracket: Bool = false, patterns: [Int: ShellPattern] = [:]) {
        self.fileTest = fileTest
        self.isDoubleBracket = isDoubleBracket
        self.patterns = patterns
    }

    mutating func evaluate(_ arguments: [String]) throws(TestError) -> Bool {
        self.arguments = arguments
        index = 0
        if !isDoubleBracket {
            switch arguments.count {
            case 0: return false
            case 1: return !arguments[0].isEmpty
            case 2:
                if arguments[0] == "!" { return arguments[1].isEmpty }
                guard Self.unaryOperators.contains(arguments[0]) else {
                    throw TestError(message: "\(arguments[0]): unary operator expected")
                }
                return try unary(arguments[0], arguments[1])
            case 3:
                if Self.binaryOperators.contains(arguments[1]) { return try binary(arguments[0], arguments[1], arguments[2], at: 2) }
                if arguments[1] == "-a" { return !arguments[0].isEmpty && !arguments[2].isEmpty }
                if arguments[1] == "-o" { return !arguments[0].isEmpty || !arguments[2].isEmpty }
                if arguments[0] == "!" {
                    var inner = self
                    return !(try inner.evaluate(Array(arguments[1...])))
                }
                if arguments[0] == "(", arguments[2] == ")" { return !arguments[1].isEmpty }
                throw TestError(message: "\(arguments[1]): binary operator expected")
            default:
                break
            }
        }
        let value = try disjunction()
        guard index == arguments.count else {
            throw TestError(message: isDoubleBracket ? "syntax error in conditional expression" : "too many arguments")
        }
        return value
    }

    private var orOperator: String { isDoubleBracket ? "||" : "-o" }
    private var andOperator: String { isDoubleBracket ? "&&" : "-a" }

    private mutating func disjunction() throws(TestError) -> Bool {
        var value = try conjunction()
        while index < arguments.count, arguments[index] == orOperator {
            index += 1
            let right = try conjunction()
            value = value || right
        }
        return value
    }

    private mutating func conjunction() throws(TestError) -> Bool {
        var value = try negation()
        while index < arguments.count, arguments[index] == andOperator {
            index += 1
            let right = try negation()
            value = value && right
        }
        return value
    }

    private mutating func negation() throws(TestError) -> Bool {
        // Every level of `(` and `!` comes through here: nesting as deep as the stack allows.
        guard ThreadStack.hasRoom else { throw TestError(message: "expression recursion level exceeded") }
        if index < arguments.count, arguments[index] == "!" {
            index += 1
            return !(try negation())
        }
        return try primary()
    }

    private mutating func primary() throws(TestError) -> Bool {
        guard index < arguments.count else { throw TestError(message: "argument expected") }
        let first = arguments[index]
        if first == "(" {
            index += 1
            let value = try disjunction()
            guard index < arguments.count, arguments[index] == ")" else { throw TestError(message: "`)' expected") }
            index += 1
            return value
        }
        if index + 2 < arguments.count + 0, Self.binaryOperators.contains(arguments[index + 1]) {
            let value = try binary(first, arguments[index + 1], arguments[index + 2], at: index + 2)
            index += 3
            return value
        }
        if Self.unaryOperators.contains(first), index + 1 < arguments.count {
            let value = try unary(first, arguments[index + 1])
            index += 2
            return value
        }
        index += 1
        return !first.isEmpty
    }

    private func unary(_ op: String, _ operand: String) throws(TestError) -> Bool {
        switch op {
        case "-n": return !operand.isEmpty
        case "-z": return operand.isEmpty
        case "-t": return false
        default: return fileTest(op, operand)
        }
    }

    private func binary(_ left: String, _ op: String, _ right: String, at rightIndex: Int) throws(TestError) -> Bool {
        switch op {
        case "=", "==":
            if isDoubleBracket, let pattern = patterns[rightIndex] { return pattern.matches(left) }
            return left == right
        case "!=":
            if isDoubleBracket, let pattern = patterns[rightIndex] { return !pattern.matches(left) }
            return left != right
        case "<": return left < right
        case ">": return left > right
        case "-nt", "-ot", "-ef": return fileCompare(left, op, right)
        case "=~":
            guard isDoubleBracket else { throw TestError(message: "=~: binary operator expected") }
            // POSIX extended regex, matched anywhere in the string; a bad one is status 2.
            guard let regex = try? PosixRegex(right, extended: true) else { throw TestError(message: "invalid regular expression") }
            return regex.matches(left)
        default:
            let a = try integer(left)
            let b = try integer(right)
            switch op {
            case "-eq": return a == b
            case "-ne": return a != b
            case "-lt": return a < b
            case "-le": return a <= b
            case "-gt": return a > b
            default: return a >= b
            }
        }
    }

    private func integer(_ text: String) throws(TestError) -> Int {
        let trimmed = text.trimmingCharacters(in: " \t")
        guard let value = Int(trimmed) else { throw TestError(message: "\(text): integer expression expected") }
        return value
    }
}
