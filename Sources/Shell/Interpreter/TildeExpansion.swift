import Kernel

extension Word {
    /// The word with the tildes bash expands beyond a word's start marked as `.tilde` parts: in
    /// assignment values after each unquoted `:` (`PATH=~/bin:~/sbin`), after the `=` of a
    /// declaration builtin's `name=value` argument, and at the start of a `${v:-word}` word.
    /// A tilde prefix runs to the next `/` (or `:`); one that a quoted part continues stays text.
    func markingTildes(afterColons: Bool, afterEquals: Bool = false) -> Word {
        var parts: [WordPart] = []
        var atStart = !afterEquals
        var seenEquals = !afterEquals
        for (index, part) in self.parts.enumerated() {
            guard case .literal(let text) = part else {
                parts.append(part)
                atStart = false
                continue
            }
            let isLast = index == self.parts.count - 1
            var pending = ""
            var characters = Array(text)[...]
            while let character = characters.first {
                if atStart, character == "~" {
                    let prefix = characters.dropFirst().prefix { $0 != "/" && !(afterColons && $0 == ":") }
                    let ended = prefix.count + 1 < characters.count || isLast
                    if ended, prefix.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) {
                        if !pending.isEmpty { parts.append(.literal(pending)) }
                        pending = ""
                        parts.append(.tilde(user: String(prefix)))
                        characters = characters.dropFirst(prefix.count + 1)
                        atStart = false
                        continue
                    }
                }
                pending.append(character)
                characters = characters.dropFirst()
                if !seenEquals, character == "=" {
                    seenEquals = true
                    atStart = true
                } else {
                    atStart = seenEquals && afterColons && character == ":"
                }
            }
            if !pending.isEmpty { parts.append(.literal(pending)) }
        }
        return Word(parts, source: source)
    }
}
