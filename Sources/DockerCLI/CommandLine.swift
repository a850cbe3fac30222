/// A flag a docker subcommand accepts: its long name, optional one-letter short name, and
/// whether it takes a value.
struct FlagSpec {
    let long: String
    let short: Character?
    let takesValue: Bool

    init(_ long: String, _ short: Character? = nil, value: Bool = false) {
        self.long = long
        self.short = short
        self.takesValue = value
    }
}

/// Parsed flags and positional arguments, pflag style.
struct ParsedArguments {
    var values: [String: [String]] = [:]
    var positional: [String] = []

    func has(_ long: String) -> Bool {
        guard let value = values[long]?.last else { return false }
        return value != "false"
    }

    func value(_ long: String) -> String? { values[long]?.last }
    func all(_ long: String) -> [String] { values[long] ?? [] }
}

/// Why the command line was rejected (already worded as docker words it).
struct UsageError: Error {
    let message: String
}

enum FlagParser {
    /// Parses `arguments`; when `interspersed` is false, the first positional argument ends
    /// option parsing (`docker run [OPTIONS] IMAGE [COMMAND]`).
    static func parse(_ arguments: [String], flags: [FlagSpec], interspersed: Bool) throws(UsageError) -> ParsedArguments {
        let all = flags + [FlagSpec("help")]
        var result = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                result.positional += arguments[index...]
                break
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                guard let spec = all.first(where: { $0.long == name }) else { throw UsageError(message: "unknown flag: --\(name)") }
                if let equals = body.firstIndex(of: "=") {
                    result.values[name, default: []].append(String(body[body.index(after: equals)...]))
                } else if spec.takesValue {
                    guard index < arguments.count else { throw UsageError(message: "flag needs an argument: --\(name)") }
                    result.values[name, default: []].append(arguments[index])
                    index += 1
                } else {
                    result.values[name, default: []].append("true")
                }
                continue
            }
            if argument.hasPrefix("-"), argument.count > 1 {
                var letters = Substring(argument.dropFirst())
                while let letter = letters.first {
                    letters = letters.dropFirst()
                    guard let spec = all.first(where: { $0.short == letter }) else {
                        throw UsageError(message: "unknown shorthand flag: '\(letter)' in \(argument)")
                    }
                    if spec.takesValue {
                        var value = String(letters)
                        if value.hasPrefix("=") { value.removeFirst() }
                        if value.isEmpty {
                            guard index < arguments.count else {
                                throw UsageError(message: "flag needs an argument: '\(letter)' in -\(letter)")
                            }
                            value = arguments[index]
                            index += 1
                        }
                        result.values[spec.long, default: []].append(value)
                        break
                    }
                    result.values[spec.long, default: []].append("true")
                }
                continue
            }
            result.positional.append(argument)
            if !interspersed {
                result.positional += arguments[index...]
                break
            }
        }
        return result
    }
}
