import Simulation
import Formatting
/// Parses template tokens into nodes with Go 1.8 text/template's grammar and error messages.
struct TemplateParser {
    private let tokens: [TemplateToken]
    private let source: String
    private var index = 0
    private var variables = ["$"]
    private let functions: Set<String>
    private let name: String

    init(source: String, functions: Set<String>, name: String = "") {
        self.source = source
        self.tokens = TemplateLexer.tokenize(source)
        self.functions = functions
        self.name = name
    }

    private enum Item {
        case node(TemplateNode)
        case end
        case otherwise(elseIf: Bool)
    }

    mutating func parse() throws(TemplateError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while peek().kind != .eof {
            switch try textOrAction() {
            case .node(let node): nodes.append(node)
            case .end: throw error("unexpected {{end}}")
            case .otherwise: throw error("unexpected {{else}}")
            }
        }
        return nodes
    }

    // MARK: - Tokens

    private func peek() -> TemplateToken { tokens[min(index, tokens.count - 1)] }

    private mutating func next() -> TemplateToken {
        let token = peek()
        if index < tokens.count { index += 1 }
        return token
    }

    private mutating func backup() { index = max(0, index - 1) }

    private mutating func nextNonSpace() -> TemplateToken {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    private mutating func peekNonSpace() -> TemplateToken {
        let token = nextNonSpace()
        backup()
        return token
    }

    /// `template: :LINE: message`, the line of the last token read.
    private func error(_ message: String) -> TemplateError {
        let position = tokens[max(0, min(index, tokens.count) - 1)].position
        let line = 1 + source.utf8.prefix(position).filter { $0 == UInt8(ascii: "\n") }.count
        return TemplateError(message: "template: \(name):\(line): \(message)")
    }

    /// Nesting deeper than the thread's stack allows ends in the error later Go releases give
    /// past their own limit (Go's stacks grow, so go1.8 had none).
    private func checkDepth() throws(TemplateError) {
        guard ThreadStack.hasRoom else { throw error("max expression depth exceeded") }
    }

    private func unexpected(_ token: TemplateToken, _ context: String) -> TemplateError {
        error("unexpected \(token.quoted) in \(context)")
    }

    // MARK: - Structure

    private mutating func textOrAction() throws(TemplateError) -> Item {
        let token = nextNonSpace()
        switch token.kind {
        case .text: return .node(.text(token.text))
        case .leftDelimiter: return try action()
        case .error: throw error(token.text)
        default: throw unexpected(token, "input")
        }
    }

    private mutating func action() throws(TemplateError) -> Item {
        let token = nextNonSpace()
        switch token.kind {
        case .else:
            if peekNonSpace().kind == .if { return .otherwise(elseIf: true) }
            try expectRightDelimiter("else")
            return .otherwise(elseIf: false)
        case .end:
            try expectRightDelimiter("end")
            return .end
        case .if:
            return .node(try control(context: "if") { .conditional($0, body: $1, otherwise: $2) })
        case .range:
            return .node(try control(context: "range") { .range($0, body: $1, otherwise: $2) })
        case .with:
            return .node(try control(context: "with") { .with($0, body: $1, otherwise: $2) })
        case .define, .template, .block:
            throw unexpected(token, "command")
        default:
            backup()
            return .node(.action(try pipeline(context: "command")))
        }
    }

    private mutating func expectRightDelimiter(_ context: String) throws(TemplateError) {
        let token = nextNonSpace()
        guard token.kind == .rightDelimiter else { throw unexpected(token, context) }
    }

    private mutating func control(
        context: String, make: (TemplatePipeline, [TemplateNode], [TemplateNode]?) -> TemplateNode
    ) throws(TemplateError) -> TemplateNode {
        let savedVariables = variables
        defer { variables = savedVariables }
        let condition = try pipeline(context: context)
        let (body, ending) = try itemList()
        var otherwise: [TemplateNode]?
        if case .otherwise(let elseIf) = ending {
            if elseIf && context == "if" {
                _ = nextNonSpace() // the `if`
                otherwise = [try control(context: "if") { .conditional($0, body: $1, otherwise: $2) }]
            } else {
                let (list, last) = try itemList()
                guard case .end = last else { throw error("expected end; found {{else}}") }
                otherwise = list
            }
        }
        return make(condition, body, otherwise)
    }

    private mutating func itemList() throws(TemplateError) -> ([TemplateNode], Item) {
        try checkDepth()
        var nodes: [TemplateNode] = []
        while peekNonSpace().kind != .eof {
            let item = try textOrAction()
            switch item {
            case .node(let node): nodes.append(node)
            case .end, .otherwise: return (nodes, item)
            }
        }
        throw error("unexpected EOF")
    }

    // MARK: - Pipelines

    private mutating func pipeline(context: String) throws(TemplateError) -> TemplatePipeline {
        try checkDepth()
        let first = peekNonSpace()
        var pipeline = TemplatePipeline(position: first.position)
        declarations: while peekNonSpace().kind == .variable {
            let variable = nextNonSpace()
            let afterVariable = peek()
            let following = peekNonSpace()
            if following.kind == .declare || (following.kind == .char && following.text == ",") {
                _ = nextNonSpace()
                pipeline.declarations.append(variable.text)
                variables.append(variable.text)
                if following.kind == .char {
                    if context == "range" && pipeline.declarations.count < 2 { continue declarations }
                    throw error("too many declarations in \(context)")
                }
            } else if afterVariable.kind == .space {
                backup()
                backup()
            } else {
                backup()
            }
            break
        }
        while true {
            let token = nextNonSpace()
            switch token.kind {
            case .rightDelimiter, .rightParen:
                guard !pipeline.commands.isEmpty else { throw error("missing value for \(context)") }
                for (offset, command) in pipeline.commands.enumerated().dropFirst() {
                    switch command.arguments.first {
                    case .bool, .dot, .nil, .number, .string:
                        throw error("non executable command in pipeline stage \(offset + 1)")
                    default: break
                    }
                }
                if token.kind == .rightParen { backup() }
                return pipeline
            case .bool, .character, .dot, .field, .identifier, .number, .nil, .rawString, .string, .variable, .leftParen:
                backup()
                pipeline.commands.append(try command())
            case .error:
                throw error(token.text)
            default:
                throw unexpected(token, context)
            }
        }
    }

    private mutating func command() throws(TemplateError) -> TemplateCommand {
        var command = TemplateCommand(position: peekNonSpace().position)
        while true {
            _ = peekNonSpace()
            if let operand = try operand() { command.arguments.append(operand) }
            let token = next()
            switch token.kind {
            case .space: continue
            case .error: throw error(token.text)
            case .rightDelimiter, .rightParen: backup()
            case .pipe: break
            default: throw error("unexpected \(token.quoted) in operand")
            }
            break
        }
        guard !command.arguments.isEmpty else { throw error("empty command") }
        return command
    }

    private mutating func operand() throws(TemplateError) -> TemplateArgument? {
        guard let term = try term() else { return nil }
        guard peek().kind == .field else { return term }
        let chainPosition = peek().position
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(next().text.dropFirst())) }
        // Go positions a lengthened field at its second part, which shows in error columns.
        switch term {
        case .field(let base, _): return .field(base + fields, position: chainPosition)
        case .variable(let name, let base, _): return .variable(name, fields: base + fields, position: chainPosition)
        case .bool, .string, .number, .nil, .dot:
            throw error("unexpected . after term \(goQuoted(term.description))")
        default: return .chain(term, fields: fields, position: chainPosition)
        }
    }

    private mutating func term() throws(TemplateError) -> TemplateArgument? {
        let token = nextNonSpace()
        switch token.kind {
        case .error:
            throw error(token.text)
        case .identifier:
            guard functions.contains(token.text) else { throw error("function \(goQuoted(token.text)) not defined") }
            return .identifier(token.text, position: token.position)
        case .dot:
            return .dot(position: token.position)
        case .nil:
            return .nil(position: token.position)
        case .variable:
            guard variables.contains(token.text) else { throw error("undefined variable \(goQuoted(token.text))") }
            return .variable(token.text, fields: [], position: token.position)
        case .field:
            return .field([String(token.text.dropFirst())], position: token.position)
        case .bool:
            return .bool(token.text == "true", position: token.position)
        case .number, .character:
            return .number(try number(token), text: token.text, position: token.position)
        case .leftParen:
            let inner = try pipeline(context: "parenthesized pipeline")
            let closing = next()
            guard closing.kind == .rightParen else { throw error("unclosed right paren: unexpected \(closing.quoted)") }
            return .pipeline(inner)
        case .string, .rawString:
            guard let value = GoStringLiteral.unquote(token.text) else { throw error("invalid syntax") }
            return .string(value, quoted: token.text, position: token.position)
        default:
            backup()
            return nil
        }
    }

    private func number(_ token: TemplateToken) throws(TemplateError) -> TemplateNumber {
        let text = token.text
        if token.kind == .character {
            guard let value = GoStringLiteral.unquote(text), let scalar = value.unicodeScalars.first,
                  value.unicodeScalars.count == 1 else {
                throw error("malformed character constant: \(text)")
            }
            return .integer(Int(scalar.value))
        }
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        if body.hasPrefix("0x") || body.hasPrefix("0X"), let value = Int(body.dropFirst(2), radix: 16) {
            return .integer(negative ? -value : value)
        }
        if let value = Int(body) { return .integer(negative ? -value : value) }
        if let value = Double(body), !body.hasSuffix("i") { return .float(negative ? -value : value) }
        throw error("illegal number syntax: \(goQuoted(text))")
    }
}
