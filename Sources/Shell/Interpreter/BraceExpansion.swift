import Kernel

/// Bash's brace expansion, the first expansion of a command word: `a{b,c}d` → `abd acd`,
/// `{1..3}` → `1 2 3`, `{a..c}`. Braces inside quotes or expansions stay as they are.
enum BraceExpansion {
    /// Sequences longer than this stay unexpanded rather than exhaust memory.
    static let maximumItems = 100_000

    /// More words than this from one word end in bash's allocation failure rather than exhaust
    /// memory and time (`echo {a,b}{a,b}…` twenty times makes a million).
    static let maximumWords = 100_000

    /// The words `word` expands to, or nil when they would be more than `maximumWords`.
    static func expand(_ word: Word) -> [Word]? {
        // Most words have no brace at all; skip the work for them.
        let hasBrace = word.parts.contains { part in
            if case .literal(let text) = part { return text.utf8.contains(UInt8(ascii: "{")) }
            return false
        }
        guard hasBrace else { return [word] }
        // A group may span quotes and expansions (`{$a,b}`, `{"x y",z}`): they take part as
        // placeholder characters of one text, and come back after.
        if word.parts.count > 1, let (text, parts) = placeholderText(word) {
            guard let expanded = expand(Word([.literal(text)])) else { return nil }
            if expanded == [Word([.literal(text)])] { return [word] }
            return expanded.map { restoring($0, parts) }
        }
        // Adjacent groups multiply: refuse a product past the limit before building any of it.
        var estimate = 1
        for part in word.parts {
            guard case .literal(let text) = part else { continue }
            estimate = estimate.multipliedReportingOverflow(by: count(text)).partialValue
            if estimate > maximumWords || estimate < 0 { return nil }
        }
        var results: [Word] = []
        guard expand(word, into: &results) else { return nil }
        return results
    }

    /// The first of the private-use characters that stand for non-literal parts.
    private static let placeholderBase: UInt32 = 0xF0000

    /// The word as one text, each non-literal part replaced by a placeholder character; nil
    /// when the text already holds such characters.
    private static func placeholderText(_ word: Word) -> (String, [WordPart])? {
        var text = ""
        var parts: [WordPart] = []
        for part in word.parts {
            if case .literal(let literal) = part {
                guard !literal.unicodeScalars.contains(where: { $0.value >= placeholderBase }) else { return nil }
                text += literal
            } else {
                guard let placeholder = Unicode.Scalar(placeholderBase + UInt32(parts.count)) else { return nil }
                text.unicodeScalars.append(placeholder)
                parts.append(part)
            }
        }
        return (text, parts)
    }

    /// A word made back from placeholder text.
    private static func restoring(_ word: Word, _ parts: [WordPart]) -> Word {
        var result: [WordPart] = []
        var literal = ""
        for part in word.parts {
            guard case .literal(let text) = part else {
                result.append(part)
                continue
            }
            for scalar in text.unicodeScalars {
                let index = Int(scalar.value) - Int(placeholderBase)
                if index >= 0, index < parts.count {
                    if !literal.isEmpty { result.append(.literal(literal)) }
                    literal = ""
                    result.append(parts[index])
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        if !literal.isEmpty { result.append(.literal(literal)) }
        return Word(result)
    }

    /// Appends the expansions of `word`; false once they pass `maximumWords` (nested groups).
    private static func expand(_ word: Word, into results: inout [Word]) -> Bool {
        for (index, part) in word.parts.enumerated() {
            guard case .literal(let text) = part, let alternatives = expand(text) else { continue }
            for alternative in alternatives {
                var parts = word.parts
                parts[index] = .literal(alternative)
                guard expand(Word(parts), into: &results) else { return false }
            }
            return true
        }
        results.append(word)
        return results.count <= maximumWords
    }

    /// The product of the item counts of the top-level brace groups of `text`.
    static func count(_ text: String) -> Int {
        let characters = Array(text)
        let closes = matchingBraces(characters)
        var product = 1
        var start = 0
        while start < characters.count {
            guard let open = characters[start...].firstIndex(of: "{") else { break }
            start = open + 1
            guard open == 0 || characters[open - 1] != "$", let close = closes[open] else { continue }
            let inner = Array(characters[(open + 1)..<close])
            guard let items = alternatives(inner)?.count ?? sequence(String(inner))?.count else { continue }
            product = product.multipliedReportingOverflow(by: max(items, 1)).partialValue
            if product > maximumWords || product < 0 { return Int.max }
            start = close + 1
        }
        return product
    }

    /// The texts the first brace group of `text` produces (each still to be expanded further),
    /// or nil when it has none.
    static func expand(_ text: String) -> [String]? {
        let characters = Array(text)
        var closes: [Int?]?
        var start = 0
        while start < characters.count {
            guard let open = characters[start...].firstIndex(of: "{") else { return nil }
            start = open + 1
            if open > 0, characters[open - 1] == "$" { continue }
            if closes == nil { closes = matchingBraces(characters) }
            guard let close = closes?[open] else { continue }
            let inner = Array(characters[(open + 1)..<close])
            let prefix = String(characters[..<open])
            let suffix = String(characters[(close + 1)...])
            if let items = alternatives(inner) ?? sequence(String(inner)) {
                return items.map { prefix + $0 + suffix }
            }
        }
        return nil
    }

    /// For each `{`, the index of the `}` that closes it, in one pass (a scan per brace was
    /// quadratic: 100,000 `{` took minutes).
    static func matchingBraces(_ characters: [Character]) -> [Int?] {
        var closes = [Int?](repeating: nil, count: characters.count)
        var opens: [Int] = []
        for (index, character) in characters.enumerated() {
            if character == "{" { opens.append(index) }
            if character == "}", let open = opens.popLast() { closes[open] = index }
        }
        return closes
    }

    /// `a,b,c` split at top-level commas; nil without a comma.
    static func alternatives(_ inner: [Character]) -> [String]? {
        var items: [String] = []
        var current = ""
        var depth = 0
        for character in inner {
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1 }
            if character == ",", depth == 0 {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        guard !items.isEmpty else { return nil }
        items.append(current)
        return items
    }

    /// `1..5`, `5..1`, `1..10..2`, `a..e`; nil when not a sequence.
    static func sequence(_ inner: String) -> [String]? {
        let pieces = inner.components(separatedBy: "..")
        guard pieces.count == 2 || pieces.count == 3 else { return nil }
        var step = 1
        if pieces.count == 3 {
            guard let value = Int(pieces[2]), value != 0 else { return nil }
            step = abs(value)
        }
        if let first = Int(pieces[0]), let last = Int(pieces[1]) {
            guard abs(last - first) / step < maximumItems else { return nil }
            let width = [pieces[0], pieces[1]].contains { $0.hasPrefix("0") && $0.count > 1 || $0.hasPrefix("-0") }
                ? max(pieces[0].count, pieces[1].count) : 0
            let values = first <= last ? Array(stride(from: first, through: last, by: step))
                                       : Array(stride(from: first, through: last, by: -step))
            return values.map { value in
                let digits = String(value.magnitude)
                let padding = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
                return (value < 0 ? "-" : "") + padding + digits
            }
        }
        guard pieces[0].count == 1, pieces[1].count == 1, let first = pieces[0].unicodeScalars.first?.value,
              let last = pieces[1].unicodeScalars.first?.value, pieces[0].first?.isLetter == true,
              pieces[1].first?.isLetter == true else { return nil }
        let values = first <= last ? Array(stride(from: first, through: last, by: step))
                                   : Array(stride(from: first, through: last, by: -step))
        return values.compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
    }
}

extension String {
    /// The pieces between occurrences of `separator`.
    func components(separatedBy separator: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(self)
        while let range = rest.range(of: separator) {
            pieces.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        pieces.append(String(rest))
        return pieces
    }
}
