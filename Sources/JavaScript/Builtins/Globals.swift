#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    func installBuiltins() {
        for prototype in [objectPrototype, functionPrototype, arrayPrototype, stringPrototype, numberPrototype,
                          booleanPrototype, datePrototype, regexPrototype] {
            prototype.hiddenKeys = []
        }
        functionPrototype.kind = .function(.native(name: "", length: 0, { _, _, _, _ in .undefined }))
        installObject()
        installFunctionPrototype()
        installArray()
        installString()
        installNumberAndBoolean()
        installMath()
        installJSON()
        installErrors()
        installDate()
        installRegExp()
        installCollections()
        installPromise()
        installConsole()
        installGlobalFunctions()
        defineGlobal("global", .object(globalObject))
        defineGlobal("globalThis", .object(globalObject))
        defineGlobal("NaN", .number(.nan))
        defineGlobal("Infinity", .number(.infinity))
        defineGlobal("undefined", .undefined)
    }

    /// Makes a constructor function with a `prototype` object, both linked.
    @discardableResult
    func defineConstructor(_ name: String, prototype: JSObject, length: Int = 1, _ body: @escaping NativeFunction) -> JSObject {
        let constructor = makeFunction(name, length: length, body)
        constructor.hiddenKeys = []
        constructor.setHidden("prototype", .object(prototype))
        prototype.setHidden("constructor", .object(constructor))
        defineGlobal(name, .object(constructor))
        return constructor
    }

    private func installObject() {
        let object = defineConstructor("Object", prototype: objectPrototype) { interpreter, _, arguments, _ in
            let value = arguments[argument: 0]
            if value.isNullish { return .object(interpreter.newObject()) }
            return .object(try interpreter.toObject(value))
        }
        defineMethod(object, "keys", length: 1) { interpreter, _, arguments, _ in
            let target = try interpreter.toObject(arguments[argument: 0])
            return .object(interpreter.newArray(target.enumerableKeys.map { .string($0) }))
        }
        defineMethod(object, "values", length: 1) { interpreter, _, arguments, _ in
            let value = arguments[argument: 0]
            let target = try interpreter.toObject(value)
            return .object(interpreter.newArray(try target.enumerableKeys.map { try interpreter.getProperty(.object(target), $0) }))
        }
        defineMethod(object, "entries", length: 1) { interpreter, _, arguments, _ in
            let target = try interpreter.toObject(arguments[argument: 0])
            return .object(interpreter.newArray(try target.enumerableKeys.map {
                .object(interpreter.newArray([.string($0), try interpreter.getProperty(.object(target), $0)]))
            }))
        }
        defineMethod(object, "assign", length: 2) { interpreter, _, arguments, _ in
            let target = try interpreter.toObject(arguments[argument: 0])
            for source in arguments.dropFirst() {
                guard case .object(let sourceObject) = source else { continue }
                for key in sourceObject.enumerableKeys {
                    try interpreter.setProperty(.object(target), key, try interpreter.getProperty(source, key))
                }
            }
            return .object(target)
        }
        defineMethod(object, "create", length: 2) { interpreter, _, arguments, _ in
            let created = JSObject(prototype: arguments[argument: 0].asObject)
            if case .object(let properties) = arguments[argument: 1] {
                for key in properties.enumerableKeys {
                    if case .object(let descriptor) = properties.ownValue(key) ?? .undefined {
                        created.setOwn(key, descriptor.ownValue("value") ?? .undefined)
                    }
                }
            }
            _ = interpreter
            return .object(created)
        }
        defineMethod(object, "getPrototypeOf", length: 1) { interpreter, _, arguments, _ in
            let target = try interpreter.toObject(arguments[argument: 0])
            return target.prototype.map { .object($0) } ?? .null
        }
        defineMethod(object, "setPrototypeOf", length: 2) { _, _, arguments, _ in
            if case .object(let target) = arguments[argument: 0] { target.prototype = arguments[argument: 1].asObject }
            return arguments[argument: 0]
        }
        defineMethod(object, "freeze", length: 1) { _, _, arguments, _ in
            if case .object(let target) = arguments[argument: 0] { target.isExtensible = false }
            return arguments[argument: 0]
        }
        defineMethod(object, "isFrozen", length: 1) { _, _, arguments, _ in
            .boolean(!(arguments[argument: 0].asObject?.isExtensible ?? false))
        }
        defineMethod(object, "getOwnPropertyNames", length: 1) { interpreter, _, arguments, _ in
            let target = try interpreter.toObject(arguments[argument: 0])
            var keys = target.ownKeys
            if target.isArray { keys.append("length") }
            return .object(interpreter.newArray(keys.map { .string($0) }))
        }
        defineMethod(object, "defineProperty", length: 3) { interpreter, _, arguments, _ in
            guard case .object(let target) = arguments[argument: 0], case .object(let descriptor) = arguments[argument: 2] else {
                throw interpreter.throwError("TypeError", "Object.defineProperty called on non-object")
            }
            let key = try interpreter.toPropertyKey(arguments[argument: 1])
            let getter = descriptor.ownValue("get")?.asObject
            let setter = descriptor.ownValue("set")?.asObject
            if getter != nil || setter != nil {
                target.defineAccessor(key, JSObject.Accessor(getter: getter, setter: setter))
            } else {
                target.setOwn(key, descriptor.ownValue("value") ?? .undefined)
            }
            if !(descriptor.ownValue("enumerable")?.truthy ?? false) {
                target.hiddenKeys = (target.hiddenKeys ?? []).union([key])
            }
            return arguments[argument: 0]
        }

        defineMethod(objectPrototype, "hasOwnProperty", length: 1) { interpreter, this, arguments, _ in
            let target = try interpreter.toObject(this)
            return .boolean(target.hasOwnProperty(try interpreter.toPropertyKey(arguments[argument: 0])))
        }
        defineMethod(objectPrototype, "propertyIsEnumerable", length: 1) { interpreter, this, arguments, _ in
            let target = try interpreter.toObject(this)
            let key = try interpreter.toPropertyKey(arguments[argument: 0])
            return .boolean(target.hasOwnProperty(key) && !target.isHidden(key))
        }
        defineMethod(objectPrototype, "isPrototypeOf", length: 1) { _, this, arguments, _ in
            guard case .object(let prototype) = this, case .object(let object) = arguments[argument: 0] else { return .boolean(false) }
            var current = object.prototype
            while let each = current {
                if each === prototype { return .boolean(true) }
                current = each.prototype
            }
            return .boolean(false)
        }
        defineMethod(objectPrototype, "toString") { _, this, _, _ in
            switch this {
            case .undefined: return .string("[object Undefined]")
            case .null: return .string("[object Null]")
            case .object(let object):
                if object.isArray { return .string("[object Array]") }
                if object.function != nil { return .string("[object Function]") }
                if case .error = object.kind { return .string("[object Error]") }
                if case .date = object.kind { return .string("[object Date]") }
                return .string("[object Object]")
            case .string: return .string("[object String]")
            case .number: return .string("[object Number]")
            case .boolean: return .string("[object Boolean]")
            }
        }
        defineMethod(objectPrototype, "toLocaleString") { interpreter, this, _, _ in
            .string(try interpreter.toString(this))
        }
        defineMethod(objectPrototype, "valueOf") { _, this, _, _ in this }
    }

    private func installFunctionPrototype() {
        functionPrototype.setHidden("constructor", .object(makeFunction("Function", length: 1) { interpreter, _, _, _ in
            throw interpreter.throwError("EvalError", "Code generation from strings disallowed for this context")
        }))
        defineMethod(functionPrototype, "call", length: 1) { interpreter, this, arguments, _ in
            try interpreter.call(this, this: arguments[argument: 0], arguments: Array(arguments.dropFirst()))
        }
        defineMethod(functionPrototype, "apply", length: 2) { interpreter, this, arguments, _ in
            let list: [JSValue]
            switch arguments[argument: 1] {
            case .object(let object): list = object.elements
            default: list = []
            }
            return try interpreter.call(this, this: arguments[argument: 0], arguments: list)
        }
        defineMethod(functionPrototype, "bind", length: 1) { interpreter, this, arguments, _ in
            guard case .object(let target) = this, target.function != nil else {
                throw interpreter.throwError("TypeError", "Bind must be called on a function")
            }
            let bound = FunctionKind.bound(target: target, thisValue: arguments[argument: 0], arguments: Array(arguments.dropFirst()))
            return .object(JSObject(prototype: interpreter.functionPrototype, kind: .function(bound), className: "Function"))
        }
        defineMethod(functionPrototype, "toString") { _, this, _, _ in
            guard case .object(let object) = this, let function = object.function else { return .string("") }
            switch function {
            case .native(let name, _, _): return .string("function \(name)() { [native code] }")
            default: return .string("function \(function.name)() { [code] }")
            }
        }
    }

    private func installGlobalFunctions() {
        defineGlobal("parseInt", .object(makeFunction("parseInt", length: 2) { interpreter, _, arguments, _ in
            let text = try interpreter.toString(arguments[argument: 0]).trimmingJSWhitespace()
            var radix = try interpreter.toNumber(arguments[argument: 1]).safeInteger
            var scalars = Substring(text)
            var sign = 1.0
            if scalars.hasPrefix("-") { sign = -1; scalars = scalars.dropFirst() } else if scalars.hasPrefix("+") { scalars = scalars.dropFirst() }
            if (radix == 0 || radix == 16) && (scalars.hasPrefix("0x") || scalars.hasPrefix("0X")) {
                scalars = scalars.dropFirst(2)
                radix = 16
            }
            if radix == 0 { radix = 10 }
            guard radix >= 2 && radix <= 36 else { return .number(.nan) }
            var value = 0.0
            var any = false
            for scalar in scalars.unicodeScalars {
                let code = Int(scalar.value)
                let digit: Int
                switch scalar {
                case "0"..."9": digit = code - 48
                case "a"..."z": digit = code - 87
                case "A"..."Z": digit = code - 55
                default: digit = 99
                }
                guard digit < radix else { break }
                value = value * Double(radix) + Double(digit)
                any = true
            }
            return .number(any ? sign * value : .nan)
        }))
        defineGlobal("parseFloat", .object(makeFunction("parseFloat", length: 1) { interpreter, _, arguments, _ in
            let text = try interpreter.toString(arguments[argument: 0]).trimmingJSWhitespace()
            return .number(Interpreter.parseFloatPrefix(text))
        }))
        defineGlobal("isNaN", .object(makeFunction("isNaN", length: 1) { interpreter, _, arguments, _ in
            .boolean(try interpreter.toNumber(arguments[argument: 0]).isNaN)
        }))
        defineGlobal("isFinite", .object(makeFunction("isFinite", length: 1) { interpreter, _, arguments, _ in
            .boolean(try interpreter.toNumber(arguments[argument: 0]).isFinite)
        }))
        defineGlobal("encodeURIComponent", .object(makeFunction("encodeURIComponent", length: 1) { interpreter, _, arguments, _ in
            .string(percentEncode(try interpreter.toString(arguments[argument: 0]), keeping: "-_.!~*'()"))
        }))
        defineGlobal("encodeURI", .object(makeFunction("encodeURI", length: 1) { interpreter, _, arguments, _ in
            .string(percentEncode(try interpreter.toString(arguments[argument: 0]), keeping: "-_.!~*'();/?:@&=+$,#"))
        }))
        let decode = makeFunction("decodeURIComponent", length: 1) { interpreter, _, arguments, _ in
            let text = try interpreter.toString(arguments[argument: 0])
            guard let decoded = percentDecode(text) else { throw interpreter.throwError("URIError", "URI malformed") }
            return .string(decoded)
        }
        defineGlobal("decodeURIComponent", .object(decode))
        defineGlobal("decodeURI", .object(decode))
    }

    /// The longest prefix of `text` that reads as a decimal number (parseFloat).
    static func parseFloatPrefix(_ text: String) -> Double {
        if text.hasPrefix("Infinity") || text.hasPrefix("+Infinity") { return .infinity }
        if text.hasPrefix("-Infinity") { return -.infinity }
        var end = text.startIndex
        var best: Double?
        var index = text.startIndex
        while index < text.endIndex {
            index = text.index(after: index)
            let candidate = text[text.startIndex..<index]
            if let last = candidate.last, !"0123456789.eE+-".contains(last) { break }
            if let value = Double(candidate), !candidate.hasSuffix("e"), !candidate.hasSuffix("E") {
                best = value
                end = index
            }
        }
        _ = end
        return best ?? .nan
    }
}

func percentEncode(_ text: String, keeping safe: String) -> String {
    var result = ""
    for byte in text.utf8 {
        let scalar = Unicode.Scalar(byte)
        if (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || safe.unicodeScalars.contains(scalar) {
            result.unicodeScalars.append(scalar)
        } else {
            let hex = String(byte, radix: 16, uppercase: true)
            result += "%" + (hex.count == 1 ? "0" + hex : hex)
        }
    }
    return result
}

func percentDecode(_ text: String) -> String? {
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var index = 0
    while index < utf8.count {
        if utf8[index] == 37 {
            guard index + 2 < utf8.count, let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
            index += 3
        } else {
            bytes.append(utf8[index])
            index += 1
        }
    }
    return String(validating: bytes, as: UTF8.self)
}
