import Kernel
import Shell

/// A parsed `sed` script: addressed commands `s`, `d`, `p`, `q`, `=`.
struct StreamEditorScript {
    enum Address {
        case line(Int)
        case last
        case pattern(PosixRegex)
    }

    enum Action {
        case substitute(PosixRegex, replacement: [ReplacementPart], global: Bool, occurrence: Int, print: Bool)
        case delete
        case print
        case quit
        case lineNumber
    }

    enum ReplacementPart {
        case text(String)
        case group(Int)
    }

    struct Command {
        var first: Address?
        var second: Address?
        var negated = false
        var action: Action
    }

    var commands: [Command] = []

    /// A script error in GNU's words, without the `sed: -e expression #1, char N: ` lead.
    struct SyntaxError: Error {
        var message: String
        var position: Int
    }

    init(_ source: String, extended: Bool) throws(SyntaxError) {
        var parser = Parser(characters: Array(source), extended: extended)
        commands = try parser.parseAll()
    }

    struct Parser {
        let characters: [Character]
        let extended: Bool
        var index = 0

        init(characters: [Character], extended: Bool) {
            self.characters = characters
            self.extended = extended
        }

        var current: Character? { index < characters.count ? characters[index] : nil }

        mutating func skipBlanks() {
            while let character = current, character == " " || character == "\t" { index += 1 }
        }

        mutating func parseAll() throws(SyntaxError) -> [Command] {
            var commands: [Command] = []
            while true {
                while let character = current, character == " " || character == "\t" || character == "\n" || character == ";" {
                    index += 1
                }
                guard current != nil else { return commands }
                commands.append(try parseCommand())
            }
        }

        mutating func parseAddress() throws(SyntaxError) -> Address? {
            guard let character = current else { return nil }
            if character.isNumber {
                var digits = ""
                while let digit = current, digit.isNumber {
                    digits.append(digit)
                    index += 1
                }
                guard let number = Int(digits), number > 0 else { throw SyntaxError(message: "invalid usage of line address 0", position: index) }
                return .line(number)
            }
            if character == "$" {
                index += 1
                return .last
            }
            if character == "/" || character == "\\" {
                index += 1
                var delimiter: Character = "/"
                if character == "\\" {
                    guard let custom = current else { throw SyntaxError(message: "unexpected `,'", position: index) }
                    delimiter = custom
                    index += 1
                }
                guard let pattern = readUntil(delimiter) else {
                    throw SyntaxError(message: "unterminated address regex", position: characters.count)
                }
                var ignoreCase = false
                if current == "I" {
                    ignoreCase = true
                    index += 1
                }
                return .pattern(try compile(pattern, ignoreCase: ignoreCase))
            }
            return nil
        }

        func compile(_ pattern: String, ignoreCase: Bool) throws(SyntaxError) -> PosixRegex {
            do {
                return try PosixRegex(pattern, extended: extended, ignoreCase: ignoreCase)
            } catch {
                throw SyntaxError(message: error.message, position: index)
            }
        }

        /// Reads up to an unescaped `delimiter` (consumed); `\delimiter` stands for the delimiter.
        mutating func readUntil(_ delimiter: Character) -> String? {
            var text = ""
            while let character = current {
                index += 1
                if character == delimiter { return text }
                if character == "\\", let next = current {
                    index += 1
                    if next == delimiter {
                        text.append(delimiter)
                    } else if next == "n" {
                        text += "\\n"
                    } else {
                        text.append("\\")
                        text.append(next)
                    }
                    continue
                }
                if character == "\n" { return nil }
                text.append(character)
            }
            return nil
        }

        mutating func parseCommand() throws(SyntaxError) -> Command {
            let first = try parseAddress()
            var second: Address?
            if first != nil, current == "," {
                index += 1
                guard let address = try parseAddress() else { throw SyntaxError(message: "unexpected `,'", position: index) }
                second = address
            }
            skipBlanks()
            var negated = false
            if current == "!" {
                negated = true
                index += 1
                skipBlanks()
            }
            guard let name = current else { throw SyntaxError(message: "missing command", position: index) }
            index += 1
            let action: Action
            switch name {
            case "d": action = .delete
            case "p": action = .print
            case "q": action = .quit
            case "=": action = .lineNumber
            case "s": action = try parseSubstitution()
            default: throw SyntaxError(message: "unknown command: `\(name)'", position: index)
            }
            skipBlanks()
            if let next = current, next != ";", next != "\n", next != "}" {
                throw SyntaxError(message: "extra characters after command", position: index + 1)
            }
            return Command(first: first, second: second, negated: negated, action: action)
        }

        mutating func parseSubstitution() throws(SyntaxError) -> Action {
            guard let delimiter = current, delimiter != "\n", delimiter != "\\" else {
                throw SyntaxError(message: "unterminated `s' command", position: index)
            }
            index += 1
            guard let pattern = readUntil(delimiter), let replacementText = readUntil(delimiter) else {
                throw SyntaxError(message: "unterminated `s' command", position: characters.count)
            }
            var global = false, print = false, ignoreCase = false
            var occurrence = 1
            var digits = ""
            while let flag = current, flag != ";", flag != "\n", flag != "}", flag != " " {
                switch flag {
                case "g": global = true
                case "p": print = true
                case "i", "I": ignoreCase = true
                case "0"..."9": digits.append(flag)
                default: throw SyntaxError(message: "unknown option to `s'", position: index + 1)
                }
                index += 1
            }
            if !digits.isEmpty {
                guard let number = Int(digits), number > 0 else {
                    throw SyntaxError(message: "number option to `s' command may not be zero", position: index)
                }
                occurrence = number
            }
            return .substitute(try compile(pattern, ignoreCase: ignoreCase), replacement: Self.parseReplacement(replacementText),
                               global: global, occurrence: occurrence, print: print)
        }

        static func parseReplacement(_ text: String) -> [ReplacementPart] {
            var parts: [ReplacementPart] = []
            var literal = ""
            var characters = text.makeIterator()
            while let character = characters.next() {
                if character == "&" {
                    if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                    parts.append(.group(0))
                } else if character == "\\", let next = characters.next() {
                    if let digit = next.wholeNumberValue, next.isASCII {
                        if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
                        parts.append(.group(digit))
                    } else if next == "n" {
                        literal.append("\n")
                    } else if next == "t" {
                        literal.append("\t")
                    } else {
                        literal.append(next)
                    }
                } else {
                    literal.append(character)
                }
            }
            if !literal.isEmpty { parts.append(.text(literal)) }
            return parts
        }
    }
}
