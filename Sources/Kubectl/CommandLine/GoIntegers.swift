import Formatting

/// Go's integer parsing and conversions as kubectl uses them, so that numbers on the command line
/// fail (or wrap) exactly where kubectl's did.
enum GoIntegers {
    /// `strconv.ParseInt(text, base, 64)`; base 0 reads `0x`/`0` prefixes as pflag's int flags do.
    /// The error is Go's: `strconv.ParseInt: parsing "x": invalid syntax` or `… value out of range`.
    static func parseInt(_ text: String, base: Int = 0, function: String = "strconv.ParseInt") -> Result<Int64, GoIntegerError> {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        var radix = base
        if base == 0 {
            radix = 10
            if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
                radix = 16
                digits = digits.dropFirst(2)
            } else if digits.hasPrefix("0"), digits.count > 1 {
                radix = 8
                digits = digits.dropFirst()
            }
        }
        let failure = { (reason: String) in GoIntegerError(message: "\(function): parsing \(goQuoted(text)): \(reason)") }
        guard !digits.isEmpty else { return .failure(failure("invalid syntax")) }
        var magnitude: UInt64 = 0
        var overflow = false
        for character in digits {
            guard let digit = character.hexDigitValue, digit < radix else { return .failure(failure("invalid syntax")) }
            let (shifted, overflowMultiply) = magnitude.multipliedReportingOverflow(by: UInt64(radix))
            let (added, overflowAdd) = shifted.addingReportingOverflow(UInt64(digit))
            if overflowMultiply || overflowAdd { overflow = true }
            magnitude = added
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        if overflow || magnitude > limit { return .failure(failure("value out of range")) }
        return .success(negative ? Int64(truncatingIfNeeded: 0 &- magnitude) : Int64(magnitude))
    }

    /// `strconv.Atoi(text)` on a 64-bit machine.
    static func atoi(_ text: String) -> Result<Int64, GoIntegerError> {
        parseInt(text, base: 10, function: "strconv.Atoi")
    }

    /// Go's `int32(value)`: keeps the low 32 bits, so 2^32+1 becomes 1 and 2^63-1 becomes -1.
    static func int32(_ value: Int64) -> Int32 {
        Int32(truncatingIfNeeded: value)
    }
}

/// A number Go's `strconv` refused, with its message.
struct GoIntegerError: Error, Hashable {
    let message: String
}
