/// Malformed JSON text, described in Go's `encoding/json` words.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Go's message, e.g. `invalid character '}' looking for beginning of object key string`.
    public let message: String
    /// Bytes read before the error, as Go's `SyntaxError.Offset` counts them.
    public let offset: Int
    /// 1-based line of the offending character.
    public let line: Int
    /// 1-based column (in characters) of the offending character.
    public let column: Int

    public var description: String { message }
}
