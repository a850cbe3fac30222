/// A compiled regular expression: a small backtracking matcher for the common ECMAScript syntax
/// (classes, escapes, groups, alternation, greedy and lazy quantifiers, anchors, back-references).
final class RegexProgram {
    let source: String
    let flags: String
    let ignoreCase: Bool
    let global: Bool
    let multiline: Bool
    private let root: Node
    let groupCount: Int

    indirect enum Node {
        case scalar(Unicode.Scalar)
        case any
        case set([ClassItem], negated: Bool)
        case lineStart
        case lineEnd
        case wordBoundary(Bool)
        case group(Node, capture: Int?)
        case lookahead(Node, negated: Bool)
        case alternation([Node])
        case sequence([Node])
        case repetition(Node, min: Int, max: Int?, greedy: Bool)
        case backreference(Int)
    }

    enum ClassItem {
        case scalar(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
        case digit(Bool), word(Bool), space(Bool)
    }

    struct SyntaxError: Error { var message: String }

    init(pattern: String, flags: String) throws(SyntaxError) {
        source = pattern
        self.flags = flags
        ignoreCase = flags.contains("i")
        global = flags.contains("g")
        multiline = flags.contains("m")
        var parser = PatternParser(Array(pattern.unicodeScalars))
        root = try parser.parseAlternation()
        if parser.index < parser.scalars.count { throw SyntaxError(message: "Unmatched ')'") }
        groupCount = parser.groupCount
    }

    struct Match {
        var range: Range<Int>
        var groups: [Range<Int>?]
    }

    /// Finds the first match at or after `start` (scalar offsets).
    func firstMatch(in text: [Unicode.Scalar], from start: Int) -> Match? {
        guard start <= text.count else { return nil }
        // One matcher for all start positions, so its step cap bounds the whole search.
        let matcher = Matcher(text: text, program: self, captures: [])
        for position in start...text.count {
            matcher.captures = [Range<Int>?](repeating: nil, count: groupCount + 1)
            if let end = matcher.match(root, position, { _ in true }) {
                var captures = matcher.captures
                captures[0] = position..<end
                return Match(range: position..<end, groups: captures)
            }
        }
        return nil
    }

    private final class Matcher {
        let text: [Unicode.Scalar]
        let program: RegexProgram
        var captures: [Range<Int>?]
        var steps = 0
        /// Backtracking gives up beyond this (a catastrophic pattern must not hang the host).
        lazy var stepLimit = max(200_000, 50 * text.count)

        init(text: [Unicode.Scalar], program: RegexProgram, captures: [Range<Int>?]) {
            self.text = text
            self.program = program
            self.captures = captures
        }

        func match(_ node: Node, _ index: Int, _ next: (Int) -> Bool) -> Int? {
            var result: Int?
            _ = run(node, index) { end in
                if next(end) { result = end; return true }
                return false
            }
            return result
        }

        private func equal(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
            if a == b { return true }
            guard program.ignoreCase else { return false }
            return a.properties.lowercaseMapping == b.properties.lowercaseMapping
        }

        private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9") || scalar == "_"
        }

        private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
                || scalar == "\u{A0}" || scalar == "\u{FEFF}" || (scalar.value > 127 && scalar.properties.isWhitespace)
        }

        private func classContains(_ items: [ClassItem], _ scalar: Unicode.Scalar) -> Bool {
            for item in items {
                switch item {
                case .scalar(let c): if equal(c, scalar) { return true }
                case .range(let low, let high):
                    if scalar >= low && scalar <= high { return true }
                    if program.ignoreCase {
                        let lower = Unicode.Scalar(scalar.properties.lowercaseMapping) ?? scalar
                        let upper = Unicode.Scalar(scalar.properties.uppercaseMapping) ?? scalar
                        if (lower >= low && lower <= high) || (upper >= low && upper <= high) { return true }
                    }
                case .digit(let positive): if (scalar >= "0" && scalar <= "9") == positive { return true }
                case .word(let positive): if Matcher.isWord(scalar) == positive { return true }
                case .space(let positive): if Matcher.isSpace(scalar) == positive { return true }
                }
            }
            return false
        }

        /// Continuation-passing backtracking: `next` is tried with each possible end, best first.
        func run(_ node: Node, _ index: Int, _ next: (Int) -> Bool) -> Bool {
            steps += 1
            if steps > stepLimit { return false }
            switch node {
            case .scalar(let c):
                return index < text.count && equal(c, text[index]) && next(index + 1)
            case .any:
                return index < text.count && text[index] != "\n" && text[index] != "\r" && next(index + 1)
            case .set(let items, let negated):
                return index < text.count && classContains(items, text[index]) != negated && next(index + 1)
            case .lineStart:
                return (index == 0 || (program.multiline && text[index - 1] == "\n")) && next(index)
            case .lineEnd:
                return (index == text.count || (program.multiline && text[index] == "\n")) && next(index)
            case .wordBoundary(let positive):
                let before = index > 0 && Matcher.isWord(text[index - 1])
                let after = index < text.count && Matcher.isWord(text[index])
                return ((before != after) == positive) && next(index)
            case .group(let inner, let capture):
                guard let capture else { return run(inner, index, next) }
                let saved = captures[capture]
                let matched = run(inner, index) { end in
                    let previous = self.captures[capture]
                    self.captures[capture] = index..<end
                    if next(end) { return true }
                    self.captures[capture] = previous
                    return false
                }
                if !matched { captures[capture] = saved }
                return matched
            case .lookahead(let inner, let negated):
                let saved = captures
                let found = run(inner, index) { _ in true }
                if found != negated {
                    if negated { captures = saved }
                    if next(index) { return true }
                }
                captures = saved
                return false
            case .alternation(let options):
                for option in options where run(option, index, next) { return true }
                return false
            case .sequence(let nodes):
                return runSequence(nodes[...], index, next)
            case .repetition(let inner, let min, let max, let greedy):
                return runRepetition(inner, min: min, max: max, greedy: greedy, count: 0, index, lastIndex: -1, next)
            case .backreference(let number):
                guard number < captures.count, let range = captures[number] else { return next(index) }
                let length = range.count
                guard index + length <= text.count else { return false }
                for offset in 0..<length where !equal(text[range.lowerBound + offset], text[index + offset]) { return false }
                return next(index + length)
            }
        }

        private func runSequence(_ nodes: ArraySlice<Node>, _ index: Int, _ next: (Int) -> Bool) -> Bool {
            guard let first = nodes.first else { return next(index) }
            let rest = nodes.dropFirst()
            if rest.isEmpty { return run(first, index, next) }
            return run(first, index) { end in self.runSequence(rest, end, next) }
        }

        private func runRepetition(_ inner: Node, min: Int, max: Int?, greedy: Bool, count: Int, _ index: Int, lastIndex: Int, _ next: (Int) -> Bool) -> Bool {
            let canStop = count >= min
            let canContinue = (max.map { count < $0 } ?? true) && index != lastIndex
            if !greedy && canStop && next(index) { return true }
            if canContinue {
                let matched = run(inner, index) { end in
                    self.runRepetition(inner, min: min, max: max, greedy: greedy, count: count + 1, end, lastIndex: index, next)
                }
                if matched { return true }
            }
            if greedy && canStop { return next(index) }
            return false
        }
    }

    private struct PatternParser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var groupCount = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        func peek() -> Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func parseAlternation() throws(SyntaxError) -> Node {
            var options = [try parseSequence()]
            while peek() == "|" {
                index += 1
                options.append(try parseSequence())
            }
            return options.count == 1 ? options[0] : .alternation(options)
        }

        mutating func parseSequence() throws(SyntaxError) -> Node {
            var nodes: [Node] = []
            while let c = peek(), c != "|", c != ")" {
                var atom = try parseAtom()
                atom = try parseQuantifier(atom)
                nodes.append(atom)
            }
            return nodes.count == 1 ? nodes[0] : .sequence(nodes)
        }

        mutating func parseQuantifier(_ atom: Node) throws(SyntaxError) -> Node {
            guard let c = peek() else { return atom }
            var min = 0
            var max: Int?
            switch c {
            case "*": index += 1
            case "+": min = 1; index += 1
            case "?": max = 1; index += 1
            case "{":
                var cursor = index + 1
                var first = ""
                while cursor < scalars.count, scalars[cursor].properties.numericType != nil { first.unicodeScalars.append(scalars[cursor]); cursor += 1 }
                guard let low = Int(first) else { return atom }
                min = low
                max = low
                if cursor < scalars.count, scalars[cursor] == "," {
                    cursor += 1
                    var second = ""
                    while cursor < scalars.count, scalars[cursor].properties.numericType != nil { second.unicodeScalars.append(scalars[cursor]); cursor += 1 }
                    max = second.isEmpty ? nil : Int(second)
                }
                guard cursor < scalars.count, scalars[cursor] == "}" else { return atom }
                index = cursor + 1
            default: return atom
            }
            var greedy = true
            if peek() == "?" {
                greedy = false
                index += 1
            }
            return .repetition(atom, min: min, max: max, greedy: greedy)
        }

        mutating func parseAtom() throws(SyntaxError) -> Node {
            guard let c = peek() else { throw SyntaxError(message: "Unexpected end") }
            index += 1
            switch c {
            case ".": return .any
            case "^": return .lineStart
            case "$": return .lineEnd
            case "(":
                var capture: Int?
                if peek() == "?" {
                    index += 1
                    let kind = peek()
                    index += 1
                    if kind == "=" || kind == "!" {
                        let inner = try parseAlternation()
                        guard peek() == ")" else { throw SyntaxError(message: "Unterminated group") }
                        index += 1
                        return .lookahead(inner, negated: kind == "!")
                    }
                } else {
                    groupCount += 1
                    capture = groupCount
                }
                let inner = try parseAlternation()
                guard peek() == ")" else { throw SyntaxError(message: "Unterminated group") }
                index += 1
                return .group(inner, capture: capture)
            case "[": return try parseClass()
            case "\\": return try parseEscape(inClass: false).node
            case "*", "+", "?": throw SyntaxError(message: "Nothing to repeat")
            default: return .scalar(c)
            }
        }

        mutating func parseEscape(inClass: Bool) throws(SyntaxError) -> (node: Node, item: ClassItem) {
            guard let c = peek() else { throw SyntaxError(message: "\\ at end of pattern") }
            index += 1
            func literal(_ scalar: Unicode.Scalar) -> (Node, ClassItem) { (.scalar(scalar), .scalar(scalar)) }
            switch c {
            case "d": return (.set([.digit(true)], negated: false), .digit(true))
            case "D": return (.set([.digit(false)], negated: false), .digit(false))
            case "w": return (.set([.word(true)], negated: false), .word(true))
            case "W": return (.set([.word(false)], negated: false), .word(false))
            case "s": return (.set([.space(true)], negated: false), .space(true))
            case "S": return (.set([.space(false)], negated: false), .space(false))
            case "b": return inClass ? literal("\u{08}") : (.wordBoundary(true), .scalar("b"))
            case "B": return (.wordBoundary(false), .scalar("B"))
            case "n": return literal("\n")
            case "r": return literal("\r")
            case "t": return literal("\t")
            case "f": return literal("\u{0C}")
            case "v": return literal("\u{0B}")
            case "0": return literal("\0")
            case "x", "u":
                let digits = c == "x" ? 2 : 4
                var hex = ""
                for _ in 0..<digits {
                    guard let d = peek() else { break }
                    hex.unicodeScalars.append(d)
                    index += 1
                }
                return literal(UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}")
            default:
                if let digit = Int(String(c)), digit > 0, !inClass { return (.backreference(digit), .scalar(c)) }
                return literal(c)
            }
        }

        mutating func parseClass() throws(SyntaxError) -> Node {
            var negated = false
            if peek() == "^" {
                negated = true
                index += 1
            }
            var items: [ClassItem] = []
            while let c = peek(), c != "]" {
                index += 1
                var item: ClassItem
                if c == "\\" {
                    item = try parseEscape(inClass: true).item
                } else {
                    item = .scalar(c)
                }
                if case .scalar(let low) = item, peek() == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                    index += 1
                    guard let highScalar = peek() else { break }
                    index += 1
                    var high = highScalar
                    if highScalar == "\\" {
                        if case .scalar(let escaped) = try parseEscape(inClass: true).item { high = escaped }
                    }
                    item = .range(low, high)
                }
                items.append(item)
            }
            guard peek() == "]" else { throw SyntaxError(message: "Unterminated character class") }
            index += 1
            return .set(items, negated: negated)
        }
    }
}
