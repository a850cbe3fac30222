/// A request to complete the word before the cursor.
public struct CompletionRequest: Equatable, Sendable {
    public let line: String
    /// The cursor position, in characters from the start of `line`.
    public let cursor: Int

    public init(line: String, cursor: Int) {
        self.line = line
        self.cursor = max(0, min(cursor, line.count))
    }

    /// A request with the cursor at the end of the line.
    public init(line: String) {
        self.init(line: line, cursor: line.count)
    }
}

/// The result of completing: what to put in place of the current word, and the matches.
public struct Completion: Equatable, Sendable {
    /// Where the current word starts, in characters; it ends at the request's cursor.
    public let replacementStart: Int
    /// The text of the line from `replacementStart` to the cursor, as typed.
    public let replacedText: String
    /// The text to put there instead: the longest common prefix of the candidates,
    /// quoted like the typed word; for a single candidate also the closing quote and a
    /// space (none after a directory's `/` or a flag's `=`).
    public let replacement: String
    /// The current word as typed, with quotes removed.
    public let prefix: String
    /// All matching words, sorted, without duplicates.
    public let candidates: [String]

    public init(replacementStart: Int, replacedText: String, replacement: String, prefix: String, candidates: [String]) {
        self.replacementStart = replacementStart
        self.replacedText = replacedText
        self.replacement = replacement
        self.prefix = prefix
        self.candidates = candidates
    }

    /// Whether applying the completion changes the line.
    public var insertsText: Bool {
        replacement != replacedText
    }

    /// The candidates as a listing shows them: paths without the directory already typed.
    public var displayedCandidates: [String] {
        guard let slash = prefix.lastIndex(of: "/") else { return candidates }
        let directoryLength = prefix.distance(from: prefix.startIndex, to: slash) + 1
        return candidates.map { candidate in
            let name = String(candidate.dropFirst(directoryLength))
            return name.isEmpty ? candidate : name
        }
    }
}
