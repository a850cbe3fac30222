/// A resource amount (`resource.Quantity`): `100m` CPU, `128Mi` memory, printed in canonical form.
///
/// Kept as a whole number of thousandths, which covers what pods and nodes need (sub-milli
/// amounts round up, as `MilliValue()` does).
public struct Quantity: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// How the quantity was written, which decides how it prints.
    public enum Format: Hashable, Sendable {
        case decimalSI, binarySI, decimalExponent
    }

    public var milliValue: Int64
    public var format: Format

    public init(milliValue: Int64, format: Format = .decimalSI) {
        self.milliValue = milliValue
        self.format = format
    }

    /// A whole amount (`Value()` of an integral quantity).
    public init(_ value: Int64, format: Format = .decimalSI) {
        self.init(milliValue: value * 1000, format: format)
    }

    /// The amount rounded up to a whole unit, as `Value()` returns it.
    public var value: Int64 {
        milliValue >= 0 ? (milliValue + 999) / 1000 : milliValue / 1000
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milliValue < rhs.milliValue }
    public static func == (lhs: Quantity, rhs: Quantity) -> Bool { lhs.milliValue == rhs.milliValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(milliValue) }

    /// Kubernetes' error when a quantity does not parse.
    public static let syntaxError = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

    /// Parses `100m`, `0.5`, `.65`, `128Mi`, `1Gi`, `1e3` …
    public init(parsing text: String) throws(QuantityError) {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        var mantissa: Int64 = 0
        var fractionDigits = 0
        var sawDigit = false, sawPoint = false
        while let scalar = scalars.first, scalar == "." || ("0"..."9").contains(scalar) {
            scalars = scalars.dropFirst()
            if scalar == "." {
                guard !sawPoint else { throw QuantityError(Self.syntaxError) }
                sawPoint = true
                continue
            }
            sawDigit = true
            let digit = Int64(scalar.value - 48)
            // Digits beyond Int64 precision only matter past the milli scale; drop them.
            let (shifted, overflow) = mantissa.multipliedReportingOverflow(by: 10)
            if !overflow, shifted <= Int64.max - digit {
                mantissa = shifted + digit
                if sawPoint { fractionDigits += 1 }
            } else if !sawPoint {
                throw QuantityError(Self.syntaxError)
            }
        }
        guard sawDigit else { throw QuantityError(Self.syntaxError) }
        let suffix = String(String.UnicodeScalarView(scalars))
        var binaryPower = 0
        var decimalExponent = 0
        let format: Format
        switch suffix {
        case "": format = .decimalSI
        case "n": format = .decimalSI; decimalExponent = -9
        case "u": format = .decimalSI; decimalExponent = -6
        case "m": format = .decimalSI; decimalExponent = -3
        case "k": format = .decimalSI; decimalExponent = 3
        case "M": format = .decimalSI; decimalExponent = 6
        case "G": format = .decimalSI; decimalExponent = 9
        case "T": format = .decimalSI; decimalExponent = 12
        case "P": format = .decimalSI; decimalExponent = 15
        case "E": format = .decimalSI; decimalExponent = 18
        case "Ki": format = .binarySI; binaryPower = 1
        case "Mi": format = .binarySI; binaryPower = 2
        case "Gi": format = .binarySI; binaryPower = 3
        case "Ti": format = .binarySI; binaryPower = 4
        case "Pi": format = .binarySI; binaryPower = 5
        case "Ei": format = .binarySI; binaryPower = 6
        default:
            guard let first = suffix.first, first == "e" || first == "E",
                  let exponent = Int(suffix.dropFirst()), suffix.count > 1 else {
                throw QuantityError(Self.syntaxError)
            }
            format = .decimalExponent
            // Go keeps the exponent as an int32 (`int32(parsed)`), which also bounds the loops below.
            decimalExponent = Int(Int32(truncatingIfNeeded: exponent))
        }
        // value = mantissa × 10^(decimalExponent − fractionDigits + 3) × 1024^binaryPower thousandths.
        var milli = mantissa
        var remainingPower = decimalExponent - fractionDigits + 3
        var binary = binaryPower
        var roundUp = false
        while binary > 0 {
            let (product, overflow) = milli.multipliedReportingOverflow(by: 1024)
            guard !overflow else { throw QuantityError(Self.syntaxError) }
            milli = product
            binary -= 1
        }
        // Zero stays zero: without this, `0e2000000000` would multiply two billion times.
        while remainingPower > 0, milli != 0 {
            let (product, overflow) = milli.multipliedReportingOverflow(by: 10)
            guard !overflow else { throw QuantityError(Self.syntaxError) }
            milli = product
            remainingPower -= 1
        }
        while remainingPower < 0, milli != 0 {
            if milli % 10 != 0 { roundUp = true }
            milli /= 10
            remainingPower += 1
        }
        if roundUp { milli += 1 }
        self.init(milliValue: negative ? -milli : milli, format: format)
    }

    /// The canonical text (`CanonicalizeBytes`): the largest suffix that keeps the number whole.
    public var description: String {
        if milliValue == 0 { return "0" }
        let sign = milliValue < 0 ? "-" : ""
        let magnitude = milliValue.magnitude
        if format == .binarySI, magnitude % 1000 == 0, magnitude / 1000 >= 1024 {
            var whole = magnitude / 1000
            var power = 0
            while power < 6, whole % 1024 == 0 {
                whole /= 1024
                power += 1
            }
            let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
            return sign + String(whole) + suffixes[power]
        }
        var mantissa = magnitude
        var exponent = -3
        while exponent < 18, mantissa % 1000 == 0 {
            mantissa /= 1000
            exponent += 3
        }
        if format == .decimalExponent {
            return sign + String(mantissa) + (exponent == 0 ? "" : "e\(exponent)")
        }
        let suffixes = [-3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
        return sign + String(mantissa) + (suffixes[exponent] ?? "")
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let number = try? container.decode(Int64.self) {
            text = String(number)
        } else if let number = try? container.decode(Double.self) {
            text = String(number)
        } else {
            text = try container.decode(String.self)
        }
        do {
            self = try Quantity(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A quantity that did not parse, with Kubernetes' message.
public struct QuantityError: Error, Hashable, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Resource amounts by name (`cpu`, `memory`, `pods` …).
public typealias ResourceList = [String: Quantity]

/// A port given as a number or as a named port (`intstr.IntOrString`).
public enum IntOrString: Hashable, Sendable, Codable, CustomStringConvertible {
    case int(Int32)
    case string(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            // Go's IntOrString holds an int32: a larger number is a decode error, not a name.
            guard let exact = Int32(exactly: number) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "cannot unmarshal number \(number) into Go value of type int32")
            }
            self = .int(exact)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        }
    }

    public var description: String {
        switch self {
        case .int(let number): String(number)
        case .string(let text): text
        }
    }

    /// The value scaled against `total` when it is a percentage (`25%`), rounding up or down.
    /// Saturates instead of trapping, so that any stored value is safe for controllers.
    public func scaledValue(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let number):
            return Int(number)
        case .string(let text):
            guard let percent = percentValue else { return nil }
            let (product, overflow) = percent.multipliedReportingOverflow(by: total)
            if overflow { return (percent < 0) != (total < 0) ? Int.min / 100 : Int.max / 100 }
            return roundUp ? product / 100 + (product % 100 > 0 ? 1 : 0) : product / 100
        }
    }

    /// The number of a percentage (`25%` → 25), as `strconv.Atoi` reads it; nil when it is not one.
    public var percentValue: Int? {
        guard case .string(let text) = self, text.hasSuffix("%") else { return nil }
        return Int(text.dropLast())
    }
}
