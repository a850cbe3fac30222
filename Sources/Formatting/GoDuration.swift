/// Go's `time.ParseDuration` (as of Go 1.8, which built Docker 17.x): `300ms`, `1.5h`,
/// `2h45m`, with units ns, us, µs, ms, s, m, h.
public enum GoDuration {
    public struct ParseError: Error, Equatable {
        public let message: String
    }

    public static func parse(_ text: String) throws(ParseError) -> Duration {
        let invalid = ParseError(message: "time: invalid duration \(text)")
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars.removeFirst()
        }
        if String(scalars) == "0" { return .zero }
        guard !scalars.isEmpty else { throw invalid }
        var totalNanoseconds: Double = 0
        while !scalars.isEmpty {
            var whole = ""
            while let scalar = scalars.first, ("0"..."9").contains(scalar) {
                whole.unicodeScalars.append(scalar)
                scalars.removeFirst()
            }
            var fraction = ""
            var sawPoint = false
            if scalars.first == "." {
                sawPoint = true
                scalars.removeFirst()
                while let scalar = scalars.first, ("0"..."9").contains(scalar) {
                    fraction.unicodeScalars.append(scalar)
                    scalars.removeFirst()
                }
            }
            guard !whole.isEmpty || (sawPoint && !fraction.isEmpty) else { throw invalid }
            var unit = ""
            while let scalar = scalars.first, scalar != ".", !("0"..."9").contains(scalar) {
                unit.unicodeScalars.append(scalar)
                scalars.removeFirst()
            }
            guard !unit.isEmpty else { throw ParseError(message: "time: missing unit in duration \(text)") }
            guard let scale = unitNanoseconds[unit] else {
                throw ParseError(message: "time: unknown unit \(unit) in duration \(text)")
            }
            let number = Double((whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction)) ?? 0
            totalNanoseconds += number * scale
            guard totalNanoseconds < 9.3e18 else { throw invalid }
        }
        let nanoseconds = Int64(totalNanoseconds.rounded(.towardZero))
        return .nanoseconds(negative ? -nanoseconds : nanoseconds)
    }

    private static let unitNanoseconds: [String: Double] = [
        "ns": 1, "us": 1e3, "µs": 1e3, "μs": 1e3, "ms": 1e6, "s": 1e9, "m": 60e9, "h": 3600e9,
    ]
}
