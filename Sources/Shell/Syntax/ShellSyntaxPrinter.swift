import Kernel

/// Prints parsed commands back as bash does for `type` and `declare -f`: one command per line,
/// four spaces per level, `;` between commands, here-documents after their line.
struct ShellSyntaxPrinter {
    /// `name () \n{ \n    …\n}`.
    static func function(named name: String, _ body: FunctionBody) -> String {
        var printer = ShellSyntaxPrinter()
        var text = "\(name) () \n{ \n"
        switch body.command {
        case .braceGroup(let script):
            text += printer.list(script, indent: 4)
        default:
            text += "    " + printer.compound(body.command, indent: 4)
        }
        text += printer.takeHereDocuments()
        text += "\n}"
        let redirections = body.redirections.map { printer.redirection($0) }.joined(separator: " ")
        return redirections.isEmpty ? text : text + " " + redirections
    }

    private var pendingHereDocuments: [String] = []

    private mutating func takeHereDocuments() -> String {
        defer { pendingHereDocuments.removeAll() }
        return pendingHereDocuments.isEmpty ? "" : "\n" + pendingHereDocuments.joined()
    }

    /// Items on lines of their own at `indent`; inside `if`, loops and `for`, bash ends the last
    /// one with `;` too.
    mutating func list(_ script: Script, indent: Int, terminatesLast: Bool = false) -> String {
        let padding = String(repeating: " ", count: indent)
        var text = ""
        var startsLine = true
        for (index, item) in script.items.enumerated() {
            if startsLine { text += padding }
            text += andOr(item.list, indent: indent)
            let isLast = index == script.items.count - 1
            if item.isBackground {
                text += " &"
                if !isLast { text += " " }
                startsLine = false
                continue
            }
            startsLine = true
            let documents = takeHereDocuments()
            if !documents.isEmpty {
                text += documents
                if !isLast { text += "\n" }
            } else if !isLast {
                text += ";\n"
            } else if terminatesLast {
                text += ";"
            }
        }
        return text
    }

    /// Items on one line, for conditions and subshells.
    mutating func inline(_ script: Script, indent: Int) -> String {
        var text = ""
        for (index, item) in script.items.enumerated() {
            text += andOr(item.list, indent: indent)
            if item.isBackground { text += " &" }
            if index < script.items.count - 1 { text += item.isBackground ? " " : "; " }
        }
        return text
    }

    mutating func andOr(_ list: AndOrList, indent: Int) -> String {
        var text = pipeline(list.first, indent: indent)
        for link in list.rest {
            text += (link.connective == .and ? " && " : " || ") + pipeline(link.pipeline, indent: indent)
        }
        return text
    }

    mutating func pipeline(_ pipeline: Pipeline, indent: Int) -> String {
        var text = ""
        if let timing = pipeline.timing { text += timing == .posix ? "time -p " : "time " }
        if pipeline.isNegated { text += "! " }
        return text + pipeline.commands.map { command($0, indent: indent) }.joined(separator: " | ")
    }

    mutating func command(_ command: Command, indent: Int) -> String {
        switch command {
        case .simple(let simple):
            var words = simple.assignments.map(Self.source(of:))
            words += simple.words.map(Self.source)
            words += simple.redirections.map { redirection($0) }
            return words.joined(separator: " ")
        case .compound(let compound, let redirections):
            let text = self.compound(compound, indent: indent)
            let suffix = redirections.map { redirection($0) }.joined(separator: " ")
            return suffix.isEmpty ? text : text + " " + suffix
        case .functionDefinition(let name, let body):
            let padding = String(repeating: " ", count: indent)
            return Self.function(named: name, body).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated().map { $0.offset == 0 ? String($0.element) : padding + $0.element }.joined(separator: "\n")
        }
    }

    mutating func compound(_ compound: CompoundCommand, indent: Int) -> String {
        let padding = String(repeating: " ", count: indent)
        let inner = indent + 4
        switch compound {
        case .braceGroup(let script):
            return "{ \n" + list(script, indent: inner) + takeHereDocuments() + "\n" + padding + "}"
        case .subshell(let script):
            return "( " + inline(script, indent: indent) + " )"
        case .ifClause(let branches, let otherwise):
            guard let first = branches.first else { return "" }
            var text = "if " + inline(first.condition, indent: indent) + "; then\n" + list(first.body, indent: inner, terminatesLast: true) + "\n"
            let rest = Array(branches.dropFirst())
            if !rest.isEmpty {
                text += padding + "else\n" + String(repeating: " ", count: inner)
                    + self.compound(.ifClause(branches: rest, otherwise: otherwise), indent: inner) + ";\n"
            } else if let otherwise {
                text += padding + "else\n" + list(otherwise, indent: inner, terminatesLast: true) + "\n"
            }
            return text + padding + "fi"
        case .whileLoop(let condition, let body), .untilLoop(let condition, let body):
            let keyword = if case .whileLoop = compound { "while" } else { "until" }
            return keyword + " " + inline(condition, indent: indent) + "; do\n" + list(body, indent: inner, terminatesLast: true) + "\n" + padding + "done"
        case .forLoop(let name, let words, let body):
            let items = words.map { $0.map(Self.source).joined(separator: " ") } ?? "\"$@\""
            return "for \(name) in \(items);\n" + padding + "do\n" + list(body, indent: inner, terminatesLast: true) + "\n" + padding + "done"
        case .arithmeticForLoop(let initial, let condition, let step, let body):
            let header = [initial, condition, step].map(Self.source).joined(separator: "; ")
            return "for ((\(header)))\n" + padding + "do\n" + list(body, indent: inner, terminatesLast: true) + "\n" + padding + "done"
        case .caseClause(let subject, let items):
            var text = "case " + Self.source(of: subject) + " in \n"
            let itemPadding = String(repeating: " ", count: inner)
            for item in items {
                text += itemPadding + item.patterns.map(Self.source).joined(separator: " | ") + ")\n"
                if !item.body.items.isEmpty { text += list(item.body, indent: inner + 4) + "\n" }
                switch item.terminator {
                case .break: text += itemPadding + ";;\n"
                case .fallThrough: text += itemPadding + ";&\n"
                case .testNext: text += itemPadding + ";;&\n"
                }
            }
            return text + padding + "esac"
        case .conditional(let words):
            return "[[ " + words.map(Self.source).joined(separator: " ") + " ]]"
        case .arithmetic(let parts):
            return "(( " + Self.source(of: parts).trimmingCharacters(in: " \t\n") + " ))"
        }
    }

    mutating func redirection(_ redirection: Redirection) -> String {
        let target = Self.source(of: redirection.target)
        let descriptor = redirection.descriptor.map(String.init) ?? ""
        switch redirection.kind {
        case .input: return descriptor + "< " + target
        case .output: return descriptor + "> " + target
        case .clobber: return descriptor + ">| " + target
        case .append: return descriptor + ">> " + target
        case .readWrite: return descriptor + "<> " + target
        case .duplicateInput: return String(redirection.effectiveDescriptor) + "<&" + target
        case .duplicateOutput: return String(redirection.effectiveDescriptor) + ">&" + target
        case .outputAndError: return "&> " + target
        case .appendOutputAndError: return "&>> " + target
        case .hereString: return descriptor + "<<< " + target
        case .hereDocument:
            guard let source = redirection.hereDocumentSource else { return descriptor + "<<EOF" }
            pendingHereDocuments.append(source.body)
            return descriptor + source.delimiter
        }
    }

    /// An assignment as bash prints it back: `a=b`, `a[1]=b`, `a=(x [3]=y)`.
    static func source(of assignment: Assignment) -> String {
        var text = assignment.name
        if let arrayIndex = assignment.arrayIndex { text += "[" + source(of: arrayIndex) + "]" }
        text += assignment.isAppend ? "+=" : "="
        guard let elements = assignment.elements else { return text + source(of: assignment.value) }
        let words = elements.map { element in
            (element.arrayIndex.map { "[" + source(of: $0) + "]=" } ?? "") + source(of: element.value)
        }
        return text + "(" + words.joined(separator: " ") + ")"
    }

    /// A word as written, or rebuilt from its parts when the spelling is unknown.
    static func source(of word: Word) -> String {
        word.source.isEmpty ? source(of: word.parts) : word.source
    }

    static func source(of parts: [WordPart]) -> String {
        parts.map { part in
            switch part {
            case .literal(let text): return text
            case .quoted(let text): return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
            case .doubleQuoted(let inner): return "\"" + source(of: inner) + "\""
            case .parameter(let expansion):
                let simple = expansion.operation == .value && expansion.arrayIndex == nil && expansion.name.count == 1
                return simple ? "$" + expansion.name : "${\(expansion.name)}"
            case .commandSubstitution(let script):
                var printer = ShellSyntaxPrinter()
                return "$(" + printer.inline(script, indent: 0) + ")"
            case .processSubstitution(let script):
                var printer = ShellSyntaxPrinter()
                return "<(" + printer.inline(script, indent: 0) + ")"
            case .arithmetic(let inner): return "$((" + source(of: inner) + "))"
            case .tilde(let user): return "~" + user
            }
        }.joined()
    }
}
