import Yams

/// Walks a composed YAML document and collects schema problems with their lines, so that one
/// pass reports every mistake of a file rather than only the first.
struct YAMLNodeReader {
    let path: String
    private(set) var diagnostics: [LessonDiagnostic] = []

    init(path: String) {
        self.path = path
    }

    func location(of node: Node?, fallback: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: node?.mark?.line ?? fallback)
    }

    mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(LessonDiagnostic(.error, message, at: location(of: node)))
    }

    mutating func warning(_ message: String, at node: Node?) {
        diagnostics.append(LessonDiagnostic(.warning, message, at: location(of: node)))
    }

    /// The pairs of a mapping, keyed by their text; unknown keys are reported.
    mutating func mapping(_ node: Node, what: String, allowed: Set<String>) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping", at: node)
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("\(what): keys must be plain words", at: key)
                continue
            }
            if !allowed.contains(scalar.string) {
                let known = allowed.sorted().joined(separator: ", ")
                error("\(what): unknown field \"\(scalar.string)\" (known: \(known))", at: key)
                continue
            }
            result[scalar.string] = value
        }
        return result
    }

    mutating func string(_ node: Node?, what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error("\(what) must be text", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func requiredString(_ fields: [String: Node], _ key: String, in what: String, at owner: Node) -> String? {
        guard let node = fields[key] else {
            error("\(what) needs \"\(key)\"", at: owner)
            return nil
        }
        guard let text = string(node, what: "\(what): \"\(key)\""), !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            if case .scalar = node { error("\(what): \"\(key)\" is empty", at: node) }
            return nil
        }
        return text
    }

    mutating func integer(_ node: Node?, what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            error("\(what) must be a whole number", at: node)
            return nil
        }
        return value
    }

    mutating func sequence(_ node: Node?, what: String) -> [Node] {
        guard let node else { return [] }
        switch node {
        case .sequence(let sequence): return Array(sequence)
        case .scalar(let scalar) where ["", "~", "null"].contains(scalar.string): return []
        default:
            error("\(what) must be a list", at: node)
            return []
        }
    }

    mutating func strings(_ node: Node?, what: String) -> [String] {
        sequence(node, what: what).compactMap { string($0, what: "each of \(what)") }
    }

    /// `{en: …, zh: …}`; plain text counts as English only.
    mutating func localized(_ node: Node?, what: String) -> LocalizedText? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node {
            warning("\(what) has no Chinese translation: write it as {en: …, zh: …}", at: node)
            return LocalizedText(english: scalar.string)
        }
        guard let fields = mapping(node, what: what, allowed: ["en", "zh"]) else { return nil }
        let english = string(fields["en"], what: "\(what): en")
        let chinese = string(fields["zh"], what: "\(what): zh")
        if english?.isEmpty ?? true {
            error("\(what) has no English text (en)", at: node)
        }
        if fields["zh"] == nil || chinese?.isEmpty == true {
            warning("\(what) has no Chinese translation (zh)", at: node)
        }
        return LocalizedText(english: english ?? chinese ?? "", chinese: chinese.flatMap { $0.isEmpty ? nil : $0 })
    }

    mutating func requiredLocalized(_ fields: [String: Node], _ key: String, in what: String, at owner: Node) -> LocalizedText? {
        guard let node = fields[key] else {
            error("\(what) needs \"\(key)\"", at: owner)
            return nil
        }
        // The lesson's own fields are named plainly ("title"), a step's with the step ("step 2: instruction").
        return localized(node, what: what == "the lesson" ? key : "\(what): \(key)")
    }
}
