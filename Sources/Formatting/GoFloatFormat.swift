#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Go's `%.<n>g` verb (`strconv.FormatFloat(x, 'g', n, 64)`), used by docker's size humanizer.
///
/// The C library rounds correctly to `n` significant digits; the layout rules (when to switch to an
/// exponent, no trailing zeros, two-digit exponents) are Go's.
public func goFormat(_ value: Double, significantDigits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
    let precision = max(1, significantDigits)
    guard value != 0 else { return value.sign == .minus ? "-0" : "0" }

    // "%.*e" gives d.ddd…e±XX, correctly rounded.
    var buffer = [CChar](repeating: 0, count: 64)
    let written = withVaList([Int32(precision - 1), abs(value)]) { arguments in
        vsnprintf(&buffer, buffer.count, "%.*e", arguments)
    }
    let scientific = String(decoding: buffer.prefix(Int(max(0, written))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let exponentMark = scientific.firstIndex(of: "e"),
          let exponent = Int(scientific[scientific.index(after: exponentMark)...]) else { return scientific }
    var digits = scientific[..<exponentMark].filter { $0 != "." }
    while digits.count > 1, digits.last == "0" { digits.removeLast() }

    let digitCount = digits.count
    let decimalPoint = exponent + 1
    var exponentPrecision = precision
    if exponentPrecision > digitCount && digitCount >= decimalPoint { exponentPrecision = digitCount }
    let sign = value < 0 ? "-" : ""

    if exponent < -4 || exponent >= exponentPrecision {
        var mantissa = String(digits.prefix(1))
        if digitCount > 1 { mantissa += "." + digits.dropFirst() }
        let magnitude = abs(exponent)
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }
    if decimalPoint <= 0 {
        return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits
    }
    if decimalPoint >= digitCount {
        return sign + digits + String(repeating: "0", count: decimalPoint - digitCount)
    }
    let integerPart = digits.prefix(decimalPoint)
    return sign + integerPart + "." + digits.dropFirst(decimalPoint)
}
