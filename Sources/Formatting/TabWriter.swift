/// A port of Go's `text/tabwriter`, which lays out every `docker` and `kubectl` table.
///
/// Text is written as tab-terminated cells. A column block is a run of consecutive lines that
/// all have a tab-terminated cell in that column; each block is as wide as its widest cell plus
/// padding (at least `minimumWidth`). The last cell of a line belongs to no column and is never
/// padded, so table lines carry no trailing blanks. Output appears when `flush()` is called, or
/// early for lines that cannot affect later alignment (a line without tabs), exactly as in Go.
public struct TabWriter: Sendable {
    /// Layout switches, named after Go's constants.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt
        public init(rawValue: UInt) { self.rawValue = rawValue }

        /// Right-align cell contents (padding goes before the text).
        public static let alignRight = Flags(rawValue: 1 << 2)
        /// Give columns made only of empty, tab-less cells zero width.
        public static let discardEmptyColumns = Flags(rawValue: 1 << 3)
        /// Pad leading empty cells with tabs whatever the pad character.
        public static let tabIndent = Flags(rawValue: 1 << 4)
        /// Print a `|` between columns (Go's Debug flag).
        public static let debug = Flags(rawValue: 1 << 5)
        /// Column widths survive `flush()` and only grow (kubectl's liggitt/tabwriter fork, used by `get -w`).
        public static let rememberWidths = Flags(rawValue: 1 << 6)
    }

    public let minimumWidth: Int
    public let tabWidth: Int
    public let padding: Int
    public let padCharacter: Character
    public let flags: Flags
    public let textWidth: TextWidth

    private struct Cell {
        var size = 0       // UTF-8 bytes
        var width = 0      // display width per `textWidth`
        var isTabTerminated = false
    }

    private var text: [UInt8] = []
    private var measuredUpTo = 0
    private var cell = Cell()
    private var lines: [[Cell]] = [[]]
    private var widths: [Int] = []
    private var rememberedWidths: [Int] = []
    private var output: [UInt8] = []

    /// Creates a writer with Go's `tabwriter.NewWriter(out, minwidth, tabwidth, padding, padchar, flags)` parameters.
    public init(
        minimumWidth: Int, tabWidth: Int, padding: Int, padCharacter: Character = " ",
        flags: Flags = [], textWidth: TextWidth = .runes
    ) {
        self.minimumWidth = minimumWidth
        self.tabWidth = tabWidth
        self.padding = padding
        self.padCharacter = padCharacter
        // Tab padding forces left alignment in Go.
        self.flags = padCharacter == "\t" ? flags.subtracting(.alignRight) : flags
        self.textWidth = textWidth
    }

    /// `kubectl get` of Kubernetes ≈1.8: stdlib tabwriter, minwidth 10, tabwidth 4, padding 3.
    public static func kubectl(textWidth: TextWidth = .runes) -> TabWriter {
        TabWriter(minimumWidth: 10, tabWidth: 4, padding: 3, textWidth: textWidth)
    }

    /// Current `kubectl get`: minwidth 6 with remembered widths.
    public static func kubectlModern(textWidth: TextWidth = .runes) -> TabWriter {
        TabWriter(minimumWidth: 6, tabWidth: 4, padding: 3, flags: .rememberWidths, textWidth: textWidth)
    }

    /// `kubectl describe` sections: minwidth 0, tabwidth 8, padding 2.
    public static func kubectlDescribe(textWidth: TextWidth = .runes) -> TabWriter {
        TabWriter(minimumWidth: 0, tabWidth: 8, padding: 2, textWidth: textWidth)
    }

    /// Docker 17.x tables: minwidth 20, tabwidth 1, padding 3.
    public static func docker(textWidth: TextWidth = .runes) -> TabWriter {
        TabWriter(minimumWidth: 20, tabWidth: 1, padding: 3, textWidth: textWidth)
    }

    /// Docker ≥ 20.10 tables: minwidth 10 and display-cell widths (its fork uses go-runewidth).
    public static func dockerModern() -> TabWriter {
        TabWriter(minimumWidth: 10, tabWidth: 1, padding: 3, textWidth: .terminalColumns)
    }

    /// Appends text; `\t` ends a cell, `\v` ends a cell without starting a column, `\n` ends a line, `\f` forces a flush.
    public mutating func write(_ string: String) {
        var start = 0
        let bytes = Array(string.utf8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x09, 0x0B, 0x0A, 0x0C:
                text.append(contentsOf: bytes[start..<index])
                cell.size += index - start
                updateWidth()
                start = index + 1
                let cellCount = terminateCell(tabTerminated: byte == 0x09)
                if byte == 0x0A || byte == 0x0C {
                    lines.append([])
                    // A one-cell line cannot influence later columns, so Go formats everything so far.
                    if byte == 0x0C || cellCount == 1 {
                        formatBuffered()
                        if byte == 0x0C && flags.contains(.debug) { output.append(contentsOf: "---\n".utf8) }
                    }
                }
            default:
                continue
            }
        }
        text.append(contentsOf: bytes[start...])
        cell.size += bytes.count - start
    }

    /// Formats everything written so far and returns all output not yet returned.
    public mutating func flush() -> String {
        if cell.size > 0 {
            updateWidth()
            _ = terminateCell(tabTerminated: false)
        }
        formatBuffered()
        defer { output.removeAll(keepingCapacity: true) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Forgets remembered column widths (kubectl does this between resource groups).
    public mutating func forgetRememberedWidths() {
        rememberedWidths.removeAll()
    }

    /// Lays out a whole table in one go: `rows` of cells joined with tabs, each line ending in a newline.
    public static func format(_ rows: [[String]], with writer: TabWriter) -> String {
        var writer = writer
        for row in rows { writer.write(row.joined(separator: "\t") + "\n") }
        return writer.flush()
    }

    // MARK: - Go's algorithm

    private mutating func updateWidth() {
        cell.width += textWidth.measure(text[measuredUpTo...])
        measuredUpTo = text.count
    }

    private mutating func terminateCell(tabTerminated: Bool) -> Int {
        cell.isTabTerminated = tabTerminated
        lines[lines.count - 1].append(cell)
        cell = Cell()
        return lines[lines.count - 1].count
    }

    private mutating func formatBuffered() {
        _ = format(position: 0, firstLine: 0, endLine: lines.count)
        text.removeAll(keepingCapacity: true)
        measuredUpTo = 0
        cell = Cell()
        lines = [[]]
        widths.removeAll(keepingCapacity: true)
    }

    private mutating func format(position startPosition: Int, firstLine: Int, endLine: Int) -> Int {
        var position = startPosition
        var line0 = firstLine
        let column = widths.count
        var this = firstLine
        while this < endLine {
            // The last cell of a line is not part of any column.
            guard column < lines[this].count - 1 else {
                this += 1
                continue
            }
            position = writeLines(position: position, from: line0, to: this)
            line0 = this

            var width = minimumWidth
            var discardable = true
            while this < endLine, column < lines[this].count - 1 {
                let current = lines[this][column]
                width = max(width, current.width + padding)
                if current.width > 0 || current.isTabTerminated { discardable = false }
                this += 1
            }
            if discardable && flags.contains(.discardEmptyColumns) { width = 0 }
            if flags.contains(.rememberWidths) { width = rememberWidth(width, column: column) }

            widths.append(width)
            position = format(position: position, firstLine: line0, endLine: this)
            widths.removeLast()
            line0 = this
        }
        return writeLines(position: position, from: line0, to: endLine)
    }

    private mutating func rememberWidth(_ width: Int, column: Int) -> Int {
        if rememberedWidths.count < widths.count {
            rememberedWidths.append(contentsOf: widths[rememberedWidths.count...])
        }
        if rememberedWidths.count == column {
            rememberedWidths.append(width)
            return width
        }
        if rememberedWidths[column] > width { return rememberedWidths[column] }
        rememberedWidths[column] = width
        return width
    }

    private mutating func writeLines(position startPosition: Int, from firstLine: Int, to endLine: Int) -> Int {
        var position = startPosition
        for lineIndex in firstLine..<endLine {
            var useTabs = flags.contains(.tabIndent)
            for (column, current) in lines[lineIndex].enumerated() {
                if column > 0 && flags.contains(.debug) { output.append(UInt8(ascii: "|")) }
                if current.size == 0 {
                    if column < widths.count { writePadding(textWidth: current.width, cellWidth: widths[column], useTabs: useTabs) }
                    continue
                }
                useTabs = false
                if flags.contains(.alignRight), column < widths.count {
                    writePadding(textWidth: current.width, cellWidth: widths[column], useTabs: false)
                }
                output.append(contentsOf: text[position..<position + current.size])
                position += current.size
                if !flags.contains(.alignRight), column < widths.count {
                    writePadding(textWidth: current.width, cellWidth: widths[column], useTabs: false)
                }
            }
            if lineIndex + 1 == lines.count {
                // The unterminated tail of the buffer: write what there is, without a newline.
                output.append(contentsOf: text[position..<position + cell.size])
                position += cell.size
            } else {
                output.append(UInt8(ascii: "\n"))
            }
        }
        return position
    }

    private mutating func writePadding(textWidth: Int, cellWidth: Int, useTabs: Bool) {
        if padCharacter == "\t" || useTabs {
            guard tabWidth > 0 else { return }
            let roundedWidth = (cellWidth + tabWidth - 1) / tabWidth * tabWidth
            let tabCount = (max(0, roundedWidth - textWidth) + tabWidth - 1) / tabWidth
            output.append(contentsOf: repeatElement(UInt8(ascii: "\t"), count: tabCount))
            return
        }
        let count = max(0, cellWidth - textWidth)
        for _ in 0..<count { output.append(contentsOf: padCharacter.utf8) }
    }
}
