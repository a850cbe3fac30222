import Simulation
/// Docker's build-time word processing (`shell_parser.go`): removes quotes, applies the
/// escape character, and substitutes `$var`, `${var}`, `${var:-word}` and `${var:+word}`
/// from an environment list of `name=value` entries (first match wins). Its errors are
/// `.step` errors with line 0; `DockerfileInstruction.resolve` gives them the instruction's line.
public struct WordExpander: Sendable {
    public let escape: Unicode.Scalar
    public let environment: [String]

    public init(escape: Unicode.Scalar = "\\", environment: [String]) {
        self.escape = escape
        self.environment = environment
    }

    /// The word with quotes removed and variables substituted (blanks kept).
    public func expand(_ word: String) throws(DockerfileError) -> String {
        var scanner = Scanner(word: word, expander: self)
        return try scanner.process(stopAt: nil).text
    }

    /// The word after substitution, split into words at unquoted blanks (used by EXPOSE).
    public func expandToWords(_ word: String) throws(DockerfileError) -> [String] {
        var scanner = Scanner(word: word, expander: self)
        return try scanner.process(stopAt: nil).words
    }

    func value(of name: String) -> String {
        for entry in environment {
            guard let equals = entry.firstIndex(of: "=") else {
                if entry == name { return "" }
                continue
            }
            if entry[..<equals] == name { return String(entry[entry.index(after: equals)...]) }
        }
        return ""
    }

    /// Collects words the way docker splits them: text from variables splits at blanks,
    /// quoted and escaped text never does.
    private struct WordCollector {
        var word = ""
        var words: [String] = []
        var inWord = false

        mutating func add(_ scalar: Unicode.Scalar) {
            if isGoSpace(scalar) {
                if inWord && !word.isEmpty {
                    words.append(word)
                    word = ""
                    inWord = false
                }
            } else {
                addRaw(scalar)
            }
        }

        mutating func addRaw(_ scalar: Unicode.Scalar) {
            word.unicodeScalars.append(scalar)
            inWord = true
        }

        mutating func add(_ text: String) {
            for scalar in text.unicodeScalars { add(scalar) }
        }

        mutating func addRaw(_ text: String) {
            word += text
            inWord = true
        }

        mutating func finish() -> [String] {
            if !word.isEmpty {
                words.append(word)
                word = ""
                inWord = false
            }
            return words
        }
    }

    private struct Scanner {
        let original: String
        let scalars: [Unicode.Scalar]
        let expander: WordExpander
        var position = 0

        init(word: String, expander: WordExpander) {
            original = word
            scalars = Array(word.unicodeScalars)
            self.expander = expander
        }

        func peek() -> Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        mutating func next() -> Unicode.Scalar? {
            defer { if position < scalars.count { position += 1 } }
            return peek()
        }

        mutating func process(stopAt stop: Unicode.Scalar?) throws(DockerfileError) -> (text: String, words: [String]) {
            // Go's stacks grow; ours do not: nesting beyond the thread's stack is refused.
            guard ThreadStack.hasRoom else { throw .step("substitutions nested too deeply in: \(original)", line: 0) }
            var result = ""
            var collector = WordCollector()
            while let scalar = peek() {
                if let stop, scalar == stop {
                    position += 1
                    break
                }
                switch scalar {
                case "'":
                    let text = try singleQuoted()
                    result += text
                    collector.addRaw(text)
                case "\"":
                    let text = try doubleQuoted()
                    result += text
                    collector.addRaw(text)
                case "$":
                    let text = try dollar()
                    result += text
                    collector.add(text)
                default:
                    position += 1
                    if scalar == expander.escape {
                        // The escape quotes the next character; at the very end it vanishes.
                        guard let escaped = next() else { return (result, collector.finish()) }
                        collector.addRaw(escaped)
                        result.unicodeScalars.append(escaped)
                    } else {
                        collector.add(scalar)
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return (result, collector.finish())
        }

        mutating func singleQuoted() throws(DockerfileError) -> String {
            position += 1
            var result = ""
            while true {
                guard let scalar = next() else {
                    throw .step("unexpected end of statement while looking for matching single-quote", line: 0)
                }
                if scalar == "'" { return result }
                result.unicodeScalars.append(scalar)
            }
        }

        mutating func doubleQuoted() throws(DockerfileError) -> String {
            position += 1
            var result = ""
            while true {
                guard let scalar = peek() else {
                    throw .step("unexpected end of statement while looking for matching double-quote", line: 0)
                }
                switch scalar {
                case "\"":
                    position += 1
                    return result
                case "$":
                    result += try dollar()
                default:
                    position += 1
                    var character = scalar
                    if scalar == expander.escape {
                        // Inside double quotes only ", $ and the escape itself are escapable.
                        guard let following = peek() else { continue }
                        if following == "\"" || following == "$" || following == expander.escape {
                            position += 1
                            character = following
                        }
                    }
                    result.unicodeScalars.append(character)
                }
            }
        }

        mutating func dollar() throws(DockerfileError) -> String {
            position += 1
            guard peek() == "{" else {
                let name = readName()
                return name.isEmpty ? "$" : expander.value(of: name)
            }
            position += 1
            let name = readName()
            switch peek() {
            case "}":
                position += 1
                return expander.value(of: name)
            case ":":
                position += 1
                let modifier = next()
                let word = try process(stopAt: "}").text
                let current = expander.value(of: name)
                switch modifier {
                case "+": return current.isEmpty ? current : word
                case "-": return current.isEmpty ? word : current
                default:
                    let shown = modifier.map { String(Character($0)) } ?? "\u{FFFD}"
                    throw .step("unsupported modifier (\(shown)) in substitution: \(original)", line: 0)
                }
            default:
                throw .step("missing ':' in substitution: \(original)", line: 0)
            }
        }

        /// A name of letters, digits and `_`; a leading digit is a one-character name.
        mutating func readName() -> String {
            var name = ""
            while let scalar = peek() {
                if name.isEmpty && scalar.properties.numericType == .decimal {
                    position += 1
                    return String(Character(scalar))
                }
                guard scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "_" else {
                    break
                }
                position += 1
                name.unicodeScalars.append(scalar)
            }
            return name
        }
    }
}
