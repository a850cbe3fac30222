/// A run of text with one look, from Markdown's inline syntax.
struct StyledRun: Hashable {
    enum Look: Hashable {
        case plain, strong, emphasis, code
    }

    var text: String
    var look: Look
}

/// Splits a paragraph's inline Markdown into styled runs: `**strong**`, `*emphasis*` or
/// `_emphasis_`, and `` `code` ``. Unmatched markers stay as they are.
enum InlineMarkdown {
    static func runs(_ text: String) -> [StyledRun] {
        let characters = Array(text)
        var runs: [StyledRun] = []
        var plain = ""
        var index = 0

        func flush() {
            if !plain.isEmpty { runs.append(StyledRun(text: plain, look: .plain)) }
            plain = ""
        }
        func closing(_ marker: [Character], from start: Int) -> Int? {
            var position = start
            while position + marker.count <= characters.count {
                if Array(characters[position..<position + marker.count]) == marker, position > start { return position }
                position += 1
            }
            return nil
        }

        while index < characters.count {
            let character = characters[index]
            if character == "`", let end = closing(["`"], from: index + 1) {
                flush()
                runs.append(StyledRun(text: String(characters[index + 1..<end]), look: .code))
                index = end + 1
                continue
            }
            if character == "*", index + 1 < characters.count, characters[index + 1] == "*",
               let end = closing(["*", "*"], from: index + 2) {
                flush()
                runs.append(StyledRun(text: String(characters[index + 2..<end]), look: .strong))
                index = end + 2
                continue
            }
            let startsWord = index == 0 || characters[index - 1] == " "
            if character == "*" || (character == "_" && startsWord), index + 1 < characters.count, characters[index + 1] != " ",
               let end = closing([character], from: index + 1), characters[end - 1] != " " {
                flush()
                runs.append(StyledRun(text: String(characters[index + 1..<end]), look: .emphasis))
                index = end + 1
                continue
            }
            plain.append(character)
            index += 1
        }
        flush()
        return runs
    }
}
