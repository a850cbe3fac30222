import Simulation
/// A recursive-descent parser for the ES2015 subset node 7 scripts use, with V8's error messages.
struct Parser {
    var tokens: [Token]
    var index = 0
    var functionContexts: [FunctionContext] = []
    var fileName = ""
    var parsedFunctions: [FunctionNode] = []
    /// For each opening bracket token, the index of the token that closes it (-1: none), so
    /// that looking ahead for `=>` costs nothing per `(`: nested parentheses stay linear.
    var closingIndex: [Int] = []

    final class FunctionContext {
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
        closingIndex = Self.matchBrackets(tokens)
    }

    static func matchBrackets(_ tokens: [Token]) -> [Int] {
        var closing = [Int](repeating: -1, count: tokens.count)
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            guard case .punctuator(let p) = token.kind else { continue }
            if p == "(" || p == "[" || p == "{" {
                open.append(index)
            } else if p == ")" || p == "]" || p == "}", let opening = open.popLast() {
                closing[opening] = index
            }
        }
        return closing
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

    var current: Token { tokens[index] }
    func peekToken(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func isPunctuator(_ text: String) -> Bool {
        if case .punctuator(let p) = current.kind { return p == text }
        return false
    }

    func isKeyword(_ word: String) -> Bool {
        if case .identifier(let name) = current.kind { return name == word }
        return false
    }

    mutating func consumePunctuator(_ text: String) -> Bool {
        if isPunctuator(text) { _ = advance(); return true }
        return false
    }

    mutating func consumeKeyword(_ word: String) -> Bool {
        if isKeyword(word) { _ = advance(); return true }
        return false
    }

    /// Nesting deeper than the thread's stack allows ends as V8's parser ends it.
    func checkStack() throws(SyntaxErrorInfo) {
        guard ThreadStack.hasRoom else {
            throw SyntaxErrorInfo(name: "RangeError", message: "Maximum call stack size exceeded", position: current.position)
        }
    }

    func unexpected(_ token: Token? = nil) -> SyntaxErrorInfo {
        let token = token ?? current
        return SyntaxErrorInfo(message: token.unexpectedDescription, position: token.position, length: token.length)
    }

    mutating func expect(_ text: String) throws(SyntaxErrorInfo) {
        guard consumePunctuator(text) else { throw unexpected() }
    }

    mutating func identifierName() throws(SyntaxErrorInfo) -> String {
        if case .identifier(let name) = current.kind {
            _ = advance()
            return name
        }
        throw unexpected()
    }

    mutating func bindingIdentifier() throws(SyntaxErrorInfo) -> String {
        if case .identifier(let name) = current.kind, !Token.reservedWords.contains(name) {
            _ = advance()
            return name
        }
        throw unexpected()
    }

    mutating func consumeSemicolon() throws(SyntaxErrorInfo) {
        if consumePunctuator(";") { return }
        if isPunctuator("}") || current.kind == .end || current.newlineBefore { return }
        throw unexpected()
    }

    // MARK: Statements

    mutating func statement() throws(SyntaxErrorInfo) -> Statement {
        try checkStack()
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

    mutating func block() throws(SyntaxErrorInfo) -> Block {
        try expect("{")
        var statements: [Statement] = []
        while !isPunctuator("}") {
            if current.kind == .end { throw unexpected() }
            statements.append(try statement())
        }
        _ = advance()
        return Block(statements)
    }

    mutating func declarationKind() -> DeclarationKind? {
        if consumeKeyword("var") { return .var }
        if consumeKeyword("let") { return .let }
        if consumeKeyword("const") { return .const }
        return nil
    }

    mutating func variableDeclaration(allowIn: Bool) throws(SyntaxErrorInfo) -> Statement {
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

    mutating func bindingPattern() throws(SyntaxErrorInfo) -> Pattern {
        if isPunctuator("[") || isPunctuator("{") {
            let literal = try primary()
            return try pattern(from: literal, position: current.position)
        }
        return .name(try bindingIdentifier())
    }

    mutating func forStatement() throws(SyntaxErrorInfo) -> Statement {
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

    mutating func tryStatement() throws(SyntaxErrorInfo) -> Statement {
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

    mutating func switchStatement() throws(SyntaxErrorInfo) -> Statement {
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

    mutating func functionRest(position: SourcePosition, requireName: Bool, name knownName: String? = nil) throws(SyntaxErrorInfo) -> FunctionNode {
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

    mutating func parameterList() throws(SyntaxErrorInfo) -> ([(target: Pattern, defaultValue: Expression?)], Pattern?) {
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

    mutating func functionBody(name: String?, position: SourcePosition, isArrow: Bool) throws(SyntaxErrorInfo) -> FunctionNode {
        functionContexts.append(FunctionContext(isArrow: isArrow))
        let (parameters, rest) = try parameterList()
        let body = try block()
        let context = functionContexts.removeLast()
        let node = FunctionNode(name: name, parameters: parameters, rest: rest, body: body, isArrow: isArrow,
                                expressionBody: nil, position: position, varNames: context.varNames, usesArguments: context.usesArguments)
        parsedFunctions.append(node)
        return node
    }

    mutating func arrowFunction(position: SourcePosition) throws(SyntaxErrorInfo) -> Expression {
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

    mutating func classDefinition(requireName: Bool) throws(SyntaxErrorInfo) -> ClassNode {
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

    func isNextPunctuator(_ text: String) -> Bool {
        if case .punctuator(let p) = peekToken().kind { return p == text }
        return false
    }
}

extension PropertyKey {
    var staticName: String? {
        if case .name(let name) = self { return name }
        return nil
    }
}
