import Kernel
import Shell

/// What a command line would run, read with the workstation's own shell parser: every simple
/// command (in pipelines, lists, compound commands, `$(…)`, backquotes, `<(…)` and here-documents)
/// with its words as the shell would see them before expansion, and its redirections. It is what
/// `lesson lint` judges checks and solutions by, so it can never disagree with the shell about
/// where a command or a redirection begins.
struct CommandLineReading {
    /// One simple command: its words (assignments left out) and its redirections.
    struct SimpleCommand: Equatable {
        var words: [String] = []
        var redirections: [Redirect] = []
        /// The command's own variable assignments (`KUBE_EDITOR=… kubectl edit`), values as written.
        var assignments: [String: String] = [:]
    }

    /// A redirection as written: `>`, `2>>`, `&>`, `2>&` … and its target's text.
    struct Redirect: Equatable {
        var `operator`: String
        var target: String
        /// Whether it opens a file for writing (`>`, `>>`, `>|`, `<>`, `&>`, `&>>`); `/dev/null` is not a file.
        var writesFile: Bool

        init(operator: String, target: String, writesFile: Bool) {
            self.operator = `operator`
            self.target = target
            self.writesFile = writesFile
        }
    }

    /// Why the line cannot be read.
    enum Failure: Equatable {
        /// An unclosed quote, substitution, here-document or compound command.
        case incomplete
        /// Bash's syntax error message (`syntax error near unexpected token `|'`).
        case syntax(String)
    }

    /// The simple commands in the order the parser met them; a substitution's commands come
    /// before the command whose word holds it.
    private(set) var commands: [SimpleCommand] = []
    /// Set when the shell would not run the line at all.
    private(set) var failure: Failure?
    /// Function definitions: their bodies run later, whenever they are called.
    private(set) var definesFunctions = false

    init(_ line: String) {
        switch ShellParser.parse(line) {
        case .complete(let script): read(script)
        case .incomplete: failure = .incomplete
        case .error(let error): failure = .syntax(error.messages.joined(separator: "; "))
        }
    }

    private mutating func read(_ script: Script) {
        for item in script.items {
            read(item.list.first)
            for link in item.list.rest { read(link.pipeline) }
        }
    }

    private mutating func read(_ pipeline: Pipeline) {
        for command in pipeline.commands {
            switch command {
            case .simple(let simple):
                var reading = SimpleCommand()
                for assignment in simple.assignments { reading.assignments[assignment.name] = text(of: assignment.value) }
                reading.words = simple.words.map { text(of: $0) }
                reading.redirections = simple.redirections.map { redirection($0) }
                commands.append(reading)
            case .compound(let compound, let redirections):
                read(compound)
                let outer = redirections.map { redirection($0) }
                if !outer.isEmpty { commands.append(SimpleCommand(words: [], redirections: outer)) }
            case .functionDefinition(_, let body):
                definesFunctions = true
                read(body.command)
            }
        }
    }

    private mutating func read(_ compound: CompoundCommand) {
        switch compound {
        case .braceGroup(let script), .subshell(let script):
            read(script)
        case .ifClause(let branches, let otherwise):
            for branch in branches {
                read(branch.condition)
                read(branch.body)
            }
            if let otherwise { read(otherwise) }
        case .whileLoop(let condition, let body), .untilLoop(let condition, let body):
            read(condition)
            read(body)
        case .forLoop(_, let words, let body):
            for word in words ?? [] { _ = text(of: word) }
            read(body)
        case .arithmeticForLoop(let initial, let condition, let step, let body):
            _ = text(of: initial + condition + step)
            read(body)
        case .caseClause(let subject, let items):
            _ = text(of: subject)
            for item in items {
                for pattern in item.patterns { _ = text(of: pattern) }
                read(item.body)
            }
        case .conditional(let words):
            for word in words { _ = text(of: word) }
        case .arithmetic(let parts):
            _ = text(of: parts)
        }
    }

    private mutating func redirection(_ redirection: Redirection) -> Redirect {
        let target = text(of: redirection.target)
        let symbol: String
        var opensForWriting = false
        switch redirection.kind {
        case .input: symbol = "<"
        case .output: symbol = ">"; opensForWriting = true
        case .clobber: symbol = ">|"; opensForWriting = true
        case .append: symbol = ">>"; opensForWriting = true
        case .readWrite: symbol = "<>"; opensForWriting = true
        case .duplicateInput: symbol = "<&"
        case .duplicateOutput: symbol = ">&"
        case .outputAndError: symbol = "&>"; opensForWriting = true
        case .appendOutputAndError: symbol = "&>>"; opensForWriting = true
        case .hereString: symbol = "<<<"
        case .hereDocument: symbol = "<<"
        }
        let descriptor = redirection.descriptor.map(String.init) ?? ""
        return Redirect(operator: descriptor + symbol, target: target,
                           writesFile: opensForWriting && target != "/dev/null")
    }

    /// The word's text with quotes removed; expansions stay as written (`$HOME`, `$(…)`), and the
    /// commands inside substitutions are read on the way.
    private mutating func text(of word: Word) -> String {
        text(of: word.parts)
    }

    private mutating func text(of parts: [WordPart]) -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text), .quoted(let text):
                result += text
            case .doubleQuoted(let inner):
                result += text(of: inner)
            case .parameter(let expansion):
                result += "$" + expansion.name
                readWords(in: expansion.operation)
            case .commandSubstitution(let script):
                read(script)
                result += "$(…)"
            case .processSubstitution(let script):
                read(script)
                result += "<(…)"
            case .arithmetic(let inner):
                _ = text(of: inner)
                result += "$((…))"
            case .tilde(let user):
                result += "~" + user
            }
        }
        return result
    }

    /// `${x:-$(cmd)}` runs `cmd`: the words inside an expansion are read too.
    private mutating func readWords(in operation: ParameterExpansion.Operation) {
        switch operation {
        case .value, .length, .uppercase, .lowercase, .indices, .indirect:
            break
        case .useDefault(let word, _), .assignDefault(let word, _), .errorIfUnset(let word, _), .useAlternative(let word, _),
             .removePrefix(let word, _), .removeSuffix(let word, _):
            _ = text(of: word)
        case .replace(let pattern, let replacement, _):
            _ = text(of: pattern)
            _ = text(of: replacement)
        case .substring(let offset, let length):
            _ = text(of: offset + (length ?? []))
        }
    }
}
