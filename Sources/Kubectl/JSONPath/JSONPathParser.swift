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
                // Go's int wraps: `[9223372036854775807]` derives an end below zero, not a crash.
                parameters[1] = SliceParameter(value: parameters[0].value &+ 1, isKnown: true, isDerived: true)
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
