/// libyaml's `yaml_emitter_analyze_scalar`: which scalar styles can carry a string unchanged.
struct YAMLScalarAnalysis {
    var isMultiline = false
    var blockPlainAllowed = true
    var singleQuotedAllowed = true
    var blockAllowed = true

    init(_ scalars: [Unicode.Scalar]) {
        guard !scalars.isEmpty else {
            blockAllowed = false
            return
        }
        var blockIndicators = false
        var lineBreaks = false, specialCharacters = false
        var leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var precededByWhitespace = true, previousSpace = false, previousBreak = false

        if scalars.count >= 3 {
            let start = String(String.UnicodeScalarView(scalars[0..<3]))
            if start == "---" || start == "..." { blockIndicators = true }
        }
        for (index, scalar) in scalars.enumerated() {
            let isLast = index + 1 == scalars.count
            let followedByWhitespace = isLast || scalars[index + 1] == " " || scalars[index + 1] == "\t"
            if index == 0 {
                switch scalar {
                case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`":
                    blockIndicators = true
                case "?", ":", "-":
                    if followedByWhitespace { blockIndicators = true }
                default: break
                }
            } else {
                switch scalar {
                case ":": if followedByWhitespace { blockIndicators = true }
                case "#": if precededByWhitespace { blockIndicators = true }
                default: break
                }
            }
            if !Self.isPrintable(scalar) { specialCharacters = true }
            if scalar == " " {
                if index == 0 { leadingSpace = true }
                if isLast { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if Self.isBreak(scalar) {
                lineBreaks = true
                if index == 0 { leadingBreak = true }
                if isLast { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
            precededByWhitespace = scalar == " " || scalar == "\t" || Self.isBreak(scalar) || scalar == "\0"
        }
        isMultiline = lineBreaks
        if leadingSpace || leadingBreak || trailingSpace || trailingBreak { blockPlainAllowed = false }
        if trailingSpace { blockAllowed = false }
        if breakSpace {
            blockPlainAllowed = false
            singleQuotedAllowed = false
        }
        if spaceBreak || specialCharacters {
            blockPlainAllowed = false
            singleQuotedAllowed = false
            blockAllowed = false
        }
        if lineBreaks || blockIndicators { blockPlainAllowed = false }
    }

    /// libyaml's `is_printable` (note: tab and characters outside the BMP are not).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: return true
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        default: return false
        }
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}
