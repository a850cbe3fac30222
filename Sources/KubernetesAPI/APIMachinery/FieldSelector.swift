import Formatting
/// Field selectors, as `k8s.io/apimachinery/pkg/fields` defines them: `field=value`, `==`, `!=`, ANDed.
public enum Fields {
    /// A field selector that could not be parsed; `message` is Kubernetes' own wording.
    public struct SelectorError: Error, Hashable, Sendable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// One term: the field must (or must not) equal the value.
    public struct Requirement: Hashable, Sendable, CustomStringConvertible {
        public var field: String
        /// `==` parses to `equals`, as Kubernetes folds the two spellings together.
        public var isNegated: Bool
        public var value: String

        public init(field: String, equals value: String) {
            self.field = field
            self.isNegated = false
            self.value = value
        }

        public init(field: String, notEquals value: String) {
            self.field = field
            self.isNegated = true
            self.value = value
        }

        /// A field the object does not have reads as the empty string.
        public func matches(_ lookUp: (String) -> String?) -> Bool {
            (lookUp(field) ?? "") == value ? !isNegated : isNegated
        }

        public var description: String {
            field + (isNegated ? "!=" : "=") + Fields.escape(value)
        }
    }

    /// A parsed field selector (`fields.Selector`).
    public struct Selector: Hashable, Sendable, CustomStringConvertible {
        /// The terms, in the order of their sorted source text.
        public var requirements: [Requirement]

        public static let everything = Selector([])

        public init(_ requirements: [Requirement]) {
            self.requirements = requirements
        }

        /// `fields.ParseSelector`: terms split at unescaped commas, sorted, each split at its first operator.
        public static func parse(_ text: String) throws(SelectorError) -> Selector {
            var requirements: [Requirement] = []
            for term in splitTerms(text).sorted(by: goStringLess) where !term.isEmpty {
                guard let (field, op, rawValue) = splitTerm(term) else {
                    throw SelectorError("invalid selector: '\(text)'; can't understand '\(term)'")
                }
                let value = try unescape(rawValue)
                requirements.append(
                    op == "!=" ? Requirement(field: field, notEquals: value) : Requirement(field: field, equals: value))
            }
            return Selector(requirements)
        }

        public var isEmpty: Bool { requirements.isEmpty }

        /// Matches against the field set the API server computes for an object of its kind.
        public func matches(_ fields: [String: String]) -> Bool {
            requirements.allSatisfy { $0.matches { fields[$0] } }
        }

        /// Matches by asking for each field's value; nil means the object has no such field.
        public func matches(_ lookUp: (String) -> String?) -> Bool {
            requirements.allSatisfy { $0.matches(lookUp) }
        }

        /// The value an `=` term on `field` pins down, if any.
        public func requiredExactValue(for field: String) -> String? {
            requirements.first { $0.field == field && !$0.isNegated }?.value
        }

        /// The first field the kind does not support, in the API server's words.
        public func checkFields(supported: Set<String>) throws(SelectorError) {
            if let unsupported = requirements.first(where: { !supported.contains($0.field) }) {
                throw SelectorError("field label not supported: \(unsupported.field)")
            }
        }

        public var description: String {
            requirements.map(\.description).joined(separator: ",")
        }
    }

    /// `fields.EscapeValue`: backslash-escapes `\`, `,` and `=`.
    public static func escape(_ value: String) -> String {
        var result = ""
        for character in value {
            if character == "\\" || character == "," || character == "=" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `fields.UnescapeValue`: only `\\`, `\,` and `\=` are escapes; a bare `,` or `=` is an error.
    public static func unescape(_ value: String) throws(SelectorError) -> String {
        var result = ""
        var afterBackslash = false
        for scalar in value.unicodeScalars {
            if afterBackslash {
                guard scalar == "\\" || scalar == "," || scalar == "=" else {
                    throw SelectorError("invalid field selector: invalid escape sequence: \\\(scalar)")
                }
                result.unicodeScalars.append(scalar)
                afterBackslash = false
                continue
            }
            switch scalar {
            case "\\":
                afterBackslash = true
            case ",", "=":
                // Go prints the rune with %v, that is as its number.
                throw SelectorError("invalid field selector: unescaped character in value: \(scalar.value)")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        if afterBackslash { throw SelectorError("invalid field selector: invalid escape sequence: \\") }
        return result
    }

    /// Splits at commas not preceded by a backslash, keeping the escapes in the terms.
    static func splitTerms(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var terms: [String] = []
        var current = ""
        var afterBackslash = false
        for scalar in text.unicodeScalars {
            if afterBackslash {
                afterBackslash = false
            } else if scalar == "\\" {
                afterBackslash = true
            } else if scalar == "," {
                terms.append(current)
                current = ""
                continue
            }
            current.unicodeScalars.append(scalar)
        }
        terms.append(current)
        return terms
    }

    /// The first position holding `!=`, `==` or `=` (tried in that order) splits the term.
    static func splitTerm(_ term: String) -> (String, String, String)? {
        let scalars = Array(term.unicodeScalars)
        for index in scalars.indices {
            for op in ["!=", "==", "="] {
                let opScalars = Array(op.unicodeScalars)
                if scalars[index...].starts(with: opScalars) {
                    var lhs = "", rhs = ""
                    lhs.unicodeScalars.append(contentsOf: scalars[..<index])
                    rhs.unicodeScalars.append(contentsOf: scalars[(index + opScalars.count)...])
                    return (lhs, op, rhs)
                }
            }
        }
        return nil
    }
}
