/// One instruction of a Dockerfile as the parser leaves it: keyword, builder flags and argument
/// words, before variable substitution and per-instruction checks.
public struct DockerfileInstruction: Equatable, Sendable {
    /// The keyword in lower case, as the daemon keys it (`from`, `run`, or whatever was written).
    public let keyword: String
    /// Leading `--name=value` builder flags, quotes removed.
    public let flags: [String]
    /// The argument words. Quotes the parser keeps (ENV/LABEL values, ADD sources …) are
    /// removed later by substitution, exactly as docker does.
    public let arguments: [String]
    /// Whether the arguments were written as a JSON array (exec form).
    public let isJSONForm: Bool
    /// The logical line as written: continuation lines joined, comments dropped.
    public let original: String
    /// The 1-based line where the instruction starts.
    public let line: Int
    /// The 1-based line where it ends (differs from `line` with continuations).
    public let endLine: Int
    /// For `ONBUILD`, the trigger instruction (at most one element).
    public let trigger: [DockerfileInstruction]

    public init(keyword: String, flags: [String] = [], arguments: [String], isJSONForm: Bool = false,
                original: String, line: Int, endLine: Int? = nil, trigger: [DockerfileInstruction] = []) {
        self.keyword = keyword
        self.flags = flags
        self.arguments = arguments
        self.isJSONForm = isJSONForm
        self.original = original
        self.line = line
        self.endLine = endLine ?? line
        self.trigger = trigger
    }

    /// The keyword in upper case (`FROM`).
    public var name: String { keyword.uppercased() }

    /// Whether Docker 17.x knows this instruction.
    public var isKnown: Bool { DockerfileKeyword(rawValue: keyword) != nil }

    /// What Docker 17.x prints after `Step N/M : `: the keyword in upper case, the flags, and
    /// the argument words joined by spaces (so exec form shows as `ENTRYPOINT node app.js`).
    /// For ONBUILD the trigger keyword keeps the case the daemon stored (lower).
    public var stepText: String {
        var parts = [name]
        parts += flags
        var words = arguments
        if let trigger = trigger.first {
            parts.append(trigger.keyword)
            parts += trigger.flags
            words = trigger.arguments
        }
        return parts.joined(separator: " ") + " " + words.joined(separator: " ")
    }
}

/// The instructions Docker 17.x knows.
public enum DockerfileKeyword: String, CaseIterable, Sendable {
    case add, arg, cmd, copy, entrypoint, env, expose, from, healthcheck, label, maintainer
    case onbuild, run, shell, stopsignal, user, volume, workdir
}
