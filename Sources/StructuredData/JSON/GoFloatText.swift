/// Shortest round-trip decimal digits of a double, laid out the ways Go's `strconv` does.
struct GoFloatText {
    /// Significant digits without leading or trailing zeros ("0" for zero).
    let digits: [UInt8]
    /// Position of the decimal point relative to the digits (Go's `decimal.dp`).
    let decimalPoint: Int
    let isNegative: Bool

    init(_ value: Double) {
        isNegative = value.sign == .minus
        guard value != 0, value.isFinite else {
            digits = []
            decimalPoint = 0
            return
        }
        // Swift's description is the shortest text that round-trips, like Go's shortest formatting.
        let text = abs(value).description
        var mantissa = Substring(text)
        var exponent = 0
        if let mark = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<mark]
            exponent = Int(text[text.index(after: mark)...]) ?? 0
        }
        var all: [UInt8] = []
        var pointPosition: Int?
        for character in mantissa.utf8 {
            if character == UInt8(ascii: ".") { pointPosition = all.count } else { all.append(character - UInt8(ascii: "0")) }
        }
        var point = (pointPosition ?? all.count) + exponent
        while let first = all.first, first == 0, all.count > 1 {
            all.removeFirst()
            point -= 1
        }
        while let last = all.last, last == 0, all.count > 1 { all.removeLast() }
        digits = all
        decimalPoint = point
    }

    private var sign: String { isNegative ? "-" : "" }

    private func digitText(_ range: Range<Int>) -> String {
        String(decoding: range.map { $0 < digits.count && $0 >= 0 ? digits[$0] + UInt8(ascii: "0") : UInt8(ascii: "0") }, as: UTF8.self)
    }

    /// `strconv.FormatFloat(x, 'f', -1, 64)`.
    var fixed: String {
        guard !digits.isEmpty else { return sign + "0" }
        if decimalPoint <= 0 { return sign + "0." + String(repeating: "0", count: -decimalPoint) + digitText(0..<digits.count) }
        let integer = digitText(0..<decimalPoint)
        return decimalPoint >= digits.count ? sign + integer : sign + integer + "." + digitText(decimalPoint..<digits.count)
    }

    /// `strconv.FormatFloat(x, 'e', -1, 64)`: `1e+21`, `1.5e-07`.
    var exponential: String {
        guard !digits.isEmpty else { return sign + "0e+00" }
        var text = sign + digitText(0..<1)
        if digits.count > 1 { text += "." + digitText(1..<digits.count) }
        let exponent = decimalPoint - 1
        let magnitude = abs(exponent)
        return text + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }

    /// `strconv.FormatFloat(x, 'g', -1, 64)`, which go-yaml prints floats with.
    var general: String {
        guard !digits.isEmpty else { return sign + "0" }
        let exponent = decimalPoint - 1
        // With shortest precision Go decides on an exponent of 6, whatever the digit count.
        return exponent < -4 || exponent >= 6 ? exponential : fixed
    }

    /// How `encoding/json` writes a float64: fixed unless tiny or huge, exponent without a leading zero.
    static func json(_ value: Double) -> String {
        let text = GoFloatText(value)
        let magnitude = abs(value)
        guard magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 else { return text.fixed }
        var exponential = text.exponential
        // Go cleans e-09 up to e-9.
        let utf8 = Array(exponential.utf8)
        if utf8.count >= 4, utf8[utf8.count - 4] == UInt8(ascii: "e"), utf8[utf8.count - 3] == UInt8(ascii: "-"),
           utf8[utf8.count - 2] == UInt8(ascii: "0") {
            exponential = String(decoding: utf8[..<(utf8.count - 2)] + utf8[(utf8.count - 1)...], as: UTF8.self)
        }
        return exponential
    }
}
