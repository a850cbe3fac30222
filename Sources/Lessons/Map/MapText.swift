import Formatting

/// Measuring, padding, cutting and wrapping text by terminal display width, so Chinese lines up.
enum MapText {
    static func width(_ text: String) -> Int {
        TextWidth.terminalColumns.measure(text)
    }

    /// `text` followed by spaces up to `columns` display cells.
    static func padded(_ text: String, to columns: Int) -> String {
        text + String(repeating: " ", count: max(0, columns - width(text)))
    }

    /// `text` cut to at most `columns` display cells, ending in `…` when something was cut.
    static func cut(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var kept = ""
        var used = 0
        for character in text {
            let cells = width(String(character))
            if used + cells > columns - 1 { break }
            kept.append(character)
            used += cells
        }
        return kept + "…"
    }

    /// Columns separated by two spaces, each padded to the widest cell of its column in `rows`.
    static func aligned(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in
            rows.map { column < $0.count ? width($0[column]) : 0 }.max() ?? 0
        }
        return rows.map { row in
            var line = ""
            for (column, cell) in row.enumerated() {
                line += column == row.count - 1 ? cell : padded(cell, to: widths[column]) + "  "
            }
            return trimmedEnd(line)
        }
    }

    /// `lead` then `items` joined by `, `, wrapped within `columns` with continuation lines
    /// indented by `indent` spaces; an item too long for any line is cut.
    static func wrapped(_ lead: String, _ items: [String], columns: Int, indent: Int) -> [String] {
        // A lead too long for one line is itself broken at spaces; items follow its last line.
        var lines = width(lead) > columns ? words(lead, columns: columns, indent: indent) : [lead]
        var line = lines.removeLast()
        var lineHasItem = false
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? "," : "")
            var separator = lineHasItem || !(line.isEmpty || line.hasSuffix(" ") || line.hasSuffix("：")) ? " " : ""
            if !line.allSatisfy({ $0 == " " }), width(line) + 1 + width(piece) > columns {
                lines.append(line)
                line = String(repeating: " ", count: indent)
                separator = ""
            }
            line += separator + cut(piece, to: max(1, columns - width(line) - separator.count))
            lineHasItem = true
        }
        lines.append(line)
        return lines.map(trimmedEnd)
    }

    /// `text` broken at spaces into lines of at most `columns` cells (a word longer than a line
    /// is cut), continuation lines indented by `indent` spaces.
    static func words(_ text: String, columns: Int, indent: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            if !line.allSatisfy({ $0 == " " }), width(line) + 1 + width(word) > columns {
                lines.append(line)
                line = String(repeating: " ", count: indent)
            }
            let separator = line.allSatisfy({ $0 == " " }) ? "" : " "
            line += separator + cut(word, to: max(1, columns - width(line) - separator.count))
        }
        lines.append(line)
        return lines
    }

    static func trimmedEnd(_ text: String) -> String {
        var text = text
        while text.last == " " { text.removeLast() }
        return text
    }
}
