import Kernel

/// A shell pattern (`*`, `?`, `[…]`) whose characters remember whether they were quoted;
/// quoted characters match only themselves.
struct ShellPattern: Equatable {
    struct Element: Equatable {
        var character: Character
        var isQuoted: Bool
    }

    var elements: [Element]

    init(_ elements: [Element]) { self.elements = elements }

    /// A pattern from unquoted text.
    init(_ text: String) { self.elements = text.map { Element(character: $0, isQuoted: false) } }

    /// Whether any unquoted `*`, `?` or `[` makes this a pattern rather than plain text.
    var hasWildcards: Bool {
        elements.contains { !$0.isQuoted && ($0.character == "*" || $0.character == "?" || $0.character == "[") }
    }

    var literalText: String { String(elements.map(\.character)) }

    func matches(_ text: String) -> Bool {
        Self.match(elements[...], Array(text)[...])
    }

    /// Matches characters in place, so callers trying many substrings copy nothing.
    func matches(_ text: ArraySlice<Character>) -> Bool {
        Self.match(elements[...], text)
    }

    /// The number of characters every match has, nil when an unquoted `*` lets it vary.
    /// With it, `${v//p/r}` tries one length per position instead of all of them.
    var fixedLength: Int? {
        var length = 0
        var index = elements.startIndex
        while index < elements.endIndex {
            let element = elements[index]
            if !element.isQuoted, element.character == "*" { return nil }
            if !element.isQuoted, element.character == "[", let (_, next) = Self.matchBracket(elements[...], from: index, " ") {
                index = next
            } else {
                index += 1
            }
            length += 1
        }
        return length
    }

    private static func match(_ pattern: ArraySlice<Element>, _ text: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP: Int?
        var starT = 0
        while t < text.endIndex {
            if p < pattern.endIndex {
                let element = pattern[p]
                if !element.isQuoted, element.character == "*" {
                    starP = p
                    starT = t
                    p += 1
                    continue
                }
                if !element.isQuoted, element.character == "?" {
                    p += 1
                    t += 1
                    continue
                }
                if !element.isQuoted, element.character == "[", let (matched, next) = matchBracket(pattern, from: p, text[t]) {
                    if matched {
                        p = next
                        t += 1
                        continue
                    }
                } else if element.character == text[t] {
                    p += 1
                    t += 1
                    continue
                }
            }
            guard let star = starP else { return false }
            p = star + 1
            starT += 1
            t = starT
        }
        while p < pattern.endIndex, !pattern[p].isQuoted, pattern[p].character == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches a bracket expression at `start`; nil when it is not closed (then `[` is literal).
    private static func matchBracket(_ pattern: ArraySlice<Element>, from start: Int, _ c: Character) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < pattern.endIndex, !pattern[i].isQuoted, pattern[i].character == "!" || pattern[i].character == "^" {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < pattern.endIndex {
            let element = pattern[i]
            if element.character == "]", !element.isQuoted, !first {
                return (matched != negate, i + 1)
            }
            first = false
            if element.character == "[", !element.isQuoted, i + 1 < pattern.endIndex, pattern[i + 1].character == ":" {
                var j = i + 2
                var name = ""
                while j + 1 < pattern.endIndex, !(pattern[j].character == ":" && pattern[j + 1].character == "]") {
                    name.append(pattern[j].character)
                    j += 1
                }
                if j + 1 < pattern.endIndex {
                    if characterClass(name, contains: c) { matched = true }
                    i = j + 2
                    continue
                }
            }
            if i + 2 < pattern.endIndex, pattern[i + 1].character == "-", !pattern[i + 1].isQuoted,
               !(pattern[i + 2].character == "]" && !pattern[i + 2].isQuoted) {
                if element.character <= c, c <= pattern[i + 2].character { matched = true }
                i += 3
                continue
            }
            if element.character == c { matched = true }
            i += 1
        }
        return nil
    }

    private static func characterClass(_ name: String, contains c: Character) -> Bool {
        switch name {
        case "alpha": return c.isLetter
        case "digit": return c.isASCIIDigit
        case "alnum": return c.isLetter || c.isNumber
        case "upper": return c.isUppercase
        case "lower": return c.isLowercase
        case "space": return c.isWhitespace
        case "blank": return c == " " || c == "\t"
        case "punct": return c.isPunctuation || c.isSymbol
        case "xdigit": return c.isHexDigit
        default: return false
        }
    }
}
