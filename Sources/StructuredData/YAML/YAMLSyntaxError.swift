/// A YAML (or, in a manifest stream, JSON) document that could not be read, in go-yaml's words.
public struct YAMLSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// go-yaml's message, e.g. `yaml: line 3: mapping values are not allowed in this context`.
    public let message: String
    /// The line go-yaml names (counted within the document, with go-yaml's quirks), if any.
    public let line: Int?
    /// 0-based index of the document in the stream.
    public let documentIndex: Int
    /// 1-based line of the stream on which that document starts.
    public let documentStartLine: Int

    public var description: String { message }

    /// The text kubectl prints after `error parsing <file>: `.
    public var kubectlMessage: String {
        message.hasPrefix("json: ") ? message : "error converting YAML to JSON: " + message
    }
}
