import Foundation
import Yams

/// Reads one lesson file (YAML, schema in `lessons/README.md`) into a `Lesson`, reporting
/// every schema problem with its line.
public enum LessonParser {
    /// What parsing a file produced: the lesson when it could be read, and the problems found.
    public struct Result: Sendable {
        public var lesson: Lesson?
        public var diagnostics: [LessonDiagnostic]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    static let lessonFields: Set<String> = ["id", "chapter", "section", "title", "prerequisites", "minutes", "world", "steps"]
    static let stepFields: Set<String> = ["id", "instruction", "setup", "checks", "hints", "solution", "explain", "mistakes"]
    static let setupFields: Set<String> = ["files", "commands"]
    static let fileFields: Set<String> = ["path", "content"]
    static let checkFields: Set<String> = ["run", "typed", "status", "equals", "contains", "matches", "lacks"]
    static let mistakeFields: Set<String> = ["check", "say", "test"]
    static let worldFields: Set<String> = ["cluster", "commands", "files"]
    static let mistakeTestFields: Set<String> = ["fires", "silent"]

    /// Lesson and step ids: lower-case letters, digits and dashes.
    static func isValidIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Parses the file at `url`, naming it `path` in messages.
    public static func parse(contentsOf url: URL, path: String? = nil) -> Result {
        let shownPath = path ?? url.path
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return parse(text, path: shownPath)
        } catch {
            return Result(lesson: nil, diagnostics: [LessonDiagnostic(.error, "cannot read the file: \(error.localizedDescription)",
                                                                      at: SourceLocation(path: shownPath, line: 1))])
        }
    }

    /// Parses lesson YAML `text`, naming it `path` in messages.
    public static func parse(_ text: String, path: String) -> Result {
        // Every field is read as text (numbers too), so no scalar needs its type resolved:
        // the default resolver's regular expressions were most of the course's start-up.
        parse(text, path: path, resolvingScalarTypes: false)
    }

    static func parse(_ text: String, path: String, resolvingScalarTypes: Bool) -> Result {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, resolvingScalarTypes ? .default : .basic)
        } catch {
            return Result(lesson: nil, diagnostics: [yamlDiagnostic(error, path: path)])
        }
        guard let node else {
            return Result(lesson: nil, diagnostics: [LessonDiagnostic(.error, "the file is empty", at: SourceLocation(path: path, line: 1))])
        }
        var reader = YAMLNodeReader(path: path)
        let lesson = readLesson(node, reader: &reader)
        let hasErrors = reader.diagnostics.contains { $0.severity == .error }
        return Result(lesson: hasErrors ? nil : lesson, diagnostics: reader.diagnostics)
    }

    /// A YAML syntax error with the line Yams reports.
    static func yamlDiagnostic(_ error: any Error, path: String) -> LessonDiagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line) }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return LessonDiagnostic(.error, "not valid YAML: \(detail)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return LessonDiagnostic(.error, "a field is given twice: \(duplicates.joined(separator: ", "))", at: at(context.mark))
        default:
            return LessonDiagnostic(.error, "not valid YAML: \(error)", at: SourceLocation(path: path, line: 1))
        }
    }

    private static func readLesson(_ node: Node, reader: inout YAMLNodeReader) -> Lesson? {
        guard let fields = reader.mapping(node, what: "a lesson", allowed: lessonFields) else { return nil }
        let id = reader.requiredString(fields, "id", in: "the lesson", at: node)
        if let id, !isValidIdentifier(id) {
            reader.error("the lesson id \"\(id)\" may only hold lower-case letters, digits and dashes", at: fields["id"])
        }
        var chapter: Int?
        if let chapterNode = fields["chapter"] {
            chapter = reader.integer(chapterNode, what: "chapter")
        } else {
            reader.error("the lesson needs \"chapter\"", at: node)
        }
        let section = reader.requiredString(fields, "section", in: "the lesson", at: node)
        if let section, section.split(separator: ".", omittingEmptySubsequences: false).contains(where: { Int($0) == nil }) {
            reader.error("section \"\(section)\" must be numbers joined by dots, like 2.1", at: fields["section"])
        }
        let title = reader.requiredLocalized(fields, "title", in: "the lesson", at: node)
        let prerequisiteNodes = reader.sequence(fields["prerequisites"], what: "prerequisites")
        var prerequisites: [String] = []
        var prerequisiteSources: [SourceLocation] = []
        for prerequisiteNode in prerequisiteNodes {
            guard let name = reader.string(prerequisiteNode, what: "each of prerequisites") else { continue }
            prerequisites.append(name)
            prerequisiteSources.append(reader.location(of: prerequisiteNode))
        }
        var minutes: Int?
        if let minutesNode = fields["minutes"] {
            minutes = reader.integer(minutesNode, what: "minutes")
            if let value = minutes, value <= 0 { reader.error("minutes must be more than 0", at: minutesNode) }
        } else {
            reader.error("the lesson needs \"minutes\" (the estimated time)", at: node)
        }
        let world = fields["world"].flatMap { readWorld($0, reader: &reader) }
        let stepNodes = reader.sequence(fields["steps"], what: "steps")
        if stepNodes.isEmpty { reader.error("the lesson needs at least one step under \"steps\"", at: fields["steps"] ?? node) }
        var steps: [Step] = []
        var stepIDs: [String: Int] = [:]
        for (index, stepNode) in stepNodes.enumerated() {
            guard let step = readStep(stepNode, number: index + 1, reader: &reader) else { continue }
            if let first = stepIDs[step.id] {
                reader.error("step id \"\(step.id)\" is used twice (first at line \(first))", at: stepNode)
            }
            stepIDs[step.id] = step.source.line
            steps.append(step)
        }
        guard let id, let chapter, let section, let title, let minutes else { return nil }
        var lesson = Lesson(id: id, chapter: chapter, section: section, title: title, prerequisites: prerequisites,
                            estimatedMinutes: minutes, world: world, steps: steps, source: reader.location(of: node))
        lesson.prerequisiteSources = prerequisiteSources
        return lesson
    }

    private static func readStep(_ node: Node, number: Int, reader: inout YAMLNodeReader) -> Step? {
        let what = "step \(number)"
        guard let fields = reader.mapping(node, what: what, allowed: stepFields) else { return nil }
        var id = String(number)
        if let idNode = fields["id"], let text = reader.string(idNode, what: "\(what): id") {
            if isValidIdentifier(text) { id = text } else {
                reader.error("\(what): the id \"\(text)\" may only hold lower-case letters, digits and dashes", at: idNode)
            }
        }
        let instruction = reader.requiredLocalized(fields, "instruction", in: what, at: node)
        let setup = fields["setup"].map { readSetup($0, what: "\(what): setup", reader: &reader) } ?? StepSetup()
        let checkNodes = reader.sequence(fields["checks"], what: "\(what): checks")
        if checkNodes.isEmpty { reader.error("\(what) needs at least one check under \"checks\"", at: fields["checks"] ?? node) }
        let checks = checkNodes.compactMap { readCheck($0, what: "\(what): a check", reader: &reader) }
        let hints = reader.sequence(fields["hints"], what: "\(what): hints").compactMap {
            reader.localized($0, what: "\(what): a hint")
        }
        var solution: [String] = []
        var solutionStatuses: [Int: Int32] = [:]
        for item in reader.sequence(fields["solution"], what: "\(what): solution") {
            guard case .mapping = item else {
                if let line = reader.string(item, what: "each of \(what): solution") { solution.append(line) }
                continue
            }
            // `{run: LINE, status: N}`: a line that ends with another status than 0.
            guard let line = reader.mapping(item, what: "\(what): a solution line", allowed: ["run", "status"]) else { continue }
            guard let run = line["run"] else {
                reader.error("\(what): a solution line needs \"run\" (the command line)", at: item)
                continue
            }
            guard let text = reader.string(run, what: "\(what): a solution line: run") else { continue }
            if let status = reader.integer(line["status"], what: "\(what): a solution line: status") {
                if (0...255).contains(status) {
                    solutionStatuses[solution.count] = Int32(status)
                } else {
                    reader.error("\(what): a solution line: status must be between 0 and 255", at: line["status"] ?? item)
                }
            }
            solution.append(text)
        }
        if solution.isEmpty { reader.error("\(what) needs a solution (the commands that solve it)", at: fields["solution"] ?? node) }
        let explain = reader.localized(fields["explain"], what: "\(what): explain")
        let mistakes = reader.sequence(fields["mistakes"], what: "\(what): mistakes").compactMap {
            readMistake($0, what: "\(what): a mistake", reader: &reader)
        }
        guard let instruction else { return nil }
        var step = Step(id: id, instruction: instruction, setup: setup, checks: checks, hints: hints, solution: solution,
                        explain: explain, mistakes: mistakes, source: reader.location(of: node))
        step.solutionStatuses = solutionStatuses
        return step
    }

    private static func readWorld(_ node: Node, reader: inout YAMLNodeReader) -> LessonWorld? {
        let what = "the lesson's world"
        guard let fields = reader.mapping(node, what: what, allowed: worldFields) else { return nil }
        var cluster = LessonWorld.Cluster.none
        if let clusterNode = fields["cluster"], let text = reader.string(clusterNode, what: "\(what): cluster") {
            if let known = LessonWorld.Cluster(rawValue: text) {
                cluster = known
            } else {
                let kinds = LessonWorld.Cluster.allCases.map(\.rawValue).joined(separator: ", ")
                reader.error("\(what): cluster \"\(text)\" is not one of \(kinds)", at: clusterNode)
            }
        }
        let files = readFiles(fields["files"], what: what, reader: &reader)
        let commands = reader.strings(fields["commands"], what: "\(what): commands")
        return LessonWorld(cluster: cluster, commands: commands, files: files)
    }

    private static func readSetup(_ node: Node, what: String, reader: inout YAMLNodeReader) -> StepSetup {
        guard let fields = reader.mapping(node, what: what, allowed: setupFields) else { return StepSetup() }
        let files = readFiles(fields["files"], what: what, reader: &reader)
        let commands = reader.strings(fields["commands"], what: "\(what): commands")
        return StepSetup(files: files, commands: commands)
    }

    /// `{path, content}` files for the learner's home.
    private static func readFiles(_ node: Node?, what: String, reader: inout YAMLNodeReader) -> [SetupFile] {
        reader.sequence(node, what: "\(what): files").compactMap { fileNode -> SetupFile? in
            guard let file = reader.mapping(fileNode, what: "\(what): a file", allowed: fileFields) else { return nil }
            let path = reader.requiredString(file, "path", in: "\(what): a file", at: fileNode)
            let content = reader.string(file["content"], what: "\(what): a file's content") ?? ""
            if let path, path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                reader.error("\(what): the file path \"\(path)\" must stay inside the learner's home (relative, no ..)", at: file["path"])
                return nil
            }
            guard let path else { return nil }
            return SetupFile(path: path, contents: content)
        }
    }

    static func readCheck(_ node: Node, what: String, reader: inout YAMLNodeReader) -> Check? {
        guard let fields = reader.mapping(node, what: what, allowed: checkFields) else { return nil }
        let location = reader.location(of: node)
        let kind: Check.Kind
        switch (fields["run"], fields["typed"]) {
        case (let run?, nil):
            guard let command = reader.string(run, what: "\(what): run"), !command.isEmpty else { return nil }
            kind = .command(command)
        case (nil, let typed?):
            guard let pattern = reader.string(typed, what: "\(what): typed"), !pattern.isEmpty else { return nil }
            guard isValidRegex(pattern) else {
                reader.error("\(what): \"\(pattern)\" is not a valid regular expression", at: typed)
                return nil
            }
            kind = .typed(pattern: pattern)
        case (nil, nil):
            reader.error("\(what) needs \"run\" (a command) or \"typed\" (a pattern for the typed line)", at: node)
            return nil
        case (_?, _?):
            reader.error("\(what) has both \"run\" and \"typed\": use two checks", at: node)
            return nil
        }
        var status: Int32? = 0
        if let statusNode = fields["status"], case .scalar(let scalar) = statusNode, ["~", "null", ""].contains(scalar.string) {
            status = nil
        } else if let statusNode = fields["status"] {
            if let value = reader.integer(statusNode, what: "\(what): status") {
                guard (0...255).contains(value) else {
                    reader.error("\(what): status must be between 0 and 255", at: statusNode)
                    return nil
                }
                status = Int32(value)
            }
        }
        let expectations = ["equals", "contains", "matches", "lacks"].filter { fields[$0] != nil }
        if expectations.count > 1 {
            reader.error("\(what) has \(expectations.joined(separator: " and ")): give at most one, or use several checks", at: node)
            return nil
        }
        var output: OutputExpectation?
        if let key = expectations.first {
            if case .typed = kind {
                reader.error("\(what): a typed check matches the line itself and takes no \"\(key)\"", at: fields[key])
                return nil
            }
            guard let text = reader.string(fields[key], what: "\(what): \(key)") else { return nil }
            switch key {
            case "equals": output = .equals(text)
            case "contains": output = .contains(text)
            case "lacks": output = .lacks(text)
            default:
                guard isValidRegex(text) else {
                    reader.error("\(what): \"\(text)\" is not a valid regular expression", at: fields[key])
                    return nil
                }
                output = .matches(text)
            }
        }
        return Check(kind: kind, status: status, output: output, source: location)
    }

    private static func readMistake(_ node: Node, what: String, reader: inout YAMLNodeReader) -> Mistake? {
        guard let fields = reader.mapping(node, what: what, allowed: mistakeFields) else { return nil }
        guard let checkNode = fields["check"] else {
            reader.error("\(what) needs \"check\" (what recognizes it)", at: node)
            return nil
        }
        let check = readCheck(checkNode, what: "\(what): check", reader: &reader)
        let message = reader.requiredLocalized(fields, "say", in: what, at: node)
        var test: MistakeTest?
        if let testNode = fields["test"], let testFields = reader.mapping(testNode, what: "\(what): test", allowed: mistakeTestFields) {
            let fires = reader.strings(testFields["fires"], what: "\(what): test: fires")
            if fires.isEmpty {
                reader.error("\(what): the test needs \"fires\" (command lines after which the note must show)", at: testFields["fires"] ?? testNode)
            }
            let silent = testFields["silent"].map { reader.strings($0, what: "\(what): test: silent") }
            test = MistakeTest(fires: fires, silent: silent, source: reader.location(of: testNode))
        }
        guard let check, let message else { return nil }
        return Mistake(check: check, message: message, test: test)
    }

    static func isValidRegex(_ pattern: String) -> Bool {
        (try? NSRegularExpression(pattern: pattern)) != nil
    }
}
