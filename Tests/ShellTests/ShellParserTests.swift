@testable import Kernel
@testable import Shell
import Testing

private func parse(_ source: String, aliases: [String: String] = [:]) -> Script? {
    if case .complete(let script) = ShellParser.parse(source, aliases: aliases) { return script }
    return nil
}

private func firstSimple(_ source: String, aliases: [String: String] = [:]) -> SimpleCommand? {
    guard let script = parse(source, aliases: aliases), let item = script.items.first,
          case .simple(let command)? = item.list.first.commands.first else { return nil }
    return command
}

@Suite struct ShellParserWordTests {
    static let words: [(String, [WordPart])] = [
        ("abc", [.literal("abc")]),
        ("'a b'", [.quoted("a b")]),
        ("\"a $x b\"", [.doubleQuoted([.literal("a "), .parameter(ParameterExpansion(name: "x")), .literal(" b")])]),
        ("a\\ b", [.literal("a"), .quoted(" "), .literal("b")]),
        ("\"\\$x\\q\"", [.doubleQuoted([.quoted("$"), .literal("x\\q")])]),
        ("$?$$$#$@$*$0$9", ["?", "$", "#", "@", "*", "0", "9"].map { .parameter(ParameterExpansion(name: $0)) }),
        ("${HOME}", [.parameter(ParameterExpansion(name: "HOME"))]),
        ("${#VAR}", [.parameter(ParameterExpansion(name: "VAR", operation: .length))]),
        ("${V:-a b}", [.parameter(ParameterExpansion(name: "V", operation: .useDefault(Word([.literal("a b")]), ifNullToo: true)))]),
        ("${V=x}", [.parameter(ParameterExpansion(name: "V", operation: .assignDefault("x", ifNullToo: false)))]),
        ("${V:=x}", [.parameter(ParameterExpansion(name: "V", operation: .assignDefault("x", ifNullToo: true)))]),
        ("${V##*/}", [.parameter(ParameterExpansion(name: "V", operation: .removePrefix("*/", longest: true)))]),
        ("${V%.txt}", [.parameter(ParameterExpansion(name: "V", operation: .removeSuffix(".txt", longest: false)))]),
        ("$((1 + $x))", [.arithmetic([.literal("1 + "), .parameter(ParameterExpansion(name: "x"))])]),
        ("~", [.tilde(user: "")]),
        ("~/bin", [.tilde(user: ""), .literal("/bin")]),
        ("~bob/x", [.tilde(user: "bob"), .literal("/x")]),
        ("a~", [.literal("a~")]),
        ("*.txt", [.literal("*.txt")]),
        ("$'a\\nb'", [.quoted("a\nb")]),
        ("cost$", [.literal("cost$")]),
    ]

    @Test(arguments: words)
    func parsesWord(source: String, parts: [WordPart]) {
        #expect(firstSimple("echo " + source)?.words.last?.parts == parts)
    }

    @Test func parsesNestedCommandSubstitution() {
        let inner = Script(items: [ListItem(list: AndOrList(first: Pipeline(commands: [.simple(SimpleCommand(words: ["pwd"]))])))])
        let middle = Script(items: [ListItem(list: AndOrList(first: Pipeline(commands: [
            .simple(SimpleCommand(words: ["basename", Word([.commandSubstitution(inner)])]))])))])
        #expect(firstSimple("echo $(basename $(pwd))")?.words.last?.parts == [.commandSubstitution(middle)])
        #expect(firstSimple("echo `basename \\`pwd\\``")?.words.last?.parts == [.commandSubstitution(middle)])
        #expect(firstSimple("echo \"$(pwd)\"")?.words.last?.parts == [.doubleQuoted([.commandSubstitution(inner)])])
    }

    @Test func parsesAssignmentsAndWords() {
        let command = firstSimple("FOO=bar X+=1 env A=b")
        #expect(command?.assignments == [Assignment(name: "FOO", value: "bar"), Assignment(name: "X", value: "1", isAppend: true)])
        #expect(command?.words == ["env", "A=b"])
        #expect(firstSimple("P=~/x")?.assignments.first?.value.parts == [.tilde(user: ""), .literal("/x")])
    }

    @Test func skipsComments() {
        #expect(firstSimple("echo a # b c")?.words == ["echo", "a"])
        #expect(firstSimple("echo a#b")?.words == ["echo", "a#b"])
    }

    @Test func expandsAliasesRecursivelyOncePerName() {
        let aliases = ["k": "kubectl", "kubectl": "kubectl --v=1", "ls": "ls -F"]
        #expect(firstSimple("k get pods", aliases: aliases)?.words == ["kubectl", "--v=1", "get", "pods"])
        #expect(firstSimple("ls x", aliases: aliases)?.words == ["ls", "-F", "x"])
        #expect(firstSimple("echo k", aliases: aliases)?.words == ["echo", "k"])
        #expect(firstSimple("'k' x", aliases: aliases)?.words == [Word([.quoted("k")]), "x"])
    }
}

@Suite struct ShellParserCommandTests {
    @Test func parsesListsAndPipelines() throws {
        let script = try #require(parse("a | b && ! c || d; e &\nf"))
        #expect(script.items.count == 3)
        #expect(script.items[0].list.first.commands.count == 2)
        #expect(script.items[0].list.rest.map(\.connective) == [.and, .or])
        #expect(script.items[0].list.rest[0].pipeline.isNegated)
        #expect(script.items[1].isBackground)
        #expect(!script.items[2].isBackground)
    }

    static let redirections: [(String, Redirection)] = [
        ("> out", Redirection(kind: .output, target: "out")),
        (">> out", Redirection(kind: .append, target: "out")),
        ("< in", Redirection(kind: .input, target: "in")),
        ("2> err", Redirection(descriptor: 2, kind: .output, target: "err")),
        ("2>> err", Redirection(descriptor: 2, kind: .append, target: "err")),
        ("2>&1", Redirection(descriptor: 2, kind: .duplicateOutput, target: "1")),
        (">&2", Redirection(kind: .duplicateOutput, target: "2")),
        ("&> all", Redirection(kind: .outputAndError, target: "all")),
        (">& all", Redirection(kind: .outputAndError, target: "all")),
        ("3>x", Redirection(descriptor: 3, kind: .output, target: "x")),
        ("<<< \"hi $x\"", Redirection(kind: .hereString, target: Word([.doubleQuoted([.literal("hi "), .parameter(ParameterExpansion(name: "x"))])]))),
    ]

    @Test(arguments: redirections)
    func parsesRedirection(source: String, redirection: Redirection) {
        #expect(firstSimple("cmd " + source)?.redirections == [redirection])
        #expect(firstSimple("cmd " + source)?.words == ["cmd"])
    }

    @Test func parsesHereDocuments() {
        let expanding = firstSimple("cat <<EOF\nhello $USER\nEOF")
        #expect(expanding?.redirections == [Redirection(kind: .hereDocument(expands: true),
                                                        target: Word([.literal("hello "), .parameter(ParameterExpansion(name: "USER")), .literal("\n")]))])
        let quoted = firstSimple("cat <<'EOF' > f\nhello $USER\nEOF\n")
        #expect(quoted?.redirections == [Redirection(kind: .hereDocument(expands: false), target: Word([.quoted("hello $USER\n")])),
                                         Redirection(kind: .output, target: "f")])
        let stripped = firstSimple("cat <<-END\n\t\tx\n\tEND")
        #expect(stripped?.redirections.first?.target == Word([.literal("x\n")]))
        let script = parse("cat <<A; cat <<B\na\nA\nb\nB\necho done")
        #expect(script?.items.count == 3)
        if case .simple(let second)? = script?.items[1].list.first.commands.first {
            #expect(second.redirections.first?.target == Word([.literal("b\n")]))
        }
    }

    @Test func parsesCompoundCommands() throws {
        let ifScript = try #require(parse("if a; then b; elif c; then d; else e; fi > out"))
        guard case .compound(.ifClause(let branches, let otherwise), let redirections)? = ifScript.items.first?.list.first.commands.first else {
            Issue.record("not an if")
            return
        }
        #expect(branches.count == 2)
        #expect(otherwise != nil)
        #expect(redirections == [Redirection(kind: .output, target: "out")])

        let forScript = try #require(parse("for x in a b\ndo echo $x; done"))
        guard case .compound(.forLoop("x", let words, _), _)? = forScript.items.first?.list.first.commands.first else {
            Issue.record("not a for")
            return
        }
        #expect(words == ["a", "b"])
        guard case .compound(.forLoop("y", nil, _), _)? = parse("for y; do :; done")?.items.first?.list.first.commands.first else {
            Issue.record("not a for without in")
            return
        }

        let caseScript = try #require(parse("case $x in\n a|b) echo ab;;\n (*) echo other\nesac"))
        guard case .compound(.caseClause(_, let items), _)? = caseScript.items.first?.list.first.commands.first else {
            Issue.record("not a case")
            return
        }
        #expect(items.map(\.patterns) == [["a", "b"], ["*"]])

        guard case .functionDefinition("greet", let body)? = parse("greet() {\n echo hi\n}")?.items.first?.list.first.commands.first,
              case .braceGroup = body.command else {
            Issue.record("not a function")
            return
        }
        guard case .functionDefinition("bye", _)? = parse("function bye { echo; }")?.items.first?.list.first.commands.first else {
            Issue.record("not a function keyword definition")
            return
        }
        guard case .compound(.subshell, _)? = parse("(cd /; ls)")?.items.first?.list.first.commands.first else {
            Issue.record("not a subshell")
            return
        }
        guard case .compound(.whileLoop, _)? = parse("while :; do :; done")?.items.first?.list.first.commands.first,
              case .compound(.untilLoop, _)? = parse("until false; do break; done")?.items.first?.list.first.commands.first,
              case .compound(.conditional(let words), _)? = parse("[[ -n $x && $y == a* ]]")?.items.first?.list.first.commands.first,
              case .compound(.arithmetic, _)? = parse("(( i++ ))")?.items.first?.list.first.commands.first else {
            Issue.record("loops, [[ ]] or (( ))")
            return
        }
        #expect(words.count == 6)
    }
}

@Suite struct ShellParserContinuationTests {
    static let incomplete = [
        "echo 'abc", "echo \"abc", "echo abc \\", "a &&", "a ||", "a |", "cat <<EOF", "cat <<EOF\nline",
        "if true; then", "if true; then echo", "while true", "for x in a b", "case x in", "{ echo", "( echo",
        "f() {", "echo $(date", "echo `date", "echo ${x", "echo $((1 +",
    ]

    @Test(arguments: incomplete)
    func needsMoreInput(source: String) {
        #expect(ShellParser.parse(source) == .incomplete)
    }

    static let errors: [(String, [String])] = [
        ("fi", ["syntax error near unexpected token `fi'"]),
        ("if true; then fi", ["syntax error near unexpected token `fi'"]),
        ("echo a; ; echo b", ["syntax error near unexpected token `;'"]),
        ("| a", ["syntax error near unexpected token `|'"]),
        ("echo >", ["syntax error near unexpected token `newline'"]),
        ("echo a )", ["syntax error near unexpected token `)'"]),
        (";;", ["syntax error near unexpected token `;;'"]),
        ("done", ["syntax error near unexpected token `done'"]),
        ("{ }", ["syntax error near unexpected token `}'"]),
        ("echo (a)", ["syntax error near unexpected token `a'"]),
        ("echo ${}", ["${}: bad substitution"]),
    ]

    @Test(arguments: errors)
    func reportsBashErrors(source: String, messages: [String]) {
        #expect(ShellParser.parse(source) == .error(ShellSyntaxError(messages: messages, line: 1, sourceLine: messages[0].hasPrefix("syntax") ? source : nil)))
    }

    static let endOfFileErrors: [(String, [String])] = [
        ("echo 'abc", ["unexpected EOF while looking for matching `''", "syntax error: unexpected end of file"]),
        ("echo \"abc", ["unexpected EOF while looking for matching `\"'", "syntax error: unexpected end of file"]),
        ("if true; then", ["syntax error: unexpected end of file"]),
        ("a &&", ["syntax error: unexpected end of file"]),
    ]

    @Test(arguments: endOfFileErrors)
    func reportsEndOfFileWhenFinal(source: String, messages: [String]) {
        guard case .error(let error) = ShellParser.parse(source, isFinal: true) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.messages == messages)
        #expect(error.interactiveText() == messages.map { "bash: \($0)\n" }.joined())
    }

    @Test func formatsScriptErrorsWithTheLine() {
        guard case .error(let error) = ShellParser.parse("echo ok\nif x; then fi") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.scriptText() == "bash: -c: line 2: syntax error near unexpected token `fi'\nbash: -c: line 2: `if x; then fi'\n")
    }

    @Test func acceptsCompleteInputAcrossLines() {
        #expect(parse("echo 'a\nb'")?.items.count == 1)
        #expect(parse("a &&\n b")?.items.first?.list.rest.count == 1)
        #expect(parse("echo a \\\n b")?.items.first.map { _ in true } == true)
        #expect(firstSimple("echo a \\\n b")?.words == ["echo", "a", "b"])
        #expect(parse("") == Script())
        #expect(parse("   # only a comment") == Script())
    }
}
