/// A command the session handles itself rather than the shell: `wait DURATION` advances the
/// simulated clock (bash's `wait` for jobs takes no duration, so the two never meet), and
/// `history` lists the line editor's history.
enum SessionCommand: Equatable {
    case wait(Duration)
    case history(count: Int?)

    init?(parsing line: String) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        switch (words.first, words.count) {
        case ("wait", 2):
            guard let duration = DurationText.parse(words[1]) else { return nil }
            self = .wait(duration)
        case ("history", 1):
            self = .history(count: nil)
        case ("history", 2):
            guard let count = Int(words[1]), count >= 0 else { return nil }
            self = .history(count: count)
        default:
            return nil
        }
    }
}
