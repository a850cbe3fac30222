/// One `.dockerignore` pattern, matched over a whole path as docker's regexp translation does:
/// `*` and `?` stay inside one path segment, `**` spans segments (`**/` may match nothing),
/// `[…]` is a character class (`^` negates), `\` quotes the next character.
struct IgnorePattern: Sendable {
    private enum Element: Sendable {
        case literal(Character)
        case anyInSegment          // *
        case oneInSegment          // ?
        case anything              // ** at the end
        case optionalDirectories   // ** elsewhere: (.*/)?
        case characterClass(negated: Bool, members: [ClosedRange<Character>])
    }

    let isException: Bool
    /// The number of `/`-separated parts, used to match parent directories.
    let depth: Int
    private let elements: [Element]

    init(_ pattern: String, isException: Bool) throws(DockerIgnoreError) {
        self.isException = isException
        depth = pattern.split(separator: "/", omittingEmptySubsequences: false).count
        elements = try Self.compile(pattern)
    }

    private static func compile(_ pattern: String) throws(DockerIgnoreError) -> [Element] {
        let syntaxError = DockerIgnoreError(message: "syntax error in pattern")
        let characters = Array(pattern)
        var elements: [Element] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "*":
                if index < characters.count && characters[index] == "*" {
                    index += 1
                    if index < characters.count && characters[index] == "/" { index += 1 }
                    elements.append(index == characters.count ? .anything : .optionalDirectories)
                } else {
                    elements.append(.anyInSegment)
                }
            case "?":
                elements.append(.oneInSegment)
            case "\\":
                guard index < characters.count else { throw syntaxError }
                elements.append(.literal(characters[index]))
                index += 1
            case "[":
                var negated = false
                if index < characters.count && characters[index] == "^" {
                    negated = true
                    index += 1
                }
                var members: [ClosedRange<Character>] = []
                var closed = false
                while index < characters.count {
                    var low = characters[index]
                    if low == "]" && !members.isEmpty {
                        closed = true
                        index += 1
                        break
                    }
                    if low == "\\" {
                        index += 1
                        guard index < characters.count else { throw syntaxError }
                        low = characters[index]
                    }
                    index += 1
                    var high = low
                    if index + 1 < characters.count && characters[index] == "-" && characters[index + 1] != "]" {
                        high = characters[index + 1]
                        index += 2
                        if high == "\\" {
                            guard index < characters.count else { throw syntaxError }
                            high = characters[index]
                            index += 1
                        }
                    }
                    guard low <= high else { throw syntaxError }
                    members.append(low...high)
                }
                guard closed else { throw syntaxError }
                elements.append(.characterClass(negated: negated, members: members))
            default:
                elements.append(.literal(character))
            }
        }
        return elements
    }

    func matches(_ path: String) -> Bool {
        Self.match(elements[...], Array(path)[...])
    }

    private static func match(_ elements: ArraySlice<Element>, _ text: ArraySlice<Character>) -> Bool {
        guard let element = elements.first else { return text.isEmpty }
        let rest = elements.dropFirst()
        switch element {
        case .literal(let expected):
            guard text.first == expected else { return false }
            return match(rest, text.dropFirst())
        case .oneInSegment:
            guard let first = text.first, first != "/" else { return false }
            return match(rest, text.dropFirst())
        case .characterClass(let negated, let members):
            guard let first = text.first else { return false }
            let inClass = members.contains { $0.contains(first) }
            guard inClass != negated else { return false }
            return match(rest, text.dropFirst())
        case .anyInSegment:
            var remaining = text
            while true {
                if match(rest, remaining) { return true }
                guard let first = remaining.first, first != "/" else { return false }
                remaining = remaining.dropFirst()
            }
        case .anything:
            return true
        case .optionalDirectories:
            if match(rest, text) { return true }
            var remaining = text
            while let first = remaining.first {
                remaining = remaining.dropFirst()
                if first == "/" && match(rest, remaining) { return true }
            }
            return false
        }
    }
}
