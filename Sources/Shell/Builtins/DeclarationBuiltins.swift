import Kernel

/// `declare`/`typeset`, `readonly` and `mapfile`/`readarray`: builtins that set attributes or
/// whole arrays.
extension Shell {
    /// The attribute letters bash's `declare -p` shows, in its order (`-a`, `-r`, `-x`); `--` for none.
    func attributeFlags(_ name: String) -> String {
        var letters = ""
        if isArray(name) { letters += "a" }
        if readonlyNames.contains(name) { letters += "r" }
        if exportedNames.contains(name) { letters += "x" }
        return letters.isEmpty ? "--" : "-" + letters
    }

    /// One `declare -p` line; nil when the name is neither set nor declared.
    func declaration(_ name: String) -> String? {
        if isArray(name) { return "declare \(attributeFlags(name)) \(name)=\(arrayLiteral(name))" }
        guard let value = variables[name] else {
            return readonlyNames.contains(name) || exportedNames.contains(name) ? "declare \(attributeFlags(name)) \(name)" : nil
        }
        return "declare \(attributeFlags(name)) \(name)=\"\(Self.escapedForDoubleQuotes(value))\""
    }

    func declare(_ arguments: [String], io: ShellIO, builtin: String) throws -> Int32 {
        var operands = arguments[...]
        var exports: Bool?
        var prints = false
        var functionsOnly = false
        var makesArray = false
        var makesReadonly = false
        while let first = operands.first, first.hasPrefix("-") || first.hasPrefix("+"), first.count > 1 {
            operands.removeFirst()
            if first == "--" { break }
            let enable = first.hasPrefix("-")
            // Associative arrays are not simulated: refusing beats storing `m[key]` at index 0.
            if first.contains("A") {
                report("\(builtin): -A: associative arrays are not simulated (indexed arrays are)", io: io)
                return 2
            }
            if first.contains("x") { exports = enable }
            if first.contains("p") { prints = true }
            if first.contains("f") { functionsOnly = true }
            if first.contains("a"), enable { makesArray = true }
            if first.contains("r"), enable { makesReadonly = true }
        }
        if functionsOnly {
            let names = operands.isEmpty ? functions.keys.sorted() : Array(operands)
            var status: Int32 = 0
            for name in names {
                guard let body = functions[name] else {
                    status = 1
                    continue
                }
                try write(ShellSyntaxPrinter.function(named: name, body) + "\n", to: io.stdout)
            }
            return status
        }
        if operands.isEmpty || prints {
            if operands.isEmpty {
                for name in Set(variables.keys).union(arrays.keys).sorted() {
                    if makesReadonly, !readonlyNames.contains(name) { continue }
                    if makesArray, !isArray(name) { continue }
                    if let line = declaration(name) { try write(line + "\n", to: io.stdout) }
                }
                return 0
            }
            var status: Int32 = 0
            for name in operands {
                guard let line = declaration(name) else {
                    report("\(builtin): \(name): not found", io: io)
                    status = 1
                    continue
                }
                try write(line + "\n", to: io.stdout)
            }
            return status
        }
        var status: Int32 = 0
        for operand in operands {
            let (name, value) = Self.splitAssignment(operand)
            guard Self.isValidName(name) else {
                report("\(builtin): `\(operand)': not a valid identifier", io: io)
                status = 1
                continue
            }
            if readonlyNames.contains(name), value != nil || !makesReadonly {
                report("\(builtin): \(name): readonly variable", io: io)
                status = 1
                continue
            }
            if functionDepth > 0 { makeLocal(name) }
            if let value { variables[name] = value } else if variables[name] == nil, functionDepth == 0 { variables[name] = nil }
            if makesArray, arrays[name] == nil { arrays[name] = [:] }
            if let exports {
                if exports { exportedNames.insert(name) } else { exportedNames.remove(name) }
            }
            if makesReadonly { readonlyNames.insert(name) }
        }
        return status
    }

    func readonly(_ arguments: [String], io: ShellIO) throws -> Int32 {
        var operands = arguments[...]
        var makesArray = false
        while let first = operands.first, first.hasPrefix("-"), first.count > 1 {
            operands.removeFirst()
            if first == "--" { break }
            for letter in first.dropFirst() {
                switch letter {
                case "p", "f": continue
                case "a": makesArray = true
                default:
                    report("readonly: -\(letter): invalid option", io: io)
                    try? io.stderr.write("readonly: usage: readonly [-aAf] [name[=value] ...] or readonly -p\n")
                    return 2
                }
            }
        }
        if operands.isEmpty {
            for name in readonlyNames.sorted() {
                if makesArray, !isArray(name) { continue }
                if let line = declaration(name) { try write(line + "\n", to: io.stdout) }
            }
            return 0
        }
        return assignAttribute(operands, builtin: "readonly", io: io) { name in
            if makesArray, arrays[name] == nil { arrays[name] = [:] }
            readonlyNames.insert(name)
        }
    }

    /// `mapfile [-t] [-n count] [-s count] [array]`: the lines of standard input into an array
    /// (`MAPFILE` by default).
    func mapfile(_ arguments: [String], io: ShellIO, builtin: String) async throws -> Int32 {
        var trims = false
        var maximum = 0
        var skip = 0
        var index = 0
        while index < arguments.count, arguments[index].hasPrefix("-"), arguments[index].count > 1 {
            let option = arguments[index]
            index += 1
            if option == "--" { break }
            switch option {
            case "-t": trims = true
            case "-n", "-s":
                guard index < arguments.count, let count = Int(arguments[index]), count >= 0 else {
                    report("\(builtin): \(index < arguments.count ? arguments[index] : option): invalid line count", io: io)
                    return 1
                }
                if option == "-n" { maximum = count } else { skip = count }
                index += 1
            default:
                report("\(builtin): \(option): invalid option", io: io)
                try? io.stderr.write("\(builtin): usage: \(builtin) [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] "
                                     + "[-C callback] [-c quantum] [array]\n")
                return 2
            }
        }
        let name = index < arguments.count ? arguments[index] : "MAPFILE"
        guard Self.isValidName(name) else {
            report("\(builtin): `\(name)': not a valid identifier", io: io)
            return 1
        }
        let reader = PushbackReader.wrapping(io.stdin)
        var lines: [(index: Int?, value: String)] = []
        var read = 0
        while maximum == 0 || lines.count < maximum, let (bytes, terminated) = try await reader.readLine() {
            read += 1
            if read <= skip { continue }
            let line = String(decoding: bytes, as: UTF8.self)
            lines.append((nil, trims || !terminated ? line : line + "\n"))
        }
        try assignArray(name, lines, append: false)
        return 0
    }
}
