import Kernel

/// Command-line options as `getopt_long` parses them: clustered short flags (`-rf`), short
/// options with values (`-n 5`, `-n5`), long options (`--lines=5`), `--` to end options, and
/// (GNU only) options mixed among operands.
struct OptionSpecification {
    /// Short flags without a value.
    var flags: Set<Character> = []
    /// Short options that take a value.
    var valued: Set<Character> = []
    /// Long option names mapped to the short option they stand for (a made-up character for
    /// long-only options); names in `longValued` take a value.
    var long: [String: Character] = [:]
    var longValued: Set<String> = []
    /// Whether operands and options may mix (GNU), or the first operand ends options.
    var permute = true
}

/// The result of parsing: options in order, with their values, and the operands.
struct ParsedOptions {
    var options: [(name: Character, value: String?)] = []
    var operands: [String] = []

    func has(_ name: Character) -> Bool { options.contains { $0.name == name } }
    func count(_ name: Character) -> Int { options.filter { $0.name == name }.count }
    /// The last value given for `name`.
    func value(_ name: Character) -> String? { options.last { $0.name == name }?.value }
    func values(_ name: Character) -> [String] { options.filter { $0.name == name }.compactMap(\.value) }
}

/// Why parsing failed, with the message getopt prints.
enum OptionError: Error {
    case invalid(Character)
    case missingValue(Character)
    case unrecognized(String)
    case missingLongValue(String)

    func message(program: String, flavor: Flavor) -> String {
        switch self {
        case .invalid(let option):
            return flavor == .gnu ? "\(program): invalid option -- '\(option)'" : "\(program): unrecognized option: \(option)"
        case .missingValue(let option):
            return flavor == .gnu ? "\(program): option requires an argument -- '\(option)'"
                : "\(program): option requires an argument: \(option)"
        case .unrecognized(let option):
            return "\(program): unrecognized option '\(option)'"
        case .missingLongValue(let option):
            return "\(program): option '--\(option)' requires an argument"
        }
    }
}

extension OptionSpecification {
    func parse(_ arguments: ArraySlice<String>) throws(OptionError) -> ParsedOptions {
        var result = ParsedOptions()
        var index = arguments.startIndex
        var onlyOperands = false
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            if onlyOperands || argument == "-" || !argument.hasPrefix("-") {
                result.operands.append(argument)
                if !permute { onlyOperands = true }
                continue
            }
            if argument == "--" {
                onlyOperands = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
                // getopt_long accepts unambiguous prefixes of long names.
                let matches = long.keys.filter { $0 == name } + (long[name] == nil ? long.keys.filter { $0.hasPrefix(name) } : [])
                guard matches.count == 1, let full = matches.first, let short = long[full] else {
                    throw .unrecognized(argument)
                }
                if longValued.contains(full) {
                    if let inlineValue {
                        result.options.append((short, inlineValue))
                    } else if index < arguments.endIndex {
                        result.options.append((short, arguments[index]))
                        index += 1
                    } else {
                        throw .missingLongValue(full)
                    }
                } else {
                    result.options.append((short, inlineValue))
                }
                continue
            }
            var characters = Substring(argument.dropFirst())
            while let option = characters.first {
                characters = characters.dropFirst()
                if flags.contains(option) {
                    result.options.append((option, nil))
                } else if valued.contains(option) {
                    if !characters.isEmpty {
                        result.options.append((option, String(characters)))
                    } else if index < arguments.endIndex {
                        result.options.append((option, arguments[index]))
                        index += 1
                    } else {
                        throw .missingValue(option)
                    }
                    break
                } else {
                    throw .invalid(option)
                }
            }
        }
        return result
    }
}

extension ProgramContext {
    /// Parses the arguments after argv[0]; on failure prints getopt's message and the hint
    /// to use `--help` (GNU) or BusyBox's banner, and returns nil.
    func parseOptions(_ specification: OptionSpecification, arguments given: [String]? = nil, flavor: Flavor) -> ParsedOptions? {
        do {
            return try specification.parse(given.map { $0[...] } ?? arguments.dropFirst())
        } catch {
            printError(error.message(program: programName, flavor: flavor) + "\n")
            printUsageHint(flavor: flavor)
            return nil
        }
    }

    /// `Try 'ls --help' for more information.` (GNU) or the BusyBox banner.
    func printUsageHint(flavor: Flavor) {
        if flavor == .gnu {
            printError("Try '\(programName) --help' for more information.\n")
        } else {
            printError(BusyBoxProgram.banner + "\n")
        }
    }
}
