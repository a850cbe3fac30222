/// Indented, word-wrapped lines as `kubectl explain` writes them: 80 columns including the indent.
struct WrappedText {
    static let width = 80

    private(set) var text = ""

    /// One line at `indent` spaces; an empty line gets no indent.
    mutating func line(_ content: String, indent: Int = 0) {
        text += content.isEmpty ? "\n" : String(repeating: " ", count: indent) + content + "\n"
    }

    /// A paragraph split into lines that fit the width after the indent. A word longer than the
    /// width gets a line of its own rather than being cut.
    mutating func paragraph(_ content: String, indent: Int) {
        for wrapped in Self.wrap(content, width: Self.width - indent) {
            line(wrapped, indent: indent)
        }
    }

    static func wrap(_ content: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in content.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            if current.isEmpty {
                current = String(word)
            } else if current.utf8.count + 1 + word.utf8.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
