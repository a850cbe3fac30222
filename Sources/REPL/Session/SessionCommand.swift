/// A command the session handles itself rather than the shell: `wait DURATION` advances the
/// simulated clock (bash's `wait` for jobs takes no duration, so the two never meet).
/// (`history` is the shell's builtin, on the line editor's list: it works in pipelines.)
enum SessionCommand: Equatable {
    case wait(Duration)

    init?(parsing line: String) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch (words.first, words.count) {
        case ("wait", 2):
            guard let duration = DurationText.parse(words[1]) else { return nil }
            self = .wait(duration)
        default:
            return nil
        }
    }
}
