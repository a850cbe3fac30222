/// Go's `%q` rendering of a string (`strconv.Quote`), used wherever Kubernetes quotes user input
/// in an error message.
public func goQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\u{07}": result += "\\a"
        case "\u{08}": result += "\\b"
        case "\u{0C}": result += "\\f"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{0B}": result += "\\v"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\x" + hexDigits(scalar.value, width: 2)
            } else if scalar.value >= 0x80 && scalar.value < 0xA0 {
                result += "\\u" + hexDigits(scalar.value, width: 4)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

private func hexDigits(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// Byte-wise ordering, as Go's `sort.Strings` compares strings.
public func goStringLess(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}
