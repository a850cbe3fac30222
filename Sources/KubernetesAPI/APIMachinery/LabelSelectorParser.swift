import Formatting
/// The recursive-descent parser of `labels.Parse`, error texts included.
struct LabelSelectorParser {
    /// `in` and `notin` are operators after a key but plain words where values are expected.
    private enum Context { case keyAndOperator, values }

    private var items: [LabelSelectorItem] = []
    private var position = 0

    init(_ text: String) {
        var lexer = LabelSelectorLexer(text)
        while true {
            let item = lexer.next()
            items.append(item)
            if item.token == .endOfString { break }
        }
    }

    private func lookahead(_ context: Context) -> LabelSelectorItem {
        adjusted(items[min(position, items.count - 1)], context)
    }

    private mutating func consume(_ context: Context) -> LabelSelectorItem {
        let item = lookahead(context)
        position += 1
        return item
    }

    private func adjusted(_ item: LabelSelectorItem, _ context: Context) -> LabelSelectorItem {
        guard context == .values, item.token == .in || item.token == .notIn else { return item }
        return LabelSelectorItem(token: .identifier, literal: item.literal)
    }

    typealias SelectorError = Labels.SelectorError

    mutating func parse() throws(SelectorError) -> [Labels.Requirement] {
        var requirements: [Labels.Requirement] = []
        while true {
            let item = lookahead(.values)
            switch item.token {
            case .identifier, .doesNotExist:
                do {
                    requirements.append(try parseRequirement())
                } catch {
                    throw SelectorError("unable to parse requirement: " + error.message)
                }
                let separator = consume(.values)
                switch separator.token {
                case .endOfString:
                    return requirements
                case .comma:
                    let following = lookahead(.values)
                    if following.token != .identifier && following.token != .doesNotExist {
                        throw SelectorError("found '\(following.literal)', expected: identifier after ','")
                    }
                default:
                    throw SelectorError("found '\(separator.literal)', expected: ',' or 'end of string'")
                }
            case .endOfString:
                return requirements
            default:
                throw SelectorError("found '\(item.literal)', expected: !, identifier, or 'end of string'")
            }
        }
    }

    private mutating func parseRequirement() throws(SelectorError) -> Labels.Requirement {
        let (key, inferred) = try parseKeyAndInferOperator()
        if let inferred {
            return try Labels.Requirement(key: key, operator: inferred, values: [])
        }
        let op = try parseOperator()
        let values: [String]
        switch op {
        case .in, .notIn:
            values = try parseValues()
        default:
            values = try parseExactValue()
        }
        return try Labels.Requirement(key: key, operator: op, values: values)
    }

    /// A bare key means `exists`, `!key` means `doesNotExist`; otherwise an operator must follow.
    private mutating func parseKeyAndInferOperator() throws(SelectorError) -> (String, Labels.Operator?) {
        var item = consume(.values)
        var negated = false
        if item.token == .doesNotExist {
            negated = true
            item = consume(.values)
        }
        guard item.token == .identifier else {
            throw SelectorError("found '\(item.literal)', expected: identifier")
        }
        if let problem = Labels.Requirement.keyProblem(item.literal) { throw problem }
        let following = lookahead(.values).token
        if following == .endOfString || following == .comma {
            return (item.literal, negated ? .doesNotExist : .exists)
        }
        // `!key` ends the requirement even when an operator follows; that operator then fails as a separator.
        return (item.literal, negated ? .doesNotExist : nil)
    }

    private mutating func parseOperator() throws(SelectorError) -> Labels.Operator {
        let item = consume(.keyAndOperator)
        switch item.token {
        case .in: return .in
        case .equals: return .equals
        case .doubleEquals: return .doubleEquals
        case .greaterThan: return .greaterThan
        case .lessThan: return .lessThan
        case .notIn: return .notIn
        case .notEquals: return .notEquals
        default: throw SelectorError("found '\(item.literal)', expected: '=', '!=', '==', 'in', notin'")
        }
    }

    private mutating func parseValues() throws(SelectorError) -> [String] {
        let open = consume(.values)
        guard open.token == .openParenthesis else {
            throw SelectorError("found '\(open.literal)' expected: '('")
        }
        let first = lookahead(.values)
        switch first.token {
        case .identifier, .comma:
            let values = try parseIdentifierList()
            if consume(.values).token != .closedParenthesis {
                throw SelectorError("found '\(first.literal)', expected: ')'")
            }
            return values
        case .closedParenthesis:
            _ = consume(.values)
            return [""]
        default:
            throw SelectorError("found '\(first.literal)', expected: ',', ')' or identifier")
        }
    }

    /// A comma-separated list where empty entries stand for the empty value; returned sorted and unique.
    private mutating func parseIdentifierList() throws(SelectorError) -> [String] {
        var values = Set<String>()
        while true {
            let item = consume(.values)
            switch item.token {
            case .identifier:
                values.insert(item.literal)
                let following = lookahead(.values)
                switch following.token {
                case .comma: continue
                case .closedParenthesis: return values.sorted(by: goStringLess)
                default: throw SelectorError("found '\(following.literal)', expected: ',' or ')'")
                }
            case .comma:
                if values.isEmpty { values.insert("") }
                let following = lookahead(.values).token
                if following == .closedParenthesis {
                    values.insert("")
                    return values.sorted(by: goStringLess)
                }
                if following == .comma {
                    _ = consume(.values)
                    values.insert("")
                }
            default:
                throw SelectorError("found '\(item.literal)', expected: ',', or identifier")
            }
        }
    }

    private mutating func parseExactValue() throws(SelectorError) -> [String] {
        let following = lookahead(.values).token
        if following == .endOfString || following == .comma { return [""] }
        let item = consume(.values)
        guard item.token == .identifier else {
            throw SelectorError("found '\(item.literal)', expected: identifier")
        }
        return [item.literal]
    }
}
