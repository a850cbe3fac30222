extension Interpreter {
    func installErrors() {
        let base = JSObject(prototype: objectPrototype, className: "Error")
        base.hiddenKeys = []
        errorPrototypes["Error"] = base
        for type in ["Error", "TypeError", "ReferenceError", "SyntaxError", "RangeError", "EvalError", "URIError"] {
            let prototype = type == "Error" ? base : JSObject(prototype: base, className: type)
            prototype.hiddenKeys = []
            prototype.setHidden("name", .string(type))
            prototype.setHidden("message", .string(""))
            errorPrototypes[type] = prototype
            let constructor = defineConstructor(type, prototype: prototype) { interpreter, _, arguments, _ in
                var message = ""
                if case .undefined = arguments[argument: 0] {} else { message = try interpreter.toString(arguments[0]) }
                let error = interpreter.makeError(type, message)
                if message.isEmpty, case .object(let object) = error { object.removeOwn("message") }
                return error
            }
            if type == "Error" {
                defineMethod(constructor, "captureStackTrace", length: 1) { interpreter, _, arguments, _ in
                    if case .object(let target) = arguments[argument: 0] {
                        let name = try interpreter.toString(try interpreter.getProperty(.object(target), "name"))
                        let message = try interpreter.toString(try interpreter.getProperty(.object(target), "message"))
                        target.setHidden("stack", .string(interpreter.captureStack(header: message.isEmpty ? name : "\(name): \(message)", at: nil)))
                    }
                    return .undefined
                }
                constructor.setHidden("stackTraceLimit", .number(10))
            }
        }
        defineMethod(base, "toString") { interpreter, this, _, _ in
            let name = try interpreter.getProperty(this, "name")
            let message = try interpreter.getProperty(this, "message")
            let nameText = name.isNullish ? "Error" : try interpreter.toString(name)
            let messageText = message.isNullish ? "" : try interpreter.toString(message)
            if messageText.isEmpty { return .string(nameText) }
            if nameText.isEmpty { return .string(messageText) }
            return .string("\(nameText): \(messageText)")
        }
    }

    func installJSON() {
        let json = JSObject(prototype: objectPrototype, className: "JSON")
        json.hiddenKeys = []
        defineMethod(json, "stringify", length: 3) { interpreter, _, arguments, _ in
            var indent = ""
            switch arguments[argument: 2] {
            case .number(let count): indent = String(repeating: " ", count: max(0, min(10, count.safeInteger)))
            case .string(let text): indent = String(text.prefix(10))
            default: break
            }
            let replacer = arguments[argument: 1].asObject.flatMap { $0.function != nil ? $0 : nil }
            var allowed: Set<String>?
            if case .object(let list) = arguments[argument: 1], list.isArray {
                allowed = Set(try list.elements.map { try interpreter.toString($0) })
            }
            var stack: [JSObject] = []
            let wrapper = interpreter.newObject()
            wrapper.setOwn("", arguments[argument: 0])
            guard let text = try interpreter.stringify(arguments[argument: 0], key: "", holder: wrapper, indent: indent, currentIndent: "",
                                                       replacer: replacer, allowed: allowed, stack: &stack) else { return .undefined }
            return .string(text)
        }
        defineMethod(json, "parse", length: 2) { interpreter, _, arguments, _ in
            let text = try interpreter.toString(arguments[argument: 0])
            var parser = JSONTextParser(text: Array(text.unicodeScalars), interpreter: interpreter)
            return try parser.parseDocument()
        }
        defineGlobal("JSON", .object(json))
    }

    static func quoteJSON(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    func stringify(_ input: JSValue, key: String, holder: JSObject, indent: String, currentIndent: String,
                   replacer: JSObject?, allowed: Set<String>?, stack: inout [JSObject]) throws -> String? {
        try checkStack()
        var value = input
        if case .object = value {
            let toJSON = try getProperty(value, "toJSON")
            if case .object(let function) = toJSON, function.function != nil {
                value = try call(function, this: value, arguments: [.string(key)], newTarget: nil)
            }
        }
        if let replacer {
            value = try call(replacer, this: .object(holder), arguments: [.string(key), value], newTarget: nil)
        }
        switch value {
        case .null: return "null"
        case .boolean(let flag): return flag ? "true" : "false"
        case .number(let number): return number.isFinite ? JSNumberFormatter.string(number) : "null"
        case .string(let text): return Interpreter.quoteJSON(text)
        case .undefined: return nil
        case .object(let object):
            switch object.kind {
            case .function: return nil
            case .boxedString(let text): return Interpreter.quoteJSON(text)
            case .boxedNumber(let number): return number.isFinite ? JSNumberFormatter.string(number) : "null"
            case .boxedBoolean(let flag): return flag ? "true" : "false"
            default: break
            }
            if stack.contains(where: { $0 === object }) {
                throw throwError("TypeError", "Converting circular structure to JSON")
            }
            stack.append(object)
            defer { stack.removeLast() }
            let innerIndent = currentIndent + indent
            var parts: [String] = []
            if object.isArray {
                for (index, element) in object.elements.enumerated() {
                    parts.append(try stringify(element, key: String(index), holder: object, indent: indent, currentIndent: innerIndent,
                                               replacer: replacer, allowed: allowed, stack: &stack) ?? "null")
                }
                if parts.isEmpty { return "[]" }
                if indent.isEmpty { return "[" + parts.joined(separator: ",") + "]" }
                return "[\n" + innerIndent + parts.joined(separator: ",\n" + innerIndent) + "\n" + currentIndent + "]"
            }
            for property in object.enumerableKeys {
                if let allowed, !allowed.contains(property) { continue }
                let element = try getProperty(value, property)
                guard let text = try stringify(element, key: property, holder: object, indent: indent, currentIndent: innerIndent,
                                               replacer: replacer, allowed: allowed, stack: &stack) else { continue }
                parts.append(Interpreter.quoteJSON(property) + (indent.isEmpty ? ":" : ": ") + text)
            }
            if parts.isEmpty { return "{}" }
            if indent.isEmpty { return "{" + parts.joined(separator: ",") + "}" }
            return "{\n" + innerIndent + parts.joined(separator: ",\n" + innerIndent) + "\n" + currentIndent + "}"
        }
    }
}

/// JSON.parse, with V8's "Unexpected token … in JSON at position …" errors.
private struct JSONTextParser {
    let text: [Unicode.Scalar]
    let interpreter: Interpreter
    var index = 0

    init(text: [Unicode.Scalar], interpreter: Interpreter) {
        self.text = text
        self.interpreter = interpreter
    }

    func fail() -> JSThrow {
        if index >= text.count { return interpreter.throwError("SyntaxError", "Unexpected end of JSON input") }
        return interpreter.throwError("SyntaxError", "Unexpected token \(text[index]) in JSON at position \(index)")
    }

    mutating func skipSpace() {
        while index < text.count, text[index] == " " || text[index] == "\n" || text[index] == "\t" || text[index] == "\r" { index += 1 }
    }

    mutating func parseDocument() throws -> JSValue {
        let value = try parseValue()
        skipSpace()
        if index < text.count { throw fail() }
        return value
    }

    mutating func expectWord(_ word: String, _ value: JSValue) throws -> JSValue {
        for scalar in word.unicodeScalars {
            guard index < text.count, text[index] == scalar else { throw fail() }
            index += 1
        }
        return value
    }

    mutating func parseValue() throws -> JSValue {
        try interpreter.checkStack()
        skipSpace()
        guard index < text.count else { throw fail() }
        switch text[index] {
        case "{":
            index += 1
            let object = interpreter.newObject()
            skipSpace()
            if index < text.count, text[index] == "}" { index += 1; return .object(object) }
            while true {
                skipSpace()
                guard index < text.count, text[index] == "\"" else { throw fail() }
                let key = try parseString()
                skipSpace()
                guard index < text.count, text[index] == ":" else { throw fail() }
                index += 1
                object.setOwn(key, try parseValue())
                skipSpace()
                guard index < text.count else { throw fail() }
                if text[index] == "," { index += 1; continue }
                if text[index] == "}" { index += 1; return .object(object) }
                throw fail()
            }
        case "[":
            index += 1
            var elements: [JSValue] = []
            skipSpace()
            if index < text.count, text[index] == "]" { index += 1; return .object(interpreter.newArray(elements)) }
            while true {
                elements.append(try parseValue())
                skipSpace()
                guard index < text.count else { throw fail() }
                if text[index] == "," { index += 1; continue }
                if text[index] == "]" { index += 1; return .object(interpreter.newArray(elements)) }
                throw fail()
            }
        case "\"": return .string(try parseString())
        case "t": return try expectWord("true", .boolean(true))
        case "f": return try expectWord("false", .boolean(false))
        case "n": return try expectWord("null", .null)
        default:
            let start = index
            if text[index] == "-" { index += 1 }
            guard index < text.count, text[index] >= "0" && text[index] <= "9" else { throw fail() }
            while index < text.count, "0123456789.eE+-".unicodeScalars.contains(text[index]) { index += 1 }
            let literal = String(String.UnicodeScalarView(text[start..<index]))
            guard let number = Double(literal) else { index = start; throw fail() }
            return .number(number)
        }
    }

    mutating func parseString() throws -> String {
        index += 1
        var result = ""
        while index < text.count {
            let scalar = text[index]
            index += 1
            switch scalar {
            case "\"": return result
            case "\\":
                guard index < text.count else { throw fail() }
                let escaped = text[index]
                index += 1
                switch escaped {
                case "n": result += "\n"
                case "t": result += "\t"
                case "r": result += "\r"
                case "b": result += "\u{08}"
                case "f": result += "\u{0C}"
                case "u":
                    guard index + 4 <= text.count, var value = UInt32(String(String.UnicodeScalarView(text[index..<(index + 4)])), radix: 16) else { throw fail() }
                    index += 4
                    if value >= 0xD800, value < 0xDC00, index + 6 <= text.count, text[index] == "\\", text[index + 1] == "u",
                       let low = UInt32(String(String.UnicodeScalarView(text[(index + 2)..<(index + 6)])), radix: 16) {
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                    result.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                case "\"", "\\", "/": result.unicodeScalars.append(escaped)
                default:
                    index -= 1
                    throw fail()
                }
            default:
                if scalar.value < 0x20 {
                    index -= 1
                    throw fail()
                }
                result.unicodeScalars.append(scalar)
            }
        }
        throw fail()
    }
}
