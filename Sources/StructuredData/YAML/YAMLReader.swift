import Yams

/// A stream of YAML documents read the way kubectl reads manifests.
public enum YAMLDocuments {
    /// Splits `text` at lines consisting of `---` (plus trailing blanks) as kubectl's YAMLReader does and reads
    /// each document with go-yaml v2 / ghodss rules: YAML 1.1 scalars (`8080` a number, `"8080"` a string,
    /// `yes`/`on` booleans), mapping order kept, aliases and `<<` merges resolved. Empty documents are skipped.
    /// A stream starting with `{` is read as concatenated JSON objects, as kubectl does.
    public static func parse(_ text: String) throws(YAMLSyntaxError) -> [JSONValue] {
        if text.unicodeScalars.first(where: { !$0.properties.isWhitespace }) == "{" {
            return try parseJSONStream(text)
        }
        var documents: [JSONValue] = []
        for (index, chunk) in split(text).enumerated() {
            let value = try YAMLReader.read(chunk.text, documentIndex: index, startLine: chunk.startLine)
            if let value, value != .null { documents.append(value) }
        }
        return documents
    }

    struct Chunk {
        var text: String
        var startLine: Int
    }

    static func split(_ text: String) -> [Chunk] {
        // Split on bytes: in Swift "\r\n" is one Character and would not match "\n".
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if text.utf8.last == UInt8(ascii: "\n") || text.isEmpty { lines.removeLast() }
        var chunks: [Chunk] = []
        var buffer = ""
        var bufferStart = 1
        for (offset, bytes) in lines.enumerated() {
            var content = Substring(decoding: bytes, as: UTF8.self)
            if content.utf8.last == UInt8(ascii: "\r") { content = Substring(content.utf8.dropLast()) }
            let isSeparator = content.hasPrefix("---") && content.dropFirst(3).allSatisfy(\.isWhitespace)
            // A separator before any content stays in the document, as in kubectl's YAMLReader.
            if isSeparator && !buffer.isEmpty {
                chunks.append(Chunk(text: buffer, startLine: bufferStart))
                buffer = ""
                bufferStart = offset + 2
                continue
            }
            buffer += content + "\n"
        }
        if !buffer.isEmpty { chunks.append(Chunk(text: buffer, startLine: bufferStart)) }
        return chunks
    }

    private static func parseJSONStream(_ text: String) throws(YAMLSyntaxError) -> [JSONValue] {
        var parser = JSONParser(bytes: Array(text.utf8))
        do {
            return try parser.parseStream()
        } catch {
            throw YAMLSyntaxError(message: "json: line \(error.line): \(error.message)", line: error.line,
                                  documentIndex: 0, documentStartLine: 1)
        }
    }
}

extension JSONValue {
    /// Reads the first YAML document of `text` (as go-yaml's `Unmarshal` does) with the rules of `YAMLDocuments`.
    public static func parseYAML(_ text: String) throws(YAMLSyntaxError) -> JSONValue {
        try YAMLReader.read(text, documentIndex: 0, startLine: 1) ?? .null
    }
}

/// Converts Yams' node tree into `JSONValue` with go-yaml v2 typing and ghodss' JSON conversion.
enum YAMLReader {
    private static let resolver: Resolver = (try? Resolver.basic.appending(YAMLNodeConverter.plainTag, "^")) ?? .basic

    static func read(_ text: String, documentIndex: Int, startLine: Int) throws(YAMLSyntaxError) -> JSONValue? {
        func failure(_ message: String, line: Int?) -> YAMLSyntaxError {
            YAMLSyntaxError(message: message, line: line, documentIndex: documentIndex, documentStartLine: startLine)
        }
        let root: Node?
        do {
            let parser = try Parser(yaml: text, resolver: resolver, constructor: .default)
            root = try parser.nextRoot()
        } catch let error as YamlError {
            let (message, line) = describe(error, in: text)
            throw failure(message, line: line)
        } catch {
            throw failure("yaml: \(error)", line: nil)
        }
        guard let root else { return nil }
        // Aliases are expanded, so a small document could stand for billions of nodes; go-yaml refuses those too.
        var converter = YAMLNodeConverter(remainingNodes: 10_000 + 4 * text.utf8.count)
        do {
            return try converter.convert(root)
        } catch let error as YAMLNodeConverter.Failure {
            throw failure(error.message, line: nil)
        } catch {
            throw failure("yaml: \(error)", line: nil)
        }
    }

    // MARK: - Errors

    /// go-yaml's `parser.fail()`: scanner errors name the 1-based line of the problem, parser errors the 0-based one.
    private static func describe(_ error: YamlError, in text: String) -> (String, Int?) {
        func located(_ problem: String, _ mark: Mark, _ context: YamlError.Context?, isScanner: Bool) -> (String, Int?) {
            var line: Int?
            if mark.line - 1 != 0 {
                line = isScanner ? mark.line : mark.line - 1
            } else if let context, context.mark.line - 1 != 0 {
                line = context.mark.line - 1
            }
            if let line { return ("yaml: line \(line): \(problem)", line) }
            return ("yaml: \(problem)", nil)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _):
            return located(problem, mark, context, isScanner: true)
        case .parser(let context, let problem, let mark, _):
            return located(problem, mark, context, isScanner: false)
        case .composer(_, let problem, let mark, _):
            if problem.contains("undefined alias") {
                return ("yaml: unknown anchor '\(anchorName(at: mark, in: text))' referenced", nil)
            }
            return located(problem, mark, nil, isScanner: false)
        case .reader(let problem, _, _, _):
            return ("yaml: \(problem)", nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            return ("yaml: unmarshal errors:\n  line \(context.mark.line): key \"\(key)\" already set in map", context.mark.line)
        default:
            return ("yaml: \(error)", nil)
        }
    }

    private static func anchorName(at mark: Mark, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return "" }
        let line = lines[mark.line - 1].unicodeScalars
        let start = line.index(line.startIndex, offsetBy: min(max(mark.column - 1, 0), line.count))
        var name = String.UnicodeScalarView(line[start...].drop { $0 == "*" })
        name = String.UnicodeScalarView(name.prefix { !" ,[]{}\t\r".unicodeScalars.contains($0) })
        return String(name)
    }
}
