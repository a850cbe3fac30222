/// A recorded session in a Markdown file: prose, and `console` code blocks in which `$ ` lines
/// are commands and the lines below them what the tools answered.
public struct Transcript {
    /// Where it came from, for messages (`transcripts/ch2.md`).
    public var path: String
    /// The file's lines, without newlines; `--update` rewrites the expected output in them.
    public var lines: [String]
    /// The seed the world is made with (`<!-- kubelab: seed=7 -->`).
    public var seed: UInt64
    public var steps: [Step]

    /// One command and what it is expected to print.
    public struct Step {
        /// The command as typed: its first line after `$ `, then each `> ` continuation line.
        public var commandLines: [String]
        public var expected: [ExpectedLine]
        /// The exit status (`[N]` after the output; 0 when absent).
        public var exitStatus: Int32
        /// Set when the command is stopped with Ctrl-C (`^C`, or `^C after 30s`).
        public var interrupt: Interrupt?
        /// The 0-based index in `lines` of the `$ ` line.
        public var commandLineIndex: Int
        /// The indices in `lines` the expected output, status and interrupt marker occupy.
        public var outputLineRange: Range<Int>

        public var command: String { commandLines.joined(separator: "\n") }
    }

    /// When a command is stopped with Ctrl-C.
    public struct Interrupt: Equatable {
        /// Virtual time after the command's start; nil: when it has run unattended for the
        /// default limit.
        public var after: Duration?
        /// Where the marker stands among the expected lines.
        public var position: Int
    }
}

/// An expected output line: literal text, or a pattern for the rare line that legitimately
/// varies.
public struct ExpectedLine: Equatable {
    public enum Kind: Equatable {
        case literal
        /// A regular expression the whole line must match (written `… (re)`).
        case regex
        /// `*` matches any run of characters, `?` one character (written `… (glob)`).
        case glob
    }

    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind) {
        self.text = text
        self.kind = kind
    }

    /// Parses a line of a transcript, recognizing the ` (re)` and ` (glob)` suffixes.
    public init(parsing line: String) {
        if line.hasSuffix(" (re)") {
            self.init(text: String(line.dropLast(5)), kind: .regex)
        } else if line.hasSuffix(" (glob)") {
            self.init(text: String(line.dropLast(7)), kind: .glob)
        } else {
            self.init(text: line, kind: .literal)
        }
    }

    /// Whether `actual` is what this line expects.
    public func matches(_ actual: String) -> Bool {
        switch kind {
        case .literal:
            return text == actual
        case .regex:
            guard let regex = try? Regex(text) else { return false }
            return (try? regex.wholeMatch(in: actual)) != nil
        case .glob:
            return Self.glob(Array(text), Array(actual))
        }
    }

    /// The line as written in the transcript.
    public var written: String {
        switch kind {
        case .literal: text
        case .regex: text + " (re)"
        case .glob: text + " (glob)"
        }
    }

    private static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0, star = -1, mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
