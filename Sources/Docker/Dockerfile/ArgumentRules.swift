/// The argument words of one instruction and whether they came from a JSON array.
struct ParsedArguments {
    var words: [String] = []
    var isJSON = false
}

/// The per-instruction argument rules of docker's `line_parsers.go`: which instructions take
/// JSON arrays, which take name=value pairs, which keep the whole rest of the line.
struct ArgumentRules {
    let escape: Unicode.Scalar
    let line: Int

    /// Words separated by blanks; quotes and escapes are kept for substitution to remove,
    /// but a quoted blank does not split a word.
    func words(_ text: String) -> [String] {
        enum Phase { case spaces, word, quote }
        let scalars = Array(text.unicodeScalars)
        var words: [String] = []
        var phase = Phase.spaces
        var word = ""
        var quote: Unicode.Scalar = "\""
        var blankAllowed = false
        var position = 0
        while position <= scalars.count {
            let atEnd = position == scalars.count
            var scalar: Unicode.Scalar = atEnd ? " " : scalars[position]
            defer { position += 1 }
            if phase == .spaces {
                if atEnd { break }
                if isGoSpace(scalar) { continue }
                phase = .word
            }
            if atEnd {
                if blankAllowed || !word.isEmpty { words.append(word) }
                break
            }
            if phase == .word {
                if isGoSpace(scalar) {
                    phase = .spaces
                    if blankAllowed || !word.isEmpty { words.append(word) }
                    word = ""
                    blankAllowed = false
                    continue
                }
                if scalar == "'" || scalar == "\"" {
                    quote = scalar
                    blankAllowed = true
                    phase = .quote
                }
                if scalar == escape {
                    if position + 1 == scalars.count { continue }
                    // An escaped character joins the word with its escape, even a quote.
                    word.unicodeScalars.append(scalar)
                    position += 1
                    scalar = scalars[position]
                }
                word.unicodeScalars.append(scalar)
                continue
            }
            // Inside quotes: the escape works except inside single quotes.
            if scalar == quote { phase = .word }
            if scalar == escape && quote != "'" {
                if position + 1 == scalars.count {
                    phase = .word
                    continue
                }
                word.unicodeScalars.append(scalar)
                position += 1
                scalar = scalars[position]
            }
            word.unicodeScalars.append(scalar)
        }
        return words
    }

    /// `ENV key value` (old form: the value is the rest of the line) or
    /// `ENV k=v k2="v 2"` (new form), flattened to key, value, key, value ….
    func nameValuePairs(_ text: String, keyword: String) throws(DockerfileError) -> [String] {
        let words = words(text)
        guard let first = words.first else { return [] }
        if !first.contains("=") {
            let (key, value) = splitFirstWord(text)
            guard let value else { throw .needsTwoArguments(keyword, line: line) }
            return [key, value]
        }
        var result: [String] = []
        for word in words {
            guard let equals = word.firstIndex(of: "=") else { throw .missingEquals(in: word, line: line) }
            result.append(String(word[..<equals]))
            result.append(String(word[word.index(after: equals)...]))
        }
        return result
    }

    /// Splits on runs of `[\t\v\f\r ]` (FROM, EXPOSE, non-JSON ADD/COPY/VOLUME).
    func whitespaceSeparated(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var result: [String] = []
        var current = ""
        var lastWasBlank = false
        for scalar in text.unicodeScalars {
            if isTokenWhitespace(scalar) {
                if !lastWasBlank { result.append(current); current = "" }
                lastWasBlank = true
            } else {
                current.unicodeScalars.append(scalar)
                lastWasBlank = false
            }
        }
        result.append(current)
        return result
    }

    /// A JSON array of strings, or nil when the text is not valid JSON (docker then falls
    /// back to the other form). An array holding anything but strings is an error.
    func jsonArray(_ text: String) throws(DockerfileError) -> [String]? {
        let trimmed = trimLeadingSpace(text)
        guard trimmed.hasPrefix("[") else { return nil }
        var reader = JSONArrayReader(text: trimmed)
        guard let elements = reader.readArray() else { return nil }
        var strings: [String] = []
        for element in elements {
            guard let string = element else { throw .jsonArrayOfNonStrings(line: line) }
            strings.append(string)
        }
        return strings
    }

    /// JSON array, else blank-separated words (ADD, COPY, VOLUME).
    func jsonOrWords(_ text: String) throws(DockerfileError) -> ParsedArguments {
        if let array = try jsonArray(text) { return ParsedArguments(words: array, isJSON: true) }
        return ParsedArguments(words: whitespaceSeparated(text))
    }

    /// JSON array (exec form), else the whole text as one word (shell form).
    func jsonOrString(_ text: String) throws(DockerfileError) -> ParsedArguments {
        guard !text.isEmpty else { return ParsedArguments() }
        if let array = try jsonArray(text) { return ParsedArguments(words: array, isJSON: true) }
        return ParsedArguments(words: [text])
    }

    /// `HEALTHCHECK TYPE command…`: the type word, then the command in either form.
    func healthcheck(_ text: String) throws(DockerfileError) -> ParsedArguments {
        let scalars = Array(text.unicodeScalars)
        var separator = 0
        while separator < scalars.count, !isGoSpace(scalars[separator]) { separator += 1 }
        guard separator > 0 else { return ParsedArguments() }
        var next = separator
        while next < scalars.count, isGoSpace(scalars[next]) { next += 1 }
        var type = "", rest = ""
        type.unicodeScalars.append(contentsOf: scalars[..<separator])
        rest.unicodeScalars.append(contentsOf: scalars[next...])
        var command = try jsonOrString(rest)
        command.words.insert(type, at: 0)
        return command
    }
}
