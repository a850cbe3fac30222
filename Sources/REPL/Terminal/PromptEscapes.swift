/// Marks the terminal escape sequences in a prompt so libedit does not count them
/// toward the prompt's width (libedit's `EL_PROMPT_ESC` convention).
enum PromptEscapes {
    /// The character libedit is told to treat as "start/stop of invisible text".
    static let marker: Character = "\u{1}"

    /// `prompt` with every escape sequence wrapped in a pair of `marker` characters.
    ///
    /// Recognises CSI sequences (`ESC [ … final`, e.g. colours), OSC sequences
    /// (`ESC ] … BEL` or `ESC ] … ESC \`, e.g. window titles) and two-character escapes.
    static func marked(_ prompt: String) -> String {
        let scalars = Array(prompt.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\u{1B}" else {
                // A stray marker in the prompt itself would toggle visibility.
                if scalars[index] != "\u{1}" {
                    result.append(scalars[index])
                }
                index += 1
                continue
            }
            let end = endOfEscape(in: scalars, from: index)
            result.append("\u{1}")
            result.append(contentsOf: scalars[index..<end])
            result.append("\u{1}")
            index = end
        }
        return String(result)
    }

    /// What follows the last escape sequence that is not a colour (`clear`'s cursor moves and
    /// erasures): a command's pending prompt as the line editor shows it again. The terminal
    /// has acted on those sequences already; libedit would print them as text.
    static func afterLastControlSequence(_ prompt: String) -> String {
        let scalars = Array(prompt.unicodeScalars)
        var start = 0
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "\u{1B}" else {
                index += 1
                continue
            }
            let end = endOfEscape(in: scalars, from: index)
            if scalars[end - 1] != "m" { start = end }
            index = end
        }
        var tail = String.UnicodeScalarView()
        tail.append(contentsOf: scalars[start...])
        return String(tail)
    }

    /// The index just past the escape sequence starting at `start` (which holds ESC).
    private static func endOfEscape(in scalars: [Unicode.Scalar], from start: Int) -> Int {
        let next = start + 1
        guard next < scalars.count else { return next }
        switch scalars[next] {
        case "[":
            var index = next + 1
            while index < scalars.count {
                let value = scalars[index].value
                index += 1
                if (0x40...0x7E).contains(value) { return index }
            }
            return index
        case "]":
            var index = next + 1
            while index < scalars.count {
                if scalars[index] == "\u{7}" { return index + 1 }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                    return index + 2
                }
                index += 1
            }
            return index
        default:
            return next + 1
        }
    }
}
