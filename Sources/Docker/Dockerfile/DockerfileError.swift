import Formatting
/// A Dockerfile problem, worded as the Docker 17.x daemon words it.
///
/// Docker reports problems at three moments, and the moment decides how the text reaches the
/// learner: `parse` and `check` errors reject the whole file before any `Step` line is printed
/// (the client shows them as `Error response from daemon: …`), while `step` errors surface
/// while that step runs, after its `Step N/M : …` line, and are printed bare.
public struct DockerfileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// When the daemon notices the problem.
    public enum Stage: Equatable, Sendable {
        /// While splitting the file into lines and instructions (`parser.Parse`).
        case parse
        /// While checking every instruction name before the build starts; the daemon
        /// prefixes these with `Dockerfile parse error line N: `.
        case check
        /// While the step runs.
        case step
    }

    public let stage: Stage
    /// The 1-based line where the offending instruction starts.
    public let line: Int
    /// The bare reason, e.g. `unknown instruction: ENTRYPOIN`.
    public let reason: String

    public init(stage: Stage, line: Int, reason: String) {
        self.stage = stage
        self.line = line
        self.reason = reason
    }

    /// The message as the daemon returns it.
    public var message: String {
        switch stage {
        case .check: "Dockerfile parse error line \(line): \(reason)"
        case .parse, .step: reason
        }
    }

    public var description: String { message }
}

/// The daemon's reasons, kept as data next to the condition that raises them.
extension DockerfileError {
    static func unknownInstruction(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .check, line: line, reason: "unknown instruction: \(keyword.uppercased())")
    }

    static func onbuildWithoutTrigger(line: Int) -> DockerfileError {
        DockerfileError(stage: .check, line: line, reason: "ONBUILD requires at least one argument")
    }

    static func invalidEscape(_ token: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .parse, line: line, reason: "invalid ESCAPE '\(token)'. Must be ` or \\")
    }

    static func repeatedEscapeDirective(line: Int) -> DockerfileError {
        DockerfileError(stage: .parse, line: line, reason: "only one escape parser directive can be used")
    }

    static func jsonArrayOfNonStrings(line: Int) -> DockerfileError {
        DockerfileError(stage: .parse, line: line,
                        reason: "when using JSON array syntax, arrays must be comprised of strings only")
    }

    static func needsTwoArguments(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .parse, line: line, reason: "\(keyword) must have two arguments")
    }

    static func missingEquals(in word: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .parse, line: line,
                        reason: "Syntax error - can't find = in \(goQuoted(word)). Must be of the form: name=value")
    }

    static func atLeastOneArgument(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "\(keyword) requires at least one argument")
    }

    static func exactlyOneArgument(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "\(keyword) requires exactly one argument")
    }

    static func atLeastTwoArguments(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "\(keyword) requires at least two arguments")
    }

    static func blankNames(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "\(keyword) names can not be blank")
    }

    static func tooManyArguments(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "Bad input to \(keyword), too many arguments")
    }

    static func notJSON(_ keyword: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line,
                        reason: "\(keyword) requires the arguments to be in JSON form")
    }

    static func fromArguments(line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "FROM requires either one or three arguments")
    }

    static func invalidStageName(_ name: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line,
                        reason: "invalid name for build stage: \(goQuoted(name)), name can't start with a number or contain symbols")
    }

    static func step(_ reason: String, line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: reason)
    }

    /// The daemon's words when an instruction that commits a layer comes before any `FROM`.
    public static func missingSourceImageForCommit(line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "Please provide a source image with `from` prior to commit")
    }

    /// The daemon's words when `RUN` comes before any `FROM`.
    public static func missingSourceImageForRun(line: Int) -> DockerfileError {
        DockerfileError(stage: .step, line: line, reason: "Please provide a source image with `from` prior to run")
    }
}
