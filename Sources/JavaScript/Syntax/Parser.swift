/// A recursive-descent parser for the ES2015 subset node 7 scripts use, with V8's error messages.
struct Parser {
    private var tokens: [Token]
    private var index = 0
    private var functionContexts: [FunctionContext] = []
    private var fileName = ""
    private var parsedFunctions: [FunctionNode] = []

    private final class FunctionContext {
        var varNames: [String] = []
        var seenVarNames: Set<String> = []
        var usesArguments = false
        let isArrow: Bool
        init(isArrow: Bool) { self.isArrow = isArrow }
        func declareVar(_ name: String) {
            if seenVarNames.insert(name).inserted { varNames.append(name) }
        }
    }

    init(source: String, start: SourcePosition = SourcePosition(line: 1, column: 0)) throws(SyntaxErrorInfo) {
        var lexer = Lexer(source, start: start)
        tokens = try lexer.tokenize()
    }

    /// Parses a whole script as the body of node's module wrapper function.
    static func parseScript(_ source: String, fileName: String, firstLineOffset: Int = 0) throws(SyntaxErrorInfo) -> Script {
        var parser = try Parser(source: source, start: SourcePosition(line: 1, column: firstLineOffset))
        parser.fileName = fileName
        parser.functionContexts.append(FunctionContext(isArrow: false))
        var statements: [Statement] = []
        while parser.current.kind != .end {
            statements.append(try parser.statement())
        }
        let context = parser.functionContexts.removeLast()
        let function = FunctionNode(
            name: nil, parameters: [], rest: nil, body: Block(statements), isArrow: false, expressionBody: nil,
            position: SourcePosition(line: 1, column: 0), varNames: context.varNames, usesArguments: context.usesArguments)
        for node in parser.parsedFunctions + [function] { node.fileName = fileName }
        return Script(function: function, fileName: fileName, source: source)
    }

    // MARK: Token helpers

    private var current: Token { tokens[index] }
    private func peekToken(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isPunctuator(_ text: String) -> Bool {
        if case .punctuator(let p) = current.kind { return p == text }
        return false
    }

    private func isKeyword(_ word: String) -> Bool {
        if case .identifier(let name) = current.kind { return name == word }
        return false
    }

    private mutating func consumePunctuator(_ text: String) -> Bool {
        if isPunctuator(text) { _ = advance(); return true }
        return false
    }

    private mutating func consumeKeyword(_ word: String) -> Bool {
        if isKeyword(word) { _ = advance(); return true }
        return false
    }

    private func unexpected(_ token: Token? = nil) -> SyntaxErrorInfo {
        let token = token ?? current
        return SyntaxErrorInfo(message: token.unexpectedDescription, position: token.position)
    }

    private mutating func expect(_ text: String) throws(SyntaxErrorInfo) {
        guard consumePunctuator(text) else { throw unexpected() }
    }

    private mutating func identifierName() throws(SyntaxErrorInfo) -> String {
        if case .identifier(let name) = current.kind {
            _ = advance()
            return name
        }
        throw unexpected()
    }

    private mutating func bindingIdentifier() throws(SyntaxErrorInfo) -> String {
        if case .identifier(let name) = current.kind, !Token.reservedWords.contains(name) {
            _ = advance()
            return name
        }
        throw unexpected()
    }

    private mutating func consumeSemicolon() throws(SyntaxErrorInfo) {
        if consumePunctuator(";") { return }
        if isPunctuator("}") || current.kind == .end || current.newlineBefore { return }
        throw unexpected()
    }

    // MARK: Statements

    private mutating func statement() throws(SyntaxErrorInfo) -> Statement {
        let token = current
        switch token.kind {
        case .punctuator("{"):
            return .block(try block())
        case .punctuator(";"):
            _ = advance()
            return .empty
        case .identifier(let word):
            switch word {
            case "var", "const":
                let declaration = try variableDeclaration(allowIn: true)
                try consumeSemicolon()
                return declaration
            case "let":
                var isDeclaration = false
                if case .identifier = peekToken().kind { isDeclaration = true }
                if case .punctuator(let p) = peekToken().kind, p == "[" || p == "{" { isDeclaration = true }
                if isDeclaration {
                    let declaration = try variableDeclaration(allowIn: true)
                    try consumeSemicolon()
                    return declaration
                }
            case "function":
                _ = advance()
                return .function(try functionRest(position: token.position, requireName: true))
            case "class":
                return .class(try classDefinition(requireName: true))
            case "if":
                _ = advance()
                try expect("(")
                let test = try expression()
                try expect(")")
                let consequent = try statement()
                let alternate = consumeKeyword("else") ? try statement() : nil
                return .if(test, consequent, alternate)
            case "for": return try forStatement()
            case "while":
                _ = advance()
                try expect("(")
                let test = try expression()
                try expect(")")
                return .while(test, try statement())
            case "do":
                _ = advance()
                let body = try statement()
                guard consumeKeyword("while") else { throw unexpected() }
                try expect("(")
                let test = try expression()
                try expect(")")
                _ = consumePunctuator(";")
                return .doWhile(body, test)
            case "return":
                _ = advance()
                if isPunctuator(";") || isPunctuator("}") || current.kind == .end || current.newlineBefore {
                    _ = consumePunctuator(";")
                    return .return(nil)
                }
                let value = try expression()
                try consumeSemicolon()
                return .return(value)
            case "break", "continue":
                _ = advance()
                var label: String?
                if case .identifier(let name) = current.kind, !current.newlineBefore, !Token.reservedWords.contains(name) {
                    label = name
                    _ = advance()
                }
                try consumeSemicolon()
                return word == "break" ? .break(label) : .continue(label)
            case "throw":
                _ = advance()
                if current.newlineBefore { throw SyntaxErrorInfo(message: "Illegal newline after throw", position: current.position) }
                let value = try expression()
                try consumeSemicolon()
                return .throw(value, token.position)
            case "try": return try tryStatement()
            case "switch": return try switchStatement()
            default:
                if case .punctuator(":") = peekToken().kind, !Token.reservedWords.contains(word) {
                    _ = advance()
                    _ = advance()
                    return .labeled(word, try statement())
                }
            }
        default: break
        }
        let value = try expression()
        try consumeSemicolon()
        return .expression(value)
    }

    private mutating func block() throws(SyntaxErrorInfo) -> Block {
        try expect("{")
        var statements: [Statement] = []
        while !isPunctuator("}") {
            if current.kind == .end { throw unexpected() }
            statements.append(try statement())
        }
        _ = advance()
        return Block(statements)
    }

    private mutating func declarationKind() -> DeclarationKind? {
        if consumeKeyword("var") { return .var }
        if consumeKeyword("let") { return .let }
        if consumeKeyword("const") { return .const }
        return nil
    }

    private mutating func variableDeclaration(allowIn: Bool) throws(SyntaxErrorInfo) -> Statement {
        guard let kind = declarationKind() else { throw unexpected() }
        var declarators: [Declarator] = []
        repeat {
            let target = try bindingPattern()
            if kind == .var { target.boundNames.forEach { functionContexts.last?.declareVar($0) } }
            var initializer: Expression?
            if consumePunctuator("=") { initializer = try assignment(allowIn: allowIn) }
            declarators.append(Declarator(target: target, initializer: initializer))
        } while consumePunctuator(",")
        return .declaration(kind, declarators)
    }

    private mutating func bindingPattern() throws(SyntaxErrorInfo) -> Pattern {
        if isPunctuator("[") || isPunctuator("{") {
            let literal = try primary()
            return try pattern(from: literal, position: current.position)
        }
        return .name(try bindingIdentifier())
    }

    private mutating func forStatement() throws(SyntaxErrorInfo) -> Statement {
        _ = advance()
        try expect("(")
        var initializer: Statement?
        if isPunctuator(";") {
            initializer = nil
        } else if isKeyword("var") || isKeyword("const") || (isKeyword("let") && { if case .identifier = peekToken().kind { return true }; if case .punctuator(let p) = peekToken().kind { return p == "[" || p == "{" }; return false }()) {
            let save = index
            guard let kind = declarationKind() else { throw unexpected() }
            let target = try bindingPattern()
            if isKeyword("of") || isKeyword("in") {
                let isOf = isKeyword("of")
                _ = advance()
                if kind == .var { target.boundNames.forEach { functionContexts.last?.declareVar($0) } }
                let subject = isOf ? try assignment(allowIn: true) : try expression()
                try expect(")")
                let body = try statement()
                return isOf ? .forOf(kind, target, subject, body) : .forIn(kind, target, subject, body)
            }
            index = save
            initializer = try variableDeclaration(allowIn: false)
        } else {
            let start = current.position
            let left = try expression(allowIn: false)
            if isKeyword("of") || isKeyword("in") {
                let isOf = isKeyword("of")
                _ = advance()
                let target = try pattern(from: left, position: start)
                let subject = isOf ? try assignment(allowIn: true) : try expression()
                try expect(")")
                let body = try statement()
                return isOf ? .forOf(nil, target, subject, body) : .forIn(nil, target, subject, body)
            }
            initializer = .expression(left)
        }
        try expect(";")
        let test = isPunctuator(";") ? nil : try expression()
        try expect(";")
        let update = isPunctuator(")") ? nil : try expression()
        try expect(")")
        let body = try statement()
        var names: [String] = []
        if case .declaration(let kind, let declarators)? = initializer, kind == .let {
            names = declarators.flatMap { $0.target.boundNames }
        }
        return .for(initializer: initializer, test: test, update: update, body: body, perIterationNames: names)
    }

    private mutating func tryStatement() throws(SyntaxErrorInfo) -> Statement {
        _ = advance()
        let body = try block()
        var catchName: Pattern?
        var handler: Block?
        var finalizer: Block?
        if consumeKeyword("catch") {
            if consumePunctuator("(") {
                catchName = try bindingPattern()
                try expect(")")
            }
            handler = try block()
        }
        if consumeKeyword("finally") { finalizer = try block() }
        if handler == nil && finalizer == nil { throw SyntaxErrorInfo(message: "Missing catch or finally after try", position: current.position) }
        return .try(body, catchName: catchName, handler, finally: finalizer)
    }

    private mutating func switchStatement() throws(SyntaxErrorInfo) -> Statement {
        _ = advance()
        try expect("(")
        let subject = try expression()
        try expect(")")
        try expect("{")
        var cases: [SwitchCase] = []
        while !consumePunctuator("}") {
            var test: Expression?
            if consumeKeyword("case") {
                test = try expression()
            } else if !consumeKeyword("default") {
                throw unexpected()
            }
            try expect(":")
            var body: [Statement] = []
            while !isKeyword("case") && !isKeyword("default") && !isPunctuator("}") {
                if current.kind == .end { throw unexpected() }
                body.append(try statement())
            }
            cases.append(SwitchCase(test: test, body: body))
        }
        return .switch(subject, cases)
    }

    // MARK: Functions and classes

    private mutating func functionRest(position: SourcePosition, requireName: Bool, name knownName: String? = nil) throws(SyntaxErrorInfo) -> FunctionNode {
        _ = consumePunctuator("*")
        var name = knownName
        if case .identifier(let word) = current.kind, !Token.reservedWords.contains(word) {
            name = word
            _ = advance()
        } else if requireName {
            throw unexpected()
        }
        return try functionBody(name: name, position: position, isArrow: false)
    }

    private mutating func parameterList() throws(SyntaxErrorInfo) -> ([(target: Pattern, defaultValue: Expression?)], Pattern?) {
        try expect("(")
        var parameters: [(target: Pattern, defaultValue: Expression?)] = []
        var rest: Pattern?
        while !consumePunctuator(")") {
            if consumePunctuator("...") {
                rest = try bindingPattern()
                try expect(")")
                break
            }
            let target = try bindingPattern()
            let defaultValue = consumePunctuator("=") ? try assignment(allowIn: true) : nil
            parameters.append((target, defaultValue))
            if !isPunctuator(")") { try expect(",") }
        }
        return (parameters, rest)
    }

    private mutating func functionBody(name: String?, position: SourcePosition, isArrow: Bool) throws(SyntaxErrorInfo) -> FunctionNode {
        functionContexts.append(FunctionContext(isArrow: isArrow))
        let (parameters, rest) = try parameterList()
        let body = try block()
        let context = functionContexts.removeLast()
        let node = FunctionNode(name: name, parameters: parameters, rest: rest, body: body, isArrow: isArrow,
                                expressionBody: nil, position: position, varNames: context.varNames, usesArguments: context.usesArguments)
        parsedFunctions.append(node)
        return node
    }

    private mutating func arrowFunction(position: SourcePosition) throws(SyntaxErrorInfo) -> Expression {
        functionContexts.append(FunctionContext(isArrow: true))
        var parameters: [(target: Pattern, defaultValue: Expression?)] = []
        var rest: Pattern?
        if isPunctuator("(") {
            (parameters, rest) = try parameterList()
        } else {
            parameters = [(.name(try bindingIdentifier()), nil)]
        }
        guard isPunctuator("=>") else { throw unexpected() }
        if current.newlineBefore { throw unexpected() }
        _ = advance()
        var body = Block([])
        var expressionBody: Expression?
        if isPunctuator("{") {
            body = try block()
        } else {
            expressionBody = try assignment(allowIn: true)
        }
        let context = functionContexts.removeLast()
        if context.usesArguments { functionContexts.last?.usesArguments = true }
        let node = FunctionNode(name: nil, parameters: parameters, rest: rest, body: body, isArrow: true,
                                expressionBody: expressionBody, position: position, varNames: context.varNames,
                                usesArguments: false)
        parsedFunctions.append(node)
        return .function(node)
    }

    private mutating func classDefinition(requireName: Bool) throws(SyntaxErrorInfo) -> ClassNode {
        let position = advance().position
        var name: String?
        if case .identifier(let word) = current.kind, word != "extends", !Token.reservedWords.contains(word) {
            name = word
            _ = advance()
        } else if requireName {
            throw unexpected()
        }
        var superclass: Expression?
        if consumeKeyword("extends") { superclass = try leftHandSide() }
        try expect("{")
        var constructor: FunctionNode?
        var methods: [(name: PropertyKey, function: FunctionNode, isStatic: Bool, kind: ClassNode.MethodKind)] = []
        while !consumePunctuator("}") {
            if consumePunctuator(";") { continue }
            var isStatic = false
            var kind = ClassNode.MethodKind.method
            if isKeyword("static"), !isNextPunctuator("(") { _ = advance(); isStatic = true }
            if (isKeyword("get") || isKeyword("set")), !isNextPunctuator("(") {
                kind = isKeyword("get") ? .getter : .setter
                _ = advance()
            }
            let methodPosition = current.position
            let key = try propertyKey()
            let function = try functionBody(name: key.staticName, position: methodPosition, isArrow: false)
            if case .name("constructor") = key, !isStatic {
                function.isClassConstructor = true
                function.isDerivedConstructor = superclass != nil
                constructor = function
            } else {
                methods.append((key, function, isStatic, kind))
            }
        }
        return ClassNode(name: name, superclass: superclass, constructor: constructor, methods: methods, position: position)
    }

    private func isNextPunctuator(_ text: String) -> Bool {
        if case .punctuator(let p) = peekToken().kind { return p == text }
        return false
    }

    // MARK: Expressions

    mutating func expression(allowIn: Bool = true) throws(SyntaxErrorInfo) -> Expression {
        let first = try assignment(allowIn: allowIn)
        guard isPunctuator(",") else { return first }
        var list = [first]
        while consumePunctuator(",") { list.append(try assignment(allowIn: allowIn)) }
        return .sequence(list)
    }

    private static let assignmentOperators: [String: BinaryOperator?] = [
        "=": nil, "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide, "%=": .remainder, "**=": .exponent,
        "<<=": .shiftLeft, ">>=": .shiftRight, ">>>=": .unsignedShiftRight, "&=": .bitAnd, "|=": .bitOr, "^=": .bitXor,
    ]

    private func isArrowAhead() -> Bool {
        switch current.kind {
        case .identifier(let name):
            if case .punctuator("=>") = peekToken().kind, !Token.reservedWords.contains(name) { return true }
            return false
        case .punctuator("("):
            var depth = 0
            var offset = 0
            while index + offset < tokens.count {
                let token = tokens[index + offset]
                if case .punctuator(let p) = token.kind {
                    if p == "(" || p == "[" || p == "{" { depth += 1 }
                    if p == ")" || p == "]" || p == "}" {
                        depth -= 1
                        if depth == 0 {
                            if case .punctuator("=>") = peekToken(offset + 1).kind { return true }
                            return false
                        }
                    }
                }
                if token.kind == .end { return false }
                offset += 1
            }
            return false
        default: return false
        }
    }

    private mutating func assignment(allowIn: Bool) throws(SyntaxErrorInfo) -> Expression {
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
    private func pattern(from expression: Expression, position: SourcePosition) throws(SyntaxErrorInfo) -> Pattern {
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

    private mutating func conditional(allowIn: Bool) throws(SyntaxErrorInfo) -> Expression {
        let test = try binary(minimumPrecedence: 1, allowIn: allowIn)
        guard consumePunctuator("?") else { return test }
        let consequent = try assignment(allowIn: true)
        try expect(":")
        let alternate = try assignment(allowIn: allowIn)
        return .conditional(test, consequent, alternate)
    }

    private func binaryOperator(allowIn: Bool) -> (String, Int)? {
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

    private mutating func binary(minimumPrecedence: Int, allowIn: Bool) throws(SyntaxErrorInfo) -> Expression {
        var left = try unary()
        while let (symbol, precedence) = binaryOperator(allowIn: allowIn), precedence >= minimumPrecedence {
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

    private mutating func unary() throws(SyntaxErrorInfo) -> Expression {
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

    private func checkUpdateTarget(_ operand: Expression, position: SourcePosition) throws(SyntaxErrorInfo) {
        switch operand {
        case .identifier, .member, .index: return
        default: throw SyntaxErrorInfo(message: "Invalid left-hand side expression in postfix operation", position: position)
        }
    }

    private mutating func arguments() throws(SyntaxErrorInfo) -> [Expression] {
        try expect("(")
        var list: [Expression] = []
        while !consumePunctuator(")") {
            if consumePunctuator("...") {
                list.append(.spread(try assignment(allowIn: true)))
            } else {
                list.append(try assignment(allowIn: true))
            }
            if !isPunctuator(")") { try expect(",") }
        }
        return list
    }

    private mutating func leftHandSide() throws(SyntaxErrorInfo) -> Expression {
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
            if consumePunctuator(".") {
                let namePosition = current.position
                target = .member(target, try identifierName(), namePosition)
            } else if consumePunctuator("[") {
                let key = try expression()
                try expect("]")
                target = .index(target, key, token.position)
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

    /// The callee of `new`: member accesses without calls.
    private mutating func memberOnly() throws(SyntaxErrorInfo) -> Expression {
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
            let token = current
            if consumePunctuator(".") {
                let namePosition = current.position
                target = .member(target, try identifierName(), namePosition)
            } else if consumePunctuator("[") {
                let key = try expression()
                try expect("]")
                target = .index(target, key, token.position)
            } else {
                return target
            }
        }
    }

    private mutating func subexpression(_ part: Token.TemplateExpression) throws(SyntaxErrorInfo) -> Expression {
        var parser = try Parser(source: part.source, start: part.position)
        parser.functionContexts = functionContexts
        let value = try parser.expression()
        guard parser.current.kind == .end else { throw parser.unexpected() }
        parsedFunctions.append(contentsOf: parser.parsedFunctions)
        return value
    }

    private mutating func propertyKey() throws(SyntaxErrorInfo) -> PropertyKey {
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

    private mutating func primary() throws(SyntaxErrorInfo) -> Expression {
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

    private mutating func objectLiteral() throws(SyntaxErrorInfo) -> Expression {
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

extension PropertyKey {
    var staticName: String? {
        if case .name(let name) = self { return name }
        return nil
    }
}
