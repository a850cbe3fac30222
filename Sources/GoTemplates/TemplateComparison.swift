import Formatting
/// Go's template comparisons: only basic kinds compare, and only with the same kind.
enum TemplateComparison {
    private enum Kind { case bool, integer, float, string }

    private static func kind(_ value: TemplateValue) throws(TemplateFunctionError) -> Kind {
        switch value {
        case .json(.bool): return .bool
        case .json(.number(.integer)): return .integer
        case .json(.number(.double)): return .float
        case .json(.string): return .string
        default: throw TemplateFunctionError(message: "invalid type for comparison")
        }
    }

    static func equal(_ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateFunctionError) -> Bool {
        guard try kind(lhs) == kind(rhs) else { throw TemplateFunctionError(message: "incompatible types for comparison") }
        return lhs == rhs
    }

    static func lessOrEqual(_ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateFunctionError) -> Bool {
        if try less(lhs, rhs) { return true }
        return try equal(lhs, rhs)
    }

    static func less(_ lhs: TemplateValue, _ rhs: TemplateValue) throws(TemplateFunctionError) -> Bool {
        let left = try kind(lhs), right = try kind(rhs)
        guard left == right else { throw TemplateFunctionError(message: "incompatible types for comparison") }
        switch (lhs, rhs) {
        case (.json(.number(.integer(let a))), .json(.number(.integer(let b)))): return a < b
        case (.json(.number(.double(let a))), .json(.number(.double(let b)))): return a < b
        case (.json(.string(let a)), .json(.string(let b))): return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
        default: throw TemplateFunctionError(message: "invalid type for comparison")
        }
    }
}

/// The `printf` verbs templates use: %v %s %d %q %t %x %%.
enum GoPrintf {
    static func format(_ format: String, _ arguments: [TemplateValue]) -> String {
        var result = ""
        var remaining = arguments[...]
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else {
                result.append(character)
                continue
            }
            guard let verb = characters.next() else {
                result += "%!(NOVERB)"
                break
            }
            if verb == "%" {
                result += "%"
                continue
            }
            guard let argument = remaining.popFirst() else {
                result += "%!\(verb)(MISSING)"
                continue
            }
            result += formatted(argument, verb: verb)
        }
        if !remaining.isEmpty {
            result += "%!(EXTRA " + remaining.map { "\($0.goTypeName)=\($0.formatted)" }.joined(separator: ", ") + ")"
        }
        return result
    }

    private static func formatted(_ value: TemplateValue, verb: Character) -> String {
        switch (verb, value) {
        case ("v", _), ("s", .json(.string)), ("d", .json(.number(.integer))), ("t", .json(.bool)):
            return value.formatted
        case ("q", .json(.string(let text))):
            return goQuoted(text)
        case ("x", .json(.number(.integer(let number)))):
            return String(number, radix: 16)
        case ("x", .json(.string(let text))):
            return text.utf8.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        default:
            return "%!\(verb)(\(value.goTypeName)=\(value.formatted))"
        }
    }
}
