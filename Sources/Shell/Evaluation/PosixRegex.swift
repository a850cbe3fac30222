/// A POSIX basic or extended regular expression (GNU flavour, with `\+`, `\?`, `\|`, `\<`,
/// `\>`, `\w`, `\s`), compiled by translating it into Swift `Regex` syntax.
///
/// Swift's engine backtracks leftmost-first where POSIX asks for leftmost-longest; the two
/// differ only for alternations whose branches overlap, which the book's commands never use.
package struct PosixRegex {
    package let regex: Regex<AnyRegexOutput>

    /// Why a pattern does not compile, in GNU regcomp's words.
    package struct SyntaxError: Error {
        package let message: String
        static let unmatchedBracket = SyntaxError(message: "Unmatched [, [^, [:, [., or [=")
        static let unmatchedParenthesis = SyntaxError(message: "Unmatched ( or \\(")
        static let unmatchedBrace = SyntaxError(message: "Unmatched \\{")
        static let trailingBackslash = SyntaxError(message: "Trailing backslash")
        static let invalid = SyntaxError(message: "Invalid regular expression")
    }

    package init(_ pattern: String, extended: Bool, ignoreCase: Bool = false) throws(SyntaxError) {
        let translated = try Self.translate(Array(pattern), extended: extended)
        do {
            var compiled = try Regex(translated)
            if ignoreCase { compiled = compiled.ignoresCase() }
            regex = compiled
        } catch {
            throw .invalid
        }
    }

    /// The first match in `text` at or after `start`.
    package func firstMatch(in text: String, from start: String.Index? = nil) -> Regex<AnyRegexOutput>.Match? {
        let lower = start ?? text.startIndex
        guard lower <= text.endIndex else { return nil }
        return try? regex.firstMatch(in: text[lower...])
    }

    package func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// Every non-overlapping match, left to right (an empty match advances by one character).
    package func allMatches(in text: String) -> [Regex<AnyRegexOutput>.Match] {
        var found: [Regex<AnyRegexOutput>.Match] = []
        var position = text.startIndex
        while position <= text.endIndex, let match = try? regex.firstMatch(in: text[position...]) {
            found.append(match)
            if match.range.isEmpty {
                guard match.range.upperBound < text.endIndex else { break }
                position = text.index(after: match.range.upperBound)
            } else {
                position = match.range.upperBound
            }
        }
        return found
    }

    // MARK: Translation

    private static let swiftSpecial: Set<Character> = [".", "*", "+", "?", "|", "(", ")", "[", "]", "{", "}", "^", "$", "\\", "/", "#", " ", "-", "&", "~"]

    private static func literal(_ character: Character) -> String {
        if character.isLetter || character.isNumber { return String(character) }
        if swiftSpecial.contains(character) || character.isPunctuation || character.isSymbol { return "\\" + String(character) }
        return String(character)
    }

    private static func translate(_ pattern: [Character], extended: Bool) throws(SyntaxError) -> String {
        var output = ""
        var index = 0
        var openGroups = 0
        // Whether the next `*` would have nothing to repeat (POSIX makes it literal).
        var atExpressionStart = true
        while index < pattern.count {
            let character = pattern[index]
            index += 1
            let startedHere = atExpressionStart
            atExpressionStart = false
            if character == "\\" {
                guard index < pattern.count else { throw .trailingBackslash }
                let escaped = pattern[index]
                index += 1
                if !extended, "(){}|+?".contains(escaped) {
                    switch escaped {
                    case "(":
                        openGroups += 1
                        output += "("
                        atExpressionStart = true
                    case ")":
                        guard openGroups > 0 else { throw .unmatchedParenthesis }
                        openGroups -= 1
                        output += ")"
                    case "{":
                        let (quantifier, next) = try readInterval(pattern, from: index, basic: true)
                        output += quantifier
                        index = next
                    case "|":
                        output += "|"
                        atExpressionStart = true
                    case "}": throw .unmatchedBrace
                    default: output.append(escaped)
                    }
                    continue
                }
                switch escaped {
                case "<", ">": output += "\\b"
                case "w", "W", "s", "S", "b", "B": output += "\\" + String(escaped)
                case "n": output += "\\n"
                case "t": output += "\\t"
                case "1"..."9": output += "\\" + String(escaped)
                default: output += literal(escaped)
                }
                continue
            }
            switch character {
            case "[":
                let (set, next) = try readBracket(pattern, from: index)
                output += set
                index = next
            case "*":
                output += startedHere ? "\\*" : "*"
            case "^":
                if extended || startedHere {
                    output += "^"
                    atExpressionStart = true
                } else {
                    output += "\\^"
                }
            case "$":
                let atEnd = index == pattern.count
                    || (!extended && index + 1 < pattern.count && pattern[index] == "\\" && (pattern[index + 1] == ")" || pattern[index + 1] == "|"))
                output += (extended || atEnd) ? "$" : "\\$"
            case ".":
                output += "."
            case "+", "?":
                if extended { output += startedHere ? literal(character) : String(character) } else { output += literal(character) }
            case "|":
                if extended {
                    output += "|"
                    atExpressionStart = true
                } else {
                    output += "\\|"
                }
            case "(":
                if extended {
                    openGroups += 1
                    output += "("
                    atExpressionStart = true
                } else {
                    output += "\\("
                }
            case ")":
                if extended {
                    guard openGroups > 0 else { throw .unmatchedParenthesis }
                    openGroups -= 1
                    output += ")"
                } else {
                    output += "\\)"
                }
            case "{":
                if extended, index < pattern.count, pattern[index].isNumber {
                    let (quantifier, next) = try readInterval(pattern, from: index, basic: false)
                    output += quantifier
                    index = next
                } else {
                    output += "\\{"
                }
            default:
                output += literal(character)
            }
        }
        if openGroups > 0 { throw .unmatchedParenthesis }
        return output
    }

    /// Reads `m,n}` (or `m,n\}` in a basic expression) after the opening brace.
    private static func readInterval(_ pattern: [Character], from start: Int, basic: Bool) throws(SyntaxError) -> (String, Int) {
        var index = start
        var body = ""
        while index < pattern.count {
            let character = pattern[index]
            if basic, character == "\\", index + 1 < pattern.count, pattern[index + 1] == "}" {
                return ("{" + body + "}", index + 2)
            }
            if !basic, character == "}" { return ("{" + body + "}", index + 1) }
            guard character.isNumber || character == "," else { throw .invalid }
            body.append(character)
            index += 1
        }
        throw .unmatchedBrace
    }

    /// Reads a bracket expression after its `[`, returning the Swift class and the index after `]`.
    private static func readBracket(_ pattern: [Character], from start: Int) throws(SyntaxError) -> (String, Int) {
        var index = start
        var output = "["
        if index < pattern.count, pattern[index] == "^" {
            output += "^"
            index += 1
        }
        var first = true
        while index < pattern.count {
            let character = pattern[index]
            if character == "]", !first {
                return (output + "]", index + 1)
            }
            first = false
            if character == "[", index + 1 < pattern.count, ":=.".contains(pattern[index + 1]) {
                let kind = pattern[index + 1]
                var end = index + 2
                while end + 1 < pattern.count, !(pattern[end] == kind && pattern[end + 1] == "]") { end += 1 }
                guard end + 1 < pattern.count else { throw .unmatchedBracket }
                let name = String(pattern[(index + 2)..<end])
                if kind == ":" {
                    output += "[:" + name + ":]"
                } else {
                    output += name.map { literal($0) }.joined()
                }
                index = end + 2
                continue
            }
            // A range `a-z`; a `-` first or last is literal.
            if index + 2 < pattern.count, pattern[index + 1] == "-", pattern[index + 2] != "]" {
                output += literal(character) + "-" + literal(pattern[index + 2])
                index += 3
                continue
            }
            output += literal(character)
            index += 1
        }
        throw .unmatchedBracket
    }
}
