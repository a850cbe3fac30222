/// Go's `strconv.Unquote` for the literals templates use.
enum GoStringLiteral {
    static func unquote(_ literal: String) -> String? {
        let scalars = Array(literal.unicodeScalars)
        guard scalars.count >= 2, let quote = scalars.first, scalars.last == quote else { return nil }
        let body = scalars[1..<(scalars.count - 1)]
        if quote == "`" {
            var result = ""
            result.unicodeScalars.append(contentsOf: body.filter { $0 != "\r" })
            return result
        }
        guard quote == "\"" || quote == "'" else { return nil }
        var result = ""
        var index = body.startIndex
        while index < body.endIndex {
            let scalar = body[index]
            index += 1
            guard scalar == "\\" else {
                if scalar == quote || scalar == "\n" { return nil }
                result.unicodeScalars.append(scalar)
                continue
            }
            guard index < body.endIndex else { return nil }
            let escaped = body[index]
            index += 1
            switch escaped {
            case "a": result += "\u{07}"
            case "b": result += "\u{08}"
            case "f": result += "\u{0C}"
            case "n": result += "\n"
            case "r": result += "\r"
            case "t": result += "\t"
            case "v": result += "\u{0B}"
            case "\\", "\"", "'":
                if escaped != "\\" && escaped != quote { return nil }
                result.unicodeScalars.append(escaped)
            case "x", "u", "U":
                let length = escaped == "x" ? 2 : (escaped == "u" ? 4 : 8)
                guard body.distance(from: index, to: body.endIndex) >= length else { return nil }
                var text = ""
                text.unicodeScalars.append(contentsOf: body[index..<(index + length)])
                index += length
                guard let value = UInt32(text, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                result.unicodeScalars.append(decoded)
            case "0"..."7":
                guard body.distance(from: index, to: body.endIndex) >= 2 else { return nil }
                var text = String(Character(escaped))
                text.unicodeScalars.append(contentsOf: body[index..<(index + 2)])
                index += 2
                guard let value = UInt32(text, radix: 8), value < 256, let decoded = Unicode.Scalar(value) else { return nil }
                result.unicodeScalars.append(decoded)
            default:
                return nil
            }
        }
        return result
    }
}
