import Testing
import Formatting

/// Text from files reaches the terminal with its control characters visible, as `cat -v` shows them.
@Suite struct VisibleControlsTests {
    @Test(arguments: [
        ("plain text\twith a tab\n", "plain text\twith a tab\n"),
        ("\u{1B}]52;c;cHduZWQ=\u{07}", "^[]52;c;cHduZWQ=^G"),
        ("\u{1B}[2J\u{1B}[H", "^[[2J^[[H"),
        ("\u{1B}]0;title\u{1B}\\", "^[]0;title^[\\"),
        ("a\rb\u{7F}c\u{00}", "a^Mb^?c^@"),
        ("\u{9B}31m", "M-BM-^[31m"),
        ("中文 é…", "中文 é…"),
    ])
    func controlsAreShownVisibly(_ input: String, _ expected: String) {
        #expect(VisibleControls.escape(input) == expected)
    }
}
