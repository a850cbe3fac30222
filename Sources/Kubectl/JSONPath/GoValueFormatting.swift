import Formatting
import KubernetesAPI
import StructuredData

/// How Go prints the decoded JSON values kubectl works on (`map[string]interface{}` and friends).
enum GoValueFormatting {
    /// `fmt.Sprint(v)`: strings raw, `map[k:v …]` with sorted keys, `[a b]`, `<nil>`.
    static func plain(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return text
        case .number(let number): return plainNumber(number)
        case .array(let items): return "[" + items.map(plain).joined(separator: " ") + "]"
        case .object(let object):
            return "map[" + sortedKeys(object).map { $0 + ":" + plain(object[$0] ?? .null) }.joined(separator: " ") + "]"
        }
    }

    static func plainNumber(_ number: JSONNumber) -> String {
        switch number {
        case .integer(let value): return String(value)
        case .double(let value): return GoFloat.shortestG(value)
        }
    }

    /// `json.Marshal(v)`: compact, keys sorted, HTML-safe escapes.
    static func json(_ value: JSONValue) -> String {
        var output = ""
        writeJSON(value, into: &output)
        return output
    }

    private static func writeJSON(_ value: JSONValue, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .string(let text): writeJSONString(text, into: &output)
        case .number(.integer(let integer)): output += String(integer)
        case .number(.double(let double)): output += GoFloat.json(double)
        case .array(let items):
            output += "["
            for (index, item) in items.enumerated() {
                if index > 0 { output += "," }
                writeJSON(item, into: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            for (index, key) in sortedKeys(object).enumerated() {
                if index > 0 { output += "," }
                writeJSONString(key, into: &output)
                output += ":"
                writeJSON(object[key] ?? .null, into: &output)
            }
            output += "}"
        }
    }

    private static func writeJSONString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                output += "\\u" + hex(scalar.value, width: 4)
            default:
                if scalar.value < 0x20 {
                    output += "\\u" + hex(scalar.value, width: 4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// `fmt.Sprintf("%#v", v)`: Go syntax, as kubectl's jsonpath debugging output shows the object.
    static func goSyntax(_ value: JSONValue) -> String {
        goSyntax(value, typed: true)
    }

    private static func goSyntax(_ value: JSONValue, typed: Bool) -> String {
        switch value {
        case .null: return "interface {}(nil)"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return goQuoted(text)
        case .number(let number): return plainNumber(number)
        case .array(let items):
            return "[]interface {}{" + items.map { goSyntax($0, typed: false) }.joined(separator: ", ") + "}"
        case .object(let object):
            let pairs = sortedKeys(object).map { goQuoted($0) + ":" + goSyntax(object[$0] ?? .null, typed: false) }
            return "map[string]interface {}{" + pairs.joined(separator: ", ") + "}"
        }
    }

    /// Go's reflection type name of a decoded value, as evaluation errors print it.
    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "interface {}"
        case .bool: return "bool"
        case .string: return "string"
        case .number(.integer): return "int64"
        case .number(.double): return "float64"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    static func sortedKeys(_ object: JSONObject) -> [String] {
        object.keys.sorted(by: goStringLess)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Go's float formatting (`strconv.FormatFloat` with shortest precision) for `%v` and `encoding/json`.
enum GoFloat {
    /// Shortest round-trip digits and decimal point position: value = 0.d₁d₂… × 10^point.
    private static func decimal(_ value: Double) -> (digits: [UInt8], point: Int) {
        let text = "\(abs(value))"
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array(pieces[0].utf8)
        let fraction = pieces.count > 1 ? Array(pieces[1].utf8) : []
        var digits = whole + fraction
        var point = whole.count + exponent
        while let first = digits.first, first == UInt8(ascii: "0") {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == UInt8(ascii: "0") { digits.removeLast() }
        return (digits, point)
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        return nil
    }

    /// `%v` / `%g` with shortest precision: exponent form below 1e-4 and from 1e6 (`1e+06`).
    static func shortestG(_ value: Double) -> String {
        if let special = special(value) { return special }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let (digits, point) = decimal(value)
        let exponent = point - 1
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= 6 {
            return sign + exponential(digits, point)
        }
        return sign + fixed(digits, point)
    }

    /// `encoding/json`: fixed notation unless below 1e-6 or from 1e21, exponent without padding.
    static func json(_ value: Double) -> String {
        if let special = special(value) { return special }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let magnitude = abs(value)
        let (digits, point) = decimal(value)
        let sign = value < 0 ? "-" : ""
        if magnitude < 1e-6 || magnitude >= 1e21 {
            // encoding/json trims `e-07` to `e-7`.
            return sign + exponential(digits, point, padsNegativeExponent: false)
        }
        return sign + fixed(digits, point)
    }

    /// `d.ddde±XX`, the exponent padded to two digits as strconv does.
    private static func exponential(_ digits: [UInt8], _ point: Int, padsNegativeExponent: Bool = true) -> String {
        var text = String(UnicodeScalar(digits[0]))
        if digits.count > 1 { text += "." + String(decoding: digits[1...], as: UTF8.self) }
        let exponent = point - 1
        let magnitude = abs(exponent)
        let padded = magnitude < 10 && (exponent >= 0 || padsNegativeExponent)
        return text + (exponent < 0 ? "e-" : "e+") + (padded ? "0" : "") + String(magnitude)
    }

    private static func fixed(_ digits: [UInt8], _ point: Int) -> String {
        let text = String(decoding: digits, as: UTF8.self)
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + text }
        if point >= digits.count { return text + String(repeating: "0", count: point - digits.count) }
        let split = text.index(text.startIndex, offsetBy: point)
        return String(text[..<split]) + "." + String(text[split...])
    }
}
