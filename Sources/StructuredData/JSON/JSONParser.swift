extension JSONValue {
    /// Parses one JSON document (RFC 8259). Integers without fraction or exponent stay exact.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }
}

/// A recursive-descent JSON reader that fails exactly where Go's scanner does, with its messages.
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private static let maximumDepth = 1000
    /// Go checks the whole text's syntax before decoding, so a number past float64 is reported
    /// only once the text is known to be well-formed.
    private var rangeError: JSONSyntaxError?

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Concatenated JSON values separated by whitespace, as Go's `json.Decoder` reads a stream.
    mutating func parseStream() throws(JSONSyntaxError) -> [JSONValue] {
        var values: [JSONValue] = []
        skipWhitespace()
        while index < bytes.count {
            values.append(try parseValue(context: "looking for beginning of value"))
            if let rangeError { throw rangeError }
            skipWhitespace()
        }
        return values
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        let value = try parseValue(context: "looking for beginning of value")
        skipWhitespace()
        if index < bytes.count { throw error("invalid character \(quoted(bytes[index])) after top-level value") }
        if let rangeError { throw rangeError }
        return value
    }

    // MARK: - Values

    private mutating func parseValue(context: String) throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw endOfInput() }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("invalid character \(quoted(bytes[index])) \(context)")
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error("exceeded max depth") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("invalid character \(quoted(bytes[index])) looking for beginning of object key string")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw error("invalid character \(quoted(bytes[index])) after object key")
            }
            index += 1
            object[key] = try parseValue(context: "looking for beginning of value")
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(object)
            default: throw error("invalid character \(quoted(bytes[index])) after object key:value pair")
            }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue(context: "looking for beginning of value"))
            skipWhitespace()
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw error("invalid character \(quoted(bytes[index])) after array element")
            }
        }
    }

    private mutating func parseLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let expected = literal.withUTF8Buffer { Array($0) }
        index += 1
        for position in 1..<expected.count {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == expected[position] else {
                let name = String(decoding: expected, as: UTF8.self)
                let wanted = Character(Unicode.Scalar(expected[position]))
                throw error("invalid character \(quoted(bytes[index])) in literal \(name) (expecting '\(wanted)')")
            }
            index += 1
        }
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard index < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[index]) else { throw error("invalid character \(quoted(bytes[index])) in numeric literal") }
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[index]) else {
                throw error("invalid character \(quoted(bytes[index])) after decimal point in numeric literal")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw endOfInput() }
            guard isDigit(bytes[index]) else {
                throw error("invalid character \(quoted(bytes[index])) in exponent of numeric literal")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let literal = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int64(literal) { return .integer(integer) }
        guard let value = Double(literal), value.isFinite else {
            // Go's decoder: strconv.ParseFloat's range error becomes an UnmarshalTypeError.
            if rangeError == nil {
                rangeError = makeError("json: cannot unmarshal number \(literal) into Go value of type float64", at: start)
            }
            return .double(0)
        }
        return .double(value)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var runStart = index
        while true {
            guard index < bytes.count else { throw endOfInput() }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
                index += 1
                return String(scalars)
            }
            if byte < 0x20 { throw error("invalid character \(quoted(byte)) in string literal") }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            scalars.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
            index += 1
            guard index < bytes.count else { throw endOfInput() }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{08}")
            case UInt8(ascii: "f"): scalars.append("\u{0C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"): scalars.append(try parseUnicodeEscape())
            default:
                index -= 1
                throw error("invalid character \(quoted(escape)) in string escape code")
            }
            runStart = index
        }
    }

    private mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw endOfInput() }
            guard let digit = hexValue(bytes[index]) else {
                throw error("invalid character \(quoted(bytes[index])) in \\u hexadecimal character escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    /// Decodes `\uXXXX` (after the `u`), joining surrogate pairs; lone surrogates become U+FFFD as in Go.
    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let first = try parseHexQuad()
        let replacement = Unicode.Scalar(0xFFFD as UInt32) ?? " "
        guard (0xD800...0xDFFF).contains(first) else { return Unicode.Scalar(first) ?? replacement }
        guard first < 0xDC00, index + 1 < bytes.count,
              bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return replacement }
        let save = index
        index += 2
        let second = try parseHexQuad()
        guard (0xDC00...0xDFFF).contains(second) else {
            index = save
            return replacement
        }
        return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? replacement
    }

    // MARK: - Helpers

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Go's `quoteChar`: the byte as a rune in single quotes, escaped like `strconv.Quote`.
    private func quoted(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return "'\\''"
        case UInt8(ascii: "\""): return "'\"'"
        case 0x07: return "'\\a'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x0B: return "'\\v'"
        case UInt8(ascii: "\\"): return "'\\\\'"
        case 0x00..<0x20, 0x7F: return "'\\x" + hex2(byte) + "'"
        case 0x80...0xA0, 0xAD: return "'\\u00" + hex2(byte) + "'"
        default: return "'" + String(Character(Unicode.Scalar(byte))) + "'"
        }
    }

    private func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private func endOfInput() -> JSONSyntaxError {
        makeError("unexpected end of JSON input", at: bytes.count)
    }

    private func error(_ message: String) -> JSONSyntaxError {
        makeError(message, at: index)
    }

    private func makeError(_ message: String, at position: Int) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for (offset, byte) in bytes[..<min(position, bytes.count)].enumerated() where byte == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        let column = String(decoding: bytes[lineStart..<min(position, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
        // Go counts the offending byte as read.
        let offset = position < bytes.count ? position + 1 : position
        return JSONSyntaxError(message: message, offset: offset, line: line, column: column)
    }
}
