import Formatting
import KubernetesAPI
import StructuredData

/// The comparison functions of Go's `text/template` (client-go's fork), used by filters.
enum TemplateComparison {
    private enum Kind { case bool, integer, float, string }

    static let badType = JSONPathError("invalid type for comparison")
    static let incompatible = JSONPathError("incompatible types for comparison")

    static func compare(_ left: JSONValue, _ op: String, _ right: JSONValue) throws(JSONPathError) -> Bool {
        switch op {
        case "<": return try less(left, right)
        case ">": return try !lessOrEqual(left, right)
        case "==": return try equal(left, right)
        case "!=": return try !equal(left, right)
        case "<=": return try lessOrEqual(left, right)
        case ">=": return try !less(left, right)
        default: throw JSONPathError("unrecognized filter operator \(op)")
        }
    }

    private static func kind(_ value: JSONValue) throws(JSONPathError) -> Kind {
        switch value {
        case .bool: return .bool
        case .number(.integer): return .integer
        case .number(.double): return .float
        case .string: return .string
        case .null, .array, .object: throw badType
        }
    }

    static func equal(_ left: JSONValue, _ right: JSONValue) throws(JSONPathError) -> Bool {
        let (leftKind, rightKind) = (try kind(left), try kind(right))
        guard leftKind == rightKind else { throw incompatible }
        return left == right
    }

    static func less(_ left: JSONValue, _ right: JSONValue) throws(JSONPathError) -> Bool {
        let (leftKind, rightKind) = (try kind(left), try kind(right))
        guard leftKind == rightKind else { throw incompatible }
        switch (left, right) {
        case (.number(.integer(let a)), .number(.integer(let b))): return a < b
        case (.number(.double(let a)), .number(.double(let b))): return a < b
        case (.string(let a), .string(let b)): return goStringLess(a, b)
        default: throw badType
        }
    }

    static func lessOrEqual(_ left: JSONValue, _ right: JSONValue) throws(JSONPathError) -> Bool {
        if try less(left, right) { return true }
        return try equal(left, right)
    }
}
