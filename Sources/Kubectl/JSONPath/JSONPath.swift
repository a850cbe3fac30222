import StructuredData

/// A kubectl JSONPath template (`k8s.io/client-go/util/jsonpath`), parsed once and run on decoded JSON.
public struct JSONPath: Hashable, Sendable {
    /// How maps and lists found by the template are printed.
    public enum CompositeStyle: Hashable, Sendable {
        /// Compact JSON with sorted keys (`{"cpu":"4"}`), as kubectl prints them since about 1.11.
        case json
        /// Go's `fmt` form (`map[cpu:4]`, `[a b]`), as the book-era kubectl (≈1.8) printed them.
        case goValue
    }

    public let template: String
    /// kubectl get passes true (`--allow-missing-template-keys` defaults on): a missing key prints nothing.
    public var allowsMissingKeys: Bool
    public var compositeStyle: CompositeStyle
    let nodes: [JSONPathNode]

    /// Parses `template`; a syntax error carries client-go's message (`unterminated array` …).
    public init(_ template: String, allowsMissingKeys: Bool = false, compositeStyle: CompositeStyle = .json)
        throws(JSONPathError)
    {
        self.template = template
        self.allowsMissingKeys = allowsMissingKeys
        self.compositeStyle = compositeStyle
        nodes = try JSONPathParser.parse(template)
    }

    /// The values each top-level part of the template produced, in order.
    public func findResults(in data: JSONValue) throws(JSONPathError) -> [[JSONValue]] {
        var evaluator = JSONPathEvaluator(nodes: nodes, allowsMissingKeys: allowsMissingKeys)
        return try evaluator.findResults(data)
    }

    /// The template's output: the values of each part joined by spaces, strings unquoted.
    public func execute(on data: JSONValue) throws(JSONPathError) -> String {
        var output = ""
        for results in try findResults(in: data) {
            output += results.map(format).joined(separator: " ")
        }
        return output
    }

    /// One value as `PrintResults` writes it.
    public func format(_ value: JSONValue) -> String {
        switch (compositeStyle, value) {
        case (.json, .array), (.json, .object): GoValueFormatting.json(value)
        default: GoValueFormatting.plain(value)
        }
    }
}
