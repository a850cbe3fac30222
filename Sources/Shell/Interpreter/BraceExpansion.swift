import Kernel

/// Bash's brace expansion, the first expansion of a command word: `a{b,c}d` → `abd acd`,
/// `{1..3}` → `1 2 3`, `{a..c}`. Braces inside quotes or expansions stay as they are.
enum BraceExpansion {
    /// Sequences longer than this stay unexpanded rather than exhaust memory.
    static let maximumItems = 100_000

    static func expand(_ word: Word) -> [Word] {
        // Most words have no brace at all; skip the work for them.
        let hasBrace = word.parts.contains { part in
            if case .literal(let text) = part { return text.utf8.contains(UInt8(ascii: "{")) }
            return false
        }
        guard hasBrace else { return [word] }
        for (index, part) in word.parts.enumerated() {
            guard case .literal(let text) = part, let alternatives = expand(text) else { continue }
            var results: [Word] = []
            for alternative in alternatives {
                var parts = word.parts
                parts[index] = .literal(alternative)
                results += expand(Word(parts))
            }
            return results
        }
        return [word]
    }

    /// The texts the first brace group of `text` produces (each still to be expanded further),
    /// or nil when it has none.
    static func expand(_ text: String) -> [String]? {
        let characters = Array(text)
        var start = 0
        while start < characters.count {
            guard let open = characters[start...].firstIndex(of: "{") else { return nil }
            start = open + 1
            if open > 0, characters[open - 1] == "$" { continue }
            guard let close = matchingBrace(characters, from: open) else { continue }
            let inner = Array(characters[(open + 1)..<close])
            let prefix = String(characters[..<open])
            let suffix = String(characters[(close + 1)...])
            if let items = alternatives(inner) ?? sequence(String(inner)) {
                return items.map { prefix + $0 + suffix }
            }
        }
        return nil
    }

    static func matchingBrace(_ characters: [Character], from open: Int) -> Int? {
        var depth = 0
        for index in open..<characters.count {
            if characters[index] == "{" { depth += 1 }
            if characters[index] == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
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
