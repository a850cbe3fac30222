import Kernel

/// A parsed shell script: a sequence of lists run one after another.
public struct Script: Equatable, Sendable {
    public var items: [ListItem]
    public init(items: [ListItem] = []) { self.items = items }
}

/// One and-or list, run in the foreground or (with `&`) in the background.
public struct ListItem: Equatable, Sendable {
    public var list: AndOrList
    public var isBackground: Bool
    /// The source text of the list, as `jobs` and job notifications show it.
    public var text: String

    public init(list: AndOrList, isBackground: Bool = false, text: String = "") {
        self.list = list
        self.isBackground = isBackground
        self.text = text
    }

    // The source text is presentation only: two items that parse alike are equal.
    public static func == (left: ListItem, right: ListItem) -> Bool {
        left.list == right.list && left.isBackground == right.isBackground
    }
}

/// The connective between two pipelines of an and-or list.
public enum AndOrOperator: Equatable, Sendable {
    case and  // &&
    case or   // ||
}

/// Pipelines joined by `&&` and `||`, evaluated left to right.
public struct AndOrList: Equatable, Sendable {
    public var first: Pipeline
    public var rest: [Link]

    /// One `&&`/`||` step of an and-or list.
    public struct Link: Equatable, Sendable {
        public var connective: AndOrOperator
        public var pipeline: Pipeline
        public init(_ connective: AndOrOperator, _ pipeline: Pipeline) {
            self.connective = connective
            self.pipeline = pipeline
        }
    }

    public init(first: Pipeline, rest: [Link] = []) {
        self.first = first
        self.rest = rest
    }
}

/// Commands joined by `|`, optionally negated with `!`.
public struct Pipeline: Equatable, Sendable {
    public var isNegated: Bool
    public var commands: [Command]
    /// `time` (or `time -p`) before the pipeline: report how long it took.
    public var timing: Timing?

    /// How `time` reports.
    public enum Timing: Equatable, Sendable {
        case standard  // real\t0m0.003s
        case posix     // real 0.00
    }

    public init(isNegated: Bool = false, commands: [Command], timing: Timing? = nil) {
        self.isNegated = isNegated
        self.commands = commands
        self.timing = timing
    }
}

/// One command of a pipeline.
public indirect enum Command: Equatable, Sendable {
    case simple(SimpleCommand)
    case compound(CompoundCommand, redirections: [Redirection])
    case functionDefinition(name: String, body: FunctionBody)
}

/// The body of a function: a compound command and the redirections applied on each call.
public struct FunctionBody: Equatable, Sendable {
    public var command: CompoundCommand
    public var redirections: [Redirection]
    public init(command: CompoundCommand, redirections: [Redirection] = []) {
        self.command = command
        self.redirections = redirections
    }
}

/// Assignments, words and redirections of a simple command.
public struct SimpleCommand: Equatable, Sendable {
    public var assignments: [Assignment]
    public var words: [Word]
    public var redirections: [Redirection]
    /// The 1-based source line it starts on, for `$LINENO` and script error messages.
    public var line: Int

    public init(assignments: [Assignment] = [], words: [Word] = [], redirections: [Redirection] = [], line: Int = 0) {
        self.assignments = assignments
        self.words = words
        self.redirections = redirections
        self.line = line
    }

    // The line is where the command was written, not what it is.
    public static func == (left: SimpleCommand, right: SimpleCommand) -> Bool {
        left.assignments == right.assignments && left.words == right.words && left.redirections == right.redirections
    }
}

/// `NAME=value` (or `NAME+=value`) before a command name; `NAME[i]=value` sets one element of
/// an indexed array and `NAME=(…)` the whole array.
public struct Assignment: Equatable, Sendable {
    public var name: String
    public var value: Word
    public var isAppend: Bool
    /// The arithmetic text of `NAME[subscript]=value`.
    public var arrayIndex: [WordPart]?
    /// The elements of `NAME=(…)`.
    public var elements: [ArrayElement]?
    public init(name: String, value: Word, isAppend: Bool = false, arrayIndex: [WordPart]? = nil, elements: [ArrayElement]? = nil) {
        self.name = name
        self.value = value
        self.isAppend = isAppend
        self.arrayIndex = arrayIndex
        self.elements = elements
    }
}

/// One word of `NAME=(…)`, optionally `[subscript]=word`.
public struct ArrayElement: Equatable, Sendable {
    public var arrayIndex: [WordPart]?
    public var value: Word
    public init(arrayIndex: [WordPart]? = nil, value: Word) {
        self.arrayIndex = arrayIndex
        self.value = value
    }
}

/// The compound commands of the shell grammar.
public indirect enum CompoundCommand: Equatable, Sendable {
    case braceGroup(Script)
    case subshell(Script)
    case ifClause(branches: [ConditionalBranch], otherwise: Script?)
    case whileLoop(condition: Script, body: Script)
    case untilLoop(condition: Script, body: Script)
    /// `for name in words` (`words` nil: `for name; do`, iterating over `"$@"`).
    case forLoop(name: String, words: [Word]?, body: Script)
    /// `for (( initial; condition; step ))`: arithmetic texts, each possibly empty.
    case arithmeticForLoop(initial: [WordPart], condition: [WordPart], step: [WordPart], body: Script)
    case caseClause(subject: Word, items: [CaseItem])
    /// `[[ … ]]`: its words, unsplit and unglobbed, evaluated as a test expression.
    case conditional([Word])
    /// `(( … ))`: an arithmetic command.
    case arithmetic([WordPart])
}

/// One `if`/`elif` condition and the list it guards.
public struct ConditionalBranch: Equatable, Sendable {
    public var condition: Script
    public var body: Script
    public init(condition: Script, body: Script) {
        self.condition = condition
        self.body = body
    }
}

/// One `pattern|pattern) list ;;` item of a `case`.
public struct CaseItem: Equatable, Sendable {
    public var patterns: [Word]
    public var body: Script
    /// `;&` falls through to the next body, `;;&` tests the next patterns.
    public var terminator: Terminator

    /// How a case item ends.
    public enum Terminator: Equatable, Sendable { case `break`, fallThrough, testNext }

    public init(patterns: [Word], body: Script, terminator: Terminator = .break) {
        self.patterns = patterns
        self.body = body
        self.terminator = terminator
    }
}

/// A redirection: which descriptor, how, and to what.
public struct Redirection: Equatable, Sendable {
    /// The descriptor written before the operator (`2>`); nil means the operator's default.
    public var descriptor: Int?
    public var kind: Kind
    /// The file name, the descriptor number for duplications, or a here-document's body.
    public var target: Word
    /// A here-document's delimiter and body as written, for printing functions back.
    public var hereDocumentSource: HereDocumentSource?

    /// The delimiter word and raw body of a here-document.
    public struct HereDocumentSource: Sendable {
        public var delimiter: String
        public var body: String
    }

    // Presentation details do not change what a redirection does.
    public static func == (left: Redirection, right: Redirection) -> Bool {
        left.descriptor == right.descriptor && left.kind == right.kind && left.target == right.target
    }

    /// The redirection operators.
    public enum Kind: Equatable, Sendable {
        case input                 // <
        case output                // >
        case clobber               // >|
        case append                // >>
        case readWrite             // <>
        case duplicateInput        // <&
        case duplicateOutput       // >&
        case outputAndError        // &>   (and >& word when word is not a number)
        case appendOutputAndError  // &>>
        case hereString            // <<<
        /// `<<DELIM` / `<<-DELIM`; `expands` is false when the delimiter was quoted.
        case hereDocument(expands: Bool)
    }

    /// The descriptor this redirection applies to.
    public var effectiveDescriptor: Int {
        if let descriptor { return descriptor }
        switch kind {
        case .input, .readWrite, .duplicateInput, .hereString, .hereDocument: return 0
        case .output, .clobber, .append, .duplicateOutput, .outputAndError, .appendOutputAndError: return 1
        }
    }

    public init(descriptor: Int? = nil, kind: Kind, target: Word) {
        self.descriptor = descriptor
        self.kind = kind
        self.target = target
    }
}

/// A shell word: a sequence of parts that expand and concatenate.
public struct Word: Equatable, Sendable, ExpressibleByStringLiteral {
    public var parts: [WordPart]
    /// The word as written (quotes included), for printing functions back; empty when unknown.
    public var source: String

    public init(_ parts: [WordPart], source: String = "") {
        self.parts = parts
        self.source = source
    }

    /// A word made of unquoted literal text.
    public init(stringLiteral value: String) {
        self.parts = [.literal(value)]
        self.source = value
    }

    // How a word was spelled does not change what it is.
    public static func == (left: Word, right: Word) -> Bool { left.parts == right.parts }

    /// The text when the word is unquoted literal text only (reserved words, names).
    public var plainText: String? {
        var text = ""
        for part in parts {
            guard case .literal(let piece) = part else { return nil }
            text += piece
        }
        return text
    }
}

/// A piece of a word.
public indirect enum WordPart: Equatable, Sendable {
    /// Unquoted text: subject to field splitting (after expansion) and globbing.
    case literal(String)
    /// Text whose characters are all quoted (single quotes, `\x`, `$'…'`).
    case quoted(String)
    /// `"…"`: its parts expand, but are neither split nor globbed.
    case doubleQuoted([WordPart])
    case parameter(ParameterExpansion)
    case commandSubstitution(Script)
    /// `<(list)`: a file name to read the list's output from.
    case processSubstitution(Script)
    /// `$(( … ))`: its parts expand to text that is then evaluated.
    case arithmetic([WordPart])
    /// `~` or `~user` at the start of a word.
    case tilde(user: String)
}

/// `$name`, `${name}`, `${name:-word}` and the other `${…}` forms.
public struct ParameterExpansion: Equatable, Sendable {
    /// A variable name, a digit string, or one of `? $ # @ * ! - 0`.
    public var name: String
    public var operation: Operation
    /// `${name[…]}`: one element, or all of them (`@`, `*`).
    public var arrayIndex: Subscript?

    /// Which elements of an array an expansion takes.
    public enum Subscript: Equatable, Sendable {
        /// `[@]` (separate words when quoted) or `[*]` (joined).
        case all(joined: Bool)
        /// `[expression]`: arithmetic text.
        case index([WordPart])
    }

    /// What the expansion does with the parameter's value.
    public enum Operation: Equatable, Sendable {
        case value
        case length                                          // ${#name}
        case useDefault(Word, ifNullToo: Bool)               // ${name:-w} / ${name-w}
        case assignDefault(Word, ifNullToo: Bool)            // ${name:=w} / ${name=w}
        case errorIfUnset(Word, ifNullToo: Bool)             // ${name:?w} / ${name?w}
        case useAlternative(Word, ifNullToo: Bool)           // ${name:+w} / ${name+w}
        case removePrefix(Word, longest: Bool)               // ${name#p} / ${name##p}
        case removeSuffix(Word, longest: Bool)               // ${name%p} / ${name%%p}
        case replace(pattern: Word, replacement: Word, all: Bool)  // ${name/p/r} ${name//p/r}
        case substring(offset: [WordPart], length: [WordPart]?)    // ${name:o:l}
        case uppercase(all: Bool)                            // ${name^} / ${name^^}
        case lowercase(all: Bool)                            // ${name,} / ${name,,}
        case indices                                         // ${!name[@]} / ${!name[*]}
        case indirect                                        // ${!name}
    }

    public init(name: String, operation: Operation = .value, arrayIndex: Subscript? = nil) {
        self.name = name
        self.operation = operation
        self.arrayIndex = arrayIndex
    }

    /// Whether it expands to a list of words like `$@` (`$@`, `$*`, `${a[@]}`, `${a[*]}`).
    public var isList: Bool {
        if case .all = arrayIndex { return true }
        return arrayIndex == nil && (name == "@" || name == "*")
    }

    /// Whether a list expands to one word joined by IFS's first character, when quoted.
    public var joinsList: Bool {
        if case .all(let joined) = arrayIndex { return joined }
        return name == "*"
    }
}
