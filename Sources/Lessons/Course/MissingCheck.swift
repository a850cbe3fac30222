/// Says which of a step's checks does not pass yet, without giving the solution away: a check
/// that runs a command is named by what it looks at (`kubectl get pods`), a typed check by
/// what it wants (a command the learner types).
enum MissingCheck {
    /// The learner-facing description of `check`, in English and in Chinese.
    static func describe(_ check: Check) -> (english: String, chinese: String) {
        switch check.kind {
        case .typed:
            return ("a command this step asks you to type yourself", "这一步要求你亲自输入的一条命令")
        case .command(let line):
            let shown = lookedAt(line)
            return ("`\(shown)` does not show what this step needs yet", "`\(shown)` 还没有显示这一步需要的结果")
        }
    }

    /// The tools whose options (formats, templates) would give the answer away.
    static let toolsWithTellingOptions: Set<String> = ["kubectl", "docker", "gcloud", "minikube", "curl"]

    /// The program and the words that say what it looks at: `kubectl get pods -o jsonpath=…`
    /// → `kubectl get pods`; other programs with their operands (`test -f notes.txt`).
    static func lookedAt(_ line: String) -> String {
        guard let command = CommandLineReading(line).commands.first(where: { !$0.words.isEmpty }) else { return line }
        let stopsAtOptions = toolsWithTellingOptions.contains(command.words[0])
        var words: [String] = []
        for word in command.words {
            if word.contains("$") || word.contains("{") || (stopsAtOptions && (word.hasPrefix("-") || word.contains("="))) { break }
            words.append(word)
            if words.count == (stopsAtOptions ? 3 : 4) { break }
        }
        return words.isEmpty ? (command.words.first ?? line) : words.joined(separator: " ")
    }
}
