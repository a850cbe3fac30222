/// A rough reading of a shell command line, enough to see which programs it runs and where
/// it redirects output: quotes, `|`, `&&`, `||`, `;`, `&`, redirections, `$(…)` and backquotes.
/// It is not the shell; it is what `lesson lint` needs to judge a check or a solution.
struct ShellSyntax {
    /// One simple command: its words (assignments first stripped) and its redirections.
    struct SimpleCommand: Equatable {
        var words: [String] = []
        var redirections: [Redirection] = []
    }

    /// `>`, `>>`, `<`, `2>`, `&>`, `>&` … and what follows it.
    struct Redirection: Equatable {
        var `operator`: String
        var target: String

        /// Whether it writes somewhere (a file) rather than reading or duplicating a stream.
        var writesFile: Bool {
            guard `operator`.contains(">") else { return false }
            if `operator`.hasSuffix(">&") { return false }
            return target != "/dev/null"
        }
    }

    /// The simple commands of the line, including those inside `$(…)` and backquotes.
    private(set) var commands: [SimpleCommand] = []
    /// Set when quotes or substitutions are left open.
    private(set) var isIncomplete = false

    init(_ line: String) {
        parse(Array(line))
    }

    private mutating func parse(_ characters: [Character]) {
        var current = SimpleCommand()
        var word = ""
        var wordStarted = false
        var pendingRedirection: String?
        var index = 0

        func endWord() {
            guard wordStarted else { return }
            if let redirection = pendingRedirection {
                current.redirections.append(Redirection(operator: redirection, target: word))
                pendingRedirection = nil
            } else if current.words.isEmpty, let equals = word.firstIndex(of: "="), equals != word.startIndex,
                      word[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                // A variable assignment before the command.
            } else {
                current.words.append(word)
            }
            word = ""
            wordStarted = false
        }
        func endCommand() {
            endWord()
            if !current.words.isEmpty || !current.redirections.isEmpty { commands.append(current) }
            current = SimpleCommand()
        }

        while index < characters.count {
            let character = characters[index]
            switch character {
            case " ", "\t":
                endWord()
                index += 1
            case "\n", ";", "|", "&":
                if character == "&", index + 1 < characters.count, characters[index + 1] == ">" {
                    endWord()
                    let doubled = index + 2 < characters.count && characters[index + 2] == ">"
                    pendingRedirection = doubled ? "&>>" : "&>"
                    index += doubled ? 3 : 2
                    continue
                }
                endCommand()
                index += 1
                if index < characters.count, characters[index] == character, character != "\n" { index += 1 }
            case "<", ">":
                // A number right before belongs to the redirection (`2>`).
                var op = ""
                if !word.isEmpty, word.allSatisfy(\.isNumber), pendingRedirection == nil {
                    op = word
                    word = ""
                    wordStarted = false
                } else {
                    endWord()
                }
                op.append(character)
                index += 1
                while index < characters.count, characters[index] == ">" || characters[index] == "<" || characters[index] == "&" {
                    op.append(characters[index])
                    index += 1
                }
                // `>&2` is a duplication: its target is the descriptor that follows.
                pendingRedirection = op
            case "'":
                wordStarted = true
                index += 1
                while index < characters.count, characters[index] != "'" {
                    word.append(characters[index])
                    index += 1
                }
                if index >= characters.count { isIncomplete = true }
                index += 1
            case "\"":
                wordStarted = true
                index += 1
                while index < characters.count, characters[index] != "\"" {
                    if characters[index] == "\\", index + 1 < characters.count {
                        word.append(characters[index + 1])
                        index += 2
                        continue
                    }
                    if characters[index] == "$", index + 1 < characters.count, characters[index + 1] == "(" {
                        index = substitution(characters, openedAt: index + 2)
                        word.append("$(…)")
                        continue
                    }
                    if characters[index] == "`" {
                        index = backquoted(characters, openedAt: index + 1)
                        word.append("`…`")
                        continue
                    }
                    word.append(characters[index])
                    index += 1
                }
                if index >= characters.count { isIncomplete = true }
                index += 1
            case "\\":
                wordStarted = true
                if index + 1 < characters.count, characters[index + 1] != "\n" { word.append(characters[index + 1]) }
                index += 2
            case "$" where index + 1 < characters.count && characters[index + 1] == "(":
                wordStarted = true
                index = substitution(characters, openedAt: index + 2)
                word.append("$(…)")
            case "`":
                wordStarted = true
                index = backquoted(characters, openedAt: index + 1)
                word.append("`…`")
            case "(", ")", "{", "}":
                if wordStarted {
                    word.append(character)
                } else {
                    endCommand()
                }
                index += 1
            default:
                wordStarted = true
                word.append(character)
                index += 1
            }
        }
        endCommand()
    }

    /// Reads a `$(…)` whose text starts at `start`; its commands join the line's. Returns the
    /// index after the closing parenthesis.
    private mutating func substitution(_ characters: [Character], openedAt start: Int) -> Int {
        var depth = 1
        var index = start
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        if index >= characters.count { isIncomplete = true }
        let inner = ShellSyntax(String(characters[start..<min(index, characters.count)]))
        commands += inner.commands
        isIncomplete = isIncomplete || inner.isIncomplete
        return index + 1
    }

    private mutating func backquoted(_ characters: [Character], openedAt start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index] != "`" { index += 1 }
        if index >= characters.count { isIncomplete = true }
        let inner = ShellSyntax(String(characters[start..<min(index, characters.count)]))
        commands += inner.commands
        return index + 1
    }
}
