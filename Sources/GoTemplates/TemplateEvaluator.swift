import Simulation
import Formatting
import StructuredData

/// Executes template nodes on JSON data with Go 1.8 text/template's semantics.
struct TemplateEvaluator {
    let source: String
    let missingKey: GoTemplate.MissingKeyPolicy
    private(set) var output = ""
    private var variables: [(name: String, value: TemplateValue)]

    let dialect: GoTemplate.Dialect

    init(source: String, root: TemplateValue, missingKey: GoTemplate.MissingKeyPolicy, dialect: GoTemplate.Dialect = .docker) {
        self.source = source
        self.missingKey = missingKey
        self.dialect = dialect
        variables = [("$", root)]
    }

    /// `template: :LINE:COLUMN: executing "" at <CONTEXT>: MESSAGE`
    func failure(_ message: String, at position: Int, context: String) -> TemplateError {
        let before = Array(source.utf8.prefix(position))
        let line = 1 + before.filter { $0 == UInt8(ascii: "\n") }.count
        let column = before.lastIndex(of: UInt8(ascii: "\n")).map { position - $0 - 1 } ?? position
        return TemplateError(message: "template: \(dialect.name):\(line):\(column): executing \"\(dialect.name)\" at <\(context)>: \(message)")
    }

    mutating func run(_ nodes: [TemplateNode], dot: TemplateValue) throws(TemplateError) {
        guard ThreadStack.hasRoom else { throw failure("max expression depth exceeded", at: 0, context: "") }
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .action(let pipeline):
                let mark = variables.count
                let value = try evaluate(pipeline, dot: dot)
                if pipeline.declarations.isEmpty {
                    output += value.printed
                    variables.removeSubrange(mark...)
                }
            case .conditional(let pipeline, let body, let otherwise), .with(let pipeline, let body, let otherwise):
                let mark = variables.count
                let value = try evaluate(pipeline, dot: dot)
                if value.isTrue {
                    if case .with = node { try run(body, dot: value) } else { try run(body, dot: dot) }
                } else if let otherwise {
                    try run(otherwise, dot: dot)
                }
                variables.removeSubrange(mark...)
            case .range(let pipeline, let body, let otherwise):
                try range(pipeline, body: body, otherwise: otherwise, dot: dot)
            }
        }
    }

    private mutating func range(_ pipeline: TemplatePipeline, body: [TemplateNode], otherwise: [TemplateNode]?,
                                dot: TemplateValue) throws(TemplateError) {
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        let value = try evaluate(pipeline, dot: dot)
        var iterations: [(key: TemplateValue, element: TemplateValue)] = []
        switch value {
        case .missing, .json(.null):
            break
        case .json(.array(let elements)):
            iterations = elements.enumerated().map { (.integer($0.offset), .json($0.element)) }
        case .json(.object(let object)):
            iterations = object.keys.sorted().map { (.string($0), .json(object[$0] ?? .null)) }
        case .json(let other):
            throw failure("range can't iterate over \(GoFormat.value(other))", at: pipeline.position,
                          context: pipeline.description)
        }
        guard !iterations.isEmpty else {
            if let otherwise { try run(otherwise, dot: dot) }
            return
        }
        let bodyMark = variables.count
        for (key, element) in iterations {
            let declared = pipeline.declarations
            if let last = declared.last, let index = variables.lastIndex(where: { $0.name == last }) {
                variables[index].value = element
            }
            if declared.count > 1, let index = variables.lastIndex(where: { $0.name == declared[0] }) {
                variables[index].value = key
            }
            try run(body, dot: element)
            variables.removeSubrange(bodyMark...)
        }
    }

    // MARK: - Pipelines and commands

    mutating func evaluate(_ pipeline: TemplatePipeline, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        guard ThreadStack.hasRoom else { throw failure("max expression depth exceeded", at: pipeline.position, context: "") }
        var value: TemplateValue?
        for command in pipeline.commands {
            value = try evaluate(command, dot: dot, final: value)
        }
        let result = value ?? .missing
        for name in pipeline.declarations { variables.append((name, result)) }
        return result
    }

    private mutating func evaluate(_ command: TemplateCommand, dot: TemplateValue, final: TemplateValue?) throws(TemplateError) -> TemplateValue {
        guard let first = command.arguments.first else { return .missing }
        let hasArguments = command.arguments.count > 1 || final != nil
        switch first {
        case .field(let fields, let position):
            return try fieldChain(fields, of: dot, context: first.description, position: position, hasArguments: hasArguments)
        case .chain(let base, let fields, let position):
            let receiver = try argument(base, dot: dot)
            return try fieldChain(fields, of: receiver, context: first.description, position: position, hasArguments: hasArguments)
        case .variable(let name, let fields, let position):
            let value = try variable(name, position: position)
            if fields.isEmpty {
                if hasArguments { throw failure("can't give argument to non-function \(first)", at: position, context: first.description) }
                return value
            }
            return try fieldChain(fields, of: value, context: first.description, position: position, hasArguments: hasArguments)
        case .identifier(let name, _):
            return try call(name, arguments: Array(command.arguments.dropFirst()), final: final, dot: dot,
                            context: command.description, position: command.position)
        case .pipeline(let inner):
            return try evaluate(inner, dot: dot)
        default:
            if hasArguments {
                throw failure("can't give argument to non-function \(first)", at: first.position, context: first.description)
            }
            return try argument(first, dot: dot)
        }
    }

    private func variable(_ name: String, position: Int) throws(TemplateError) -> TemplateValue {
        guard let entry = variables.last(where: { $0.name == name }) else {
            throw failure("undefined variable: \(name)", at: position, context: name)
        }
        return entry.value
    }

    /// An operand used as a function argument.
    mutating func argument(_ node: TemplateArgument, dot: TemplateValue) throws(TemplateError) -> TemplateValue {
        switch node {
        case .dot: return dot
        case .nil: return .json(.null)
        case .bool(let value, _): return .bool(value)
        case .number(.integer(let value), _, _): return .integer(value)
        case .number(.float(let value), _, _): return .json(.number(.double(value)))
        case .string(let value, _, _): return .string(value)
        case .field(let fields, let position):
            return try fieldChain(fields, of: dot, context: node.description, position: position, hasArguments: false)
        case .variable(let name, let fields, let position):
            let value = try variable(name, position: position)
            return fields.isEmpty ? value
                : try fieldChain(fields, of: value, context: node.description, position: position, hasArguments: false)
        case .chain(let base, let fields, let position):
            let receiver = try argument(base, dot: dot)
            return try fieldChain(fields, of: receiver, context: node.description, position: position, hasArguments: false)
        case .pipeline(let pipeline):
            return try evaluate(pipeline, dot: dot)
        case .identifier(let name, let position):
            return try call(name, arguments: [], final: nil, dot: dot, context: name, position: position)
        }
    }

    private func fieldChain(_ fields: [String], of receiver: TemplateValue, context: String, position: Int,
                            hasArguments: Bool) throws(TemplateError) -> TemplateValue {
        var value = receiver
        for (offset, name) in fields.enumerated() {
            let last = offset == fields.count - 1
            switch value {
            case .missing:
                return .missing
            case .json(.null):
                throw failure("nil pointer evaluating interface {}.\(name)", at: position, context: context)
            case .json(.object(let object)):
                if last && hasArguments {
                    throw failure("\(name) is not a method but has arguments", at: position, context: context)
                }
                if let member = object[name] {
                    value = .json(member)
                } else if missingKey == .error {
                    throw failure("map has no entry for key \(goQuoted(name))", at: position, context: context)
                } else {
                    value = .missing
                }
            default:
                throw failure("can't evaluate field \(name) in type \(value.goTypeName)", at: position, context: context)
            }
        }
        return value
    }

    private mutating func call(_ name: String, arguments: [TemplateArgument], final: TemplateValue?, dot: TemplateValue,
                               context: String, position: Int) throws(TemplateError) -> TemplateValue {
        guard let function = TemplateFunctions.table(for: dialect)[name] else {
            throw failure("\(goQuoted(name)) is not a defined function", at: position, context: context)
        }
        let given = arguments.count + (final == nil ? 0 : 1)
        let fixed = function.parameters.count
        if function.variadic != nil {
            guard given >= fixed else {
                throw failure("wrong number of args for \(name): want at least \(fixed) got \(arguments.count)",
                              at: position, context: context)
            }
        } else if given != fixed {
            throw failure("wrong number of args for \(name): want \(fixed) got \(arguments.count)", at: position, context: context)
        }
        var values: [TemplateValue] = []
        for (index, node) in arguments.enumerated() {
            let type = index < fixed ? function.parameters[index] : (function.variadic ?? .any)
            let value = try argument(node, dot: dot)
            if let problem = type.mismatch(value) {
                throw failure(problem, at: node.position, context: node.description)
            }
            values.append(value)
        }
        if let final {
            let type = values.count < fixed ? function.parameters[values.count] : (function.variadic ?? .any)
            if let problem = type.mismatch(final) { throw failure(problem, at: position, context: context) }
            values.append(final)
        }
        do {
            return try function.body(values)
        } catch {
            throw failure("error calling \(name): \(error.message)", at: position, context: context)
        }
    }
}
