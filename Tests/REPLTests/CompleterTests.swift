import Testing
@testable import REPL

/// A small workstation: commands, a kubectl source, and a directory tree.
private func makeCompleter() -> Completer {
    let tree: [String: [FilePathSource.Entry]] = [
        ".": [
            .init(name: "app.js", isDirectory: false),
            .init(name: "Dockerfile", isDirectory: false),
            .init(name: "kubia", isDirectory: true),
            .init(name: "kubia-rc.yaml", isDirectory: false),
            .init(name: "my file.txt", isDirectory: false),
            .init(name: "my notes", isDirectory: true),
            .init(name: ".bashrc", isDirectory: false),
            .init(name: "笔记.md", isDirectory: false),
        ],
        "kubia/": [
            .init(name: "app.js", isDirectory: false),
            .init(name: "Dockerfile", isDirectory: false),
        ],
        "/etc/": [
            .init(name: "hosts", isDirectory: false),
            .init(name: "hostname", isDirectory: false),
        ],
    ]
    let files = FilePathSource { tree[$0] ?? [] }
    let kubectl = CompletionFunction { words, _ in
        switch words.count {
        case 1: return ["get", "describe", "delete", "create", "expose"]
        case 2 where words[1] == "get": return ["pods", "po", "services", "replicationcontrollers", "--namespace=", "--show-labels"]
        case 3 where words[2] == "pods": return ["kubia-4jfyf", "kubia-g955q", "kubia-x7b9p"]
        default: return []
        }
    }
    return Completer(
        commandNames: WordListSource(["history", "help", "kubectl", "docker", "cat", "curl", "cd", "ls", "grep"]),
        files: files,
        commandSources: ["kubectl": kubectl, "docker": WordListSource([])]
    )
}

struct CompleterTests {
    /// (line, replacement start, replacement, candidates)
    @Test(arguments: [
        // First word: command names.
        ("hist", 0, "history ", ["history"]),
        ("h", 0, "h", ["help", "history"]),
        ("c", 0, "c", ["cat", "cd", "curl"]),
        ("cu", 0, "curl ", ["curl"]),
        ("", 0, "", ["cat", "cd", "curl", "docker", "grep", "help", "history", "kubectl", "ls"]),
        ("zz", 0, "zz", []),
        ("  hi", 2, "history ", ["history"]),
        // After separators a new command starts.
        ("kubectl get pods | gr", 19, "grep ", ["grep"]),
        ("ls; ku", 4, "kubectl ", ["kubectl"]),
        ("ls && ku", 6, "kubectl ", ["kubectl"]),
        ("ls||ku", 4, "kubectl ", ["kubectl"]),
        // Registered per-command sources.
        ("kubectl g", 8, "get ", ["get"]),
        ("kubectl de", 8, "de", ["delete", "describe"]),
        ("kubectl get p", 12, "po", ["po", "pods"]),
        ("kubectl get r", 12, "replicationcontrollers ", ["replicationcontrollers"]),
        ("kubectl get pods kubia-", 17, "kubia-", ["kubia-4jfyf", "kubia-g955q", "kubia-x7b9p"]),
        ("kubectl get pods kubia-g", 17, "kubia-g955q ", ["kubia-g955q"]),
        ("kubectl get --n", 12, "--namespace=", ["--namespace="]),
        ("kubectl get --", 12, "--", ["--namespace=", "--show-labels"]),
        ("kubectl get pods | kubectl d", 27, "de", ["delete", "describe"]),
        ("docker ", 7, "", []),
        // No source registered: file names; directories end in "/" without a space.
        ("cat ap", 4, "app.js ", ["app.js"]),
        ("cat kubia", 4, "kubia", ["kubia-rc.yaml", "kubia/"]),
        ("cat kubia/", 4, "kubia/", ["kubia/Dockerfile", "kubia/app.js"]),
        ("cat kubia/D", 4, "kubia/Dockerfile ", ["kubia/Dockerfile"]),
        ("cd kubia/ && cat /etc/ho", 17, "/etc/host", ["/etc/hostname", "/etc/hosts"]),
        ("cat .", 4, ".bashrc ", [".bashrc"]),
        ("cat 笔", 4, "笔记.md ", ["笔记.md"]),
        ("cat nothing", 4, "nothing", []),
        // Quoting: names with spaces, open quotes kept and closed.
        ("cat my", 4, "my\\ ", ["my file.txt", "my notes/"]),
        ("cat my\\ f", 4, "my\\ file.txt ", ["my file.txt"]),
        ("cat 'my f", 4, "'my file.txt' ", ["my file.txt"]),
        ("cat \"my n", 4, "\"my notes/", ["my notes/"]),
        ("cat \"my", 4, "\"my ", ["my file.txt", "my notes/"]),
        // Redirections complete files and are not command words.
        ("kubectl get pods > ku", 19, "kubia", ["kubia-rc.yaml", "kubia/"]),
        ("kubectl get pods 2>/etc/hostn", 19, "/etc/hostname ", ["/etc/hostname"]),
        ("cat < app.js | ", 15, "", ["cat", "cd", "curl", "docker", "grep", "help", "history", "kubectl", "ls"]),
        // A path as the first word is a file, not a command name.
        ("./ap", 0, "./ap", []),
        ("kubia/a", 0, "kubia/app.js ", ["kubia/app.js"]),
    ] as [(String, Int, String, [String])])
    func completesAtEndOfLine(line: String, start: Int, replacement: String, candidates: [String]) {
        let completion = makeCompleter().complete(CompletionRequest(line: line))
        #expect(completion.replacementStart == start)
        #expect(completion.replacement == replacement)
        #expect(completion.candidates == candidates)
    }

    @Test func completesTheWordBeforeTheCursorOnly() {
        // Cursor right after "kubectl g" in "kubectl g pods".
        let completion = makeCompleter().complete(CompletionRequest(line: "kubectl g pods", cursor: 9))
        #expect(completion.replacementStart == 8)
        #expect(completion.replacedText == "g")
        #expect(completion.replacement == "get ")
    }

    @Test func cursorAfterSpaceStartsAnEmptyWord() {
        let completion = makeCompleter().complete(CompletionRequest(line: "kubectl get pods", cursor: 8))
        #expect(completion.replacementStart == 8)
        #expect(completion.replacedText == "")
        #expect(completion.candidates == ["create", "delete", "describe", "expose", "get"])
        #expect(!completion.insertsText)
    }

    @Test func nothingToInsertWhenCandidatesShareOnlyWhatWasTyped() {
        let completion = makeCompleter().complete(CompletionRequest(line: "kubectl de"))
        #expect(!completion.insertsText)
        let unique = makeCompleter().complete(CompletionRequest(line: "kubectl ex"))
        #expect(unique.insertsText)
    }

    @Test func registeredSourceReplacesTheFileFallback() {
        let completer = makeCompleter()
        #expect(completer.complete(CompletionRequest(line: "less ap")).candidates == ["app.js"])
        completer.register(WordListSource(["apple"]), forCommand: "less")
        #expect(completer.complete(CompletionRequest(line: "less ap")).candidates == ["apple"])
    }

    @Test func withoutFileSourceArgumentsHaveNoCandidates() {
        let completer = Completer(commandNames: WordListSource(["ls"]))
        let completion = completer.complete(CompletionRequest(line: "ls a"))
        #expect(completion.candidates.isEmpty)
        #expect(!completion.insertsText)
    }

    @Test(arguments: [
        ("cat kubia/", ["kubia/Dockerfile", "kubia/app.js"], ["Dockerfile", "app.js"]),
        ("kubectl de", ["delete", "describe"], ["delete", "describe"]),
    ] as [(String, [String], [String])])
    func listsCandidatesWithoutTheTypedDirectory(line: String, candidates: [String], displayed: [String]) {
        let completion = makeCompleter().complete(CompletionRequest(line: line))
        #expect(completion.candidates == candidates)
        #expect(completion.displayedCandidates == displayed)
    }

    @Test(arguments: [
        ([], ""),
        (["abc"], "abc"),
        (["abc", "abd"], "ab"),
        (["abc", "xyz"], ""),
        (["你好世界", "你好吗"], "你好"),
    ] as [([String], String)])
    func commonPrefix(words: [String], expected: String) {
        #expect(Completer.commonPrefix(of: words) == expected)
    }
}
