/// What go-yaml v2 (YAML 1.1 rules) reads an unquoted scalar as.
///
/// The same rules decide, on output, whether a string must be quoted so it reads back as a string.
enum GoYAMLScalar: Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case unsignedInteger(UInt64)
    case float(Double)
    case timestamp
    case string

    private static let constants: [String: GoYAMLScalar] = {
        var table: [String: GoYAMLScalar] = [:]
        for word in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { table[word] = .bool(true) }
        for word in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { table[word] = .bool(false) }
        for word in ["", "~", "null", "Null", "NULL"] { table[word] = .null }
        for word in [".nan", ".NaN", ".NAN"] { table[word] = .float(.nan) }
        for word in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { table[word] = .float(.infinity) }
        for word in ["-.inf", "-.Inf", "-.INF"] { table[word] = .float(-.infinity) }
        return table
    }()

    /// go-yaml's `resolve("", text)`; `recognizesTimestamps` is go-yaml ≥ 2.1 behaviour.
    static func resolve(_ text: String, recognizesTimestamps: Bool) -> GoYAMLScalar {
        guard let first = text.utf8.first else { return .null }
        let hint: UInt8
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): hint = UInt8(ascii: "D")
        case UInt8(ascii: "."): hint = UInt8(ascii: ".")
        default:
            guard "yYnNtTfFoO~".utf8.contains(first) else { return .string }
            hint = UInt8(ascii: "M")
        }
        if let constant = constants[text] { return constant }
        switch hint {
        case UInt8(ascii: "."):
            if isDotFloat(text), let value = Double(text) { return .float(value) }
        case UInt8(ascii: "D"):
            if recognizesTimestamps && isTimestamp(text) { return .timestamp }
            let plain = text.filter { $0 != "_" }
            if let value = parseGoInteger(plain) { return .integer(value) }
            if let value = parseGoUnsigned(plain) { return .unsignedInteger(value) }
            if isYAMLStyleFloat(plain), let value = Double(plain) { return .float(value) }
            if plain.hasPrefix("0b"), let value = Int64(plain.dropFirst(2), radix: 2) { return .integer(value) }
            if plain.hasPrefix("0b"), let value = UInt64(plain.dropFirst(2), radix: 2) { return .unsignedInteger(value) }
            if plain.hasPrefix("-0b"), let value = Int64("-" + plain.dropFirst(3), radix: 2) { return .integer(value) }
        default:
            break
        }
        return .string
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` of the era: optional sign, `0x` hex, leading-zero octal, decimal.
    static func parseGoInteger(_ text: String) -> Int64? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard let magnitude = parseGoUnsigned(String(body)) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// Go's `strconv.ParseUint(s, 0, 64)`: no sign allowed.
    static func parseGoUnsigned(_ text: String) -> UInt64? {
        guard let first = text.first, first.isASCII, first.isNumber else { return nil }
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            let digits = text.dropFirst(2)
            return digits.isEmpty ? nil : UInt64(digits, radix: 16)
        }
        if text.count > 1, first == "0" { return UInt64(text.dropFirst(), radix: 8) }
        return text.allSatisfy({ $0.isASCII && $0.isNumber }) ? UInt64(text) : nil
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLStyleFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        var hasPoint = false
        if bytes.first == UInt8(ascii: ".") {
            hasPoint = true
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
        }
        guard integerDigits > 0 || (hasPoint && fractionDigits > 0) else { return false }
        if let mark = bytes.first, mark == UInt8(ascii: "e") || mark == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        return bytes.isEmpty
    }

    /// What Go's `ParseFloat` accepts after a leading dot: `.5`, `.5e3`.
    private static func isDotFloat(_ text: String) -> Bool {
        isYAMLStyleFloat(text) && text.utf8.first == UInt8(ascii: ".")
    }

    /// YAML 1.1 sexagesimal numbers (`1:20`), which go-yaml quotes on output for other parsers' sake:
    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
    static func isBase60Float(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, isDigit(first) else { return false }
        bytes = bytes.dropFirst()
        bytes = bytes.drop { isDigit($0) || $0 == UInt8(ascii: "_") }
        var groups = 0
        while bytes.first == UInt8(ascii: ":") {
            bytes = bytes.dropFirst()
            let digits = bytes.prefix(while: isDigit)
            guard digits.count == 1 || (digits.count == 2 && digits.first.map { $0 <= UInt8(ascii: "5") } == true) else { return false }
            bytes = bytes.dropFirst(digits.count)
            groups += 1
        }
        guard groups > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst().drop { isDigit($0) || $0 == UInt8(ascii: "_") }
        }
        return bytes.isEmpty
    }

    /// go-yaml's timestamp forms: `2006-1-2`, `2006-1-2T15:4:5.999999999Z07:00` (or `t`), `2006-1-2 15:4:5.999999999`.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var position = 0
        func number(maximumDigits: Int) -> Int? {
            var value = 0, count = 0
            while position < bytes.count, count < maximumDigits, isDigit(bytes[position]) {
                value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                position += 1
                count += 1
            }
            return count == 0 ? nil : value
        }
        func expect(_ character: Character) -> Bool {
            guard position < bytes.count, bytes[position] == character.asciiValue else { return false }
            position += 1
            return true
        }
        guard bytes.count >= 8, bytes.prefix(4).allSatisfy(isDigit), bytes[4] == UInt8(ascii: "-") else { return false }
        position = 5
        guard let month = number(maximumDigits: 2), (1...12).contains(month), expect("-"),
              let day = number(maximumDigits: 2), (1...31).contains(day) else { return false }
        if position == bytes.count { return true }
        let separator = bytes[position]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ") else { return false }
        position += 1
        guard let hour = number(maximumDigits: 2), hour < 24, expect(":"),
              let minute = number(maximumDigits: 2), minute < 60, expect(":"),
              let second = number(maximumDigits: 2), second < 60 else { return false }
        if expect(".") { guard number(maximumDigits: 9) != nil else { return false } }
        if separator == UInt8(ascii: " ") { return position == bytes.count }
        if expect("Z") { return position == bytes.count }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") else { return false }
        position += 1
        guard bytes.count - position == 5, number(maximumDigits: 2) != nil, expect(":"), number(maximumDigits: 2) != nil else { return false }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
