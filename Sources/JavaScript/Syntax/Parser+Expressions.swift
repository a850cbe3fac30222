/// Expressions, functions and classes: the second half of the parser.
extension Parser {
    // MARK: Expressions

    mutating func expression(allowIn: Bool = true) throws(SyntaxErrorInfo) -> Expression {
        let first = try assignment(allowIn: allowIn)
        guard isPunctuator(",") else { return first }
        var list = [first]
        while consumePunctuator(",") { list.append(try assignment(allowIn: allowIn)) }
        return .sequence(list)
    }

    static let assignmentOperators: [String: BinaryOperator?] = [
        "=": nil, "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide, "%=": .remainder, "**=": .exponent,
        "<<=": .shiftLeft, ">>=": .shiftRight, ">>>=": .unsignedShiftRight, "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor,
    ]

    func isArrowAhead() -> Bool {
        switch current.kind {
        case .identifier(let name):
            if case .punctuator("=>") = peekToken().kind, !Token.reservedWords.contains(name) { return true }
            return false
        case .punctuator("("):
            let closing = index < closingIndex.count ? closingIndex[index] : -1
            guard closing >= 0 else { return false }
            if case .punctuator("=>") = peekToken(closing - index + 1).kind { return true }
            return false
        default: return false
        }
    }

    mutating func assignment(allowIn: Bool) throws(SyntaxErrorInfo) -> Expression {
        try checkStack()
        if isArrowAhead() { return try arrowFunction(position: current.position) }
        let start = current.position
        let left = try conditional(allowIn: allowIn)
        if case .punctuator(let p) = current.kind, let op = Parser.assignmentOperators[p] {
            let operatorPosition = advance().position
            let target: Pattern
            if op == nil {
                target = try pattern(from: left, position: start)
            } else {
                switch left {
                case .identifier(let name, _): target = .name(name)
                case .member, .index: target = .expression(left)
                default: throw SyntaxErrorInfo(message: "Invalid left-hand side in assignment", position: start)
                }
            }
            let value = try assignment(allowIn: allowIn)
            return .assign(op, target, value, operatorPosition)
        }
        return left
    }

    /// Reinterprets an expression already parsed as an assignment target.
    func pattern(from expression: Expression, position: SourcePosition) throws(SyntaxErrorInfo) -> Pattern {
        switch expression {
        case .identifier(let name, _): return .name(name)
        case .member, .index: return .expression(expression)
        case .array(let elements):
            var targets: [(target: Pattern, defaultValue: Expression?)?] = []
            var rest: Pattern?
            for element in elements {
                guard let element else { targets.append(nil); continue }
                switch element {
                case .spread(let inner): rest = try pattern(from: inner, position: position)
                case .assign(nil, let target, let value, _): targets.append((target, value))
                default: targets.append((try pattern(from: element, position: position), nil))
                }
            }
            return .array(targets, rest: rest)
        case .object(let properties):
            var targets: [(key: PropertyKey, target: Pattern, defaultValue: Expression?)] = []
            var rest: String?
            for property in properties {
                switch property {
                case .value(let key, let value):
                    if case .assign(nil, let target, let defaultValue, _) = value {
                        targets.append((key, target, defaultValue))
                    } else {
                        targets.append((key, try pattern(from: value, position: position), nil))
                    }
                case .spread(.identifier(let name, _)): rest = name
                default: throw SyntaxErrorInfo(message: "Invalid destructuring assignment target", position: position)
                }
            }
            return .object(targets, rest: rest)
        default:
            throw SyntaxErrorInfo(message: "Invalid left-hand side in assignment", position: position)
        }
    }

    mutating func conditional(allowIn: Bool) throws(SyntaxErrorInfo) -> Expression {
        let test = try binary(minimumPrecedence: 1, allowIn: allowIn)
        guard consumePunctuator("?") else { return test }
        let consequent = try assignment(allowIn: true)
        try expect(":")
        let alternate = try assignment(allowIn: allowIn)
        return .conditional(test, consequent, alternate)
    }

    func binaryOperator(allowIn: Bool) -> (String, Int)? {
        switch current.kind {
        case .punctuator(let p):
            switch p {
            case "||": return (p, 1)
            case "&&": return (p, 2)
            case "|": return (p, 3)
            case "^": return (p, 4)
            case "&": return (p, 5)
            case "==", "!=", "===", "!==": return (p, 6)
            case "<", ">", "<=", ">=": return (p, 7)
            case "<<", ">>", ">>>": return (p, 8)
            case "+", "-": return (p, 9)
            case "*", "/", "%": return (p, 10)
            case "**": return (p, 11)
            default: return nil
            }
        case .identifier("instanceof"): return ("instanceof", 7)
        case .identifier("in") where allowIn: return ("in", 7)
        default: return nil
        }
    }

    static let longestChain = 10_000

    mutating func binary(minimumPrecedence: Int, allowIn: Bool) throws(SyntaxErrorInfo) -> Expression {
        var left = try unary()
        var chain = 0
        while let (symbol, precedence) = binaryOperator(allowIn: allowIn), precedence >= minimumPrecedence {
            // The loop builds a tree as deep as the chain is long, and evaluating or releasing it
            // recurses that deep: a chain longer than any real script is refused as V8 would.
            chain += 1
            guard chain <= Self.longestChain else {
                throw SyntaxErrorInfo(name: "RangeError", message: "Maximum call stack size exceeded", position: current.position)
            }
            let position = advance().position
            let right = try binary(minimumPrecedence: symbol == "**" ? precedence : precedence + 1, allowIn: allowIn)
            switch symbol {
            case "||": left = .logical(.or, left, right)
            case "&&": left = .logical(.and, left, right)
            default:
                guard let op = BinaryOperator(rawValue: symbol) else { throw unexpected() }
                left = .binary(op, left, right, position)
            }
        }
        return left
    }

    mutating func unary() throws(SyntaxErrorInfo) -> Expression {
        try checkStack()
        let token = current
        let op: UnaryOperator?
        switch token.kind {
        case .punctuator("!"): op = .not
        case .punctuator("-"): op = .negate
        case .punctuator("+"): op = .plus
        case .punctuator("~"): op = .bitNot
        case .identifier("typeof"): op = .typeOf
        case .identifier("void"): op = .void
        case .identifier("delete"): op = .delete
        case .punctuator("++"), .punctuator("--"):
            _ = advance()
            let operandPosition = current.position
            let operand = try unary()
            try checkUpdateTarget(operand, position: operandPosition)
            return .update(increment: token.kind == .punctuator("++"), prefix: true, operand, token.position)
        default: op = nil
        }
        if let op {
            _ = advance()
            return .unary(op, try unary(), token.position)
        }
        let start = current.position
        let operand = try leftHandSide()
        if case .punctuator(let p) = current.kind, p == "++" || p == "--", !current.newlineBefore {
            try checkUpdateTarget(operand, position: start)
            _ = advance()
            return .update(increment: p == "++", prefix: false, operand, start)
        }
        return operand
    }

    func checkUpdateTarget(_ operand: Expression, position: SourcePosition) throws(SyntaxErrorInfo) {
        switch operand {
        case .identifier, .member, .index: return
        default: throw SyntaxErrorInfo(message: "Invalid left-hand side expression in postfix operation", position: position)
        }
    }

    mutating func arguments() throws(SyntaxErrorInfo) -> [Expression] {
        try expect("(")
        var list: [Expression] = []
        while !consumePunctuator(")") {
            if consumePunctuator("...") {
                list.append(.spread(try assignment(allowIn: true)))
            } else {
                list.append(try assignment(allowIn: true))
            }
            if !isPunctuator(")") && !consumePunctuator(",") {
                // V8 blames the argument's last token, not the one that follows it.
                let last = index > 0 ? tokens[index - 1] : current
                throw SyntaxErrorInfo(message: "missing ) after argument list", position: last.position, length: last.length)
            }
        }
        return list
    }

    mutating func leftHandSide() throws(SyntaxErrorInfo) -> Expression {
        var target: Expression
        if isKeyword("new") {
            let position = advance().position
            if consumePunctuator(".") {
                _ = try identifierName()  // new.target: not supported beyond parsing
                target = .identifier("undefined", position)
            } else {
                let callee = try memberOnly()
                let args = isPunctuator("(") ? try arguments() : []
                target = .new(callee, args, position)
            }
        } else {
            target = try primary()
        }
        while true {
            let token = current
            if let access = try memberAccess(on: target) {
                target = access
            } else if isPunctuator("(") {
                target = .call(target, try arguments(), token.position)
            } else if case .template(let strings, let parts) = token.kind {
                // Tagged templates: call the tag with the strings and values.
                _ = advance()
                var values: [Expression] = []
                for part in parts { values.append(try subexpression(part)) }
                target = .call(target, [.array(strings.map { .string($0) })] + values, token.position)
            } else {
                return target
            }
        }
    }

    /// `.name` or `[key]` applied to `target`, if one comes next.
    mutating func memberAccess(on target: Expression) throws(SyntaxErrorInfo) -> Expression? {
        let position = current.position
        if consumePunctuator(".") {
            let namePosition = current.position
            return .member(target, try identifierName(), namePosition)
        }
        if consumePunctuator("[") {
            let key = try expression()
            try expect("]")
            return .index(target, key, position)
        }
        return nil
    }

    /// The callee of `new`: member accesses without calls.
    mutating func memberOnly() throws(SyntaxErrorInfo) -> Expression {
        var target: Expression
        if isKeyword("new") {
            let position = advance().position
            let callee = try memberOnly()
            let args = isPunctuator("(") ? try arguments() : []
            target = .new(callee, args, position)
        } else {
            target = try primary()
        }
        while true {
            if let access = try memberAccess(on: target) {
                target = access
            } else {
                return target
            }
        }
    }

    mutating func subexpression(_ part: Token.TemplateExpression) throws(SyntaxErrorInfo) -> Expression {
        var parser = try Parser(source: part.source, start: part.position)
        parser.functionContexts = functionContexts
        let value = try parser.expression()
        guard parser.current.kind == .end else { throw parser.unexpected() }
        parsedFunctions.append(contentsOf: parser.parsedFunctions)
        return value
    }

    mutating func propertyKey() throws(SyntaxErrorInfo) -> PropertyKey {
        let token = advance()
        switch token.kind {
        case .identifier(let name): return .name(name)
        case .string(let text): return .name(text)
        case .number(let value): return .name(JSNumberFormatter.string(value))
        case .punctuator("["):
            let key = try assignment(allowIn: true)
            try expect("]")
            return .computed(key)
        default: throw unexpected(token)
        }
    }

    mutating func primary() throws(SyntaxErrorInfo) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return .number(value)
        case .string(let text):
            _ = advance()
            return .string(text)
        case .template(let strings, let parts):
            _ = advance()
            var values: [Expression] = []
            for part in parts { values.append(try subexpression(part)) }
            return .template(strings: strings, expressions: values)
        case .regex(let pattern, let flags):
            _ = advance()
            return .regex(pattern: pattern, flags: flags, token.position)
        case .punctuator("("):
            _ = advance()
            let inner = try expression()
            try expect(")")
            return inner
        case .punctuator("["):
            _ = advance()
            var elements: [Expression?] = []
            while !consumePunctuator("]") {
                if consumePunctuator(",") { elements.append(nil); continue }
                if consumePunctuator("...") {
                    elements.append(.spread(try assignment(allowIn: true)))
                } else {
                    elements.append(try assignment(allowIn: true))
                }
                if !isPunctuator("]") { try expect(",") }
            }
            return .array(elements)
        case .punctuator("{"):
            return try objectLiteral()
        case .identifier(let name):
            switch name {
            case "function":
                _ = advance()
                return .function(try functionRest(position: token.position, requireName: false))
            case "class": return .class(try classDefinition(requireName: false))
            case "this":
                _ = advance()
                return .this
            case "true", "false":
                _ = advance()
                return .boolean(name == "true")
            case "null":
                _ = advance()
                return .null
            case "super":
                _ = advance()
                if isPunctuator("(") { return .superCall(try arguments(), token.position) }
                try expect(".")
                return .superMember(try identifierName(), token.position)
            default:
                if Token.reservedWords.contains(name) { throw unexpected() }
                _ = advance()
                if name == "arguments" {
                    for context in functionContexts.reversed() {
                        context.usesArguments = true
                        if !context.isArrow { break }
                    }
                }
                return .identifier(name, token.position)
            }
        default:
            throw unexpected()
        }
    }

    mutating func objectLiteral() throws(SyntaxErrorInfo) -> Expression {
        try expect("{")
        var properties: [PropertyDefinition] = []
        while !consumePunctuator("}") {
            if consumePunctuator("...") {
                properties.append(.spread(try assignment(allowIn: true)))
            } else {
                let keyToken = current
                if case .identifier(let word) = keyToken.kind, word == "get" || word == "set",
                   !isNextPunctuator(","), !isNextPunctuator(":"), !isNextPunctuator("("), !isNextPunctuator("}") {
                    _ = advance()
                    let key = try propertyKey()
                    let function = try functionBody(name: key.staticName, position: keyToken.position, isArrow: false)
                    properties.append(word == "get" ? .getter(key: key, function: function) : .setter(key: key, function: function))
                } else {
                    let key = try propertyKey()
                    if consumePunctuator(":") {
                        properties.append(.value(key: key, value: try assignment(allowIn: true)))
                    } else if isPunctuator("(") {
                        let function = try functionBody(name: key.staticName, position: keyToken.position, isArrow: false)
                        properties.append(.value(key: key, value: .function(function)))
                    } else if case .identifier(let name) = keyToken.kind, !Token.reservedWords.contains(name) {
                        if consumePunctuator("=") {
                            // Only valid as a destructuring target: `{ a = 1 } = object`.
                            let value = try assignment(allowIn: true)
                            properties.append(.value(key: key, value: .assign(nil, .name(name), value, keyToken.position)))
                        } else {
                            properties.append(.value(key: key, value: .identifier(name, keyToken.position)))
                        }
                    } else {
                        throw unexpected()
                    }
                }
            }
            if !isPunctuator("}") { try expect(",") }
        }
        return .object(properties)
    }
}
