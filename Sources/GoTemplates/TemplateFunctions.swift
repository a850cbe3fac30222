import StructuredData

/// A failure inside a template function; the evaluator prefixes `error calling NAME: `.
struct TemplateFunctionError: Error {
    let message: String
}

/// The parameter types the template functions declare, and Go's conversion complaints.
enum TemplateParameter {
    case any, string, integer, strings

    /// Why `value` cannot be passed, in Go's words, or nil when it can.
    func mismatch(_ value: TemplateValue) -> String? {
        let expected: String
        switch self {
        case .any: return nil
        case .string:
            if case .json(.string) = value { return nil }
            expected = "string"
        case .integer:
            if case .json(.number(.integer)) = value { return nil }
            expected = "int"
        case .strings:
            if case .json(.array(let elements)) = value, elements.allSatisfy({ $0.stringValue != nil }) { return nil }
            expected = "[]string"
        }
        if case .missing = value { return "invalid value; expected \(expected)" }
        return "wrong type for value; expected \(expected); got \(value.goTypeName)"
    }
}

/// One function available in templates.
struct TemplateFunction: Sendable {
    let parameters: [TemplateParameter]
    let variadic: TemplateParameter?
    let body: @Sendable ([TemplateValue]) throws(TemplateFunctionError) -> TemplateValue
}

extension TemplateParameter: Sendable {}

/// Go's builtins (and, or, not, len, index, print, printf, println, eq, ne, lt, le, gt, ge),
/// docker's additions (json, split, join, title, lower, upper, pad, truncate) and kubectl's (exists).
enum TemplateFunctions {
    static let dockerAdditions: Set<String> = ["json", "split", "join", "title", "lower", "upper", "pad", "truncate"]

    /// kubectl 1.8's printer registers only `exists` beside Go's builtins.
    static let kubectl: [String: TemplateFunction] = all.filter { !dockerAdditions.contains($0.key) }.merging([
        "exists": TemplateFunction(parameters: [.any], variadic: .any) { values in
            .bool(exists(values[0], values.dropFirst()))
        },
    ]) { _, added in added }

    static func table(for dialect: GoTemplate.Dialect) -> [String: TemplateFunction] {
        switch dialect {
        case .docker: all
        case .kubectl: kubectl
        }
    }

    /// Whether `index item indices…` would find a non-nil value (k8s.io/kubernetes pkg/printers `exists`).
    static func exists(_ item: TemplateValue, _ indices: ArraySlice<TemplateValue>) -> Bool {
        guard case .json(var value) = item else { return false }
        for index in indices {
            switch value {
            case .array(let elements):
                guard case .json(.number(.integer(let position))) = index, position >= 0, position < elements.count else { return false }
                value = elements[Int(position)]
            case .string(let text):
                guard case .json(.number(.integer(let position))) = index, position >= 0, position < text.utf8.count else { return false }
                value = .number(.integer(Int64(Array(text.utf8)[Int(position)])))
            case .object(let object):
                guard case .json(.string(let key)) = index else { return false }
                value = object[key] ?? .null
            default:
                return false
            }
        }
        return value != .null
    }

    static let all: [String: TemplateFunction] = [
        "and": TemplateFunction(parameters: [.any], variadic: .any) { values in
            values.first { !$0.isTrue } ?? values[values.count - 1]
        },
        "or": TemplateFunction(parameters: [.any], variadic: .any) { values in
            values.first { $0.isTrue } ?? values[values.count - 1]
        },
        "not": TemplateFunction(parameters: [.any], variadic: nil) { values in .bool(!values[0].isTrue) },
        "len": TemplateFunction(parameters: [.any], variadic: nil) { values throws(TemplateFunctionError) in
            switch values[0] {
            case .missing, .json(.null): throw TemplateFunctionError(message: "len of untyped nil")
            case .json(.string(let text)): return .integer(text.utf8.count)
            case .json(.array(let elements)): return .integer(elements.count)
            case .json(.object(let object)): return .integer(object.count)
            case let other: throw TemplateFunctionError(message: "len of type \(other.goTypeName)")
            }
        },
        "index": TemplateFunction(parameters: [.any], variadic: .any) { values throws(TemplateFunctionError) in
            try index(values[0], values.dropFirst())
        },
        "print": TemplateFunction(parameters: [], variadic: .any) { values in .string(sprint(values)) },
        "println": TemplateFunction(parameters: [], variadic: .any) { values in
            .string(values.map(\.formatted).joined(separator: " ") + "\n")
        },
        "printf": TemplateFunction(parameters: [.string], variadic: .any) { values in
            .string(GoPrintf.format(values[0].formatted, Array(values.dropFirst())))
        },
        "eq": TemplateFunction(parameters: [.any], variadic: .any) { values throws(TemplateFunctionError) in
            guard values.count > 1 else { throw TemplateFunctionError(message: "missing argument for comparison") }
            for other in values.dropFirst() where try TemplateComparison.equal(values[0], other) { return .bool(true) }
            return .bool(false)
        },
        "ne": TemplateFunction(parameters: [.any, .any], variadic: nil) { values throws(TemplateFunctionError) in
            .bool(!(try TemplateComparison.equal(values[0], values[1])))
        },
        "lt": TemplateFunction(parameters: [.any, .any], variadic: nil) { values throws(TemplateFunctionError) in
            .bool(try TemplateComparison.less(values[0], values[1]))
        },
        "le": TemplateFunction(parameters: [.any, .any], variadic: nil) { values throws(TemplateFunctionError) in
            .bool(try TemplateComparison.lessOrEqual(values[0], values[1]))
        },
        "gt": TemplateFunction(parameters: [.any, .any], variadic: nil) { values throws(TemplateFunctionError) in
            .bool(!(try TemplateComparison.lessOrEqual(values[0], values[1])))
        },
        "ge": TemplateFunction(parameters: [.any, .any], variadic: nil) { values throws(TemplateFunctionError) in
            .bool(!(try TemplateComparison.less(values[0], values[1])))
        },
        "json": TemplateFunction(parameters: [.any], variadic: nil) { values in
            if case .json(let value) = values[0] { return .string(GoFormat.json(value)) }
            return .string("null")
        },
        "split": TemplateFunction(parameters: [.string, .string], variadic: nil) { values in
            let text = values[0].formatted, separator = values[1].formatted
            let parts: [String] = separator.isEmpty ? text.unicodeScalars.map { String(Character($0)) }
                : splitting(text, by: separator)
            return .json(.array(parts.map { .string($0) }))
        },
        "join": TemplateFunction(parameters: [.strings, .string], variadic: nil) { values in
            guard case .json(.array(let elements)) = values[0] else { return .string("") }
            return .string(elements.compactMap(\.stringValue).joined(separator: values[1].formatted))
        },
        "title": TemplateFunction(parameters: [.string], variadic: nil) { values in .string(title(values[0].formatted)) },
        "lower": TemplateFunction(parameters: [.string], variadic: nil) { values in .string(values[0].formatted.lowercased()) },
        "upper": TemplateFunction(parameters: [.string], variadic: nil) { values in .string(values[0].formatted.uppercased()) },
        "pad": TemplateFunction(parameters: [.string, .integer, .integer], variadic: nil) { values in
            let text = values[0].formatted
            guard !text.isEmpty, case .json(.number(.integer(let prefix))) = values[1],
                  case .json(.number(.integer(let suffix))) = values[2] else { return .string(text) }
            return .string(String(repeating: " ", count: max(0, Int(prefix))) + text
                           + String(repeating: " ", count: max(0, Int(suffix))))
        },
        "truncate": TemplateFunction(parameters: [.string, .integer], variadic: nil) { values in
            let text = values[0].formatted
            guard case .json(.number(.integer(let length))) = values[1], text.utf8.count >= Int(length) else {
                return .string(text)
            }
            return .string(String(decoding: text.utf8.prefix(max(0, Int(length))), as: UTF8.self))
        },
    ]

    /// `fmt.Sprint`: a space between two operands when neither is a string.
    private static func sprint(_ values: [TemplateValue]) -> String {
        var result = ""
        for (offset, value) in values.enumerated() {
            let isString = value.json?.stringValue != nil
            if offset > 0 && !isString && values[offset - 1].json?.stringValue == nil { result += " " }
            result += value.formatted
        }
        return result
    }

    /// `strings.Split` with a non-empty separator.
    private static func splitting(_ text: String, by separator: String) -> [String] {
        let bytes = Array(text.utf8), pattern = Array(separator.utf8)
        var parts: [String] = []
        var start = 0, index = 0
        while index + pattern.count <= bytes.count {
            if Array(bytes[index..<index + pattern.count]) == pattern {
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
                index += pattern.count
                start = index
            } else {
                index += 1
            }
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// `strings.Title`: upper-cases the first letter of each word.
    private static func title(_ text: String) -> String {
        var result = ""
        var atWordStart = true
        for character in text {
            result += atWordStart ? character.uppercased() : String(character)
            atWordStart = !(character.isLetter || character.isNumber || character == "_" || character == "'")
        }
        return result
    }

    private static func index(_ item: TemplateValue, _ keys: ArraySlice<TemplateValue>) throws(TemplateFunctionError) -> TemplateValue {
        guard case .json(var value) = item, value != .null else {
            throw TemplateFunctionError(message: "index of untyped nil")
        }
        for key in keys {
            switch value {
            case .array(let elements):
                guard case .json(.number(.integer(let position))) = key else {
                    if case .missing = key { throw TemplateFunctionError(message: "cannot index slice/array with nil") }
                    throw TemplateFunctionError(message: "cannot index slice/array with type \(key.goTypeName)")
                }
                guard position >= 0 && position < elements.count else {
                    throw TemplateFunctionError(message: "index out of range: \(position)")
                }
                value = elements[Int(position)]
            case .string(let text):
                guard case .json(.number(.integer(let position))) = key else {
                    throw TemplateFunctionError(message: "cannot index slice/array with type \(key.goTypeName)")
                }
                let bytes = Array(text.utf8)
                guard position >= 0 && position < bytes.count else {
                    throw TemplateFunctionError(message: "index out of range: \(position)")
                }
                value = .number(.integer(Int64(bytes[Int(position)])))
            case .object(let object):
                guard case .json(.string(let name)) = key else {
                    throw TemplateFunctionError(message: "value has type \(key.goTypeName); should be string")
                }
                guard let member = object[name] else { return .missing }
                value = member
            case .null:
                throw TemplateFunctionError(message: "index of nil pointer")
            default:
                throw TemplateFunctionError(message: "can't index item of type \(TemplateValue.json(value).goTypeName)")
            }
        }
        return .json(value)
    }
}

extension TemplateValue {
    var json: JSONValue? {
        if case .json(let value) = self { return value }
        return nil
    }
}
