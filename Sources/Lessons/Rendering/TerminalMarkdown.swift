import Formatting

/// Renders the Markdown of lesson text for a terminal: paragraphs wrapped to the width (CJK
/// characters count two columns and may break anywhere), `**strong**` and `*emphasis*` in
/// bold and italic, inline code highlighted, code blocks indented and left unwrapped, and
/// bulleted or numbered lists with hanging indents. Without colors, inline code keeps its
/// backticks so it still stands out.
public enum TerminalMarkdown {
    public static func render(_ markdown: String, style: TextStyle) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        var listItem: (marker: String, text: [String])?
        var inFence = false
        var fenceMarker = ""

        func blankLineBefore() {
            if let last = output.last, !last.isEmpty { output.append("") }
        }
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            paragraph = []
            let heading = text.prefix { $0 == "#" }.count
            if heading > 0, heading <= 6, text.dropFirst(heading).first == " " {
                let title = String(text.dropFirst(heading + 1))
                output += wrap([StyledRun(text: title, look: .strong)], width: style.width, indent: "", style: style)
            } else {
                output += wrap(InlineMarkdown.runs(text), width: style.width, indent: "", style: style)
            }
        }
        func flushListItem() {
            guard let item = listItem else { return }
            listItem = nil
            let hanging = String(repeating: " ", count: item.marker.count + 1)
            let lines = wrap(InlineMarkdown.runs(item.text.joined(separator: " ")), width: style.width - hanging.count, indent: "", style: style)
            for (index, line) in lines.enumerated() {
                output.append((index == 0 ? item.marker + " " : hanging) + line)
            }
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let line = rawLine.replacingOccurrences(of: "\t", with: "    ")
            let trimmed = line.drop { $0 == " " }
            if inFence {
                if trimmed.hasPrefix(fenceMarker) {
                    inFence = false
                } else {
                    output.append(style.styled("    " + line, TextStyle.code))
                }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushParagraph()
                flushListItem()
                blankLineBefore()
                inFence = true
                fenceMarker = String(trimmed.prefix(3))
                continue
            }
            if trimmed.isEmpty {
                flushParagraph()
                flushListItem()
                blankLineBefore()
                continue
            }
            if let marker = listMarker(String(trimmed)) {
                flushParagraph()
                flushListItem()
                listItem = (marker, [String(trimmed.dropFirst(marker.count + 1))])
                continue
            }
            if listItem != nil, line.hasPrefix("  ") {
                listItem?.text.append(String(trimmed))
                continue
            }
            flushListItem()
            paragraph.append(String(trimmed))
        }
        flushParagraph()
        flushListItem()
        while output.last == "" { output.removeLast() }
        while output.first == "" { output.removeFirst() }
        return output.map { $0 + "\n" }.joined()
    }

    /// `- `, `* `, `+ ` (shown as `•`) or `1. ` starting a list item; the marker as shown.
    static func listMarker(_ line: String) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("+ ") { return "•" }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") { return digits + "." }
        return nil
    }

    /// Breaks styled runs into lines of at most `width` columns.
    static func wrap(_ runs: [StyledRun], width: Int, indent: String, style: TextStyle) -> [String] {
        // Pieces that may not be split: words, and single CJK characters (which break anywhere).
        struct Piece {
            var text: String
            var look: StyledRun.Look
            var spaceBefore: Bool
        }
        var pieces: [Piece] = []
        var pendingSpace = false
        for run in runs {
            var word = ""
            func endWord() {
                if !word.isEmpty {
                    pieces.append(Piece(text: word, look: run.look, spaceBefore: pendingSpace))
                    pendingSpace = false
                }
                word = ""
            }
            for character in run.text {
                if character == " " && run.look != .code {
                    endWord()
                    pendingSpace = true
                } else if isWide(character) && run.look != .code {
                    endWord()
                    pieces.append(Piece(text: String(character), look: run.look, spaceBefore: pendingSpace))
                    pendingSpace = false
                } else {
                    word.append(character)
                }
            }
            endWord()
        }
        func shown(_ piece: Piece) -> String {
            piece.look == .code && !style.usesColor ? "`" + piece.text + "`" : piece.text
        }
        // A line breaks only where a space was or next to a CJK character: `curl`, stays whole,
        // and closing punctuation (`、`, `。`) never starts a line.
        let widths = pieces.map { TextWidth.terminalColumns.measure(shown($0)) }
        let startsUnit = pieces.indices.map { index in
            let first = pieces[index].text.first ?? " "
            if index > 0, !pieces[index].spaceBefore, Self.closingPunctuation.contains(first) { return false }
            return index == 0 || pieces[index].spaceBefore || isWide(first) || isWide(pieces[index - 1].text.last ?? " ")
        }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for (index, piece) in pieces.enumerated() {
            let shown = shown(piece)
            let pieceWidth = widths[index]
            var unitWidth = pieceWidth
            var next = index + 1
            while next < pieces.count, !startsUnit[next] {
                unitWidth += widths[next]
                next += 1
            }
            let gap = piece.spaceBefore && index > 0 ? 1 : 0
            if startsUnit[index], lineWidth > 0, lineWidth + gap + unitWidth > width {
                lines.append(indent + line)
                line = ""
                lineWidth = 0
            } else if gap == 1, lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += styled(shown, piece.look, style: style)
            lineWidth += pieceWidth
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }

    private static func styled(_ text: String, _ look: StyledRun.Look, style: TextStyle) -> String {
        switch look {
        case .plain: text
        case .strong: style.styled(text, TextStyle.bold)
        case .emphasis: style.styled(text, TextStyle.italic)
        case .code: style.styled(text, TextStyle.code)
        }
    }

    /// CJK punctuation that ends a phrase and so may not begin a line.
    static let closingPunctuation: Set<Character> = ["、", "。", "，", "；", "：", "！", "？", "）", "」", "』", "】", "》"]

    static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.contains { TextWidth.columns(of: $0) == 2 }
    }
}
