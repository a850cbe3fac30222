/// A parsed template: text, actions and control structures.
indirect enum TemplateNode: Sendable {
    case text(String)
    case action(TemplatePipeline)
    case conditional(TemplatePipeline, body: [TemplateNode], otherwise: [TemplateNode]?)
    case range(TemplatePipeline, body: [TemplateNode], otherwise: [TemplateNode]?)
    case with(TemplatePipeline, body: [TemplateNode], otherwise: [TemplateNode]?)
}

/// `[$x :=] command | command …`
struct TemplatePipeline: Sendable, CustomStringConvertible {
    let position: Int
    var declarations: [String] = []
    var commands: [TemplateCommand] = []

    var description: String {
        let body = commands.map(\.description).joined(separator: " | ")
        return declarations.isEmpty ? body : declarations.joined(separator: ", ") + " := " + body
    }
}

/// One stage of a pipeline: a function, field or value with its arguments.
struct TemplateCommand: Sendable, CustomStringConvertible {
    let position: Int
    var arguments: [TemplateArgument] = []

    var description: String {
        arguments.map { argument in
            if case .pipeline(let pipeline) = argument { return "(" + pipeline.description + ")" }
            return argument.description
        }.joined(separator: " ")
    }
}

/// An operand.
indirect enum TemplateArgument: Sendable, CustomStringConvertible {
    case field([String], position: Int)
    case variable(String, fields: [String], position: Int)
    case identifier(String, position: Int)
    case dot(position: Int)
    case `nil`(position: Int)
    case bool(Bool, position: Int)
    case number(TemplateNumber, text: String, position: Int)
    case string(String, quoted: String, position: Int)
    case pipeline(TemplatePipeline)
    case chain(TemplateArgument, fields: [String], position: Int)

    var position: Int {
        switch self {
        case .field(_, let position), .variable(_, _, let position), .identifier(_, let position), .dot(let position),
             .nil(let position), .bool(_, let position), .number(_, _, let position), .string(_, _, let position),
             .chain(_, _, let position):
            position
        case .pipeline(let pipeline): pipeline.position
        }
    }

    var description: String {
        switch self {
        case .field(let fields, _): fields.map { "." + $0 }.joined()
        case .variable(let name, let fields, _): name + fields.map { "." + $0 }.joined()
        case .identifier(let name, _): name
        case .dot: "."
        case .nil: "nil"
        case .bool(let value, _): value ? "true" : "false"
        case .number(_, let text, _): text
        case .string(_, let quoted, _): quoted
        case .pipeline(let pipeline): pipeline.description
        case .chain(let base, let fields, _):
            (base.isPipeline ? "(" + base.description + ")" : base.description) + fields.map { "." + $0 }.joined()
        }
    }

    private var isPipeline: Bool {
        if case .pipeline = self { return true }
        return false
    }
}

/// A numeric constant: Go keeps untyped constants exact; integers and floats are enough here.
enum TemplateNumber: Sendable, Equatable {
    case integer(Int)
    case float(Double)
}
