import Kernel

/// How bash completes the arguments of one command, as `complete` registers it: the options,
/// actions and arguments of `complete`, kept to generate candidates (`compgen`) and to print
/// the registration back (`complete -p`).
public struct CompletionSpecification: Equatable, Sendable {
    /// `-o` options (`default`, `nospace` …).
    public var options: Set<String> = []
    /// Actions, by their `-A` names (`file`, `directory`, `alias` …).
    public var actions: Set<String> = []
    public var globPattern: String?
    public var wordList: String?
    public var prefix: String?
    public var suffix: String?
    public var filterPattern: String?
    public var command: String?
    public var function: String?

    public init() {}

    static let optionNames = ["bashdefault", "default", "dirnames", "filenames", "noquote", "nospace", "plusdirs"]
    /// The actions with a letter of their own, in the order bash prints them.
    static let lettered: [(letter: Character, action: String)] = [
        ("a", "alias"), ("b", "builtin"), ("c", "command"), ("d", "directory"), ("e", "export"), ("f", "file"),
        ("g", "group"), ("j", "job"), ("k", "keyword"), ("s", "service"), ("u", "user"), ("v", "variable"),
    ]
    static let actionNames: Set<String> = Set(lettered.map(\.action)).union([
        "arrayvar", "binding", "disabled", "enabled", "function", "helptopic", "hostname", "running", "setopt", "shopt",
        "signal", "stopped",
    ])

    /// The `complete` command that registers this for `name`, as `complete -p` prints it.
    func commandLine(for name: String) -> String {
        var words = ["complete"]
        for option in Self.optionNames where options.contains(option) { words += ["-o", option] }
        for (letter, action) in Self.lettered where actions.contains(action) { words.append("-" + String(letter)) }
        let lettered = Set(Self.lettered.map(\.action))
        for action in actions.subtracting(lettered).sorted() { words += ["-A", action] }
        for (flag, value) in [("-G", globPattern), ("-W", wordList), ("-P", prefix), ("-S", suffix), ("-X", filterPattern), ("-C", command)] {
            if let value { words += [flag, Shell.singleQuoted(value)] }
        }
        if let function { words += ["-F", function] }
        words.append(name)
        return words.joined(separator: " ")
    }
}
