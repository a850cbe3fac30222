/// A template that does not parse or does not evaluate; `message` is client-go's wording.
public struct JSONPathError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
