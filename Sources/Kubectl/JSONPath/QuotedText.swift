/// `UnquoteExtend`: Go's `strconv.Unquote` rules for a `"…"` or `'…'` literal of any length.
/// Nil stands for Go's "invalid syntax".
func unquoteExtended(_ literal: String) -> String? {
    let scalars = Array(literal.unicodeScalars)
    guard scalars.count >= 2, let quote = scalars.first, quote == scalars.last, quote == "\"" || quote == "'" else {
        return nil
    }
    var body = scalars[1..<(scalars.count - 1)]
    var result = String.UnicodeScalarView()
    while let first = body.first {
        if first == quote { return nil }
        body = body.dropFirst()
        guard first == "\\" else {
            result.append(first)
            continue
        }
        guard let escape = body.first else { return nil }
        body = body.dropFirst()
        switch escape {
        case "a": result.append("\u{07}")
        case "b": result.append("\u{08}")
        case "f": result.append("\u{0C}")
        case "n": result.append("\n")
        case "r": result.append("\r")
        case "t": result.append("\t")
        case "v": result.append("\u{0B}")
        case "\\": result.append("\\")
        case "'", "\"":
            guard escape == quote else { return nil }
            result.append(escape)
        case "x", "u", "U":
            let width = escape == "x" ? 2 : escape == "u" ? 4 : 8
            guard body.count >= width, let value = UInt32(String(String.UnicodeScalarView(body.prefix(width))), radix: 16),
                body.prefix(width).allSatisfy({ $0.properties.isASCIIHexDigit })
            else { return nil }
            body = body.dropFirst(width)
            if escape == "x" {
                // A byte escape; only ASCII bytes make sense inside a Swift string.
                guard let scalar = Unicode.Scalar(value), value < 0x80 else { return nil }
                result.append(scalar)
            } else {
                guard let scalar = Unicode.Scalar(value) else { return nil }
                result.append(scalar)
            }
        case "0"..."7":
            let digits = [escape] + Array(body.prefix(2))
            guard digits.count == 3, digits.allSatisfy({ ("0"..."7").contains($0) }),
                let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 8), value < 0x80,
                let scalar = Unicode.Scalar(value)
            else { return nil }
            body = body.dropFirst(2)
            result.append(scalar)
        default:
            return nil
        }
    }
    return String(result)
}
