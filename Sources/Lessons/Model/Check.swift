/// One condition a step's world must meet: a read-only command's result, or the line the
/// learner typed.
public struct Check: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Runs `command` out of sight and compares its exit status and output.
        case command(String)
        /// Matches a regular expression against each line the learner typed during the step.
        case typed(pattern: String)
    }

    public var kind: Kind
    /// The exit status required (0 unless the file says otherwise); nil (`status: ~`) accepts any.
    public var status: Int32?
    public var output: OutputExpectation?
    public var source: SourceLocation

    public init(kind: Kind, status: Int32? = 0, output: OutputExpectation? = nil, source: SourceLocation) {
        self.kind = kind
        self.status = status
        self.output = output
        self.source = source
    }
}

/// What a check's command must print (standard output and error together).
public enum OutputExpectation: Hashable, Sendable {
    /// The whole output, trailing newlines and spaces ignored on both sides.
    case equals(String)
    /// Some part of the output.
    case contains(String)
    /// A regular expression found somewhere in the output.
    case matches(String)
    /// The output must not contain this text.
    case lacks(String)
}
