import Kernel

/// The formatting of the `printf` builtin: conversions %s %b %c %d %i %u %x %X %o %e %f %g %%,
/// flags, widths and precisions, reusing the format while arguments remain.
struct PrintfFormatter {
    /// Widths and precisions beyond this are clamped, so a typo cannot exhaust memory.
    static let maximumWidth = 4_096

    /// Error lines (without the `bash: printf: ` prefix) produced while formatting.
    private(set) var errors: [String] = []

    /// Formats; returns the output and whether `\c` asked to stop all output.
    mutating func format(_ format: String, arguments: [String]) -> String {
        Self.decodingByteEscapes(formatEscaped(format, arguments: arguments))
    }

    /// Octal and hex escapes name bytes, not characters (`\303\251` is é in UTF-8). Bytes past
    /// ASCII travel as private-use placeholders until the text is done, then decode as UTF-8.
    static let byteBase: UInt32 = 0x10FF00

    static func byteText(_ value: Int) -> String {
        let byte = UInt32(value & 0xFF)
        let scalar = byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(byteBase + byte)
        return scalar.map { String(Character($0)) } ?? ""
    }

    static func decodingByteEscapes(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= byteBase + 0x80 }) else { return text }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.value >= byteBase + 0x80 {
                bytes.append(UInt8(scalar.value - byteBase))
            } else {
                bytes += Array(String(scalar).utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func formatEscaped(_ format: String, arguments: [String]) -> String {
        let characters = Array(format)
        var output = ""
        var remaining = arguments[...]
        repeat {
            let before = remaining.count
            var i = 0
            var usedArgument = false
            while i < characters.count {
                let c = characters[i]
                if c == "\\" {
                    let (text, next, stop) = Self.escape(characters, at: i + 1, isBackslashB: false)
                    output += text
                    if stop { return output }
                    i = next
                    continue
                }
                guard c == "%" else {
                    output.append(c)
                    i += 1
                    continue
                }
                i += 1
                guard i < characters.count else {
                    output.append("%")
                    break
                }
                if characters[i] == "%" {
                    output.append("%")
                    i += 1
                    continue
                }
                var flags = ""
                while i < characters.count, "-+ #0".contains(characters[i]) {
                    flags.append(characters[i])
                    i += 1
                }
                var width: Int?
                if i < characters.count, characters[i] == "*" {
                    width = Int(remaining.popFirst() ?? "0") ?? 0
                    usedArgument = true
                    i += 1
                } else {
                    var digits = ""
                    while i < characters.count, characters[i].isASCIIDigit {
                        digits.append(characters[i])
                        i += 1
                    }
                    width = Int(digits)
                }
                var precision: Int?
                if i < characters.count, characters[i] == "." {
                    i += 1
                    if i < characters.count, characters[i] == "*" {
                        precision = Int(remaining.popFirst() ?? "0") ?? 0
                        usedArgument = true
                        i += 1
                    } else {
                        var digits = ""
                        while i < characters.count, characters[i].isASCIIDigit {
                            digits.append(characters[i])
                            i += 1
                        }
                        precision = Int(digits) ?? 0
                    }
                }
                while i < characters.count, "hlLqjzt".contains(characters[i]) { i += 1 }
                guard i < characters.count else {
                    errors.append("`\(String(characters[characters.count - 1]))': missing format character")
                    return output
                }
                let conversion = characters[i]
                i += 1
                let argument = remaining.popFirst()
                if argument != nil { usedArgument = true }
                var stop = false
                let body: String
                switch conversion {
                case "s":
                    var text = argument ?? ""
                    if let precision { text = String(text.prefix(precision)) }
                    body = text
                case "b":
                    let (text, shouldStop) = Self.expandEscapesKeepingBytes(argument ?? "")
                    stop = shouldStop
                    body = precision.map { String(text.prefix($0)) } ?? text
                case "c":
                    body = argument.flatMap { $0.first.map(String.init) } ?? ""
                case "d", "i", "u", "x", "X", "o":
                    let value = integer(argument ?? "")
                    body = Self.formatInteger(value, conversion: conversion, flags: flags, precision: precision)
                case "e", "E", "f", "F", "g", "G":
                    let value = Double((argument ?? "0").trimmingCharacters(in: " ")) ?? 0
                    body = Self.formatFloating(value, conversion: conversion, precision: min(precision ?? 6, 64), flags: flags)
                default:
                    errors.append("%\(conversion): invalid directive")
                    return output
                }
                output += Self.pad(body, width: min(width ?? 0, Self.maximumWidth), flags: flags, numeric: !"sbc".contains(conversion))
                if stop { return output }
            }
            if !usedArgument || remaining.count == before { break }
        } while !remaining.isEmpty
        return output
    }

    private mutating func integer(_ text: String) -> Int {
        let trimmed = text.trimmingCharacters(in: " \t")
        if trimmed.isEmpty { return 0 }
        if let first = trimmed.first, first == "'" || first == "\"" {
            return trimmed.dropFirst().unicodeScalars.first.map { Int($0.value) } ?? 0
        }
        if let value = ArithmeticEvaluator.parseNumber(trimmed) ?? Int(trimmed) { return value }
        if trimmed.hasPrefix("-"), let value = ArithmeticEvaluator.parseNumber(String(trimmed.dropFirst())) { return -value }
        errors.append("\(text): invalid number")
        // bash's strtoimax keeps the number the text starts with: `printf %d 3abc` prints 3.
        return Self.leadingInteger(trimmed)
    }

    /// The value of the longest prefix strtoimax(…, 0) reads (sign, then hex, octal or decimal digits).
    static func leadingInteger(_ text: String) -> Int {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars.removeFirst()
        }
        var radix = 10
        if scalars.starts(with: "0x".unicodeScalars) || scalars.starts(with: "0X".unicodeScalars),
           scalars.dropFirst(2).first.map({ Character($0).isHexDigit }) == true {
            radix = 16
            scalars.removeFirst(2)
        } else if scalars.first == "0" {
            radix = 8
        }
        var value = 0
        for scalar in scalars {
            guard let digit = Character(scalar).hexDigitValue, digit < radix, scalar.isASCII else { break }
            let (product, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = product.addingReportingOverflow(digit)
            guard !overflow, !overflow2 else { return negative ? Int.min : Int.max }
            value = sum
        }
        return negative ? -value : value
    }

    static func formatInteger(_ value: Int, conversion: Character, flags: String, precision: Int?) -> String {
        var digits: String
        switch conversion {
        case "x": digits = String(UInt(bitPattern: value), radix: 16)
        case "X": digits = String(UInt(bitPattern: value), radix: 16).uppercased()
        case "o": digits = String(UInt(bitPattern: value), radix: 8)
        case "u": digits = String(UInt(bitPattern: value))
        default: digits = String(value.magnitude)
        }
        if let precision, digits.count < min(precision, maximumWidth) {
            digits = String(repeating: "0", count: min(precision, maximumWidth) - digits.count) + digits
        }
        if flags.contains("#"), value != 0 {
            if conversion == "x" { digits = "0x" + digits }
            if conversion == "X" { digits = "0X" + digits }
            if conversion == "o" { digits = "0" + digits }
        }
        if "di".contains(conversion) {
            if value < 0 { return "-" + digits }
            if flags.contains("+") { return "+" + digits }
            if flags.contains(" ") { return " " + digits }
        }
        return digits
    }

    static func formatFloating(_ value: Double, conversion: Character, precision: Int, flags: String) -> String {
        var text: String
        switch conversion {
        case "f", "F":
            text = fixed(value, precision: precision)
        case "e", "E":
            text = scientific(value, precision: precision)
            if conversion == "E" { text = text.uppercased() }
        default:
            let p = max(precision, 1)
            let exponent = value == 0 ? 0 : Int((abs(value)).log10Floor)
            if exponent < -4 || exponent >= p {
                text = scientific(value, precision: p - 1)
            } else {
                text = fixed(value, precision: max(p - 1 - exponent, 0))
            }
            if !flags.contains("#"), text.contains(".") {
                let parts = text.split(separator: "e", maxSplits: 1)
                var mantissa = String(parts[0])
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
                text = parts.count > 1 ? mantissa + "e" + parts[1] : mantissa
            }
            if conversion == "G" { text = text.uppercased() }
        }
        if value >= 0, flags.contains("+") { text = "+" + text }
        return text
    }

    private static func fixed(_ value: Double, precision: Int) -> String {
        var scale = 1.0
        for _ in 0..<precision { scale *= 10 }
        let rounded = (abs(value) * scale).rounded(.toNearestOrEven)
        let integerPart = (rounded / scale).rounded(.towardZero)
        let fraction = rounded - integerPart * scale
        var text = wholeNumberText(integerPart)
        if precision > 0 {
            var fractionText = wholeNumberText(fraction)
            while fractionText.count < precision { fractionText = "0" + fractionText }
            text += "." + fractionText
        }
        return (value < 0 ? "-" : "") + text
    }

    private static func scientific(_ value: Double, precision: Int) -> String {
        var exponent = value == 0 ? 0 : Int(abs(value).log10Floor)
        var scale = 1.0
        for _ in 0..<abs(exponent) { scale *= 10 }
        var mantissa = exponent >= 0 ? value / scale : value * scale
        var text = fixed(mantissa, precision: precision)
        if text.hasPrefix("10") || text.hasPrefix("-10") {
            exponent += 1
            mantissa /= 10
            text = fixed(mantissa, precision: precision)
        }
        let sign = exponent < 0 ? "-" : "+"
        let digits = abs(exponent) < 10 ? "0\(abs(exponent))" : "\(abs(exponent))"
        return text + "e" + sign + digits
    }

    private static func wholeNumberText(_ value: Double) -> String {
        String(Int(exactly: value.rounded()) ?? 0)
    }

    static func pad(_ body: String, width: Int, flags: String, numeric: Bool) -> String {
        guard body.count < width else { return body }
        let fill = width - body.count
        if flags.contains("-") { return body + String(repeating: " ", count: fill) }
        if numeric, flags.contains("0") {
            if let first = body.first, first == "-" || first == "+" {
                return String(first) + String(repeating: "0", count: fill) + body.dropFirst()
            }
            return String(repeating: "0", count: fill) + body
        }
        return String(repeating: " ", count: fill) + body
    }

    /// Expands the escapes of `echo -e` and `%b`; the flag is true when `\c` ends output.
    static func expandEscapes(_ text: String) -> (String, Bool) {
        let (expanded, stop) = expandEscapesKeepingBytes(text)
        return (decodingByteEscapes(expanded), stop)
    }

    private static func expandEscapesKeepingBytes(_ text: String) -> (String, Bool) {
        let characters = Array(text)
        var output = ""
        var i = 0
        while i < characters.count {
            if characters[i] == "\\" {
                let (piece, next, stop) = escape(characters, at: i + 1, isBackslashB: true)
                output += piece
                if stop { return (output, true) }
                i = next
            } else {
                output.append(characters[i])
                i += 1
            }
        }
        return (output, false)
    }

    /// One escape after a backslash at `index`: its text, the next index, and whether it was `\c`.
    static func escape(_ characters: [Character], at index: Int, isBackslashB: Bool) -> (String, Int, Bool) {
        guard index < characters.count else { return ("\\", index, false) }
        let c = characters[index]
        switch c {
        case "n": return ("\n", index + 1, false)
        case "t": return ("\t", index + 1, false)
        case "r": return ("\r", index + 1, false)
        case "a": return ("\u{07}", index + 1, false)
        case "b": return ("\u{08}", index + 1, false)
        case "f": return ("\u{0C}", index + 1, false)
        case "v": return ("\u{0B}", index + 1, false)
        case "e", "E": return ("\u{1B}", index + 1, false)
        case "\\": return ("\\", index + 1, false)
        case "\"" where !isBackslashB: return ("\"", index + 1, false)
        case "'" where !isBackslashB: return ("'", index + 1, false)
        case "c": return ("", index + 1, true)
        case "0"..."7":
            var value = 0
            var i = index
            let maxDigits = (isBackslashB && c == "0") ? 4 : 3
            var count = 0
            while i < characters.count, count < maxDigits, ("0"..."7").contains(characters[i]) {
                value = value * 8 + Int(characters[i].asciiValue ?? 48) - 48
                i += 1
                count += 1
            }
            return (byteText(value), i, false)
        case "x":
            var value = 0
            var i = index + 1
            var count = 0
            while i < characters.count, count < 2, characters[i].isHexDigit, let digit = characters[i].hexDigitValue {
                value = value * 16 + digit
                i += 1
                count += 1
            }
            if count == 0 { return ("\\x", index + 1, false) }
            return (byteText(value), i, false)
        case "u", "U":
            // bash 4.2+: up to 4 (\u) or 8 (\U) hex digits name a Unicode character.
            var value: UInt32 = 0
            var i = index + 1
            var count = 0
            while i < characters.count, count < (c == "u" ? 4 : 8), let digit = characters[i].hexDigitValue,
                  characters[i].isASCII {
                value = value &* 16 &+ UInt32(digit)
                i += 1
                count += 1
            }
            if count == 0 { return ("\\" + String(c), index + 1, false) }
            return (Unicode.Scalar(value).map { String(Character($0)) } ?? "", i, false)
        default:
            return ("\\" + String(c), index + 1, false)
        }
    }
}

extension Double {
    /// floor(log10(|x|)) for x > 0, without Foundation.
    var log10Floor: Double {
        var exponent = 0.0
        var x = self
        if x >= 1 {
            while x >= 10 { x /= 10; exponent += 1 }
        } else {
            while x < 1 { x *= 10; exponent -= 1 }
        }
        return exponent
    }
}
