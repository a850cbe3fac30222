#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// ToPrimitive: dates prefer strings, everything else numbers, via valueOf/toString.
    func toPrimitive(_ value: JSValue, preferString: Bool = false) throws -> JSValue {
        guard case .object(let object) = value else { return value }
        switch object.kind {
        case .boxedString(let text): return .string(text)
        case .boxedNumber(let number): return .number(number)
        case .boxedBoolean(let flag): return .boolean(flag)
        default: break
        }
        var isDate = false
        if case .date = object.kind { isDate = true }
        let order = (preferString || isDate) ? ["toString", "valueOf"] : ["valueOf", "toString"]
        for name in order {
            let method = try getProperty(value, name)
            if case .object(let function) = method, function.function != nil {
                let result = try call(function, this: value, arguments: [], newTarget: nil)
                if case .object = result { continue }
                return result
            }
        }
        throw throwError("TypeError", "Cannot convert object to primitive value")
    }

    func toString(_ value: JSValue) throws -> String {
        switch value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number): return JSNumberFormatter.string(number)
        case .string(let text): return text
        case .object: return try toString(try toPrimitive(value, preferString: true))
        }
    }

    func toNumber(_ value: JSValue) throws -> Double {
        switch value {
        case .undefined: return .nan
        case .null: return 0
        case .boolean(let flag): return flag ? 1 : 0
        case .number(let number): return number
        case .string(let text): return Interpreter.parseNumber(text)
        case .object: return try toNumber(try toPrimitive(value))
        }
    }

    /// StringToNumber: whitespace-trimmed decimal, hex, or Infinity; NaN otherwise.
    static func parseNumber(_ text: String) -> Double {
        let trimmed = text.trimmingJSWhitespace()
        if trimmed.isEmpty { return 0 }
        if trimmed.hasPrefix("0x") || trimmed.hasPrefix("0X") {
            return UInt64(trimmed.dropFirst(2), radix: 16).map(Double.init) ?? .nan
        }
        switch trimmed {
        case "Infinity", "+Infinity": return .infinity
        case "-Infinity": return -.infinity
        default: break
        }
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case "0"..."9", ".", "e", "E", "+", "-": continue
            default: return .nan
            }
        }
        return Double(trimmed) ?? .nan
    }

    func toPropertyKey(_ value: JSValue) throws -> String {
        switch value {
        case .string(let text): return text
        case .number(let number):
            if number >= 0, number < 1e15, let integer = Int(exactly: number) { return String(integer) }
            return JSNumberFormatter.string(number)
        default: return try toString(value)
        }
    }

    func toObject(_ value: JSValue) throws -> JSObject {
        switch value {
        case .object(let object): return object
        case .string(let text): return JSObject(prototype: stringPrototype, kind: .boxedString(text), className: "String")
        case .number(let number): return JSObject(prototype: numberPrototype, kind: .boxedNumber(number), className: "Number")
        case .boolean(let flag): return JSObject(prototype: booleanPrototype, kind: .boxedBoolean(flag), className: "Boolean")
        case .undefined, .null: throw throwError("TypeError", "Cannot convert undefined or null to object")
        }
    }

    static func toInt32(_ number: Double) -> Int32 {
        guard number.isFinite else { return 0 }
        let truncated = number.rounded(.towardZero)
        let modulo = truncated.truncatingRemainder(dividingBy: 4_294_967_296)
        let unsigned = modulo < 0 ? modulo + 4_294_967_296 : modulo
        return Int32(bitPattern: UInt32(unsigned))
    }

    static func toIntegerOrInfinity(_ number: Double) -> Double {
        if number.isNaN { return 0 }
        return number.rounded(.towardZero)
    }

    // MARK: Operators

    func looselyEquals(_ left: JSValue, _ right: JSValue) throws -> Bool {
        switch (left, right) {
        case (.undefined, .undefined), (.null, .null), (.undefined, .null), (.null, .undefined): return true
        case (.undefined, _), (.null, _), (_, .undefined), (_, .null): return false
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.object(let a), .object(let b)): return a === b
        case (.number(let a), .string(let b)): return a == Interpreter.parseNumber(b)
        case (.string(let a), .number(let b)): return Interpreter.parseNumber(a) == b
        case (.boolean(let a), _): return try looselyEquals(.number(a ? 1 : 0), right)
        case (_, .boolean(let b)): return try looselyEquals(left, .number(b ? 1 : 0))
        case (.object, _): return try looselyEquals(try toPrimitive(left), right)
        case (_, .object): return try looselyEquals(left, try toPrimitive(right))
        }
    }

    func add(_ left: JSValue, _ right: JSValue) throws -> JSValue {
        if case .number(let a) = left, case .number(let b) = right { return .number(a + b) }
        if case .string(let a) = left, case .string(let b) = right { return .string(try concatenate(a, b)) }
        let l = try toPrimitive(left)
        let r = try toPrimitive(right)
        if case .string(let a) = l { return .string(try concatenate(a, try toString(r))) }
        if case .string(let b) = r { return .string(try concatenate(try toString(l), b)) }
        return .number(try toNumber(l) + toNumber(r))
    }

    /// V8's longest string in node 7: beyond it, "Invalid string length" (and no runaway memory).
    static let maximumStringLength = 268_435_440

    func concatenate(_ a: String, _ b: String) throws -> String {
        if a.utf8.count + b.utf8.count > Interpreter.maximumStringLength {
            throw throwError("RangeError", "Invalid string length")
        }
        return a + b
    }

    /// `<` with the abstract relational comparison; nil means undefined (NaN involved).
    func lessThan(_ left: JSValue, _ right: JSValue) throws -> Bool? {
        let l = try toPrimitive(left)
        let r = try toPrimitive(right)
        if case .string(let a) = l, case .string(let b) = r {
            return a.utf16.lexicographicallyPrecedes(b.utf16)
        }
        let a = try toNumber(l)
        let b = try toNumber(r)
        if a.isNaN || b.isNaN { return nil }
        return a < b
    }

    func binary(_ op: BinaryOperator, _ left: JSValue, _ right: JSValue, at position: SourcePosition) throws -> JSValue {
        switch op {
        case .add: return try add(left, right)
        case .subtract: return .number(try toNumber(left) - toNumber(right))
        case .multiply: return .number(try toNumber(left) * toNumber(right))
        case .divide: return .number(try toNumber(left) / toNumber(right))
        case .remainder:
            let a = try toNumber(left), b = try toNumber(right)
            return .number(fmod(a, b))
        case .exponent: return .number(pow(try toNumber(left), try toNumber(right)))
        case .equal: return .boolean(try looselyEquals(left, right))
        case .notEqual: return .boolean(!(try looselyEquals(left, right)))
        case .strictEqual: return .boolean(left.strictlyEquals(right))
        case .strictNotEqual: return .boolean(!left.strictlyEquals(right))
        case .less: return .boolean(try lessThan(left, right) ?? false)
        case .greater: return .boolean(try lessThan(right, left) ?? false)
        case .lessOrEqual:
            guard let result = try lessThan(right, left) else { return .boolean(false) }
            return .boolean(!result)
        case .greaterOrEqual:
            guard let result = try lessThan(left, right) else { return .boolean(false) }
            return .boolean(!result)
        case .bitAnd: return .number(Double(Interpreter.toInt32(try toNumber(left)) & Interpreter.toInt32(try toNumber(right))))
        case .bitOr: return .number(Double(Interpreter.toInt32(try toNumber(left)) | Interpreter.toInt32(try toNumber(right))))
        case .bitXor: return .number(Double(Interpreter.toInt32(try toNumber(left)) ^ Interpreter.toInt32(try toNumber(right))))
        case .shiftLeft:
            return .number(Double(Interpreter.toInt32(try toNumber(left)) << (Interpreter.toInt32(try toNumber(right)) & 31)))
        case .shiftRight:
            return .number(Double(Interpreter.toInt32(try toNumber(left)) >> (Interpreter.toInt32(try toNumber(right)) & 31)))
        case .unsignedShiftRight:
            let value = UInt32(bitPattern: Interpreter.toInt32(try toNumber(left)))
            return .number(Double(value >> UInt32(Interpreter.toInt32(try toNumber(right)) & 31)))
        case .in:
            guard case .object(let object) = right else {
                throw throwError("TypeError", "Cannot use 'in' operator to search for '\(try toString(left))' in \(try toString(right))", at: position)
            }
            return .boolean(hasProperty(object, try toPropertyKey(left)))
        case .instanceOf:
            guard case .object(let constructor) = right, constructor.function != nil else {
                throw throwError("TypeError", "Right-hand side of 'instanceof' is not callable", at: position)
            }
            guard case .object(let object) = left else { return .boolean(false) }
            guard case .object(let prototype) = try getProperty(right, "prototype") else { return .boolean(false) }
            var current = object.prototype
            while let each = current {
                if each === prototype { return .boolean(true) }
                current = each.prototype
            }
            return .boolean(false)
        }
    }
}

extension String {
    func trimmingJSWhitespace() -> String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
                || scalar == "\u{A0}" || scalar == "\u{FEFF}" || scalar.properties.isWhitespace
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
