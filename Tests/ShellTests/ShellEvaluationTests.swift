@testable import Kernel
@testable import Shell
import Testing

@Suite struct ShellArithmeticTests {
    static let cases: [(String, Int)] = [
        ("1 + 2 * 3", 7), ("(1 + 2) * 3", 9), ("7 / 2", 3), ("7 % 3", 1), ("-7 / 2", -3), ("2 ** 10", 1024),
        ("3 > 2", 1), ("3 <= 2", 0), ("1 == 1 && 0", 0), ("0 || 5", 1), ("!0", 1), ("x + 1", 42), ("x * y", 82),
        ("unset + 1", 1), ("0x1f", 31), ("010", 8), ("2#101", 5), ("x > 5 ? 10 : 20", 10), ("1 << 4", 16), ("expr", 43),
    ]

    @Test(arguments: cases)
    func evaluates(expression: String, expected: Int) throws {
        let variables = ["x": "41", "y": "2", "expr": "x + 2"]
        var evaluator = ArithmeticEvaluator(lookup: { variables[$0] }, assign: { _, _ in })
        #expect(try evaluator.evaluate(expression) == expected)
    }

    @Test func assigns() throws {
        final class Box { var values: [String: String] = ["i": "5"] }
        let box = Box()
        var evaluator = ArithmeticEvaluator(lookup: { box.values[$0] }, assign: { box.values[$0] = $1 })
        #expect(try evaluator.evaluate("i++") == 5)
        #expect(box.values["i"] == "6")
        #expect(try evaluator.evaluate("i += 4") == 10)
        #expect(try evaluator.evaluate("j = i * 2") == 20)
        #expect(box.values["j"] == "20")
    }

    @Test func reportsErrors() {
        var evaluator = ArithmeticEvaluator(lookup: { _ in nil }, assign: { _, _ in })
        #expect(throws: ArithmeticError(message: "1/0: division by 0 (error token is \"0\")")) { try evaluator.evaluate("1/0") }
        #expect(throws: ArithmeticError(message: "1 +: syntax error: operand expected (error token is \"+\")")) { try evaluator.evaluate("1 +") }
        #expect(throws: ArithmeticError(message: "08: value too great for base (error token is \"08\")")) { try evaluator.evaluate("08") }
    }
}

@Suite struct ShellPatternTests {
    static let cases: [(String, String, Bool)] = [
        ("*.txt", "a.txt", true), ("*.txt", "a.txt.bak", false), ("a?c", "abc", true), ("a?c", "ac", false),
        ("[abc]x", "bx", true), ("[!abc]x", "bx", false), ("[a-z]*", "kubia", true), ("[[:digit:]]*", "9lives", true),
        ("*", "", true), ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false), ("[", "[", true),
    ]

    @Test(arguments: cases)
    func matches(pattern: String, text: String, expected: Bool) {
        #expect(ShellPattern(pattern).matches(text) == expected)
    }

    @Test func quotedCharactersMatchThemselves() {
        let pattern = ShellPattern([.init(character: "*", isQuoted: true)])
        #expect(pattern.matches("*"))
        #expect(!pattern.matches("x"))
        #expect(!pattern.hasWildcards)
    }
}

@Suite struct ShellTestExpressionTests {
    static let cases: [([String], Bool)] = [
        ([], false), (["x"], true), ([""], false), (["-n", ""], false), (["-z", ""], true), (["a", "=", "a"], true),
        (["a", "!=", "a"], false), (["3", "-lt", "10"], true), (["3", "-ge", "10"], false), (["!", "x"], false),
        (["-f", "/file"], true), (["-d", "/file"], false), (["a", "=", "a", "-a", "1", "-eq", "2"], false),
        (["a", "=", "b", "-o", "(", "1", "-eq", "1", ")"], true), (["!", "-d", "/file"], true),
    ]

    @Test(arguments: cases)
    func evaluates(arguments: [String], expected: Bool) throws {
        var evaluator = TestEvaluator(fileTest: { op, path in op == "-f" && path == "/file" })
        #expect(try evaluator.evaluate(arguments) == expected)
    }

    static let errors: [([String], String)] = [
        (["a", "-eq", "1"], "a: integer expression expected"),
        (["a", "b"], "a: unary operator expected"),
        (["a", "b", "c"], "b: binary operator expected"),
        (["a", "b", "c", "d", "e"], "too many arguments"),
    ]

    @Test(arguments: errors)
    func reportsErrors(arguments: [String], message: String) {
        var evaluator = TestEvaluator(fileTest: { _, _ in false })
        #expect(throws: TestError(message: message)) { try evaluator.evaluate(arguments) }
    }
}

@Suite struct ShellPrintfTests {
    static let cases: [(String, [String], String)] = [
        ("%s\\n", ["a", "b"], "a\nb\n"), ("%d-%d\\n", ["1", "2", "3"], "1-2\n3-0\n"), ("%5s|%-5s|\n", ["ab", "cd"], "   ab|cd   |\n"),
        ("%x %X %o %c\n", ["255", "255", "8", "hello"], "ff FF 10 h\n"), ("%05d %+d\n", ["42", "7"], "00042 +7\n"),
        ("%b", ["a\\tb"], "a\tb"), ("100%%\n", [], "100%\n"), ("%.2f %s\n", ["3.14159", "x"], "3.14 x\n"), ("%.3s\n", ["abcdef"], "abc\n"),
        ("no args\n", ["ignored"], "no args\n"), ("%s", [], ""), ("%d\n", ["'A"], "65\n"),
    ]

    @Test(arguments: cases)
    func formats(format: String, arguments: [String], expected: String) {
        var formatter = PrintfFormatter()
        #expect(formatter.format(format, arguments: arguments) == expected)
        #expect(formatter.errors.isEmpty)
    }

    @Test func reportsInvalidNumbers() {
        var formatter = PrintfFormatter()
        #expect(formatter.format("%d\n", arguments: ["abc"]) == "0\n")
        #expect(formatter.errors == ["abc: invalid number"])
    }
}
