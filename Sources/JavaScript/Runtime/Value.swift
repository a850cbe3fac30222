/// A JavaScript value.
public enum JSValue {
    case undefined
    case null
    case boolean(Bool)
    case number(Double)
    case string(String)
    case object(JSObject)

    var isNullish: Bool {
        switch self {
        case .undefined, .null: return true
        default: return false
        }
    }

    var asObject: JSObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    var isCallable: Bool { asObject?.function != nil }

    /// ToBoolean.
    var truthy: Bool {
        switch self {
        case .undefined, .null: return false
        case .boolean(let value): return value
        case .number(let value): return !(value == 0 || value.isNaN)
        case .string(let text): return !text.isEmpty
        case .object: return true
        }
    }

    var typeName: String {
        switch self {
        case .undefined: return "undefined"
        case .null: return "object"
        case .boolean: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .object(let object): return object.function != nil ? "function" : "object"
        }
    }

    /// Strict equality (===).
    func strictlyEquals(_ other: JSValue) -> Bool {
        switch (self, other) {
        case (.undefined, .undefined), (.null, .null): return true
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }

    /// SameValueZero, used by `includes`.
    func sameValueZero(_ other: JSValue) -> Bool {
        if case .number(let a) = self, case .number(let b) = other, a.isNaN && b.isNaN { return true }
        return strictlyEquals(other)
    }
}

/// Formats numbers the way ECMAScript's Number::toString does.
enum JSNumberFormatter {
    static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value == 0 { return "0" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value < 0 { return "-" + string(-value) }
        if value < 1e15, value == value.rounded(), let integer = Int64(exactly: value) { return String(integer) }
        // Shortest round-trip digits from Swift, re-laid out by the ECMAScript rules.
        let description = "\(value)"
        var mantissa = description
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = String(description[..<e])
            exponent = Int(description[description.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition = mantissa.count
        if let dot = mantissa.firstIndex(of: ".") {
            pointPosition = mantissa.distance(from: mantissa.startIndex, to: dot)
            digits = mantissa.replacingOccurrences(of: ".", with: "")
        } else {
            digits = mantissa
        }
        // Strip leading zeros (adjusting the point) and trailing zeros.
        while digits.count > 1, digits.first == "0" {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let k = digits.count
        let n = pointPosition + exponent
        if k <= n && n <= 21 {
            return digits + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            let index = digits.index(digits.startIndex, offsetBy: n)
            return String(digits[..<index]) + "." + String(digits[index...])
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + digits
        }
        let e = n - 1
        let exponentText = e < 0 ? "-\(-e)" : "+\(e)"
        if k == 1 { return digits + "e" + exponentText }
        return String(digits.prefix(1)) + "." + String(digits.dropFirst()) + "e" + exponentText
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var remainder = self[...]
        while let range = remainder.range(of: target) {
            result += remainder[..<range.lowerBound]
            result += replacement
            remainder = remainder[range.upperBound...]
        }
        result += remainder
        return result
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard let first = target.first else { return nil }
        var start = startIndex
        while let candidate = self[start...].firstIndex(of: first) {
            if self[candidate...].hasPrefix(target) {
                return candidate..<index(candidate, offsetBy: target.count)
            }
            start = index(after: candidate)
        }
        return nil
    }
}
