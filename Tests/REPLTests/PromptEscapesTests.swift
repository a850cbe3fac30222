import Testing
@testable import REPL

struct PromptEscapesTests {
    @Test(arguments: [
        ("$ ", "$ "),
        ("你好 $ ", "你好 $ "),
        ("\u{1B}[1;32mkubelab\u{1B}[0m $ ", "\u{1}\u{1B}[1;32m\u{1}kubelab\u{1}\u{1B}[0m\u{1} $ "),
        ("\u{1B}]0;title\u{7}> ", "\u{1}\u{1B}]0;title\u{7}\u{1}> "),
        ("\u{1B}]0;title\u{1B}\\> ", "\u{1}\u{1B}]0;title\u{1B}\\\u{1}> "),
        ("\u{1B}(B$ ", "\u{1}\u{1B}(\u{1}B$ "),
        ("a\u{1}b", "ab"),
        ("\u{1B}[", "\u{1}\u{1B}[\u{1}"),
    ] as [(String, String)])
    func marksEscapeSequences(prompt: String, expected: String) {
        #expect(PromptEscapes.marked(prompt) == expected)
    }
}

@Suite struct PendingPromptTests {
    @Test(arguments: [
        ("\u{1B}[H\u{1B}[2J\u{1B}[3Jroot@12e50e6e3330:/# ", "root@12e50e6e3330:/# "),
        ("root@web:/# ", "root@web:/# "),
        ("\u{1B}[1;32mroot\u{1B}[0m:/# ", "\u{1B}[1;32mroot\u{1B}[0m:/# "),
        ("\u{1B}[2J\u{1B}[1;32mroot\u{1B}[0m# ", "\u{1B}[1;32mroot\u{1B}[0m# "),
        ("\u{1B}", ""),
    ])
    func clearsSequencesAreLeftToTheTerminal(prompt: String, shown: String) {
        #expect(PromptEscapes.afterLastControlSequence(prompt) == shown)
    }
}
