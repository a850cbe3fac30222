#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    func installNumberAndBoolean() {
        let number = defineConstructor("Number", prototype: numberPrototype) { interpreter, _, arguments, isConstruct in
            let value = arguments.isEmpty ? 0 : try interpreter.toNumber(arguments[0])
            if isConstruct { return .object(JSObject(prototype: interpreter.numberPrototype, kind: .boxedNumber(value), className: "Number")) }
            return .number(value)
        }
        number.setHidden("MAX_SAFE_INTEGER", .number(9_007_199_254_740_991))
        number.setHidden("MIN_SAFE_INTEGER", .number(-9_007_199_254_740_991))
        number.setHidden("MAX_VALUE", .number(.greatestFiniteMagnitude))
        number.setHidden("MIN_VALUE", .number(.leastNonzeroMagnitude))
        number.setHidden("EPSILON", .number(.ulpOfOne))
        number.setHidden("POSITIVE_INFINITY", .number(.infinity))
        number.setHidden("NEGATIVE_INFINITY", .number(-.infinity))
        number.setHidden("NaN", .number(.nan))
        defineMethod(number, "isInteger", length: 1) { _, _, arguments, _ in
            guard case .number(let value) = arguments[argument: 0] else { return .boolean(false) }
            return .boolean(value.isFinite && value == value.rounded(.towardZero))
        }
        defineMethod(number, "isSafeInteger", length: 1) { _, _, arguments, _ in
            guard case .number(let value) = arguments[argument: 0] else { return .boolean(false) }
            return .boolean(value.isFinite && value == value.rounded(.towardZero) && abs(value) <= 9_007_199_254_740_991)
        }
        defineMethod(number, "isNaN", length: 1) { _, _, arguments, _ in
            guard case .number(let value) = arguments[argument: 0] else { return .boolean(false) }
            return .boolean(value.isNaN)
        }
        defineMethod(number, "isFinite", length: 1) { _, _, arguments, _ in
            guard case .number(let value) = arguments[argument: 0] else { return .boolean(false) }
            return .boolean(value.isFinite)
        }
        if let parseFloat = globalScope.lookup("parseFloat") { number.setHidden("parseFloat", parseFloat) }
        if let parseInt = globalScope.lookup("parseInt") { number.setHidden("parseInt", parseInt) }

        func thisNumber(_ interpreter: Interpreter, _ this: JSValue) throws -> Double {
            switch this {
            case .number(let value): return value
            case .object(let object):
                if case .boxedNumber(let value) = object.kind { return value }
            default: break
            }
            throw interpreter.throwError("TypeError", "Number.prototype.valueOf requires that 'this' be a Number")
        }
        defineMethod(numberPrototype, "toString", length: 1) { interpreter, this, arguments, _ in
            let value = try thisNumber(interpreter, this)
            if case .number(let radix) = arguments[argument: 0], radix != 10 {
                guard radix >= 2, radix <= 36 else { throw interpreter.throwError("RangeError", "toString() radix must be between 2 and 36") }
                if value == value.rounded(), abs(value) < 9e15 { return .string(String(Int64(value), radix: Int(radix))) }
            }
            return .string(JSNumberFormatter.string(value))
        }
        defineMethod(numberPrototype, "toLocaleString") { interpreter, this, _, _ in
            let value = try thisNumber(interpreter, this)
            guard value.isFinite, abs(value) < 1e15 else { return .string(JSNumberFormatter.string(value)) }
            let rounded = (value * 1000).rounded() / 1000
            let integer = Int64(rounded.magnitude.rounded(.towardZero))
            var digits = String(integer)
            var grouped = ""
            while digits.count > 3 {
                grouped = "," + digits.suffix(3) + grouped
                digits.removeLast(3)
            }
            grouped = digits + grouped
            var fraction = JSNumberFormatter.string(rounded.magnitude - Double(integer))
            fraction = fraction == "0" ? "" : String(fraction.dropFirst())
            return .string((value < 0 ? "-" : "") + grouped + fraction)
        }
        defineMethod(numberPrototype, "valueOf") { interpreter, this, _, _ in .number(try thisNumber(interpreter, this)) }
        defineMethod(numberPrototype, "toFixed", length: 1) { interpreter, this, arguments, _ in
            let value = try thisNumber(interpreter, this)
            let digits = try interpreter.toNumber(arguments[argument: 0]).safeInteger
            guard digits >= 0, digits <= 100 else { throw interpreter.throwError("RangeError", "toFixed() digits argument must be between 0 and 100") }
            return .string(Interpreter.fixed(value, digits: digits))
        }
        defineMethod(numberPrototype, "toPrecision", length: 1) { interpreter, this, arguments, _ in
            let value = try thisNumber(interpreter, this)
            guard case .number(let precision) = arguments[argument: 0], value != 0, value.isFinite, precision >= 1, precision <= 100 else {
                return .string(JSNumberFormatter.string(value))
            }
            let magnitude = Int(floor(log10(abs(value))))
            let decimals = min(100, max(0, precision.safeInteger - 1 - magnitude))
            return .string(Interpreter.fixed(value, digits: decimals))
        }

        defineConstructor("Boolean", prototype: booleanPrototype) { interpreter, _, arguments, isConstruct in
            let value = arguments[argument: 0].truthy
            if isConstruct { return .object(JSObject(prototype: interpreter.booleanPrototype, kind: .boxedBoolean(value), className: "Boolean")) }
            return .boolean(value)
        }
        defineMethod(booleanPrototype, "toString") { _, this, _, _ in
            if case .object(let object) = this, case .boxedBoolean(let flag) = object.kind { return .string(flag ? "true" : "false") }
            return .string(this.truthy ? "true" : "false")
        }
        defineMethod(booleanPrototype, "valueOf") { _, this, _, _ in
            if case .object(let object) = this, case .boxedBoolean(let flag) = object.kind { return .boolean(flag) }
            return this
        }
    }

    /// Number.prototype.toFixed: rounds half away from zero on the decimal expansion.
    static func fixed(_ value: Double, digits: Int) -> String {
        if !value.isFinite || abs(value) >= 1e21 { return JSNumberFormatter.string(value) }
        let negative = value < 0
        let scale = pow(10.0, Double(digits))
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        var text = scaled < 1e21 ? JSNumberFormatter.string(scaled) : String(format: scaled)
        if digits > 0 {
            while text.count <= digits { text = "0" + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -digits))
        }
        return (negative && scaled != 0 ? "-" : "") + text
    }

    func installMath() {
        let math = JSObject(prototype: objectPrototype, className: "Math")
        math.hiddenKeys = []
        let constants: [(String, Double)] = [("PI", Double.pi), ("E", M_E), ("LN2", M_LN2), ("LN10", M_LN10),
                                             ("LOG2E", M_LOG2E), ("LOG10E", M_LOG10E), ("SQRT2", 2.0.squareRoot()), ("SQRT1_2", 0.5.squareRoot())]
        for (name, value) in constants { math.setHidden(name, .number(value)) }
        let unary: [(String, (Double) -> Double)] = [
            ("abs", { abs($0) }), ("floor", { floor($0) }), ("ceil", { ceil($0) }), ("sqrt", { sqrt($0) }), ("cbrt", { cbrt($0) }),
            ("round", { ($0 + 0.5).rounded(.down) }), ("trunc", { $0.rounded(.towardZero) }),
            ("sign", { $0.isNaN ? .nan : ($0 > 0 ? 1 : ($0 < 0 ? -1 : $0)) }),
            ("sin", { sin($0) }), ("cos", { cos($0) }), ("tan", { tan($0) }), ("asin", { asin($0) }), ("acos", { acos($0) }),
            ("atan", { atan($0) }), ("exp", { exp($0) }), ("log", { log($0) }), ("log2", { log2($0) }), ("log10", { log10($0) }),
            ("log1p", { log1p($0) }), ("expm1", { expm1($0) }), ("sinh", { sinh($0) }), ("cosh", { cosh($0) }), ("tanh", { tanh($0) }),
            ("fround", { Double(Float($0)) }),
        ]
        for (name, function) in unary {
            defineMethod(math, name, length: 1) { interpreter, _, arguments, _ in
                .number(function(try interpreter.toNumber(arguments[argument: 0])))
            }
        }
        defineMethod(math, "atan2", length: 2) { interpreter, _, arguments, _ in
            .number(atan2(try interpreter.toNumber(arguments[argument: 0]), try interpreter.toNumber(arguments[argument: 1])))
        }
        defineMethod(math, "pow", length: 2) { interpreter, _, arguments, _ in
            .number(pow(try interpreter.toNumber(arguments[argument: 0]), try interpreter.toNumber(arguments[argument: 1])))
        }
        defineMethod(math, "hypot", length: 2) { interpreter, _, arguments, _ in
            .number(sqrt(try arguments.reduce(0) { $0 + pow(try interpreter.toNumber($1), 2) }))
        }
        defineMethod(math, "max", length: 2) { interpreter, _, arguments, _ in
            var result = -Double.infinity
            for argument in arguments {
                let value = try interpreter.toNumber(argument)
                if value.isNaN { return .number(.nan) }
                result = max(result, value)
            }
            return .number(result)
        }
        defineMethod(math, "min", length: 2) { interpreter, _, arguments, _ in
            var result = Double.infinity
            for argument in arguments {
                let value = try interpreter.toNumber(argument)
                if value.isNaN { return .number(.nan) }
                result = min(result, value)
            }
            return .number(result)
        }
        defineMethod(math, "random") { interpreter, _, _, _ in .number(interpreter.randomSource()) }
        defineGlobal("Math", .object(math))
    }
}

extension String {
    /// Fixed-point text of a large integral double (beyond the shortest-digits range).
    init(format value: Double) {
        var digits: [Character] = []
        var remaining = value.rounded()
        while remaining >= 1 {
            let digit = remaining.truncatingRemainder(dividingBy: 10)
            digits.append(Character(String(Int(digit))))
            remaining = (remaining / 10).rounded(.towardZero)
        }
        self = digits.isEmpty ? "0" : String(digits.reversed())
    }
}
