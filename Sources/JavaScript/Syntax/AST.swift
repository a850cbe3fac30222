/// Binary operators, evaluated with JavaScript's coercion rules.
enum BinaryOperator: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", exponent = "**"
    case equal = "==", notEqual = "!=", strictEqual = "===", strictNotEqual = "!=="
    case less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="
    case bitAnd = "&", bitOr = "|", bitXor = "^", shiftLeft = "<<", shiftRight = ">>", unsignedShiftRight = ">>>"
    case `in` = "in", instanceOf = "instanceof"
}

enum LogicalOperator { case and, or }

enum UnaryOperator { case negate, plus, not, bitNot, typeOf, void, delete }

/// One property in an object literal.
enum PropertyDefinition {
    case value(key: PropertyKey, value: Expression)
    case getter(key: PropertyKey, function: FunctionNode)
    case setter(key: PropertyKey, function: FunctionNode)
    case spread(Expression)
}

enum PropertyKey {
    case name(String)
    case computed(Expression)
}

/// A binding target: a plain name or a destructuring pattern.
indirect enum Pattern {
    case name(String)
    case object([(key: PropertyKey, target: Pattern, defaultValue: Expression?)], rest: String?)
    case array([(target: Pattern, defaultValue: Expression?)?], rest: Pattern?)
    case expression(Expression)  // an assignment target such as `a.b`
}

indirect enum Expression {
    case number(Double)
    case string(String)
    case template(strings: [String], expressions: [Expression])
    case regex(pattern: String, flags: String, SourcePosition)
    case identifier(String, SourcePosition)
    case boolean(Bool)
    case null
    case this
    case array([Expression?])
    case object([PropertyDefinition])
    case function(FunctionNode)
    case `class`(ClassNode)
    case unary(UnaryOperator, Expression, SourcePosition)
    case update(increment: Bool, prefix: Bool, Expression, SourcePosition)
    case binary(BinaryOperator, Expression, Expression, SourcePosition)
    case logical(LogicalOperator, Expression, Expression)
    case assign(BinaryOperator?, Pattern, Expression, SourcePosition)
    case conditional(Expression, Expression, Expression)
    case call(Expression, [Expression], SourcePosition)
    case new(Expression, [Expression], SourcePosition)
    case member(Expression, String, SourcePosition)
    case index(Expression, Expression, SourcePosition)
    case sequence([Expression])
    case spread(Expression)
    case superCall([Expression], SourcePosition)
    case superMember(String, SourcePosition)
}

enum DeclarationKind { case `var`, `let`, `const` }

struct Declarator {
    var target: Pattern
    var initializer: Expression?
}

indirect enum Statement {
    case expression(Expression)
    case declaration(DeclarationKind, [Declarator])
    case function(FunctionNode)
    case `class`(ClassNode)
    case `return`(Expression?)
    case `if`(Expression, Statement, Statement?)
    case block(Block)
    case `for`(initializer: Statement?, test: Expression?, update: Expression?, body: Statement, perIterationNames: [String])
    case forIn(DeclarationKind?, Pattern, Expression, Statement)
    case forOf(DeclarationKind?, Pattern, Expression, Statement)
    case `while`(Expression, Statement)
    case doWhile(Statement, Expression)
    case `break`(String?)
    case `continue`(String?)
    case `throw`(Expression, SourcePosition)
    case `try`(Block, catchName: Pattern?, Block?, finally: Block?)
    case `switch`(Expression, [SwitchCase])
    case labeled(String, Statement)
    case empty
}

struct SwitchCase {
    var test: Expression?
    var body: [Statement]
}

/// A list of statements with what it declares in block scope, found at parse time.
final class Block {
    let statements: [Statement]
    /// let/const/class/function names declared directly in this block.
    let lexicalNames: [String]
    let functions: [FunctionNode]

    init(_ statements: [Statement]) {
        self.statements = statements
        var names: [String] = []
        var functions: [FunctionNode] = []
        for statement in statements {
            switch statement {
            case .declaration(let kind, let declarators) where kind != .var:
                for declarator in declarators { names.append(contentsOf: declarator.target.boundNames) }
            case .class(let node): names.append(node.name ?? "")
            case .function(let node):
                names.append(node.name ?? "")
                functions.append(node)
            default: break
            }
        }
        lexicalNames = names
        self.functions = functions
    }
}

/// A function's code, shared by every closure made from it.
final class FunctionNode {
    let name: String?
    let parameters: [(target: Pattern, defaultValue: Expression?)]
    let rest: Pattern?
    let body: Block
    let isArrow: Bool
    /// An arrow function with an expression body returns it.
    let expressionBody: Expression?
    let position: SourcePosition
    /// `var` names anywhere in the body (not in nested functions), hoisted to the function scope.
    let varNames: [String]
    let usesArguments: Bool
    var isClassConstructor = false
    /// The file the function was written in, for stack traces.
    var fileName = ""
    var isDerivedConstructor = false

    init(name: String?, parameters: [(target: Pattern, defaultValue: Expression?)], rest: Pattern?, body: Block,
         isArrow: Bool, expressionBody: Expression?, position: SourcePosition, varNames: [String], usesArguments: Bool) {
        self.name = name
        self.parameters = parameters
        self.rest = rest
        self.body = body
        self.isArrow = isArrow
        self.expressionBody = expressionBody
        self.position = position
        self.varNames = varNames
        self.usesArguments = usesArguments
    }
}

final class ClassNode {
    let name: String?
    let superclass: Expression?
    let constructor: FunctionNode?
    let methods: [(name: PropertyKey, function: FunctionNode, isStatic: Bool, kind: MethodKind)]
    let position: SourcePosition

    enum MethodKind { case method, getter, setter }

    init(name: String?, superclass: Expression?, constructor: FunctionNode?,
         methods: [(name: PropertyKey, function: FunctionNode, isStatic: Bool, kind: MethodKind)], position: SourcePosition) {
        self.name = name
        self.superclass = superclass
        self.constructor = constructor
        self.methods = methods
        self.position = position
    }
}

/// A parsed script: its top-level code as the body of the module wrapper function.
public final class Script {
    let function: FunctionNode
    public let fileName: String
    public let lines: [Substring]

    init(function: FunctionNode, fileName: String, source: String) {
        self.function = function
        self.fileName = fileName
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    func sourceLine(_ line: Int) -> String {
        line >= 1 && line <= lines.count ? String(lines[line - 1]) : ""
    }
}

extension Pattern {
    var boundNames: [String] {
        switch self {
        case .name(let name): return [name]
        case .object(let properties, let rest):
            return properties.flatMap { $0.target.boundNames } + (rest.map { [$0] } ?? [])
        case .array(let elements, let rest):
            return elements.flatMap { $0?.target.boundNames ?? [] } + (rest?.boundNames ?? [])
        case .expression: return []
        }
    }
}
