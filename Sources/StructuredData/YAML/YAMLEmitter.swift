/// A block-style YAML writer that follows libyaml's emitter (as ported in go-yaml v2) decision for decision:
/// indentation, scalar style, escaping and folding at 80 columns.
struct YAMLEmitter {
    private enum ScalarStyle { case plain, singleQuoted, doubleQuoted, literal }

    private static let bestWidth = 80
    private static let bestIndent = 2

    let style: YAMLStyle
    private(set) var output: [UInt8] = []
    private var column = 0
    private var whitespace = true
    private var indention = true

    init(style: YAMLStyle) { self.style = style }

    mutating func emitDocument(_ value: JSONValue) {
        emitNode(value, containerIndent: -1, isMappingValue: false)
        writeIndent(0)
    }

    // MARK: - Nodes

    private mutating func emitNode(_ value: JSONValue, containerIndent: Int, isMappingValue: Bool) {
        let scalarIndent = containerIndent < 0 ? Self.bestIndent : containerIndent + Self.bestIndent
        switch value {
        case .null: emitScalar("null", style: .plain, indent: scalarIndent, isKey: false)
        case .bool(let flag): emitScalar(flag ? "true" : "false", style: .plain, indent: scalarIndent, isKey: false)
        case .number(let number): emitScalar(Self.text(of: number), style: .plain, indent: scalarIndent, isKey: false)
        case .string(let string): emitString(string, indent: scalarIndent, isKey: false)
        case .array(let elements):
            guard !elements.isEmpty else {
                writeIndicator("[", needsWhitespace: true, isWhitespace: true, isIndention: false)
                writeIndicator("]", needsWhitespace: false, isWhitespace: false, isIndention: false)
                return
            }
            // A sequence that is a mapping value is not indented under its key.
            let indent = containerIndent < 0 ? 0 : (isMappingValue ? containerIndent : containerIndent + Self.bestIndent)
            for element in elements {
                writeIndent(indent)
                writeIndicator("-", needsWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(element, containerIndent: indent, isMappingValue: false)
            }
        case .object(let object):
            guard !object.isEmpty else {
                writeIndicator("{", needsWhitespace: true, isWhitespace: true, isIndention: false)
                writeIndicator("}", needsWhitespace: false, isWhitespace: false, isIndention: false)
                return
            }
            let indent = containerIndent < 0 ? 0 : containerIndent + Self.bestIndent
            for key in object.keys.sorted(by: goYAMLKeyPrecedes) {
                guard let member = object[key] else { continue }
                writeIndent(indent)
                emitString(key, indent: indent + Self.bestIndent, isKey: true)
                writeIndicator(":", needsWhitespace: false, isWhitespace: false, isIndention: false)
                emitNode(member, containerIndent: indent, isMappingValue: true)
            }
        }
    }

    /// go-yaml prints floats with `strconv.FormatFloat(f, 'g', -1, 64)` and YAML's names for the specials.
    private static func text(of number: JSONNumber) -> String {
        switch number {
        case .integer(let value): return String(value)
        case .double(let value):
            if value.isNaN { return ".nan" }
            if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
            return GoFloatText(value).general
        }
    }

    /// go-yaml's `stringv`: quote when the plain text would read back as something else, then let the
    /// emitter fall back to a style that can carry the characters.
    private mutating func emitString(_ string: String, indent: Int, isKey: Bool) {
        let resolved = GoYAMLScalar.resolve(string, recognizesTimestamps: style.quotesTimestamps)
        let canUsePlain = resolved == .string && !GoYAMLScalar.isBase60Float(string)
        let requested: ScalarStyle
        if style.usesLiteralBlocks && string.unicodeScalars.contains("\n") {
            requested = .literal
        } else {
            requested = canUsePlain ? .plain : .doubleQuoted
        }
        emitScalar(string, style: requested, indent: indent, isKey: isKey)
    }

    private mutating func emitScalar(_ text: String, style requested: ScalarStyle, indent: Int, isKey: Bool) {
        let scalars = Array(text.unicodeScalars)
        let analysis = YAMLScalarAnalysis(scalars)
        var chosen = requested
        if isKey && analysis.isMultiline { chosen = .doubleQuoted }
        if chosen == .plain {
            if !analysis.blockPlainAllowed || (scalars.isEmpty && isKey) { chosen = .singleQuoted }
        }
        if chosen == .singleQuoted && !analysis.singleQuotedAllowed { chosen = .doubleQuoted }
        if chosen == .literal && (!analysis.blockAllowed || isKey) { chosen = .doubleQuoted }

        switch chosen {
        case .plain: writePlain(scalars, indent: indent, allowsBreaks: !isKey)
        case .singleQuoted: writeSingleQuoted(scalars, indent: indent, allowsBreaks: !isKey)
        case .doubleQuoted: writeDoubleQuoted(scalars, indent: indent, allowsBreaks: !isKey)
        case .literal: writeLiteral(scalars, indent: indent)
        }
    }

    // MARK: - Scalar writers

    private mutating func writePlain(_ scalars: [Unicode.Scalar], indent: Int, allowsBreaks: Bool) {
        if !whitespace { put(" ") }
        var spaces = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " {
                let nextIsSpace = index + 1 < scalars.count && scalars[index + 1] == " "
                if allowsBreaks && !spaces && column > Self.bestWidth && !nextIsSpace {
                    writeIndent(indent)
                } else {
                    write(scalar)
                }
                spaces = true
            } else {
                write(scalar)
                indention = false
                spaces = false
            }
        }
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ scalars: [Unicode.Scalar], indent: Int, allowsBreaks: Bool) {
        writeIndicator("'", needsWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false, breaks = false
        for (index, scalar) in scalars.enumerated() {
            if scalar == " " {
                let nextIsSpace = index + 1 < scalars.count && scalars[index + 1] == " "
                if allowsBreaks && !spaces && column > Self.bestWidth && index > 0 && index < scalars.count - 1 && !nextIsSpace {
                    writeIndent(indent)
                } else {
                    write(scalar)
                }
                spaces = true
            } else if YAMLScalarAnalysis.isBreak(scalar) {
                // A single line break in a quoted scalar folds to a space, so it is written twice.
                if !breaks && scalar == "\n" { putBreak() }
                writeBreak(scalar)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent(indent) }
                if scalar == "'" { put("'") }
                write(scalar)
                indention = false
                spaces = false
                breaks = false
            }
        }
        writeIndicator("'", needsWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ scalars: [Unicode.Scalar], indent: Int, allowsBreaks: Bool) {
        writeIndicator("\"", needsWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        for (index, scalar) in scalars.enumerated() {
            if !YAMLScalarAnalysis.isPrintable(scalar) || scalar.value == 0xFEFF || YAMLScalarAnalysis.isBreak(scalar)
                || scalar == "\"" || scalar == "\\" {
                writeEscape(scalar)
                spaces = false
            } else if scalar == " " {
                if allowsBreaks && !spaces && column > Self.bestWidth && index > 0 && index < scalars.count - 1 {
                    writeIndent(indent)
                    // Leading spaces of a continuation line would be dropped, so escape the next one.
                    if index + 1 < scalars.count && scalars[index + 1] == " " { put("\\") }
                } else {
                    write(scalar)
                }
                spaces = true
            } else {
                write(scalar)
                spaces = false
            }
        }
        writeIndicator("\"", needsWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeEscape(_ scalar: Unicode.Scalar) {
        put("\\")
        let short: Character? = switch scalar.value {
        case 0x00: "0"
        case 0x07: "a"
        case 0x08: "b"
        case 0x09: "t"
        case 0x0A: "n"
        case 0x0B: "v"
        case 0x0C: "f"
        case 0x0D: "r"
        case 0x1B: "e"
        case 0x22: "\""
        case 0x5C: "\\"
        case 0x85: "N"
        case 0xA0: "_"
        case 0x2028: "L"
        case 0x2029: "P"
        default: nil
        }
        if let short {
            put(short)
            return
        }
        let (marker, width): (Character, Int) = scalar.value <= 0xFF ? ("x", 2) : (scalar.value <= 0xFFFF ? ("u", 4) : ("U", 8))
        put(marker)
        let digits = Array("0123456789ABCDEF")
        for shift in stride(from: (width - 1) * 4, through: 0, by: -4) {
            put(digits[Int((scalar.value >> UInt32(shift)) & 0xF)])
        }
    }

    private mutating func writeLiteral(_ scalars: [Unicode.Scalar], indent: Int) {
        writeIndicator("|", needsWhitespace: true, isWhitespace: false, isIndention: false)
        if let first = scalars.first, first == " " || YAMLScalarAnalysis.isBreak(first) {
            writeIndicator(String(Self.bestIndent), needsWhitespace: false, isWhitespace: false, isIndention: false)
        }
        if let last = scalars.last {
            if !YAMLScalarAnalysis.isBreak(last) {
                writeIndicator("-", needsWhitespace: false, isWhitespace: false, isIndention: false)
            } else if scalars.count == 1 || YAMLScalarAnalysis.isBreak(scalars[scalars.count - 2]) {
                writeIndicator("+", needsWhitespace: false, isWhitespace: false, isIndention: false)
            }
        } else {
            writeIndicator("-", needsWhitespace: false, isWhitespace: false, isIndention: false)
        }
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        for scalar in scalars {
            if YAMLScalarAnalysis.isBreak(scalar) {
                writeBreak(scalar)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent(indent) }
                write(scalar)
                indention = false
                breaks = false
            }
        }
    }

    // MARK: - Low level (libyaml's put, write, write_indent, write_indicator)

    private mutating func put(_ character: Character) {
        output.append(contentsOf: String(character).utf8)
        column += 1
    }

    private mutating func write(_ scalar: Unicode.Scalar) {
        output.append(contentsOf: String(Character(scalar)).utf8)
        column += 1
    }

    private mutating func putBreak() {
        output.append(UInt8(ascii: "\n"))
        column = 0
    }

    private mutating func writeBreak(_ scalar: Unicode.Scalar) {
        if scalar == "\n" {
            putBreak()
        } else {
            output.append(contentsOf: String(Character(scalar)).utf8)
            column = 0
        }
    }

    private mutating func writeIndent(_ indent: Int) {
        let indent = max(indent, 0)
        if !indention || column > indent || (column == indent && !whitespace) { putBreak() }
        while column < indent { put(" ") }
        whitespace = true
        indention = true
    }

    private mutating func writeIndicator(_ indicator: String, needsWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needsWhitespace && !whitespace { put(" ") }
        for scalar in indicator.unicodeScalars { write(scalar) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }
}
