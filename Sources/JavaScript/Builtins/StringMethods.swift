extension Interpreter {
    func installString() {
        let string = defineConstructor("String", prototype: stringPrototype) { interpreter, _, arguments, isConstruct in
            let text = arguments.isEmpty ? "" : try interpreter.toString(arguments[0])
            if isConstruct { return .object(JSObject(prototype: interpreter.stringPrototype, kind: .boxedString(text), className: "String")) }
            return .string(text)
        }
        defineMethod(string, "fromCharCode", length: 1) { interpreter, _, arguments, _ in
            let units = try arguments.map { UInt16(truncatingIfNeeded: Int(Interpreter.toInt32(try interpreter.toNumber($0)))) }
            return .string(String(decoding: units, as: UTF16.self))
        }
        let p = stringPrototype
        func method(_ name: String, length: Int = 0, _ body: @escaping (Interpreter, String, [JSValue]) throws -> JSValue) {
            defineMethod(p, name, length: length) { interpreter, this, arguments, _ in
                if this.isNullish {
                    throw interpreter.throwError("TypeError", "String.prototype.\(name) called on null or undefined")
                }
                return try body(interpreter, try interpreter.toString(this), arguments)
            }
        }
        method("toString") { _, text, _ in .string(text) }
        method("valueOf") { _, text, _ in .string(text) }
        method("charAt", length: 1) { interpreter, text, arguments in
            let units = Array(text.utf16)
            let index = Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[argument: 0])).clamped)
            return .string(index >= 0 && index < units.count ? String(decoding: [units[index]], as: UTF16.self) : "")
        }
        method("charCodeAt", length: 1) { interpreter, text, arguments in
            let units = Array(text.utf16)
            let index = Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[argument: 0])).clamped)
            return .number(index >= 0 && index < units.count ? Double(units[index]) : .nan)
        }
        method("codePointAt", length: 1) { interpreter, text, arguments in
            let scalars = Array(text.unicodeScalars)
            let index = Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[argument: 0])).clamped)
            return index >= 0 && index < scalars.count ? .number(Double(scalars[index].value)) : .undefined
        }
        method("indexOf", length: 1) { interpreter, text, arguments in
            let needle = Array(try interpreter.toString(arguments[argument: 0]).utf16)
            let units = Array(text.utf16)
            let start = min(units.count, max(0, Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[argument: 1])).clamped)))
            return .number(Double(Interpreter.find(needle, in: units, from: start) ?? -1))
        }
        method("lastIndexOf", length: 1) { interpreter, text, arguments in
            let needle = Array(try interpreter.toString(arguments[argument: 0]).utf16)
            let units = Array(text.utf16)
            var last = -1
            var start = 0
            while let found = Interpreter.find(needle, in: units, from: start) {
                last = found
                start = found + 1
                if start > units.count { break }
            }
            return .number(Double(last))
        }
        method("includes", length: 1) { interpreter, text, arguments in
            let needle = Array(try interpreter.toString(arguments[argument: 0]).utf16)
            return .boolean(Interpreter.find(needle, in: Array(text.utf16), from: 0) != nil)
        }
        method("startsWith", length: 1) { interpreter, text, arguments in
            let units = Array(text.utf16)
            let start = min(units.count, max(0, Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[argument: 1])).clamped)))
            return .boolean(units[start...].starts(with: try interpreter.toString(arguments[argument: 0]).utf16))
        }
        method("endsWith", length: 1) { interpreter, text, arguments in
            var units = Array(text.utf16)
            if case .number(let end) = arguments[argument: 1] { units = Array(units.prefix(max(0, Int(end.clamped)))) }
            let suffix = Array(try interpreter.toString(arguments[argument: 0]).utf16)
            return .boolean(units.count >= suffix.count && Array(units.suffix(suffix.count)) == suffix)
        }
        method("slice", length: 2) { interpreter, text, arguments in
            let units = Array(text.utf16)
            let (start, end) = try interpreter.sliceBounds(arguments, count: units.count)
            return .string(start < end ? String(decoding: units[start..<end], as: UTF16.self) : "")
        }
        method("substring", length: 2) { interpreter, text, arguments in
            let units = Array(text.utf16)
            func clamp(_ value: JSValue, _ fallback: Int) throws -> Int {
                if case .undefined = value { return fallback }
                return min(units.count, max(0, Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(value)).clamped)))
            }
            let a = try clamp(arguments[argument: 0], 0)
            let b = try clamp(arguments[argument: 1], units.count)
            return .string(String(decoding: units[min(a, b)..<max(a, b)], as: UTF16.self))
        }
        method("substr", length: 2) { interpreter, text, arguments in
            let units = Array(text.utf16)
            let start = try interpreter.relativeIndex(arguments[argument: 0], count: units.count, defaultValue: 0)
            var length = units.count - start
            if case .undefined = arguments[argument: 1] {} else {
                length = min(length, max(0, Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[1])).clamped)))
            }
            return .string(length > 0 ? String(decoding: units[start..<(start + length)], as: UTF16.self) : "")
        }
        method("toUpperCase") { _, text, _ in .string(text.uppercased()) }
        method("toLowerCase") { _, text, _ in .string(text.lowercased()) }
        method("toLocaleUpperCase") { _, text, _ in .string(text.uppercased()) }
        method("toLocaleLowerCase") { _, text, _ in .string(text.lowercased()) }
        method("trim") { _, text, _ in .string(text.trimmingJSWhitespace()) }
        method("trimLeft") { _, text, _ in .string(String(text.drop { $0.isWhitespace })) }
        method("trimRight") { _, text, _ in .string(String(text.reversed().drop { $0.isWhitespace }.reversed())) }
        method("repeat", length: 1) { interpreter, text, arguments in
            let count = try interpreter.toNumber(arguments[argument: 0])
            guard count >= 0, count.isFinite else { throw interpreter.throwError("RangeError", "Invalid count value") }
            guard count * Double(text.utf16.count) < 268_435_440 else { throw interpreter.throwError("RangeError", "Invalid string length") }
            return .string(String(repeating: text, count: Int(count)))
        }
        let pad: (Bool) -> (Interpreter, String, [JSValue]) throws -> JSValue = { atStart in
            { interpreter, text, arguments in
                let target = Int(Interpreter.toIntegerOrInfinity(try interpreter.toNumber(arguments[argument: 0])).clamped)
                var filler = " "
                if case .undefined = arguments[argument: 1] {} else { filler = try interpreter.toString(arguments[1]) }
                let length = text.utf16.count
                guard target > length, !filler.isEmpty else { return .string(text) }
                guard target < 268_435_440 else { throw interpreter.throwError("RangeError", "Invalid string length") }
                var padding = ""
                while padding.utf16.count < target - length { padding += filler }
                let cut = String(decoding: Array(padding.utf16).prefix(target - length), as: UTF16.self)
                return .string(atStart ? cut + text : text + cut)
            }
        }
        method("padStart", length: 2, pad(true))
        method("padEnd", length: 2, pad(false))
        method("concat", length: 1) { interpreter, text, arguments in
            .string(text + (try arguments.map { try interpreter.toString($0) }.joined()))
        }
        method("split", length: 2) { interpreter, text, arguments in
            var limit = Int.max
            if case .number(let value) = arguments[argument: 1] { limit = Int(value.clamped) }
            let separator = arguments[argument: 0]
            var parts: [String]
            if case .undefined = separator {
                parts = [text]
            } else if case .object(let object) = separator, case .regex(let program) = object.kind {
                parts = interpreter.splitRegex(text, program)
            } else {
                let needle = try interpreter.toString(separator)
                if needle.isEmpty {
                    parts = text.utf16.map { String(decoding: [$0], as: UTF16.self) }
                } else {
                    parts = text.components(separatedBy: needle)
                }
            }
            return .object(interpreter.newArray(parts.prefix(max(0, limit)).map { .string($0) }))
        }
        method("replace", length: 2) { interpreter, text, arguments in
            try interpreter.replace(text, arguments[argument: 0], arguments[argument: 1], all: false)
        }
        method("replaceAll", length: 2) { interpreter, text, arguments in
            try interpreter.replace(text, arguments[argument: 0], arguments[argument: 1], all: true)
        }
        method("match", length: 1) { interpreter, text, arguments in
            let program = try interpreter.regexArgument(arguments[argument: 0])
            return try interpreter.match(text, program)
        }
        method("search", length: 1) { interpreter, text, arguments in
            let program = try interpreter.regexArgument(arguments[argument: 0])
            let scalars = Array(text.unicodeScalars)
            return .number(Double(program.firstMatch(in: scalars, from: 0).map { Interpreter.utf16Offset(scalars, $0.range.lowerBound) } ?? -1))
        }
        method("localeCompare", length: 1) { interpreter, text, arguments in
            let other = try interpreter.toString(arguments[argument: 0])
            return .number(text == other ? 0 : (text < other ? -1 : 1))
        }
        method("normalize") { _, text, _ in .string(text) }
    }

    static func find(_ needle: [UInt16], in units: [UInt16], from start: Int) -> Int? {
        if needle.isEmpty { return start <= units.count ? start : nil }
        guard units.count >= needle.count, start <= units.count - needle.count else { return nil }
        var index = start
        while index <= units.count - needle.count {
            if units[index] == needle[0] && units[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    static func utf16Offset(_ scalars: [Unicode.Scalar], _ scalarOffset: Int) -> Int {
        var offset = 0
        for scalar in scalars.prefix(scalarOffset) { offset += scalar.value > 0xFFFF ? 2 : 1 }
        return offset
    }
}

extension String {
    func components(separatedBy separator: String) -> [String] {
        var parts: [String] = []
        var remainder = self[...]
        while let range = remainder.range(of: separator) {
            parts.append(String(remainder[..<range.lowerBound]))
            remainder = remainder[range.upperBound...]
        }
        parts.append(String(remainder))
        return parts
    }
}
