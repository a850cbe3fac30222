@testable import Kernel
@testable import Shell
import Testing

@Suite struct PosixRegexTests {
    @Test(arguments: [
        ("[[:alpha:]]+", true, "abc", true),
        ("^[[:digit:]]*$", false, "123", true),
        ("^[[:digit:]]*$", false, "12a", false),
        ("[]x]", false, "]", true),
        ("[^]x]", false, "x", false),
        ("a.c", false, "a-c", true),
        ("a\\.c", false, "abc", false),
        ("*star", false, "*star", true),
        ("a{2}", false, "a{2}", true),
        ("a\\{2\\}", false, "aa", true),
        ("a{2}", true, "aa", true),
        ("(ab)+", false, "(ab)+", true),
        ("\\(ab\\)\\1", false, "abab", true),
        ("x|y", false, "x|y", true),
        ("x\\|y", false, "y", true),
        ("\\<the\\>", false, "other", false),
        ("\\<the\\>", false, "in the end", true),
        ("a+b?", true, "aab", true),
        ("1.5$", false, "version 1.5", true),
        ("a$b", false, "a$b", true),
        ("[a-c-]", false, "-", true),
        ("#not a comment", false, "#not a comment", true),
        ("/path/to", false, "/path/to", true),
        ("", false, "anything", true),
    ])
    func translatesPosixSyntax(pattern: String, extended: Bool, text: String, matches: Bool) throws {
        let regex = try PosixRegex(pattern, extended: extended)
        #expect(regex.matches(text) == matches)
    }

    @Test(arguments: ["[abc", "\\(a", "a\\", "(a"])
    func rejectsBrokenPatterns(pattern: String) {
        #expect(throws: PosixRegex.SyntaxError.self) {
            _ = try PosixRegex(pattern, extended: pattern == "(a")
        }
    }
}
