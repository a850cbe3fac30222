/// Reads the JSON array at the start of a text, like Go's `json.Decoder.Decode` into
/// `[]interface{}`: text after the array is ignored, and each element is its string or nil
/// when it is some other JSON value.
struct JSONArrayReader {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The elements, or nil when the text does not start with a well-formed JSON array.
    mutating func readArray() -> [String?]? {
        skipWhitespace()
        guard peek() == "[" else { return nil }
        position += 1
        var elements: [String?] = []
        skipWhitespace()
        if peek() == "]" {
            position += 1
            return elements
        }
        while true {
            skipWhitespace()
            if peek() == "\"" {
                guard let string = readString() else { return nil }
                elements.append(string)
            } else {
                guard skipValue() else { return nil }
                elements.append(nil)
            }
            skipWhitespace()
            switch peek() {
            case ",": position += 1
            case "]": position += 1; return elements
            default: return nil
            }
        }
    }

    private func peek() -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private mutating func skipWhitespace() {
        while let scalar = peek(), scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            position += 1
        }
    }

    private mutating func readString() -> String? {
        position += 1 // opening quote
        var result = ""
        while let scalar = peek() {
            position += 1
            switch scalar {
            case "\"":
                return result
            case "\\":
                guard let escaped = peek() else { return nil }
                position += 1
                switch escaped {
                case "\"", "\\", "/": result.unicodeScalars.append(escaped)
                case "b": result += "\u{08}"
                case "f": result += "\u{0C}"
                case "n": result += "\n"
                case "r": result += "\r"
                case "t": result += "\t"
                case "u":
                    guard let unit = readHexUnit() else { return nil }
                    result.unicodeScalars.append(decodeUnicodeEscape(unit))
                default: return nil
                }
            default:
                if scalar.value < 0x20 { return nil }
                result.unicodeScalars.append(scalar)
            }
        }
        return nil
    }

    private mutating func readHexUnit() -> UInt32? {
        guard position + 4 <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[position..<position + 4] {
            guard let digit = Character(scalar).hexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
        }
        position += 4
        return value
    }

    /// Pairs UTF-16 surrogates; a lone surrogate becomes U+FFFD, as in Go.
    private mutating func decodeUnicodeEscape(_ unit: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if (0xD800..<0xDC00).contains(unit) {
            let saved = position
            if peek() == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" {
                position += 2
                if let low = readHexUnit(), (0xDC00..<0xE000).contains(low) {
                    let combined = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(combined) ?? replacement
                }
            }
            position = saved
            return replacement
        }
        return Unicode.Scalar(unit) ?? replacement
    }

    /// Skips any JSON value that is not a string at the top of an element.
    private mutating func skipValue() -> Bool {
        skipWhitespace()
        guard let scalar = peek() else { return false }
        switch scalar {
        case "\"": return readString() != nil
        case "[":
            position += 1
            skipWhitespace()
            if peek() == "]" { position += 1; return true }
            while true {
                guard skipValue() else { return false }
                skipWhitespace()
                switch peek() {
                case ",": position += 1
                case "]": position += 1; return true
                default: return false
                }
            }
        case "{":
            position += 1
            skipWhitespace()
            if peek() == "}" { position += 1; return true }
            while true {
                skipWhitespace()
                guard peek() == "\"", readString() != nil else { return false }
                skipWhitespace()
                guard peek() == ":" else { return false }
                position += 1
                guard skipValue() else { return false }
                skipWhitespace()
                switch peek() {
                case ",": position += 1
                case "}": position += 1; return true
                default: return false
                }
            }
        case "t": return skipLiteral("true")
        case "f": return skipLiteral("false")
        case "n": return skipLiteral("null")
        default: return skipNumber()
        }
    }

    private mutating func skipLiteral(_ literal: String) -> Bool {
        let expected = Array(literal.unicodeScalars)
        guard position + expected.count <= scalars.count,
              Array(scalars[position..<position + expected.count]) == expected else { return false }
        position += expected.count
        return true
    }

    private mutating func skipNumber() -> Bool {
        func digits() -> Int {
            var count = 0
            while let scalar = peek(), ("0"..."9").contains(scalar) { position += 1; count += 1 }
            return count
        }
        if peek() == "-" { position += 1 }
        if peek() == "0" {
            position += 1
        } else if digits() == 0 {
            return false
        }
        if peek() == "." {
            position += 1
            guard digits() > 0 else { return false }
        }
        if peek() == "e" || peek() == "E" {
            position += 1
            if peek() == "+" || peek() == "-" { position += 1 }
            guard digits() > 0 else { return false }
        }
        return true
    }
}
