import Kernel

extension Shell {
    func export(_ arguments: [String], io: ShellIO) throws -> Int32 {
        var operands = arguments[...]
        var removes = false
        while let first = operands.first, first.hasPrefix("-"), first.count > 1 {
            operands.removeFirst()
            if first == "--" { break }
            if first.contains("n") { removes = true }
        }
        if operands.isEmpty {
            for name in exportedNames.sorted() {
                if let value = variables[name] {
                    try write("declare -x \(name)=\"\(Self.escapedForDoubleQuotes(value))\"\n", to: io.stdout)
                } else {
                    try write("declare -x \(name)\n", to: io.stdout)
                }
            }
            return 0
        }
        return assignAttribute(operands, builtin: "export", io: io) { name in
            if removes { exportedNames.remove(name) } else { exportedNames.insert(name) }
        }
    }

    /// The operand loop `export` and `readonly` share: each `NAME[=VALUE]` is checked, assigned
    /// unless the name is read-only, then given the attribute; the status is 1 if any failed.
    func assignAttribute(_ operands: some Collection<String>, builtin: String, io: ShellIO, mark: (String) -> Void) -> Int32 {
        var status: Int32 = 0
        for operand in operands {
            let (name, value) = Self.splitAssignment(operand)
            guard Self.isValidName(name) else {
                report("\(builtin): `\(operand)': not a valid identifier", io: io)
                status = 1
                continue
            }
            if let value {
                guard !readonlyNames.contains(name) else {
                    report("\(name): readonly variable", io: io)
                    status = 1
                    continue
                }
                variables[name] = value
            }
            mark(name)
        }
        return status
    }

    static func splitAssignment(_ operand: String) -> (String, String?) {
        guard let equals = operand.firstIndex(of: "=") else { return (operand, nil) }
        return (String(operand[..<equals]), String(operand[operand.index(after: equals)...]))
    }

    static func escapedForDoubleQuotes(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\"\\$`".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    func unset(_ arguments: [String], io: ShellIO) -> Int32 {
        var operands = arguments[...]
        var mode: Character?
        while let first = operands.first, first.hasPrefix("-"), first.count > 1 {
            operands.removeFirst()
            mode = first.last
        }
        var status: Int32 = 0
        for name in operands {
            if mode == "f" {
                functions[name] = nil
                continue
            }
            if let (array, arrayIndex) = Self.splitElementReference(name) {
                guard !readonlyNames.contains(array) else {
                    report("unset: \(array): cannot unset: readonly variable", io: io)
                    status = 1
                    continue
                }
                if arrayIndex == "@" || arrayIndex == "*" {
                    unsetVariable(array)
                } else if let index = try? evaluateArithmetic(arrayIndex) {
                    do { try unsetElement(array, at: index) } catch { status = 1 }
                } else {
                    status = 1
                }
                continue
            }
            guard Self.isValidName(name) else {
                report("unset: `\(name)': not a valid identifier", io: io)
                status = 1
                continue
            }
            if variables[name] == nil, !isArray(name), mode != "v", functions[name] != nil {
                functions[name] = nil
            } else if readonlyNames.contains(name) {
                report("unset: \(name): cannot unset: readonly variable", io: io)
                status = 1
            } else if let index = temporaryFrames.lastIndex(where: { $0[name] != nil }), let outer = temporaryFrames[index][name] {
                // Unsetting a temporary binding uncovers the value it hid.
                temporaryFrames[index][name] = nil
                variables[name] = outer.value
                if !outer.wasExported { exportedNames.remove(name) }
            } else {
                unsetVariable(name)
            }
        }
        return status
    }

    func set(_ arguments: [String], io: ShellIO) throws -> Int32 {
        if arguments.isEmpty {
            for name in Set(variables.keys).union(arrays.keys).sorted() {
                let value = isArray(name) ? arrayLiteral(name) : Self.quotedForReuse(variables[name] ?? "")
                try write("\(name)=\(value)\n", to: io.stdout)
            }
            return 0
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                positionalParameters = Array(arguments[(index + 1)...])
                return 0
            }
            guard let sign = argument.first, sign == "-" || sign == "+", argument.count > 1 else { break }
            let enable = sign == "-"
            if argument.dropFirst() == "o" {
                index += 1
                guard index < arguments.count else {
                    try printOptions(asCommands: !enable, io: io)
                    return 0
                }
                guard setOption(named: arguments[index], enable) else {
                    report("set: \(arguments[index]): invalid option name", io: io)
                    return 2
                }
                index += 1
                continue
            }
            for letter in argument.dropFirst() {
                switch letter {
                case "e": options.exitOnError = enable
                case "x": options.traceCommands = enable
                case "u": options.failOnUnset = enable
                case "f": options.noGlobbing = enable
                case "C": options.noClobber = enable
                case "h", "B", "m", "b", "H", "v": continue
                default:
                    report("set: \(sign)\(letter): invalid option", io: io)
                    try? io.stderr.write("set: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n")
                    return 2
                }
            }
            index += 1
        }
        if index < arguments.count { positionalParameters = Array(arguments[index...]) }
        return 0
    }

    func setOption(named option: String, _ enable: Bool) -> Bool {
        switch option {
        case "errexit": options.exitOnError = enable
        case "xtrace": options.traceCommands = enable
        case "nounset": options.failOnUnset = enable
        case "noglob": options.noGlobbing = enable
        case "pipefail": options.pipeFail = enable
        case "noclobber": options.noClobber = enable
        case "monitor", "emacs", "vi", "braceexpand", "hashall", "histexpand", "history", "interactive-comments": break
        default: return false
        }
        return true
    }

    /// `set -o` (bash's `%-15s\t%s` lines) or `set +o` (commands that restore them): bash 4.4's
    /// whole list, with the line-editing and history options on in an interactive shell.
    func printOptions(asCommands: Bool, io: ShellIO) throws {
        let interactive = isInteractive
        let shown: [(String, Bool)] = [
            ("allexport", false), ("braceexpand", true), ("emacs", interactive), ("errexit", options.exitOnError),
            ("errtrace", false), ("functrace", false), ("hashall", true), ("histexpand", interactive),
            ("history", interactive), ("ignoreeof", false), ("interactive-comments", true), ("keyword", false),
            ("monitor", interactive), ("noclobber", options.noClobber), ("noexec", false), ("noglob", options.noGlobbing),
            ("nolog", false), ("notify", false), ("nounset", options.failOnUnset), ("onecmd", false), ("physical", false),
            ("pipefail", options.pipeFail), ("posix", false), ("privileged", false), ("verbose", false), ("vi", false),
            ("xtrace", options.traceCommands),
        ]
        for (option, on) in shown {
            let line = asCommands ? "set \(on ? "-" : "+")o \(option)" : option + String(repeating: " ", count: max(0, 15 - option.count)) + "\t" + (on ? "on" : "off")
            try write(line + "\n", to: io.stdout)
        }
    }

    /// Saves the outer value of `name` in the current function's frame (once).
    func makeLocal(_ name: String) {
        guard var frame = localFrames.popLast() else { return }
        if frame.index(forKey: name) == nil { frame[name] = savedVariable(name) }
        localFrames.append(frame)
    }

    func local(_ arguments: [String], io: ShellIO) -> Int32 {
        guard functionDepth > 0 else {
            report("local: can only be used in a function", io: io)
            return 1
        }
        var status: Int32 = 0
        for operand in arguments where !operand.hasPrefix("-") {
            let (name, value) = Self.splitAssignment(operand)
            guard Self.isValidName(name) else {
                report("local: `\(operand)': not a valid identifier", io: io)
                status = 1
                continue
            }
            guard !readonlyNames.contains(name) else {
                report("local: \(name): readonly variable", io: io)
                status = 1
                continue
            }
            makeLocal(name)
            variables[name] = value
            if arguments.contains(where: { $0.hasPrefix("-") && $0.contains("a") }) {
                arrays[name] = [:]
            } else {
                arrays[name] = nil
            }
        }
        return status
    }

    func shift(_ arguments: [String], io: ShellIO) -> Int32 {
        var count = 1
        if let first = arguments.first {
            guard let number = Int(first), number >= 0 else {
                report("shift: \(first): numeric argument required", io: io)
                return 1
            }
            count = number
        }
        guard count <= positionalParameters.count else { return 1 }
        positionalParameters.removeFirst(count)
        return 0
    }

    func read(_ arguments: [String], io: ShellIO) async throws -> Int32 {
        var raw = false
        var names: [String] = []
        var delimiter: UInt8 = 0x0A
        var limit: Int?
        var arrayName: String?
        var index = 0
        let usage = "read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n"
        // Options bundle as getopt allows (`-rd ''`, `-n1`); those taking a value take the rest
        // of the word or the next argument.
        options: while index < arguments.count {
            let argument = arguments[index]
            if argument == "--", names.isEmpty {
                index += 1
                break options
            }
            guard argument.hasPrefix("-"), argument.count > 1, names.isEmpty else {
                names.append(argument)
                index += 1
                continue
            }
            var letters = Substring(argument.dropFirst())
            while let letter = letters.popFirst() {
                switch letter {
                case "r": raw = true
                case "s", "e": break  // Silent and readline modes change nothing without a terminal.
                case "d", "n", "N", "p", "a":
                    var value = String(letters)
                    letters = ""
                    if value.isEmpty {
                        index += 1
                        guard index < arguments.count else {
                            report("read: -\(letter): option requires an argument", io: io)
                            try? io.stderr.write(usage)
                            return 2
                        }
                        value = arguments[index]
                    }
                    switch letter {
                    case "d": delimiter = value.utf8.first ?? 0
                    case "a": arrayName = value
                    case "p": try? io.stderr.write(value)
                    default:
                        guard let count = Int(value), count >= 0 else {
                            report("read: \(value): invalid number", io: io)
                            return 1
                        }
                        limit = count
                    }
                default:
                    report("read: -\(letter): invalid option", io: io)
                    try? io.stderr.write(usage)
                    return 2
                }
            }
            index += 1
        }
        names += arguments[index...]
        for name in names + (arrayName.map { [$0] } ?? []) where !Self.isValidName(name) {
            report("read: `\(name)': not a valid identifier", io: io)
            return 1
        }
        let reader = PushbackReader.wrapping(io.stdin)
        var text = ""
        var foundNewline = false
        var sawInput = false
        if delimiter != 0x0A || limit != nil {
            if let (bytes, terminated) = try await reader.readRecord(delimiter: delimiter, limit: limit) {
                sawInput = true
                foundNewline = terminated
                text = String(decoding: bytes, as: UTF8.self)
            }
        } else {
            while let (bytes, terminated) = try await reader.readLine() {
                sawInput = true
                foundNewline = terminated
                var line = String(decoding: bytes, as: UTF8.self)
                if !raw, line.hasSuffix("\\"), terminated {
                    line.removeLast()
                    text += line
                    continue
                }
                text += line
                break
            }
        }
        if !raw { text = Self.removingBackslashes(text) }
        let ifs = variables["IFS"] ?? " \t\n"
        for name in names + (arrayName.map { [$0] } ?? []) where readonlyNames.contains(name) {
            report("\(name): readonly variable", io: io)
            return 1
        }
        if let arrayName {
            try assignArray(arrayName, Self.splitFields(text, separators: ifs).map { (nil, $0) }, append: false)
            return sawInput && foundNewline ? 0 : 1
        }
        assignRead(text, to: names.isEmpty ? ["REPLY"] : names, separators: names.isEmpty ? "" : ifs)
        return sawInput && foundNewline ? 0 : 1
    }

    /// A line split on IFS as `read -a` splits it: IFS whitespace runs separate once and are
    /// trimmed at the ends; each other IFS character ends one field.
    static func splitFields(_ text: String, separators: String) -> [String] {
        let whitespace = Set(separators.filter { $0 == " " || $0 == "\t" || $0 == "\n" })
        let delimiters = Set(separators)
        var fields: [String] = []
        var rest = Substring(text)
        func trimLeading() { while let first = rest.first, whitespace.contains(first) { rest.removeFirst() } }
        trimLeading()
        while !rest.isEmpty {
            var field = ""
            while let first = rest.first, !delimiters.contains(first) {
                field.append(first)
                rest.removeFirst()
            }
            fields.append(field)
            trimLeading()
            if let first = rest.first, delimiters.contains(first), !whitespace.contains(first) {
                rest.removeFirst()
                trimLeading()
            }
        }
        return fields
    }

    static func removingBackslashes(_ text: String) -> String {
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Splits a line read by `read` over `names`: the last name takes the rest of the line.
    func assignRead(_ text: String, to names: [String], separators: String) {
        let whitespace = Set(separators.filter { $0 == " " || $0 == "\t" || $0 == "\n" })
        let delimiters = Set(separators)
        var rest = Substring(text)
        func trimLeading() { while let first = rest.first, whitespace.contains(first) { rest.removeFirst() } }
        trimLeading()
        for (index, name) in names.enumerated() {
            if index == names.count - 1 {
                var value = rest
                while let last = value.last, whitespace.contains(last) { value.removeLast() }
                variables[name] = String(value)
                return
            }
            var field = ""
            while let first = rest.first, !delimiters.contains(first) {
                field.append(first)
                rest.removeFirst()
            }
            trimLeading()
            if let first = rest.first, delimiters.contains(first), !whitespace.contains(first) {
                rest.removeFirst()
                trimLeading()
            }
            variables[name] = field
        }
    }
}
