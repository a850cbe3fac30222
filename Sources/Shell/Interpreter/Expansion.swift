import Kernel

/// One character of an expanded word, remembering whether it was quoted (quoted characters are
/// neither split nor glob patterns).
struct ExpandedCharacter: Equatable {
    var character: Character
    var isQuoted: Bool
}

/// Collects the fields one word expands to, splitting unquoted expansion results on IFS.
struct FieldBuilder {
    var fields: [[ExpandedCharacter]] = []
    var current: [ExpandedCharacter] = []
    var currentHasContent = false
    var pendingSplit = false
    let splits: Bool
    /// IFS: a few characters, so a plain string search beats building a set per word.
    let separators: String
    /// Bytes appended so far, held to `maximumBytes`.
    var size = 0
    /// A word's expansion past this fails as bash's allocation does on a full machine, before
    /// `x=$x$x` in a loop can take the host's memory (each character here costs ~20 bytes).
    static let maximumBytes = 2 << 20

    init(splits: Bool, separators: String) {
        self.splits = splits
        self.separators = separators
    }

    mutating func resolvePending() {
        guard pendingSplit else { return }
        pendingSplit = false
        if currentHasContent {
            fields.append(current)
            current = []
            currentHasContent = false
        }
    }

    /// Text that is not split: literal words and quoted text.
    mutating func append(_ text: String, quoted: Bool) {
        size += text.utf8.count
        resolvePending()
        for character in text { current.append(ExpandedCharacter(character: character, isQuoted: quoted)) }
        currentHasContent = true
    }

    /// Marks the current field as present even if empty (`""`).
    mutating func markContent() {
        resolvePending()
        currentHasContent = true
    }

    /// The result of an unquoted expansion: split on IFS when splitting.
    mutating func appendSplitting(_ text: String) {
        guard splits else {
            if !text.isEmpty { append(text, quoted: false) }
            return
        }
        size += text.utf8.count
        for character in text {
            if separators.contains(character) {
                if character == " " || character == "\t" || character == "\n" {
                    pendingSplit = true
                } else {
                    pendingSplit = false
                    fields.append(current)
                    current = []
                    currentHasContent = false
                }
            } else {
                resolvePending()
                current.append(ExpandedCharacter(character: character, isQuoted: false))
                currentHasContent = true
            }
        }
    }

    /// Ends the current field (between the words of `"$@"`); the next one exists even if empty.
    mutating func breakField() {
        if splits {
            pendingSplit = false
            fields.append(current)
            current = []
            currentHasContent = true
        } else {
            append(" ", quoted: true)
        }
    }

    mutating func finish() -> [[ExpandedCharacter]] {
        if currentHasContent { fields.append(current) }
        return fields
    }
}

extension Shell {
    // MARK: Words

    /// Expands command words: all expansions, field splitting, pathname expansion, quote removal.
    func expandWords(_ words: [Word]) async throws -> [String] {
        var result: [String] = []
        var braced: [Word] = []
        for word in words {
            guard let expanded = BraceExpansion.expand(word) else {
                throw fail("brace expansion: cannot allocate memory for \(ShellSyntaxPrinter.source(of: word))")
            }
            braced += expanded
        }
        for word in braced {
            for field in try await expandFields(word, splits: true) {
                result += glob(field)
            }
        }
        return result
    }

    /// Expands a word to one string, without splitting or globbing (assignments, redirection
    /// targets, here-documents, `case` subjects).
    func expandToString(_ word: Word) async throws -> String {
        let fields = try await expandFields(word, splits: false)
        return fields.map { String($0.map(\.character)) }.joined(separator: " ")
    }

    /// Expands a word to a pattern, keeping which characters were quoted.
    func expandToPattern(_ word: Word) async throws -> ShellPattern {
        let fields = try await expandFields(word, splits: false)
        return ShellPattern(fields.flatMap { $0 }.map { ShellPattern.Element(character: $0.character, isQuoted: $0.isQuoted) })
    }

    func expandFields(_ word: Word, splits: Bool) async throws -> [[ExpandedCharacter]] {
        var builder = FieldBuilder(splits: splits, separators: variables["IFS"] ?? " \t\n")
        for part in word.parts {
            try await expand(part, into: &builder, quoted: false)
        }
        return builder.finish()
    }

    func expand(_ part: WordPart, into builder: inout FieldBuilder, quoted: Bool) async throws {
        /// Refuses text that would take the word past its budget, before it is copied.
        func reserve(_ text: String) throws {
            let total = builder.size + text.utf8.count
            if total > FieldBuilder.maximumBytes { throw fail("xmalloc: cannot allocate \(total + 1) bytes") }
        }
        switch part {
        case .literal(let text):
            builder.append(text, quoted: quoted)
        case .quoted(let text):
            builder.append(text, quoted: true)
        case .doubleQuoted(let parts):
            if parts == [.parameter(ParameterExpansion(name: "@"))], positionalParameters.isEmpty { return }
            builder.markContent()
            for inner in parts { try await expand(inner, into: &builder, quoted: true) }
        case .tilde(let userName):
            builder.append(home(of: userName).map { $0 } ?? "~" + userName, quoted: true)
        case .commandSubstitution(let script):
            let output = try await captureOutput(of: script)
            try reserve(output)
            if quoted { builder.append(output, quoted: true) } else { builder.appendSplitting(output) }
        case .processSubstitution(let script):
            builder.append(try await substituteProcess(script), quoted: true)
        case .arithmetic(let parts):
            let text = try await expandText(parts)
            let value = try evaluateArithmetic(text)
            builder.append(String(value), quoted: quoted)
        case .parameter(let expansion):
            if expansion.operation == .value, expansion.name == "@" || expansion.name == "*" {
                expandPositional(all: expansion.name, into: &builder, quoted: quoted)
                return
            }
            let text = try await expandParameter(expansion, quoted: quoted)
            try reserve(text)
            if quoted { builder.append(text, quoted: true) } else { builder.appendSplitting(text) }
        }
    }

    func expandPositional(all name: String, into builder: inout FieldBuilder, quoted: Bool) {
        guard quoted else {
            for (index, parameter) in positionalParameters.enumerated() {
                if index > 0 { builder.pendingSplit = builder.splits }
                builder.appendSplitting(parameter)
                if !builder.splits, index < positionalParameters.count - 1 { builder.append(" ", quoted: false) }
            }
            return
        }
        if name == "*" {
            let separator = (variables["IFS"] ?? " ").first.map(String.init) ?? ""
            builder.append(positionalParameters.joined(separator: separator), quoted: true)
            return
        }
        for (index, parameter) in positionalParameters.enumerated() {
            if index > 0 { builder.breakField() }
            builder.append(parameter, quoted: true)
        }
    }

    /// Expands parts (of arithmetic or a here-document) to plain text.
    func expandText(_ parts: [WordPart]) async throws -> String {
        var builder = FieldBuilder(splits: false, separators: "")
        for part in parts { try await expand(part, into: &builder, quoted: true) }
        return builder.finish().map { String($0.map(\.character)) }.joined(separator: " ")
    }

    func home(of userName: String) -> String? {
        if userName.isEmpty { return variables["HOME"] ?? user.home }
        if userName == user.userName { return user.home }
        if userName == "root" { return "/root" }
        guard let passwd = try? machine.fileSystem.readFile("/etc/passwd") else { return nil }
        for line in String(decoding: passwd, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            if fields.count > 5, fields[0] == userName { return String(fields[5]) }
        }
        return nil
    }

    // MARK: Parameters

    /// The value of a parameter, nil when unset.
    func parameterValue(_ parameter: String) -> String? {
        switch parameter {
        case "?": return String(lastStatus)
        case "$": return String(shellPID)
        case "#": return String(positionalParameters.count)
        case "!": return lastBackgroundPID.map(String.init)
        case "-": return optionLetters
        case "0": return scriptName
        case "RANDOM" where variables["RANDOM"] == nil: return String(machine.loop.random.integer(in: 0...32767))
        case "LINENO": return String(currentLine)
        case "@", "*": return positionalParameters.joined(separator: " ")
        default:
            if let first = parameter.first, first.isASCIIDigit, let index = Int(parameter) {
                return index >= 1 && index <= positionalParameters.count ? positionalParameters[index - 1] : nil
            }
            return variables[parameter]
        }
    }

    func expandParameter(_ expansion: ParameterExpansion, quoted: Bool) async throws -> String {
        let name = expansion.name
        let value = parameterValue(name)
        func isNullOrUnset(_ nullCounts: Bool) -> Bool {
            guard let value else { return true }
            return nullCounts && value.isEmpty
        }
        switch expansion.operation {
        case .value:
            if value == nil, options.failOnUnset { throw fail("\(name): unbound variable") }
            return value ?? ""
        case .length:
            if name == "@" || name == "*" { return String(positionalParameters.count) }
            if value == nil, options.failOnUnset { throw fail("\(name): unbound variable") }
            return String((value ?? "").count)
        case .useDefault(let word, let nullCounts):
            return isNullOrUnset(nullCounts) ? try await expandToString(quoted ? word : word.markingTildes(afterColons: false)) : value ?? ""
        case .assignDefault(let word, let nullCounts):
            guard isNullOrUnset(nullCounts) else { return value ?? "" }
            let assigned = try await expandToString(quoted ? word : word.markingTildes(afterColons: false))
            guard let first = name.first, first.isNameStart else { throw fail("$\(name): cannot assign in this way") }
            setVariable(name, assigned)
            return assigned
        case .errorIfUnset(let word, let nullCounts):
            guard isNullOrUnset(nullCounts) else { return value ?? "" }
            let message = try await expandToString(word)
            throw fail("\(name): \(message.isEmpty ? "parameter null or not set" : message)")
        case .useAlternative(let word, let nullCounts):
            return isNullOrUnset(nullCounts) ? "" : try await expandToString(quoted ? word : word.markingTildes(afterColons: false))
        case .removePrefix(let word, let longest):
            let text = value ?? ""
            let pattern = try await expandToPattern(word)
            let characters = Array(text)
            let lengths = longest ? Array((0...characters.count).reversed()) : Array(0...characters.count)
            for length in lengths where pattern.matches(characters[..<length]) {
                return String(characters[length...])
            }
            return text
        case .removeSuffix(let word, let longest):
            let text = value ?? ""
            let pattern = try await expandToPattern(word)
            let characters = Array(text)
            let starts = longest ? Array(0...characters.count) : Array((0...characters.count).reversed())
            for start in starts where pattern.matches(characters[start...]) {
                return String(characters[..<start])
            }
            return text
        case .replace(var patternWord, let replacementWord, let all):
            let text = Array(value ?? "")
            // `${v/#p/r}` and `${v/%p/r}`: the pattern must match at the start or at the end.
            var anchor: Character?
            if !all, case .literal(let first)? = patternWord.parts.first, let mark = first.first, mark == "#" || mark == "%" {
                anchor = mark
                patternWord.parts[0] = .literal(String(first.dropFirst()))
            }
            let pattern = try await expandToPattern(patternWord)
            let replacement = try await expandToString(replacementWord)
            if anchor == "#" {
                for end in (0...text.count).reversed() where pattern.matches(text[..<end]) {
                    return replacement + String(text[end...])
                }
                return String(text)
            }
            if anchor == "%" {
                for start in 0...text.count where pattern.matches(text[start...]) {
                    return String(text[..<start]) + replacement
                }
                return String(text)
            }
            guard !pattern.elements.isEmpty else { return String(text) }
            var result = ""
            var index = 0
            var replaced = false
            let fixedLength = pattern.fixedLength
            while index < text.count {
                // The longest match at `index`; a pattern without `*` has only one length to try.
                let ends = fixedLength.map { index + $0 <= text.count ? [index + $0] : [] } ?? Array((index...text.count).reversed())
                if !replaced || all, let length = ends.first(where: { end in
                    end > index && pattern.matches(text[index..<end])
                }).map({ $0 - index }) {
                    result += replacement
                    index += length
                    replaced = true
                } else {
                    result.append(text[index])
                    index += 1
                }
            }
            return result
        case .uppercase(let all):
            let text = value ?? ""
            return all ? text.uppercased() : text.prefix(1).uppercased() + text.dropFirst()
        case .lowercase(let all):
            let text = value ?? ""
            return all ? text.lowercased() : text.prefix(1).lowercased() + text.dropFirst()
        case .substring(let offsetParts, let lengthParts):
            let text = Array(value ?? "")
            var offset = try evaluateArithmetic(try await expandText(offsetParts))
            if offset < 0 { offset = max(0, text.count + offset) }
            offset = min(offset, text.count)
            var end = text.count
            if let lengthParts {
                let length = try evaluateArithmetic(try await expandText(lengthParts))
                end = length < 0 ? max(offset, text.count + length) : min(text.count, offset + length)
            }
            return String(text[offset..<end])
        }
    }

    /// Reports an expansion error and abandons the command (and a non-interactive shell).
    func fail(_ message: String) -> ShellControl {
        report(message, io: io)
        return isInteractive ? .abortLine(1) : .exit(1)
    }

    func evaluateArithmetic(_ text: String) throws -> Int {
        var evaluator = ArithmeticEvaluator(
            lookup: { [unowned self] name in self.parameterValue(name) },
            assign: { [unowned self] name, value in self.setVariable(name, value) })
        do {
            return try evaluator.evaluate(text)
        } catch {
            throw fail(error.message)
        }
    }
}
