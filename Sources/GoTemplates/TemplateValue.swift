import StructuredData

/// A value during template execution: a JSON value, or Go's "no value" (an invalid
/// `reflect.Value`, what a missing map key yields).
enum TemplateValue: Equatable {
    case missing
    case json(JSONValue)

    static func string(_ text: String) -> TemplateValue { .json(.string(text)) }
    static func integer(_ value: Int) -> TemplateValue { .json(.number(.integer(Int64(value)))) }
    static func bool(_ value: Bool) -> TemplateValue { .json(.bool(value)) }

    /// Go's truth: false, 0, nil, and empty strings, arrays and maps are false.
    var isTrue: Bool {
        guard case .json(let value) = self else { return false }
        switch value {
        case .null: return false
        case .bool(let flag): return flag
        case .number(.integer(let number)): return number != 0
        case .number(.double(let number)): return number != 0
        case .string(let text): return !text.isEmpty
        case .array(let elements): return !elements.isEmpty
        case .object(let object): return !object.isEmpty
        }
    }

    /// The Go type the value would have in docker's data (integers as `int`, the typed view).
    var goTypeName: String {
        guard case .json(let value) = self else { return "<nil>" }
        switch value {
        case .null: return "interface {}"
        case .bool: return "bool"
        case .number(.integer): return "int"
        case .number(.double): return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    /// What `{{…}}` prints: `<no value>` for nothing, else Go's `fmt.Print` form.
    var printed: String {
        switch self {
        case .missing, .json(.null): "<no value>"
        case .json(let value): GoFormat.value(value)
        }
    }

    /// What `fmt.Sprint` of the value as an `interface{}` argument prints.
    var formatted: String {
        switch self {
        case .missing: "<nil>"
        case .json(let value): GoFormat.value(value)
        }
    }
}

/// Go's `%v` formatting of decoded JSON and its encoding/json output.
enum GoFormat {
    static func value(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(.integer(let number)): return String(number)
        case .number(.double(let number)): return float(number)
        case .string(let text): return text
        case .array(let elements): return "[" + elements.map(Self.value).joined(separator: " ") + "]"
        case .object(let object):
            // fmt prints maps with sorted keys.
            let pairs = object.keys.sorted().map { key in key + ":" + Self.value(object[key] ?? .null) }
            return "map[" + pairs.joined(separator: " ") + "]"
        }
    }

    /// `%v` of a float64: Go's shortest `%g`, in exponent form when the exponent is below -4
    /// or at least 6 (`1e+06`, `1.234567e+06`, `0.0001`, `1e-05`).
    static func float(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "NaN" : (number < 0 ? "-Inf" : "+Inf") }
        if number == 0 { return number.sign == .minus ? "-0" : "0" }
        let (digits, exponent) = shortestDigits(abs(number))
        let sign = number < 0 ? "-" : ""
        guard exponent < -4 || exponent >= 6 else { return sign + fixed(digits, exponent) }
        var mantissa = String(digits.first ?? "0")
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let exponentText = String(abs(exponent))
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentText.count < 2 ? "0" : "") + exponentText
    }

    /// encoding/json's float form: plain decimals unless the exponent is below -6 or from 21.
    static func jsonFloat(_ number: Double) -> String {
        guard number.isFinite, number != 0 else { return "0" }
        let (digits, exponent) = shortestDigits(abs(number))
        let sign = number < 0 ? "-" : ""
        if exponent < -6 || exponent >= 21 {
            var mantissa = String(digits.first ?? "0")
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String(abs(exponent))
        }
        return sign + fixed(digits, exponent)
    }

    private static func fixed(_ digits: String, _ exponent: Int) -> String {
        if exponent < 0 { return "0." + String(repeating: "0", count: -exponent - 1) + digits }
        if digits.count <= exponent + 1 { return digits + String(repeating: "0", count: exponent + 1 - digits.count) }
        let split = digits.index(digits.startIndex, offsetBy: exponent + 1)
        return String(digits[..<split]) + "." + String(digits[split...])
    }

    /// The shortest round-trip decimal digits (no leading/trailing zeros) and the decimal
    /// exponent of the first digit, from Swift's shortest representation.
    private static func shortestDigits(_ number: Double) -> (String, Int) {
        let text = "\(number)"
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        return (digits, exponent + pointPosition - 1)
    }

    /// `json.Marshal` with HTML escaping off (docker's `json` template function).
    static func json(_ value: JSONValue) -> String {
        value.jsonText(escapesHTML: false)
    }
}
