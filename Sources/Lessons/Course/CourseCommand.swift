/// A command of the course, typed at the shell prompt.
enum CourseCommand: Equatable {
    case lessons
    case lesson(id: String?)
    case step
    case hint
    case solution(SolutionAction)
    case check
    case next
    case back
    case skip
    case undo
    case reset
    case language(String?)
    case help
    /// A picture of the world: nodes and pods, services, controllers, Docker.
    case map
    /// One of the course's words with arguments it does not take: show how it is used.
    case usage(String)

    enum SolutionAction: Equatable {
        case offer, show, run
    }

    /// The course's command words (for completion).
    static let names = ["again", "back", "check", "help", "hint", "lang", "lesson", "lessons", "map", "next", "reset", "skip",
                        "solution", "step", "undo"]

    /// The course command `line` is, or nil when it is for the shell.
    init?(parsing line: String) {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return nil }
        let arguments = Array(words.dropFirst())
        switch (first, arguments.count) {
        case ("lessons", 0): self = .lessons
        case ("lesson", 0): self = .lesson(id: nil)
        case ("lesson", 1): self = .lesson(id: arguments[0])
        case ("lesson", _): self = .usage("lesson ID")
        case ("step", 0), ("again", 0): self = .step
        case ("hint", 0): self = .hint
        case ("solution", 0): self = .solution(.offer)
        case ("solution", 1) where arguments[0] == "show": self = .solution(.show)
        case ("solution", 1) where arguments[0] == "run": self = .solution(.run)
        case ("solution", _): self = .usage("solution [show|run]")
        case ("check", 0): self = .check
        case ("next", 0): self = .next
        case ("back", 0): self = .back
        case ("skip", 0): self = .skip
        case ("undo", 0): self = .undo
        case ("reset", 0): self = .reset
        case ("lang", 0): self = .language(nil)
        case ("lang", 1): self = .language(arguments[0])
        case ("lang", _): self = .usage("lang en|zh")
        case ("help", 0): self = .help
        case ("map", 0): self = .map
        default: return nil
        }
    }
}
