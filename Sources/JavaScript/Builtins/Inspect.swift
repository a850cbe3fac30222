/// node 7's `util.inspect` and `util.format`, as `console.log` uses them.
extension Interpreter {
    public func inspect(_ value: JSValue, depth: Int = 2) -> String {
        var seen: [JSObject] = []
        return (try? formatValue(value, recurseTimes: depth, seen: &seen)) ?? "[object]"
    }

    static func quoteForInspect(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": result += "\\'"
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "'"
    }

    private func formatPrimitive(_ value: JSValue) -> String? {
        switch value {
        case .undefined: return "undefined"
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number): return number == 0 && number.sign == .minus ? "-0" : JSNumberFormatter.string(number)
        case .string(let text): return Interpreter.quoteForInspect(text)
        case .object: return nil
        }
    }

    private func errorText(_ object: JSObject) -> String {
        if case .string(let stack)? = object.ownValue("stack"), !stack.isEmpty { return stack }
        let text = (try? toString(try call(try getProperty(errorPrototypes["Error"].map { JSValue.object($0) } ?? .undefined, "toString"),
                                           this: .object(object)))) ?? "Error"
        return "[\(text)]"
    }

    func formatValue(_ value: JSValue, recurseTimes: Int, seen: inout [JSObject]) throws -> String {
        if let primitive = formatPrimitive(value) { return primitive }
        guard case .object(let object) = value else { return "" }
        let keys = object.enumerableKeys.filter { !(object.isArray && arrayIndex($0) != nil) }
        var base = ""
        var braces = ("{", "}")
        let isArray = object.isArray

        switch object.kind {
        case .function(let function):
            let name = function.name.isEmpty ? (object.ownValue("name").flatMap { if case .string(let s) = $0 { return s } else { return nil } } ?? "") : function.name
            base = name.isEmpty ? "[Function]" : "[Function: \(name)]"
            if keys.isEmpty || object === globalObject { return base }
        case .regex(let program):
            base = "/\(program.source)/\(program.flags)"
            if keys.isEmpty { return base }
        case .date(let time):
            base = time.isNaN ? "Invalid Date" : DateFields(milliseconds: time).isoString
            if keys.isEmpty { return base }
        case .error:
            base = errorText(object)
            if keys.isEmpty { return base }
        case .boxedString(let text):
            base = "[String: \(Interpreter.quoteForInspect(text))]"
            if keys.isEmpty { return base }
        case .boxedNumber(let number):
            base = "[Number: \(JSNumberFormatter.string(number))]"
            if keys.isEmpty { return base }
        case .boxedBoolean(let flag):
            base = "[Boolean: \(flag)]"
            if keys.isEmpty { return base }
        default: break
        }
        if let storage = object.bufferStorage {
            // node 7: `<Buffer 68 69>`, at most 50 bytes shown.
            let shown = storage.bytes.prefix(50).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
            let more = storage.bytes.count > 50 ? " ... " : ""
            return "<Buffer" + (shown.isEmpty ? "" : " " + shown) + more + ">"
        }
        if case .host(let host) = object.kind, let storage = host as? CollectionStorage {
            return try formatCollection(storage, object.className, recurseTimes: recurseTimes, seen: &seen)
        }
        if isArray { braces = ("[", "]") }
        let constructorName = object.prototype == nil ? "" : object.constructorName
        if !isArray, constructorName != "Object", base.isEmpty, !constructorName.isEmpty {
            braces.0 = "\(constructorName) {"
        } else if isArray, constructorName != "Array", object.className != "Arguments" {
            braces.0 = "\(constructorName) ["
        }
        if keys.isEmpty && (!isArray || object.elements.isEmpty) {
            if !base.isEmpty { return "\(braces.0) \(base) \(braces.1)" }
            return braces.0 + braces.1
        }
        if recurseTimes < 0 {
            if case .regex(let program) = object.kind { return "/\(program.source)/\(program.flags)" }
            return isArray ? "[Array]" : "[Object]"
        }
        seen.append(object)
        defer { seen.removeLast() }

        var output: [String] = []
        if isArray {
            let elements = object.elements
            for element in elements.prefix(100) {
                output.append(try formatProperty(element, key: nil, inArray: true, recurseTimes: recurseTimes, seen: &seen))
            }
            if elements.count > 100 {
                output.append("... \(elements.count - 100) more item\(elements.count - 100 > 1 ? "s" : "")")
            }
        }
        for key in keys {
            if let accessor = object.accessors?[key] {
                let label = accessor.getter != nil || accessor.nativeGetter != nil
                    ? (accessor.setter != nil ? "[Getter/Setter]" : "[Getter]") : "[Setter]"
                output.append("\(Interpreter.formatKey(key)): \(label)")
                continue
            }
            let element = object.ownValue(key) ?? .undefined
            output.append("\(Interpreter.formatKey(key)): " + (try formatProperty(element, key: key, inArray: false, recurseTimes: recurseTimes, seen: &seen)))
        }
        if !base.isEmpty { base = " " + base }
        return Interpreter.reduceToSingleString(output, base: base, braces: braces)
    }

    /// node 7 shows `Map { 'a' => 1 }` and `Set { 1, 2 }`.
    private func formatCollection(_ storage: CollectionStorage, _ name: String, recurseTimes: Int, seen: inout [JSObject]) throws -> String {
        let entries = storage.live
        if entries.isEmpty { return "\(name) {}" }
        if recurseTimes < 0 { return "[\(name)]" }
        var output: [String] = []
        for entry in entries {
            let key = try formatProperty(entry.key, key: nil, inArray: true, recurseTimes: recurseTimes, seen: &seen)
            if storage.isSet {
                output.append(key)
            } else {
                output.append(key + " => " + (try formatProperty(entry.value, key: nil, inArray: true, recurseTimes: recurseTimes, seen: &seen)))
            }
        }
        return Interpreter.reduceToSingleString(output, base: "", braces: ("\(name) {", "}"))
    }

    private func formatProperty(_ value: JSValue, key: String?, inArray: Bool, recurseTimes: Int, seen: inout [JSObject]) throws -> String {
        if case .object(let object) = value, seen.contains(where: { $0 === object }) { return "[Circular]" }
        var text = try formatValue(value, recurseTimes: recurseTimes - 1, seen: &seen)
        if text.contains("\n") {
            text = text.replacingOccurrences(of: "\n", with: inArray ? "\n  " : "\n   ")
        }
        return text
    }

    static func formatKey(_ key: String) -> String {
        var valid = !key.isEmpty
        for (index, scalar) in key.unicodeScalars.enumerated() {
            let letter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
            let digit = scalar >= "0" && scalar <= "9"
            if !(letter || (digit && index > 0)) { valid = false; break }
        }
        return valid ? key : quoteForInspect(key)
    }

    static func reduceToSingleString(_ output: [String], base: String, braces: (String, String)) -> String {
        let length = output.reduce(0) { $0 + $1.utf16.count + 1 }
        if length > 60 {
            let opening = base.isEmpty && braces.0.count == 1 ? "" : base + "\n "
            return braces.0 + opening + " " + output.joined(separator: ",\n  ") + " " + braces.1
        }
        return braces.0 + base + " " + output.joined(separator: ", ") + " " + braces.1
    }

    /// `util.format`: printf-like `%s %d %i %f %j %%`, then the remaining arguments inspected.
    public func format(_ arguments: [JSValue]) throws -> String {
        guard case .string(let template)? = arguments.first else {
            return try arguments.map { try formatArgument($0) }.joined(separator: " ")
        }
        var result = ""
        var next = 1
        var characters = template.unicodeScalars.makeIterator()
        while let scalar = characters.next() {
            guard scalar == "%" else { result.unicodeScalars.append(scalar); continue }
            guard let code = characters.next() else { result += "%"; break }
            switch code {
            case "%": result += "%"
            case "s", "d", "i", "f", "j", "o", "O":
                guard next < arguments.count else { result += "%" + String(code); continue }
                let argument = arguments[next]
                next += 1
                switch code {
                case "s": result += try toString(argument)
                case "d": result += JSNumberFormatter.string(try toNumber(argument))
                case "i": result += JSNumberFormatter.string(Interpreter.toIntegerOrInfinity(try toNumber(argument)))
                case "f": result += JSNumberFormatter.string(Interpreter.parseFloatPrefix(try toString(argument)))
                case "j":
                    var stack: [JSObject] = []
                    let holder = newObject()
                    do {
                        result += try stringify(argument, key: "", holder: holder, indent: "", currentIndent: "", replacer: nil, allowed: nil, stack: &stack) ?? "undefined"
                    } catch {
                        result += "[Circular]"
                    }
                default: result += inspect(argument)
                }
            default:
                result += "%" + String(code)
            }
        }
        for argument in arguments.dropFirst(next) {
            result += " " + (try formatArgument(argument))
        }
        return result
    }

    private func formatArgument(_ value: JSValue) throws -> String {
        switch value {
        case .string(let text): return text
        case .object: return inspect(value)
        default: return try toString(value)
        }
    }

    func installConsole() {
        let console = JSObject(prototype: objectPrototype, className: "Console")
        console.hiddenKeys = []
        let toOutput: NativeFunction = { interpreter, _, arguments, _ in
            interpreter.standardOutput(try interpreter.format(arguments) + "\n")
            return .undefined
        }
        let toError: NativeFunction = { interpreter, _, arguments, _ in
            interpreter.standardError(try interpreter.format(arguments) + "\n")
            return .undefined
        }
        for name in ["log", "info", "debug"] { defineMethod(console, name, toOutput) }
        for name in ["error", "warn", "trace"] { defineMethod(console, name, toError) }
        defineMethod(console, "dir", length: 1) { interpreter, _, arguments, _ in
            interpreter.standardOutput(interpreter.inspect(arguments[argument: 0]) + "\n")
            return .undefined
        }
        defineGlobal("console", .object(console))
    }
}
