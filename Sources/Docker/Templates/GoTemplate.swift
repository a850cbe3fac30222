import StructuredData

/// A Go text/template as `docker inspect -f` and `--format` use it: Go's syntax, printing
/// rules and error messages, with docker's extra functions (`json`, `join`, `split`, `lower`,
/// `upper`, `title`, `pad`, `truncate`), executed on JSON data.
public struct GoTemplate: Sendable {
    private let nodes: [TemplateNode]
    private let source: String

    /// What a missing map key yields: Go's default `<no value>`, or an error (docker inspect
    /// runs templates on the raw JSON with `missingkey=error`).
    public enum MissingKeyPolicy: Sendable {
        case noValue
        case error
    }

    /// Parses `text`; errors read `template: :1: unexpected "}" in operand`.
    public init(parsing text: String) throws(TemplateError) {
        var parser = TemplateParser(source: text, functions: TemplateFunctions.names)
        nodes = try parser.parse()
        source = text
    }

    /// Runs the template with `data` as dot. Errors read
    /// `template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`.
    public func render(_ data: JSONValue, missingKey: MissingKeyPolicy = .noValue) throws(TemplateError) -> String {
        var evaluator = TemplateEvaluator(source: source, root: .json(data), missingKey: missingKey)
        try evaluator.run(nodes, dot: .json(data))
        return evaluator.output
    }
}

/// A template that does not parse or fails while running; `message` is Go's text.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(message: String) { self.message = message }

    /// How `docker inspect` reports it: `Template parsing error: template: …` (docker uses
    /// these words for execution errors too).
    public var inspectMessage: String { "Template parsing error: " + message }

    public var description: String { message }
}
