import Testing
@testable import Lessons

@Suite struct TerminalMarkdownTests {
    @Test(arguments: [100, 99, 98, 97, 80, 60])
    func punctuationAfterCodeNeverStartsALine(width: Int) {
        // The welcome once wrapped so that `, curl` began a line.
        for style in [TextStyle(width: width, usesColor: true), TextStyle(width: width, usesColor: false)] {
            let rendered = TerminalMarkdown.render(Phrases.welcomeEnglish, style: style)
            for line in rendered.split(separator: "\n") {
                #expect(!line.hasPrefix(",") && !line.hasPrefix("\u{1B}[0m,") && !line.hasPrefix("."), "\(line)")
            }
        }
    }

    @Test(arguments: [100, 99, 98, 97, 80, 60])
    func chineseClosingPunctuationNeverStartsALine(width: Int) {
        let rendered = TerminalMarkdown.render(Phrases.welcomeChinese, style: TextStyle(width: width, usesColor: false))
        for line in rendered.split(separator: "\n") {
            #expect(!(line.first.map { TerminalMarkdown.closingPunctuation.contains($0) } ?? false), "\(line)")
        }
    }

    @Test func paragraphsAreWrappedAndInlineCodeKeepsItsBackticksInPlainText() {
        let text = "Run **the** container with `docker run busybox echo \"Hello world\"` and *look* at what it prints."
        #expect(TerminalMarkdown.render(text, style: TextStyle(width: 30, usesColor: false)) == """
            Run the container with
            `docker run busybox echo "Hello world"`
            and look at what it prints.

            """)
    }

    @Test func colorsMarkStrongEmphasisAndCode() {
        let rendered = TerminalMarkdown.render("**Pods** are *small*: `kubectl get po`", style: TextStyle(width: 80, usesColor: true))
        #expect(rendered == "\u{1B}[1mPods\u{1B}[0m are \u{1B}[3msmall\u{1B}[0m: \u{1B}[36mkubectl get po\u{1B}[0m\n")
    }

    @Test func chineseCountsTwoColumnsAndBreaksBetweenCharacters() {
        let rendered = TerminalMarkdown.render("用 `docker run` 运行一个容器，然后查看它的输出结果。", style: TextStyle(width: 20, usesColor: false))
        let lines = rendered.split(separator: "\n").map(String.init)
        #expect(lines == ["用 `docker run` 运行", "一个容器，然后查看它", "的输出结果。"])
        #expect(lines.allSatisfy { columns($0) <= 20 })
    }

    func columns(_ text: String) -> Int {
        text.reduce(0) { $0 + (TerminalMarkdown.isWide($1) ? 2 : 1) }
    }

    @Test func codeBlocksAreIndentedAndListsHang() {
        let markdown = """
            Steps:

            - first a rather long item that wraps
            - second
            1. numbered

            ```
            $ kubectl get pods --all-namespaces-and-a-long-line
            ```
            # Done
            """
        #expect(TerminalMarkdown.render(markdown, style: TextStyle(width: 24, usesColor: false)) == """
            Steps:

            • first a rather long
              item that wraps
            • second
            1. numbered

                $ kubectl get pods --all-namespaces-and-a-long-line
            Done

            """)
    }
}
