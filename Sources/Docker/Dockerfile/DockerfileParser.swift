/// Splits Dockerfile text into instructions the way the 17.x daemon's parser does: parser
/// directives at the top, comments, escape-character line continuations (skipping comment and
/// blank lines inside them), then per-instruction argument rules.
struct DockerfileParser {
    private let lines: [String]
    private var escape: Unicode.Scalar = "\\"
    private var directivesDone = false
    private var escapeSeen = false

    init(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        // A final newline does not start another line.
        if text.hasSuffix("\n") || text.isEmpty { lines.removeLast() }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") {
            lines[0] = String(first.dropFirst())
        }
        self.lines = lines
    }

    mutating func parse() throws(DockerfileError) -> Dockerfile {
        var instructions: [DockerfileInstruction] = []
        var warnings: [String] = []
        var index = 0
        while index < lines.count {
            let raw = lines[index]
            index += 1
            let startLine = index
            let trimmed = trimLeadingSpace(raw)
            try considerDirective(trimmed, line: startLine)
            var (line, ended) = trimContinuation(stripComment(trimmed))
            if ended && line.isEmpty { continue }

            var sawEmptyContinuation = false
            while !ended && index < lines.count {
                let next = lines[index]
                index += 1
                try considerDirective(next, line: index)
                if isComment(next) { continue }
                if trimLeadingSpace(next).isEmpty {
                    sawEmptyContinuation = true
                    continue
                }
                let (piece, pieceEnded) = trimContinuation(next)
                line += piece
                ended = pieceEnded
            }
            if sawEmptyContinuation {
                warnings.append("[WARNING]: Empty continuation line found in:\n    " + line)
            }
            instructions.append(try instruction(from: line, startLine: startLine, endLine: index))
        }
        if !warnings.isEmpty {
            warnings.append("[WARNING]: Empty continuation lines will become errors in a future release.")
        }
        return Dockerfile(instructions: instructions, escapeCharacter: escape, warnings: warnings)
    }

    // MARK: - Directives

    /// `# escape=X` counts only before the first line that is not a directive (a blank
    /// line, a comment such as `# syntax=…`, or an instruction ends the header).
    private mutating func considerDirective(_ line: String, line number: Int) throws(DockerfileError) {
        guard !directivesDone else { return }
        if let token = escapeDirectiveToken(line.lowercased()) {
            if escapeSeen { throw .repeatedEscapeDirective(line: number) }
            escapeSeen = true
            guard token == "`" || token == "\\" else { throw .invalidEscape(String(token), line: number) }
            escape = token
            return
        }
        directivesDone = true
    }

    /// Matches `^#[ \t]*escape[ \t]*=[ \t]*(.).*$` and returns the captured character.
    private func escapeDirectiveToken(_ line: String) -> Unicode.Scalar? {
        var scalars = Substring(line).unicodeScalars[...]
        func skipBlanks() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        guard scalars.first == "#" else { return nil }
        scalars.removeFirst()
        skipBlanks()
        guard scalars.starts(with: "escape".unicodeScalars) else { return nil }
        scalars.removeFirst(6)
        skipBlanks()
        guard scalars.first == "=" else { return nil }
        scalars.removeFirst()
        skipBlanks()
        // Go's `.` does not match a newline; lines never contain one here.
        return scalars.first
    }

    // MARK: - Lines

    private func trimContinuation(_ line: String) -> (String, Bool) {
        var scalars = Array(line.unicodeScalars)
        var end = scalars.count
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        guard end > 0, scalars[end - 1] == escape else { return (line, true) }
        scalars.removeSubrange((end - 1)...)
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return (result, false)
    }

    private func stripComment(_ line: String) -> String {
        line.hasPrefix("#") ? "" : line
    }

    private func isComment(_ line: String) -> Bool {
        trimLeadingSpace(line).hasPrefix("#")
    }

    // MARK: - Instructions

    private func instruction(from line: String, startLine: Int, endLine: Int) throws(DockerfileError) -> DockerfileInstruction {
        let trimmed = trimSpace(line)
        let (word, rest) = splitFirstWord(trimmed)
        let keyword = word.lowercased()
        var flags: [String] = []
        var arguments = ""
        if let rest {
            (arguments, flags) = extractBuilderFlags(rest)
            arguments = trimSpace(arguments)
        }
        let rules = ArgumentRules(escape: escape, line: startLine)
        var parsed = ParsedArguments()
        var trigger: [DockerfileInstruction] = []
        switch DockerfileKeyword(rawValue: keyword) {
        case .add, .copy, .volume: parsed = try rules.jsonOrWords(arguments)
        case .arg: parsed.words = rules.words(arguments)
        case .cmd, .entrypoint, .run, .shell: parsed = try rules.jsonOrString(arguments)
        case .env: parsed.words = try rules.nameValuePairs(arguments, keyword: "ENV")
        case .label: parsed.words = try rules.nameValuePairs(arguments, keyword: "LABEL")
        case .expose, .from: parsed.words = rules.whitespaceSeparated(arguments)
        case .healthcheck: parsed = try rules.healthcheck(arguments)
        case .maintainer, .stopsignal, .user, .workdir: parsed.words = arguments.isEmpty ? [] : [arguments]
        case .onbuild:
            if !arguments.isEmpty {
                trigger = [try instruction(from: arguments, startLine: startLine, endLine: endLine)]
            }
        case nil: break // unknown: reported by the check that follows parsing
        }
        return DockerfileInstruction(keyword: keyword, flags: flags, arguments: parsed.words,
                                     isJSONForm: parsed.isJSON, original: line, line: startLine,
                                     endLine: endLine, trigger: trigger)
    }

    /// Leading `--flag` words (quotes and backslashes processed), and the text after them.
    private func extractBuilderFlags(_ line: String) -> (rest: String, flags: [String]) {
        let scalars = Array(line.unicodeScalars)
        func rest(from position: Int) -> String {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[position...])
            return text
        }
        enum Phase { case spaces, word, quote }
        var flags: [String] = []
        var phase = Phase.spaces
        var word = ""
        var quote: Unicode.Scalar = "\""
        var blankAllowed = false
        var position = 0
        while position <= scalars.count {
            let atEnd = position == scalars.count
            var scalar: Unicode.Scalar = atEnd ? " " : scalars[position]
            if phase == .spaces {
                if atEnd { break }
                if isGoSpace(scalar) { position += 1; continue }
                guard scalar == "-", position + 1 < scalars.count, scalars[position + 1] == "-" else {
                    return (rest(from: position), flags)
                }
                phase = .word
            }
            if atEnd {
                if word != "--" && (blankAllowed || !word.isEmpty) { flags.append(word) }
                break
            }
            if phase == .word {
                if isGoSpace(scalar) {
                    phase = .spaces
                    if word == "--" { return (rest(from: position), flags) }
                    if blankAllowed || !word.isEmpty { flags.append(word) }
                    word = ""
                    blankAllowed = false
                    position += 1
                    continue
                }
                if scalar == "'" || scalar == "\"" {
                    quote = scalar
                    blankAllowed = true
                    phase = .quote
                    position += 1
                    continue
                }
                if scalar == "\\" {
                    if position + 1 == scalars.count { position += 1; continue }
                    position += 1
                    scalar = scalars[position]
                }
                word.unicodeScalars.append(scalar)
                position += 1
                continue
            }
            // Inside quotes.
            if scalar == quote {
                phase = .word
                position += 1
                continue
            }
            if scalar == "\\" {
                if position + 1 == scalars.count { phase = .word; position += 1; continue }
                position += 1
                scalar = scalars[position]
            }
            word.unicodeScalars.append(scalar)
            position += 1
        }
        return ("", flags)
    }
}

// MARK: - Whitespace helpers (Go's unicode.IsSpace)

func isGoSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0: return true
    default: return scalar.value > 0xFF && scalar.properties.isWhitespace
    }
}

func trimLeadingSpace(_ text: String) -> String {
    String(text.unicodeScalars.drop(while: isGoSpace))
}

func trimSpace(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first, isGoSpace(first) { scalars.removeFirst() }
    while let last = scalars.last, isGoSpace(last) { scalars.removeLast() }
    return String(scalars)
}

/// Splits at the first run of `[\t\v\f\r ]`, as docker's `tokenWhitespace.Split(s, 2)`.
func splitFirstWord(_ text: String) -> (String, String?) {
    let scalars = Array(text.unicodeScalars)
    guard let start = scalars.firstIndex(where: isTokenWhitespace) else { return (text, nil) }
    var end = start
    while end < scalars.count, isTokenWhitespace(scalars[end]) { end += 1 }
    var head = "", tail = ""
    head.unicodeScalars.append(contentsOf: scalars[..<start])
    tail.unicodeScalars.append(contentsOf: scalars[end...])
    return (head, tail)
}

func isTokenWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\u{0B}" || scalar == "\u{0C}" || scalar == "\r"
}
