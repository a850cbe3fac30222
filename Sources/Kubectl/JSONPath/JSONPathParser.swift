/// A port of client-go's `jsonpath` parser: text with `{…}` actions, same grammar, same errors.
struct JSONPathParser {
    private let input: [Unicode.Scalar]
    private var position = 0
    private var start = 0
    /// The top-level nodes: text and one list per action.
    private(set) var root: [JSONPathNode] = []

    private init(_ text: String) {
        input = Array(text.unicodeScalars)
    }

    /// Parses a whole template.
    static func parse(_ text: String) throws(JSONPathError) -> [JSONPathNode] {
        var parser = JSONPathParser(text)
        try parser.parseText()
        return parser.root
    }

    /// Parses the inside of one action (`parseAction`), giving the steps of its list.
    static func parseAction(_ text: String) throws(JSONPathError) -> [JSONPathNode] {
        let nodes = try parse("{" + text + "}")
        guard case .list(let steps)? = nodes.first else { return [] }
        return steps
    }

    // MARK: Scanning

    private mutating func next() -> Unicode.Scalar? {
        guard position < input.count else { return nil }
        defer { position += 1 }
        return input[position]
    }

    private func peek() -> Unicode.Scalar? {
        position < input.count ? input[position] : nil
    }

    private mutating func backup(_ scalar: Unicode.Scalar?) {
        if scalar != nil { position -= 1 }
    }

    private mutating func consumeText() -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: input[start..<position])
        start = position
        return text
    }

    private func hasPrefix(_ prefix: String) -> Bool {
        input[position...].starts(with: prefix.unicodeScalars)
    }

    private func character(before offset: Int) -> Unicode.Scalar? {
        let index = position - offset
        return index >= 0 && index < input.count ? input[index] : nil
    }

    // MARK: Top level

    private mutating func parseText() throws(JSONPathError) {
        while true {
            if hasPrefix("{") {
                if position > start { root.append(.text(consumeText())) }
                position += 1
                _ = consumeText()
                var steps: [JSONPathNode] = []
                try parseInsideAction(&steps)
                root.append(.list(steps))
                continue
            }
            if next() == nil { break }
        }
        if position > start { root.append(.text(consumeText())) }
    }

    /// Parses steps up to and including the closing brace.
    private mutating func parseInsideAction(_ steps: inout [JSONPathNode]) throws(JSONPathError) {
        while true {
            if hasPrefix("}") {
                position += 1
                _ = consumeText()
                return
            }
            if hasPrefix("[?(") {
                try parseFilter(&steps)
                continue
            }
            if hasPrefix("..") {
                try parseRecursive(&steps)
                continue
            }
            guard let scalar = next(), !isEndOfLine(scalar) else {
                throw JSONPathError("unclosed action")
            }
            switch scalar {
            case " ", "@", "$":
                _ = consumeText()
            case "[":
                try parseArray(&steps)
            case "\"", "'":
                try parseQuote(&steps, closing: scalar)
            case ".":
                parseField(&steps)
            case "+", "-":
                backup(scalar)
                try parseNumber(&steps)
            default:
                if scalar.properties.numericType == .decimal {
                    backup(scalar)
                    try parseNumber(&steps)
                } else if isAlphanumeric(scalar) {
                    backup(scalar)
                    parseIdentifier(&steps)
                } else {
                    throw JSONPathError("unrecognized character in action: \(goUnicodeNotation(scalar))")
                }
            }
        }
    }

    // MARK: Steps

    private mutating func parseIdentifier(_ steps: inout [JSONPathNode]) {
        while true {
            let scalar = next()
            if isTerminator(scalar) {
                backup(scalar)
                break
            }
        }
        let value = consumeText()
        if value == "true" || value == "false" {
            steps.append(.bool(value == "true"))
        } else {
            steps.append(.identifier(value))
        }
    }

    private mutating func parseRecursive(_ steps: inout [JSONPathNode]) throws(JSONPathError) {
        if steps.last == .recursive { throw JSONPathError("invalid multiple recursive descent") }
        position += 2
        _ = consumeText()
        steps.append(.recursive)
        if let scalar = peek(), isAlphanumeric(scalar) {
            parseField(&steps)
        }
    }

    private mutating func parseNumber(_ steps: inout [JSONPathNode]) throws(JSONPathError) {
        if let sign = peek(), sign == "+" || sign == "-" { _ = next() }
        while true {
            let scalar = next()
            guard let scalar, scalar == "." || scalar.properties.numericType == .decimal else {
                backup(scalar)
                break
            }
        }
        let value = consumeText()
        if let integer = goAtoi(value) {
            steps.append(.integer(integer))
        } else if let float = goParseFloat(value) {
            steps.append(.float(float))
        } else {
            throw JSONPathError("cannot parse number \(value)")
        }
    }

    private mutating func parseArray(_ steps: inout [JSONPathNode]) throws(JSONPathError) {
        while true {
            guard let scalar = next(), scalar != "\n" else { throw JSONPathError("unterminated array") }
            if scalar == "]" { break }
        }
        var text = String(consumeText().unicodeScalars.dropFirst().dropLast())
        if text == "*" { text = ":" }

        let alternatives = text.split(separator: ",", omittingEmptySubsequences: false)
        if alternatives.count > 1 {
            var union: [[JSONPathNode]] = []
            for alternative in alternatives {
                union.append(try JSONPathParser.parseAction("[" + trimmingSpaces(alternative) + "]"))
            }
            steps.append(.union(union))
            return
        }

        if let key = quotedKey(text) {
            steps.append(contentsOf: try JSONPathParser.parseAction("." + key))
            return
        }

        guard let groups = sliceGroups(text) else { throw JSONPathError("invalid array index \(text)") }
        var parameters = [SliceParameter](repeating: SliceParameter(), count: 3)
        for index in 0..<3 {
            var group = groups[index]
            if !group.isEmpty {
                if index > 0 { group.removeFirst() }
                if index > 0 && group.isEmpty {
                    parameters[index].isKnown = false
                } else {
                    guard let value = goAtoi(group) else { throw JSONPathError("array index \(group) is not a number") }
                    parameters[index].isKnown = true
                    parameters[index].value = value
                }
            } else if index == 1 {
                parameters[1] = SliceParameter(value: parameters[0].value + 1, isKnown: true, isDerived: true)
            }
        }
        steps.append(.array(parameters))
    }

    private mutating func parseFilter(_ steps: inout [JSONPathNode]) throws(JSONPathError) {
        position += 3
        _ = consumeText()
        var quoteOpened = false
        var quoteClosed = false
        var pair: Unicode.Scalar = "\""
        scanning: while true {
            guard let scalar = next(), scalar != "\n" else { throw JSONPathError("unterminated filter") }
            switch scalar {
            case "\"", "'":
                if !quoteOpened {
                    quoteOpened = true
                    pair = scalar
                    continue
                }
                if character(before: 2) != "\\" && scalar == pair { quoteClosed = true }
            case ")":
                if quoteOpened == quoteClosed { break scanning }
            default:
                break
            }
        }
        if next() != "]" { throw JSONPathError("unclosed array expect ]") }
        let text = String(consumeText().unicodeScalars.dropLast(2))
        if let (left, op, right) = splitComparison(text) {
            steps.append(.filter(
                left: try JSONPathParser.parseAction(left), right: try JSONPathParser.parseAction(right), operator: op))
        } else {
            steps.append(.filter(left: try JSONPathParser.parseAction(text), right: [], operator: "exists"))
        }
    }

    private mutating func parseQuote(_ steps: inout [JSONPathNode], closing: Unicode.Scalar) throws(JSONPathError) {
        while true {
            guard let scalar = next(), scalar != "\n" else { throw JSONPathError("unterminated quoted string") }
            if scalar == closing && character(before: 2) != "\\" { break }
        }
        let value = consumeText()
        guard let unquoted = unquoteExtended(value) else {
            throw JSONPathError("unquote string \(value) error invalid syntax")
        }
        steps.append(.text(unquoted))
    }

    private mutating func parseField(_ steps: inout [JSONPathNode]) {
        _ = consumeText()
        while advance() {}
        let value = consumeText()
        if value == "*" {
            steps.append(.wildcard)
        } else {
            steps.append(.field(value.replacingAll("\\", with: "")))
        }
    }

    /// Moves past one character, or past an escaped pair; false at a terminator.
    private mutating func advance() -> Bool {
        let scalar = next()
        if scalar == "\\" {
            _ = next()
        } else if isTerminator(scalar) {
            backup(scalar)
            return false
        }
        return true
    }
}

// MARK: Character classes and helpers

private func isTerminator(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return true }
    switch scalar {
    case " ", "\t", "\r", "\n", ".", ",", "[", "]", "$", "@", "{", "}": return true
    default: return false
    }
}

private func isEndOfLine(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\r" || scalar == "\n"
}

private func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
}

/// Go's `%#U`: `U+0021 '!'`, the character itself only when printable.
private func goUnicodeNotation(_ scalar: Unicode.Scalar) -> String {
    var hex = String(scalar.value, radix: 16, uppercase: true)
    while hex.count < 4 { hex = "0" + hex }
    let isPrintable = scalar == " "
        || (!scalar.properties.isWhitespace && scalar.properties.generalCategory != .control
            && scalar.properties.generalCategory != .format && scalar.properties.generalCategory != .unassigned)
    return isPrintable ? "U+\(hex) '\(scalar)'" : "U+\(hex)"
}

private func trimmingSpaces(_ text: Substring) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    while scalars.first == " " { scalars = scalars.dropFirst() }
    while scalars.last == " " { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
}

/// `^'([^']*)'$`.
private func quotedKey(_ text: String) -> String? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 2, scalars.first == "'", scalars.last == "'" else { return nil }
    let inner = scalars[1..<(scalars.count - 1)]
    guard !inner.contains("'") else { return nil }
    return String(String.UnicodeScalarView(inner))
}

/// `^(-?\d*)(:-?\d*)?(:-?\d*)?$`, giving the three groups (empty when absent).
private func sliceGroups(_ text: String) -> [String]? {
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
private func splitComparison(_ text: String) -> (String, String, String)? {
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
private func goParseFloat(_ text: String) -> Double? {
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
