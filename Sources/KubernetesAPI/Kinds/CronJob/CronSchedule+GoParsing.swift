/// Go's `strconv.Atoi` on a 64-bit machine: an optional sign and decimal digits.
enum GoAtoi {
    static func parse(_ text: String) -> Int64? {
        guard isSyntacticallyValid(text) else { return nil }
        return Int64(text)
    }

    /// Whether the text is a sign and digits (so a failure is a range error, not a syntax one).
    static func isSyntacticallyValid(_ text: String) -> Bool {
        var digits = Substring(text)
        if let first = digits.first, first == "+" || first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

/// Go's `time.ParseDuration` for `@every`: a sequence of decimal numbers with units
/// (`1h30m`, `1.5s`, `300ms`), optionally signed; nil when Go would refuse it.
enum GoDurationText {
    static let units: [(String, Double)] = [
        ("ns", 1), ("us", 1e3), ("µs", 1e3), ("μs", 1e3), ("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9),
    ]

    static func nanoseconds(_ text: String) -> Int64? {
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard !number.isEmpty, number != ".", number.filter({ $0 == "." }).count <= 1, let value = Double(number) else { return nil }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
            rest = rest.dropFirst(unitText.count)
            total += value * unit.1
            guard total < 9.2e18 else { return nil }
        }
        return Int64(negative ? -total : total)
    }
}
