/// How course text is shown: the terminal's width and whether it understands ANSI styles.
public struct TextStyle: Hashable, Sendable {
    public var width: Int
    public var usesColor: Bool

    public init(width: Int, usesColor: Bool) {
        self.width = max(20, width)
        self.usesColor = usesColor
    }

    /// Plain text, 80 columns: scripts, transcripts and tests.
    public static let plain = TextStyle(width: 80, usesColor: false)

    static let bold = "\u{1B}[1m"
    static let italic = "\u{1B}[3m"
    static let code = "\u{1B}[36m"
    static let dim = "\u{1B}[2m"
    static let green = "\u{1B}[32m"
    static let yellow = "\u{1B}[33m"
    static let reset = "\u{1B}[0m"

    /// `text` in `style` when colors are on.
    func styled(_ text: String, _ style: String) -> String {
        usesColor ? style + text + Self.reset : text
    }
}
