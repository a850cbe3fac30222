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

    private let dialect: Dialect

    /// Whose template it is: the name Go's messages show and the functions it has.
    public enum Dialect: Sendable {
        /// docker's `template.New("")` with its extra functions.
        case docker
        /// kubectl's `template.New("output")` with `exists`.
        case kubectl

        var name: String {
            switch self {
            case .docker: ""
            case .kubectl: "output"
            }
        }
    }

    /// Parses `text`; errors read `template: :1: unexpected "}" in operand` (`template: output:1: …` for kubectl).
    public init(parsing text: String, dialect: Dialect = .docker) throws(TemplateError) {
        var parser = TemplateParser(source: text, functions: Set(TemplateFunctions.table(for: dialect).keys), name: dialect.name)
        nodes = try parser.parse()
        source = text
        self.dialect = dialect
    }

    /// Runs the template with `data` as dot. Errors read
    /// `template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"`.
    public func render(_ data: JSONValue, missingKey: MissingKeyPolicy = .noValue) throws(TemplateError) -> String {
        var evaluator = TemplateEvaluator(source: source, root: .json(data), missingKey: missingKey, dialect: dialect)
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
