import Testing
@testable import REPL

/// Tokens written compactly: `word@start-end`, `|op|@start-end`, `>redir>@start-end`, open quote appended.
private func describe(_ tokens: [ShellToken]) -> [String] {
    tokens.map { token in
        let body: String
        switch token.kind {
        case .word: body = token.value
        case .commandSeparator: body = "|\(token.value)|"
        case .redirection: body = ">\(token.value)>"
        }
        let quote = token.openQuote.map { " open\($0)" } ?? ""
        return "\(body)@\(token.start)-\(token.end)\(quote)"
    }
}

struct ShellTokenizerTests {
    @Test(arguments: [
        ("", []),
        ("   ", []),
        ("kubectl get pods", ["kubectl@0-7", "get@8-11", "pods@12-16"]),
        ("  ls  -l ", ["ls@2-4", "-l@6-8"]),
        ("ls|grep a", ["ls@0-2", "|||@2-3", "grep@3-7", "a@8-9"]),
        ("a && b || c; d & e", ["a@0-1", "|&&|@2-4", "b@5-6", "||||@7-9", "c@10-11", "|;|@11-12", "d@13-14", "|&|@15-16", "e@17-18"]),
        ("echo hi > out.txt", ["echo@0-4", "hi@5-7", ">>>@8-9", "out.txt@10-17"]),
        ("cat<in>>log", ["cat@0-3", "><>@3-4", "in@4-6", ">>>>@6-8", "log@8-11"]),
        ("cmd 2>err", ["cmd@0-3", ">2>>@4-6", "err@6-9"]),
        ("cmd a2>err", ["cmd@0-3", "a2@4-6", ">>>@6-7", "err@7-10"]),
        ("echo 'a b' \"c d\"", ["echo@0-4", "a b@5-10", "c d@11-16"]),
        ("echo pre'mid'post", ["echo@0-4", "premidpost@5-17"]),
        ("echo a\\ b", ["echo@0-4", "a b@5-9"]),
        ("echo \"say \\\"hi\\\" \\n\"", ["echo@0-4", "say \"hi\" \\n@5-20"]),
        ("echo 'it''s'", ["echo@0-4", "its@5-12"]),
        ("echo 'a|b;c'", ["echo@0-4", "a|b;c@5-12"]),
        ("cat 'my fi", ["cat@0-3", "my fi@4-10 open'"]),
        ("cat \"my fi", ["cat@0-3", "my fi@4-10 open\""]),
        ("cat foo\\", ["cat@0-3", "foo@4-8"]),
        ("你好 世界", ["你好@0-2", "世界@3-5"]),
        ("(cd x)", ["|(|@0-1", "cd@1-3", "x@4-5", "|)|@5-6"]),
    ] as [(String, [String])])
    func tokenizes(line: String, expected: [String]) {
        #expect(describe(ShellTokenizer.tokenize(line)) == expected)
    }
}
