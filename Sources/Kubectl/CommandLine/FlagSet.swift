import Formatting
import KubernetesAPI

/// The flags one kubectl command accepts and how pflag reads them from its arguments.
struct FlagSet {
    /// What a flag holds.
    enum Kind {
        case bool
        case string
        /// Repeatable; each use appends (`--env`, `-f`, `-L`).
        case strings
        case int
    }

    struct Flag {
        var name: String
        var shorthand: Character?
        var kind: Kind
        var defaultValue: String
        var help: String
    }

    private(set) var flags: [Flag] = []

    mutating func add(_ name: String, _ shorthand: Character? = nil, _ kind: Kind, default defaultValue: String? = nil, _ help: String = "") {
        let shown = defaultValue ?? {
            switch kind {
            case .bool: "false"
            case .string: ""
            case .strings: "[]"
            case .int: "0"
            }
        }()
        flags.append(Flag(name: name, shorthand: shorthand, kind: kind, defaultValue: shown, help: help))
    }

    /// The `Options:` section of the era's help: `  -o, --output='': Output format…`.
    var optionsText: String {
        flags.sorted { $0.name < $1.name }.map { flag in
            let lead = flag.shorthand.map { "  -\($0), " } ?? "      "
            let value = flag.kind == .string ? "'" + flag.defaultValue + "'" : flag.defaultValue
            return lead + "--" + flag.name + "=" + value + ": " + flag.help + "\n"
        }.joined()
    }

    func flag(named name: String) -> Flag? { flags.first { $0.name == name } }
    func flag(shorthand: Character) -> Flag? { flags.first { $0.shorthand == shorthand } }

    /// The spelled-out names (`--image`), for suggestions and completion.
    var longNames: [String] { flags.map { "--" + $0.name } }

    /// Splits `arguments` into flag values and positional words, as pflag does (interspersed);
    /// words after `--` are kept apart.
    func parse(_ arguments: [String]) throws(FlagError) -> ParsedFlags {
        var parsed = ParsedFlags()
        var index = 0
        func value(for flag: Flag, inline: String?, spelled: String) throws(FlagError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else {
                throw FlagError(message: "flag needs an argument: " + spelled, unknownFlag: nil)
            }
            return arguments[index]
        }
        while index < arguments.count {
            let word = arguments[index]
            if word == "--" {
                parsed.afterDash = Array(arguments[(index + 1)...])
                parsed.hasDash = true
                break
            }
            if word.hasPrefix("--") && word.count > 2 {
                let body = word.dropFirst(2)
                let name: String
                var inline: String?
                if let equals = body.firstIndex(of: "=") {
                    name = String(body[..<equals])
                    inline = String(body[body.index(after: equals)...])
                } else {
                    name = String(body)
                }
                guard let flag = flag(named: name) else {
                    throw FlagError(message: "unknown flag: --\(name)", unknownFlag: "--" + name)
                }
                if flag.kind == .bool {
                    let text = inline ?? "true"
                    guard let bool = FlagSet.parseBool(text) else {
                        throw FlagError(message: "invalid argument \(goQuoted(text)) for \(goQuoted("--" + name)) flag: strconv.ParseBool: parsing \(goQuoted(text)): invalid syntax", unknownFlag: nil)
                    }
                    parsed.set(flag, bool ? "true" : "false")
                } else {
                    let text = try value(for: flag, inline: inline, spelled: "--" + name)
                    try parsed.store(flag, text)
                }
            } else if word.hasPrefix("-") && word.count > 1 {
                var characters = Array(word.dropFirst())
                while !characters.isEmpty {
                    let letter = characters.removeFirst()
                    guard let flag = flag(shorthand: letter) else {
                        throw FlagError(message: "unknown shorthand flag: '\(letter)' in \(word)", unknownFlag: nil)
                    }
                    if flag.kind == .bool {
                        if characters.first == "=" {
                            let text = String(characters.dropFirst())
                            parsed.set(flag, FlagSet.parseBool(text) == false ? "false" : "true")
                            characters = []
                        } else {
                            parsed.set(flag, "true")
                        }
                        continue
                    }
                    var rest = String(characters)
                    if rest.hasPrefix("=") { rest.removeFirst() }
                    let text = try value(for: flag, inline: rest.isEmpty ? nil : rest, spelled: "'\(letter)' in \(word)")
                    try parsed.store(flag, text)
                    characters = []
                }
            } else {
                parsed.positional.append(word)
            }
            index += 1
        }
        return parsed
    }

    static func parseBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "true", "TRUE", "True": true
        case "0", "f", "F", "false", "FALSE", "False": false
        default: nil
        }
    }
}

/// A command line pflag could not read; `unknownFlag` names a misspelt long flag.
struct FlagError: Error {
    var message: String
    var unknownFlag: String?
}

/// The values read from a command line.
struct ParsedFlags {
    private(set) var values: [String: [String]] = [:]
    var positional: [String] = []
    var afterDash: [String] = []
    var hasDash = false

    mutating func set(_ flag: FlagSet.Flag, _ value: String) {
        values[flag.name] = [value]
    }

    mutating func store(_ flag: FlagSet.Flag, _ text: String) throws(FlagError) {
        switch flag.kind {
        case .strings:
            // pflag's string slices also split a single value on commas; kubectl's -f and --env do not.
            values[flag.name, default: []].append(text)
        case .int:
            // pflag's int flags read `strconv.ParseInt(text, 0, 64)`: hex and octal prefixes, 64-bit range.
            switch GoIntegers.parseInt(text) {
            case .success(let value):
                values[flag.name] = [String(value)]
            case .failure(let error):
                // pflag names the flag with its shorthand when it has one: "-r, --replicas".
                let named = flag.shorthand.map { "-\($0), --\(flag.name)" } ?? "--" + flag.name
                throw FlagError(message: "invalid argument \(goQuoted(text)) for \(goQuoted(named)) flag: \(error.message)", unknownFlag: nil)
            }
        default:
            values[flag.name] = [text]
        }
    }

    func has(_ name: String) -> Bool { values[name] != nil }
    func string(_ name: String) -> String? { values[name]?.last }
    func strings(_ name: String) -> [String] { values[name] ?? [] }
    func bool(_ name: String) -> Bool { values[name]?.last == "true" }
    func int(_ name: String) -> Int? { values[name]?.last.flatMap { Int($0) } }
}
