// Character classes and the small regular-expression matches of client-go's jsonpath parser.

func isTerminator(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return true }
    switch scalar {
    case " ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}": return true
    default: return false
    }
}

func isEndOfLine(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\r" || scalar == "\n"
}

func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
}

/// Go's `%#U`: `U+0021 '!'`, the character itself only when printable.
func goUnicodeNotation(_ scalar: Unicode.Scalar) -> String {
    var hex = String(scalar.value, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    let isPrintable = scalar == " "
        || (!scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
            && scalar.properties.generalCategory != .format && scalar.properties.generalCategory != .unassigned)
    return isPrintable ? "U+\(hex) '\(scalar)'" : "U+\(hex)"
}

func trimmingSpaces(_ text: Substring) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    while scalars.first == " " { scalars = scalars.dropFirst() }
    while scalars.last == " " { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
}

/// `^'([^']*)'$`.
func quotedKey(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 2, scalars.first == "'", scalars.last == "'" else { return nil }
    let inner = scalars[1..<(scalars.count - 1)]
    guard !inner.contains("'") else { return nil }
    return String(String.UnicodeScalarView(inner))
}

/// `^(-?\d*)(:-?\d*)?(:-?\d*)?$`, giving the three groups (empty when absent).
func sliceGroups(_ text: String) -> [String]? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    func group(leadingColon: Bool) -> String? {
        let begin = index
        if leadingColon {
            guard index < scalars.count, scalars[index] == ":" else { return nil }
            index += 1
        }
        if index < scalars.count, scalars[index] == "-" { index += 1 }
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[begin..<index]))
    }
    var groups = [group(leadingColon: false) ?? ""]
    groups.append(group(leadingColon: true) ?? "")
    groups.append(group(leadingColon: true) ?? "")
    return index == scalars.count ? groups : nil
}

/// `^([^!<>=]+)([!<>=]+)(.+?)$` on a filter's inside: left side, operator, right side.
func splitComparison(_ text: String) -> (String, String, String)? {
    let scalars = Array(text.unicodeScalars)
    let isOperator: (Unicode.Scalar) -> Bool = { "!<>=".unicodeScalars.contains($0) }
    guard let operatorStart = scalars.firstIndex(where: isOperator), operatorStart > 0 else { return nil }
    var operatorEnd = operatorStart
    while operatorEnd < scalars.count, isOperator(scalars[operatorEnd]) { operatorEnd += 1 }
    // The right side needs at least one character, so a trailing operator run gives one up.
    if operatorEnd == scalars.count { operatorEnd -= 1 }
    guard operatorEnd > operatorStart else { return nil }
    let part = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
    return (part(0..<operatorStart), part(operatorStart..<operatorEnd), part(operatorEnd..<scalars.count))
}

/// `strconv.Atoi`: optional sign and decimal digits.
func goAtoi(_ text: String) -> Int? {
    var digits = Substring(text)
    if let sign = digits.first, sign == "+" || sign == "-" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
        return nil
    }
    return Int(text)
}

/// `strconv.ParseFloat` for the sign, digits and dots the number scanner collects.
func goParseFloat(_ text: String) -> Double? {
    var body = Substring(text)
    var sign = ""
    if let first = body.first, first == "+" || first == "-" {
        sign = first == "-" ? "-" : ""
        body = body.dropFirst()
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    guard parts.count <= 2, parts.contains(where: { !$0.isEmpty }),
        parts.allSatisfy({ $0.utf8.allSatisfy(isDigit) })
    else { return nil }
    let fraction = parts.count == 2 ? parts[1] : ""
    return Double(sign + "0" + parts[0] + "." + fraction + "0")
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
