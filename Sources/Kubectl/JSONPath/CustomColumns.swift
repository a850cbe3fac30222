import StructuredData

/// The `-o custom-columns=NAME:.metadata.name,…` printer: a header row and one row per object.
///
/// Cells are returned unaligned; kubectl aligns them with tabwriter (min width 10, tab width 4,
/// padding 3, pad character space, no flags).
public struct CustomColumns: Hashable, Sendable {
    /// One column: its header and the JSONPath template that fills it.
    public struct Column: Hashable, Sendable {
        public let header: String
        /// The normalised template, e.g. `{.metadata.name}`.
        public let fieldSpec: String
        let path: JSONPath
    }

    public let columns: [Column]

    /// Parses a spec like `NAME:.metadata.name,IMAGES:.spec.containers[*].image`.
    public init(spec: String) throws(JSONPathError) {
        guard !spec.isEmpty else {
            throw JSONPathError("custom-columns format specified but no custom columns given")
        }
        var columns: [Column] = []
        for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                throw JSONPathError("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
            }
            let fieldSpec = try CustomColumns.relaxedExpression(String(pieces[1]))
            let path = try JSONPath(fieldSpec, allowsMissingKeys: true, compositeStyle: .goValue)
            columns.append(Column(header: String(pieces[0]), fieldSpec: fieldSpec, path: path))
        }
        self.columns = columns
    }

    /// Parses a `-o custom-columns-file` template: a line of headers and a line of field specs,
    /// each separated by whitespace.
    public init(template: String) throws(JSONPathError) {
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = "Expected format is one line of space separated headers, one line of space separated column specs."
        guard let headerLine = lines.first, !(lines.count == 1 && headerLine.isEmpty) else {
            throw JSONPathError("invalid template, missing header line. " + expected)
        }
        guard lines.count > 1, !(lines.count == 2 && lines[1].isEmpty) else {
            throw JSONPathError("invalid template, missing spec line. " + expected)
        }
        let headers = headerLine.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let specs = lines[1].split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard headers.count == specs.count else {
            throw JSONPathError("number of headers (\(headers.count)) and field specifications (\(specs.count)) don't match")
        }
        var columns: [Column] = []
        for (header, spec) in zip(headers, specs) {
            let fieldSpec = try CustomColumns.relaxedExpression(String(spec))
            let path = try JSONPath(fieldSpec, allowsMissingKeys: true, compositeStyle: .goValue)
            columns.append(Column(header: String(header), fieldSpec: fieldSpec, path: path))
        }
        self.columns = columns
    }

    public var headers: [String] { columns.map(\.header) }

    /// The cells for one object: `<none>` when nothing matched, several values joined by commas.
    public func row(for object: JSONValue) throws(JSONPathError) -> [String] {
        var cells: [String] = []
        for column in columns {
            let results = try column.path.findResults(in: object)
            guard let first = results.first, !first.isEmpty else {
                cells.append("<none>")
                continue
            }
            cells.append(results.joined().map(GoValueFormatting.plain).joined(separator: ","))
        }
        return cells
    }

    /// `RelaxedJSONPathExpression`: accepts `a.b`, `.a.b`, `{a.b}` or `{.a.b}` and gives `{.a.b}`.
    public static func relaxedExpression(_ expression: String) throws(JSONPathError) -> String {
        guard !expression.isEmpty else { return expression }
        let noBraces = { (text: Substring) in !text.isEmpty && !text.contains("{") && !text.contains("}") }
        var body = Substring(expression)
        if body.hasPrefix("{") && body.hasSuffix("}") && body.count >= 2 {
            var inner = body.dropFirst().dropLast()
            // The optional dot gives itself up when nothing else would be left.
            if inner.hasPrefix(".") && inner.count > 1 { inner = inner.dropFirst() }
            if noBraces(inner) { return "{.\(inner)}" }
        }
        if body.hasPrefix(".") && body.count > 1 { body = body.dropFirst() }
        guard noBraces(body) else {
            throw JSONPathError(
                "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
        }
        return "{.\(body)}"
    }
}
