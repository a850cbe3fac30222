import Formatting
/// Label sets and the selectors that match them, as `k8s.io/apimachinery/pkg/labels` defines them.
public enum Labels {
    /// How a requirement relates a label key to its values (`selection.Operator`).
    public enum Operator: String, Hashable, Sendable, CaseIterable {
        case `in` = "in"
        case notIn = "notin"
        case equals = "="
        case doubleEquals = "=="
        case notEquals = "!="
        case exists = "exists"
        case doesNotExist = "!"
        case greaterThan = "gt"
        case lessThan = "lt"
    }

    /// A selector that could not be parsed or built; `message` is Kubernetes' own wording.
    public struct SelectorError: Error, Hashable, Sendable, CustomStringConvertible {
        public let message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }

    /// One clause of a selector: a key, an operator and (for most operators) values.
    public struct Requirement: Hashable, Sendable, CustomStringConvertible {
        public let key: String
        public let `operator`: Operator
        /// The values in the order given (the parser hands them over sorted and without duplicates).
        public let values: [String]

        /// Validates like `labels.NewRequirement` of the era: the first problem found is thrown.
        public init(key: String, operator: Operator, values: [String]) throws(SelectorError) {
            if let problem = Requirement.keyProblem(key) { throw problem }
            switch `operator` {
            case .in, .notIn:
                if values.isEmpty { throw SelectorError("for 'in', 'notin' operators, values set can't be empty") }
            case .equals, .doubleEquals, .notEquals:
                if values.count != 1 { throw SelectorError("exact-match compatibility requires one single value") }
            case .exists, .doesNotExist:
                if !values.isEmpty { throw SelectorError("values set must be empty for exists and does not exist") }
            case .greaterThan, .lessThan:
                if values.count != 1 { throw SelectorError("for 'Gt', 'Lt' operators, exactly one value is required") }
                if values.contains(where: { parseGoInt64($0) == nil }) {
                    throw SelectorError("for 'Gt', 'Lt' operators, the value must be an integer")
                }
            }
            for value in values {
                let errors = LabelValidation.labelValueErrors(value)
                if !errors.isEmpty {
                    throw SelectorError("invalid label value: \(goQuoted(value)): \(errors.joined(separator: "; "))")
                }
            }
            self.key = key
            self.operator = `operator`
            self.values = values
        }

        /// Builds without validation, for selectors made from already validated label sets.
        init(unchecked key: String, operator: Operator, values: [String]) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }

        static func keyProblem(_ key: String) -> SelectorError? {
            let errors = LabelValidation.qualifiedNameErrors(key)
            guard !errors.isEmpty else { return nil }
            return SelectorError("invalid label key \(goQuoted(key)): \(errors.joined(separator: "; "))")
        }

        /// Whether the label set satisfies this requirement (a missing key satisfies `!=`, `notin`, `!`).
        public func matches(_ labels: [String: String]) -> Bool {
            let value = labels[key]
            switch `operator` {
            case .in, .equals, .doubleEquals:
                guard let value else { return false }
                return values.contains(value)
            case .notIn, .notEquals:
                guard let value else { return true }
                return !values.contains(value)
            case .exists:
                return value != nil
            case .doesNotExist:
                return value == nil
            case .greaterThan, .lessThan:
                guard let value, let actual = parseGoInt64(value), values.count == 1,
                    let bound = parseGoInt64(values[0])
                else { return false }
                return `operator` == .greaterThan ? actual > bound : actual < bound
            }
        }

        /// The canonical text Kubernetes prints: `key=value`, `key in (a,b)`, `!key` …
        public var description: String {
            var text = `operator` == .doesNotExist ? "!" + key : key
            switch `operator` {
            case .equals: text += "="
            case .doubleEquals: text += "=="
            case .notEquals: text += "!="
            case .in: text += " in "
            case .notIn: text += " notin "
            case .greaterThan: text += ">"
            case .lessThan: text += "<"
            case .exists, .doesNotExist: return text
            }
            let listed = values.count == 1 ? values[0] : values.sorted(by: goStringLess).joined(separator: ",")
            if `operator` == .in || `operator` == .notIn {
                return text + "(" + listed + ")"
            }
            return text + listed
        }
    }
}

/// `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits only, in range.
func parseGoInt64(_ text: String) -> Int64? {
    var digits = Substring(text)
    var negative = false
    if let sign = digits.first, sign == "+" || sign == "-" {
        negative = sign == "-"
        digits = digits.dropFirst()
    }
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
        return nil
    }
    return Int64((negative ? "-" : "") + digits)
}
