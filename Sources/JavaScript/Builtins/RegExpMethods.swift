extension Interpreter {
    func installRegExp() {
        defineConstructor("RegExp", prototype: regexPrototype, length: 2) { interpreter, _, arguments, _ in
            if case .object(let object) = arguments[argument: 0], case .regex(let program) = object.kind {
                return try interpreter.makeRegex(pattern: program.source, flags: program.flags, at: nil)
            }
            let pattern = try interpreter.toString(arguments[argument: 0])
            var flags = ""
            if case .undefined = arguments[argument: 1] {} else { flags = try interpreter.toString(arguments[1]) }
            return try interpreter.makeRegex(pattern: pattern, flags: flags, at: nil)
        }
        defineMethod(regexPrototype, "test", length: 1) { interpreter, this, arguments, _ in
            guard case .object(let object) = this, case .regex(let program) = object.kind else { return .boolean(false) }
            let text = try interpreter.toString(arguments[argument: 0])
            return .boolean(try interpreter.exec(object, program, text) != nil)
        }
        defineMethod(regexPrototype, "exec", length: 1) { interpreter, this, arguments, _ in
            guard case .object(let object) = this, case .regex(let program) = object.kind else { return .null }
            let text = try interpreter.toString(arguments[argument: 0])
            guard let (match, scalars) = try interpreter.exec(object, program, text) else { return .null }
            return .object(interpreter.matchArray(match, scalars, text))
        }
        defineMethod(regexPrototype, "toString") { interpreter, this, _, _ in
            guard case .object(let object) = this, case .regex(let program) = object.kind else { return .string("/(?:)/") }
            _ = interpreter
            return .string("/\(program.source)/\(program.flags)")
        }
    }

    func makeRegex(pattern: String, flags: String, at position: SourcePosition?) throws -> JSValue {
        do {
            let program = try RegexProgram(pattern: pattern, flags: flags)
            let object = JSObject(prototype: regexPrototype, kind: .regex(program), className: "RegExp")
            object.setHidden("lastIndex", .number(0))
            object.setHidden("source", .string(pattern))
            object.setHidden("flags", .string(flags))
            object.setHidden("global", .boolean(program.global))
            object.setHidden("ignoreCase", .boolean(program.ignoreCase))
            object.setHidden("multiline", .boolean(program.multiline))
            return .object(object)
        } catch {
            throw throwError("SyntaxError", "Invalid regular expression: /\(pattern)/: \(error.message)", at: position)
        }
    }

    /// Runs a regex once, honouring and updating `lastIndex` for global regexes.
    func exec(_ object: JSObject, _ program: RegexProgram, _ text: String) throws -> (RegexProgram.Match, [Unicode.Scalar])? {
        let scalars = Array(text.unicodeScalars)
        var start = 0
        if program.global { start = max(0, try toNumber(object.ownValue("lastIndex") ?? .number(0)).safeInteger) }
        guard start <= scalars.count, let match = program.firstMatch(in: scalars, from: start) else {
            if program.global { object.setOwn("lastIndex", .number(0)) }
            return nil
        }
        if program.global {
            object.setOwn("lastIndex", .number(Double(match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound)))
        }
        return (match, scalars)
    }

    func matchArray(_ match: RegexProgram.Match, _ scalars: [Unicode.Scalar], _ text: String) -> JSObject {
        let groups: [JSValue] = match.groups.map { range in
            range.map { .string(String(String.UnicodeScalarView(scalars[$0]))) } ?? .undefined
        }
        let array = newArray(groups)
        array.setOwn("index", .number(Double(Interpreter.utf16Offset(scalars, match.range.lowerBound))))
        array.setOwn("input", .string(text))
        return array
    }

    func regexArgument(_ value: JSValue) throws -> RegexProgram {
        if case .object(let object) = value, case .regex(let program) = object.kind { return program }
        let pattern = try toString(value)
        do {
            return try RegexProgram(pattern: pattern, flags: "")
        } catch {
            throw throwError("SyntaxError", "Invalid regular expression: /\(pattern)/: \(error.message)")
        }
    }

    func match(_ text: String, _ program: RegexProgram) throws -> JSValue {
        let scalars = Array(text.unicodeScalars)
        if !program.global {
            guard let found = program.firstMatch(in: scalars, from: 0) else { return .null }
            return .object(matchArray(found, scalars, text))
        }
        var results: [JSValue] = []
        var start = 0
        while start <= scalars.count, let found = program.firstMatch(in: scalars, from: start) {
            results.append(.string(String(String.UnicodeScalarView(scalars[found.range]))))
            start = found.range.isEmpty ? found.range.upperBound + 1 : found.range.upperBound
        }
        return results.isEmpty ? .null : .object(newArray(results))
    }

    func splitRegex(_ text: String, _ program: RegexProgram) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var last = 0
        var start = 0
        while start < scalars.count, let found = program.firstMatch(in: scalars, from: start) {
            if found.range.isEmpty {
                if found.range.lowerBound >= scalars.count { break }
                if found.range.lowerBound == last { start = found.range.lowerBound + 1; continue }
            }
            parts.append(String(String.UnicodeScalarView(scalars[last..<found.range.lowerBound])))
            for group in found.groups.dropFirst() {
                parts.append(group.map { String(String.UnicodeScalarView(scalars[$0])) } ?? "")
            }
            last = found.range.upperBound
            start = found.range.isEmpty ? found.range.upperBound + 1 : found.range.upperBound
        }
        parts.append(String(String.UnicodeScalarView(scalars[min(last, scalars.count)...])))
        return parts
    }

    /// `String.prototype.replace` with a string or regex pattern and a string or function replacement.
    func replace(_ text: String, _ pattern: JSValue, _ replacement: JSValue, all: Bool) throws -> JSValue {
        let scalars = Array(text.unicodeScalars)
        var program: RegexProgram
        if case .object(let object) = pattern, case .regex(let regex) = object.kind {
            program = regex
        } else {
            let literal = try toString(pattern)
            let escaped = literal.unicodeScalars.map { "\\^$.|?*+()[]{}/".unicodeScalars.contains($0) ? "\\\($0)" : String($0) }.joined()
            do {
                program = try RegexProgram(pattern: escaped, flags: all ? "g" : "")
            } catch {
                return .string(text)
            }
        }
        var result = ""
        var last = 0
        var start = 0
        while start <= scalars.count, let found = program.firstMatch(in: scalars, from: start) {
            result += String(String.UnicodeScalarView(scalars[last..<found.range.lowerBound]))
            let matched = String(String.UnicodeScalarView(scalars[found.range]))
            let groups = found.groups.dropFirst().map { range in range.map { String(String.UnicodeScalarView(scalars[$0])) } }
            if case .object(let function) = replacement, function.function != nil {
                var arguments: [JSValue] = [.string(matched)]
                arguments += groups.map { $0.map { JSValue.string($0) } ?? .undefined }
                arguments += [.number(Double(Interpreter.utf16Offset(scalars, found.range.lowerBound))), .string(text)]
                result += try toString(try call(function, this: .undefined, arguments: arguments, newTarget: nil))
            } else {
                result += expandReplacement(try toString(replacement), matched: matched, groups: groups,
                                            before: String(String.UnicodeScalarView(scalars[..<found.range.lowerBound])),
                                            after: String(String.UnicodeScalarView(scalars[found.range.upperBound...])))
            }
            last = found.range.upperBound
            if !program.global { break }
            start = found.range.isEmpty ? found.range.upperBound + 1 : found.range.upperBound
            if found.range.isEmpty && found.range.lowerBound < scalars.count {
                result += String(scalars[found.range.lowerBound])
                last = found.range.lowerBound + 1
            }
        }
        if last < scalars.count { result += String(String.UnicodeScalarView(scalars[last...])) }
        return .string(result)
    }

    private func expandReplacement(_ template: String, matched: String, groups: [String?], before: String, after: String) -> String {
        guard template.contains("$") else { return template }
        var result = ""
        let characters = Array(template)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "$", index + 1 < characters.count {
                let next = characters[index + 1]
                switch next {
                case "$": result.append("$"); index += 2; continue
                case "&": result += matched; index += 2; continue
                case "`": result += before; index += 2; continue
                case "'": result += after; index += 2; continue
                default:
                    if let digit = next.wholeNumberValue, digit >= 1, digit <= groups.count {
                        result += groups[digit - 1] ?? ""
                        index += 2
                        continue
                    }
                }
            }
            result.append(character)
            index += 1
        }
        return result
    }
}
