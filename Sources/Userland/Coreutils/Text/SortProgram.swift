import Kernel

/// `sort`: sorts lines; `-n` numerically, `-r` reversed, `-u` unique, `-k` by key fields
/// separated by blanks or by `-t`'s character, `-f` folding case.
public struct SortProgram: Program {
    public let flavor: Flavor

    public init(flavor: Flavor = .gnu) {
        self.flavor = flavor
    }

    struct Key {
        var startField: Int
        var endField: Int?
        var numeric = false
        var reverse = false
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        var specification = OptionSpecification(flags: Set("nrufbsh"), valued: Set("ktTo"))
        specification.long = ["numeric-sort": "n", "reverse": "r", "unique": "u", "ignore-case": "f",
                              "key": "k", "field-separator": "t", "output": "o"]
        specification.longValued = ["key", "field-separator", "output"]
        guard let parsed = context.parseOptions(specification, flavor: flavor) else { return 2 }
        let numeric = parsed.has("n") || parsed.has("h")
        let reverse = parsed.has("r")
        let foldCase = parsed.has("f")
        var separator: Character?
        if let text = parsed.value("t") {
            guard text.count == 1, let character = text.first else {
                context.complain(text.isEmpty ? "empty tab" : "multi-character tab \(quoted(text))")
                return 2
            }
            separator = character
        }
        var keys: [Key] = []
        for text in parsed.values("k") {
            guard let key = Self.parseKey(text) else {
                context.complain("invalid number at field start: invalid count at start of \(quoted(text))")
                return 2
            }
            keys.append(key)
        }
        var lines: [String] = []
        var status: Int32 = 0
        for operand in parsed.operands.isEmpty ? ["-"] : parsed.operands {
            switch try await context.readOperand(operand) {
            case .failure(let error):
                context.complain("cannot read: \(operand): \(error.code.message)")
                status = 2
            case .success(let bytes): lines += textLines(bytes)
            }
        }
        guard status == 0 else { return status }
        func fields(_ line: String) -> [Substring] {
            if let separator { return line.split(separator: separator, omittingEmptySubsequences: false) }
            // Blank-separated fields keep their leading blanks, as POSIX sort's do.
            var result: [Substring] = []
            var start = line.startIndex
            var index = line.startIndex
            while index < line.endIndex {
                while index < line.endIndex, line[index] == " " || line[index] == "\t" { index = line.index(after: index) }
                while index < line.endIndex, line[index] != " " && line[index] != "\t" { index = line.index(after: index) }
                result.append(line[start..<index])
                start = index
            }
            return result
        }
        func keyText(_ line: String, _ key: Key) -> Substring {
            let parts = fields(line)
            guard key.startField - 1 < parts.count else { return "" }
            let last = min(parts.count, key.endField ?? parts.count)
            guard key.startField - 1 < last else { return "" }
            let joiner = separator.map(String.init) ?? ""
            return Substring(parts[(key.startField - 1)..<last].joined(separator: joiner))
        }
        func compare(_ left: Substring, _ right: Substring, numeric: Bool) -> Int {
            if numeric {
                let a = Self.numericValue(left), b = Self.numericValue(right)
                return a < b ? -1 : (a > b ? 1 : 0)
            }
            let a = foldCase ? Array(left.uppercased().utf8) : Array(left.utf8)
            let b = foldCase ? Array(right.uppercased().utf8) : Array(right.utf8)
            if a == b { return 0 }
            return a.lexicographicallyPrecedes(b) ? -1 : 1
        }
        func keyOrder(_ left: String, _ right: String) -> Int {
            if keys.isEmpty { return compare(Substring(left), Substring(right), numeric: numeric) }
            for key in keys {
                let result = compare(keyText(left, key), keyText(right, key), numeric: key.numeric || numeric)
                if result != 0 { return key.reverse ? -result : result }
            }
            return 0
        }
        func order(_ left: String, _ right: String) -> Int {
            var result = keyOrder(left, right)
            // The last-resort comparison of whole lines, skipped by -u.
            if result == 0, !parsed.has("u"), !parsed.has("s") {
                result = Array(left.utf8).lexicographicallyPrecedes(Array(right.utf8)) ? -1 : (left == right ? 0 : 1)
            }
            return reverse ? -result : result
        }
        var sorted = lines.enumerated().sorted { lhs, rhs in
            let result = order(lhs.element, rhs.element)
            return result != 0 ? result < 0 : lhs.offset < rhs.offset
        }.map(\.element)
        if parsed.has("u") {
            var unique: [String] = []
            for line in sorted where unique.last.map({ keyOrder($0, line) != 0 }) ?? true {
                unique.append(line)
            }
            sorted = unique
        }
        let output = sorted.map { $0 + "\n" }.joined()
        if let target = parsed.value("o") {
            do {
                try context.machine.fileSystem.writeFile(context.resolve(target), Array(output.utf8), as: context.user)
            } catch {
                context.complain("open failed: \(target): \(error.code.message)")
                return 2
            }
        } else {
            context.emit(output)
        }
        return 0
    }

    static func parseKey(_ text: String) -> Key? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let startText = parts.first, parts.count <= 2 else { return nil }
        func field(_ part: Substring, _ key: inout Key) -> Int? {
            let digits = part.prefix { $0.isNumber || $0 == "." }
            for option in part.dropFirst(digits.count) {
                switch option {
                case "n": key.numeric = true
                case "r": key.reverse = true
                case "b", "f": continue
                default: return nil
                }
            }
            let number = digits.split(separator: ".").first.flatMap { Int($0) }
            return number
        }
        var key = Key(startField: 1)
        guard let start = field(startText, &key), start >= 1 else { return nil }
        key.startField = start
        if parts.count == 2 {
            guard let end = field(parts[1], &key), end >= 1 else { return nil }
            key.endField = end
        }
        return key
    }

    /// The leading number of `text` (blanks, sign, digits, decimal point); 0 when there is none.
    static func numericValue(_ text: Substring) -> Double {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        var number = ""
        for character in trimmed {
            if character.isNumber || (character == "-" && number.isEmpty) || (character == "." && !number.contains(".")) {
                number.append(character)
            } else {
                break
            }
        }
        return Double(number) ?? 0
    }
}
