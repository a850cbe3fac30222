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
        switch part {
        case .literal(let text):
            builder.append(text, quoted: quoted)
        case .quoted(let text):
            builder.append(text, quoted: true)
        case .doubleQuoted(let parts):
            // `"$@"` and `"${a[@]}"` with no elements are no word at all.
            if parts.count == 1, case .parameter(let expansion) = parts[0], try await isEmptyList(expansion) { return }
            builder.markContent()
            for inner in parts { try await expand(inner, into: &builder, quoted: true) }
        case .tilde(let userName):
            builder.append(home(of: userName).map { $0 } ?? "~" + userName, quoted: true)
        case .commandSubstitution(let script):
            let output = try await captureOutput(of: script)
            try reserve(output, in: builder)
            if quoted { builder.append(output, quoted: true) } else { builder.appendSplitting(output) }
        case .processSubstitution(let script):
            builder.append(try await substituteProcess(script), quoted: true)
        case .arithmetic(let parts):
            let text = try await expandText(parts)
            let value = try evaluateArithmetic(text)
            builder.append(String(value), quoted: quoted)
        case .parameter(let expansion):
            try await expandParameterPart(expansion, into: &builder, quoted: quoted)
        }
    }

    /// Refuses text that would take the word past its budget, before it is copied.
    func reserve(_ text: String, in builder: FieldBuilder) throws {
        let total = builder.size + text.utf8.count
        if total > FieldBuilder.maximumBytes { throw fail("xmalloc: cannot allocate \(total + 1) bytes") }
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

    /// Reports an expansion error and abandons the command (and a non-interactive shell).
    func fail(_ message: String) -> ShellControl {
        report(message, io: io)
        return isInteractive ? .abortLine(1) : .exit(1)
    }

    func evaluateArithmetic(_ text: String) throws -> Int {
        // Errors in a subscript inside the text are reported where they happen; the element then counts as unset.
        var evaluator = ArithmeticEvaluator(
            lookup: { [unowned self] name in (try? self.arithmeticValue(name)) ?? nil },
            assign: { [unowned self] name, value in try? self.assignArithmetic(name, value) })
        evaluator.failOnUnset = options.failOnUnset
        do {
            return try evaluator.evaluate(text)
        } catch {
            throw fail(error.message)
        }
    }
}
