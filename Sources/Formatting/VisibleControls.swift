/// Text read from a file (lesson text, a transcript's lines) made safe to print on a terminal:
/// control characters are shown as `cat -v` shows them, so an escape sequence in a file can
/// never set the clipboard, the title or clear the screen. Newlines and tabs stay as they are.
public enum VisibleControls {
    /// `text` with every control character but newline and tab written out visibly (`^[`, `^?`,
    /// and `M-BM-^[` for the C1 controls, as `cat -v` writes their UTF-8 bytes).
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                result.append(scalar)
                continue
            }
            let visible: String
            switch scalar.value {
            case 0x7F: visible = "^?"
            case 0x80...0x9F: visible = "M-BM-^" + String(UnicodeScalar(UInt8(scalar.value - 0x80 + 0x40)))
            default: visible = "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            }
            result.append(contentsOf: visible.unicodeScalars)
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
