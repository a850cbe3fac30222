import Kernel
import Simulation

/// What a function's `local` saved of an outer variable: its value and, for an array, its
/// other elements.
struct SavedVariable {
    var value: String?
    var elements: [Int: String]?
}

/// Indexed arrays. Element 0 lives in `variables`, so `$a`, `a=x` and every builtin that reads
/// or writes a scalar see and change element 0, as bash's do; the other elements live in
/// `arrays`, whose key also marks the name as an array.
extension Shell {
    /// Whether `name` is an indexed array.
    func isArray(_ name: String) -> Bool { arrays[name] != nil }

    /// The set elements of `name` by ascending index (a scalar is element 0).
    func elements(of name: String) -> [(index: Int, value: String)] {
        var result: [(index: Int, value: String)] = []
        if let first = variables[name] { result.append((0, first)) }
        if let rest = arrays[name] {
            result += rest.filter { $0.key != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        return result
    }

    /// The index a negative subscript stands for (counted back from the highest index plus
    /// one); nil when it lies before the start.
    func resolvedIndex(_ index: Int, of name: String) -> Int? {
        guard index < 0 else { return index }
        let resolved = (elements(of: name).last?.index ?? -1) + 1 + index
        return resolved >= 0 ? resolved : nil
    }

    func element(_ name: String, at index: Int) -> String? {
        guard let index = resolvedIndex(index, of: name) else { return nil }
        return index == 0 ? variables[name] : arrays[name]?[index]
    }

    /// Sets one element, making `name` an array.
    func setElement(_ name: String, at index: Int, _ value: String) throws {
        if readonlyNames.contains(name) { throw fail("\(name): readonly variable") }
        guard let resolved = resolvedIndex(index, of: name) else {
            throw fail("\(name)[\(index)]: bad array subscript")
        }
        if resolved == 0 {
            variables[name] = value
            if arrays[name] == nil { arrays[name] = [:] }
        } else {
            arrays[name, default: [:]][resolved] = value
        }
    }

    /// `name=(…)` (or `name+=(…)`): explicit indices, or each next after the one before.
    func assignArray(_ name: String, _ values: [(index: Int?, value: String)], append: Bool) throws {
        if readonlyNames.contains(name) { throw fail("\(name): readonly variable") }
        var next = 0
        if append {
            next = (elements(of: name).last?.index ?? -1) + 1
        } else {
            variables[name] = nil
            arrays[name] = [:]
        }
        if arrays[name] == nil { arrays[name] = [:] }
        for (index, value) in values {
            let target = index ?? next
            try setElement(name, at: target, value)
            next = (resolvedIndex(target, of: name) ?? target) + 1
        }
    }

    /// `unset 'name[i]'`.
    func unsetElement(_ name: String, at index: Int) throws {
        guard let resolved = resolvedIndex(index, of: name) else {
            throw fail("\(name)[\(index)]: bad array subscript")
        }
        if resolved == 0 {
            variables[name] = nil
        } else {
            arrays[name]?[resolved] = nil
        }
    }

    /// Evaluates a subscript's arithmetic text.
    func subscriptValue(_ parts: [WordPart]) async throws -> Int {
        try evaluateArithmetic(try await expandText(parts))
    }

    /// `NAME[subscript]` written as one string (`unset`, `read`, arithmetic): the name and the
    /// subscript's text; nil when the text has no subscript.
    static func splitElementReference(_ text: String) -> (name: String, arrayIndex: String)? {
        guard text.hasSuffix("]"), let bracket = text.firstIndex(of: "[") else { return nil }
        let name = String(text[..<bracket])
        guard isValidName(name) else { return nil }
        return (name, String(text[text.index(after: bracket)..<text.index(before: text.endIndex)]))
    }

    /// An arithmetic variable reference, `a` or `a[i]`.
    func arithmeticValue(_ reference: String) throws -> String? {
        guard let (name, arrayIndex) = Self.splitElementReference(reference) else { return parameterValue(reference) }
        return element(name, at: try nestedArithmetic(arrayIndex))
    }

    func assignArithmetic(_ reference: String, _ value: String) throws {
        guard let (name, arrayIndex) = Self.splitElementReference(reference) else {
            try assignChecked(reference, value)
            return
        }
        try setElement(name, at: try nestedArithmetic(arrayIndex), value)
    }

    /// A subscript inside arithmetic, bounded so that `a[a[a[…]]]` through variables cannot recurse forever.
    private func nestedArithmetic(_ text: String) throws -> Int {
        guard subscriptDepth < 64, ThreadStack.hasRoom else { throw fail("\(text): expression recursion level exceeded") }
        subscriptDepth += 1
        defer { subscriptDepth -= 1 }
        return try evaluateArithmetic(text)
    }

    /// `declare -p` / `set` text of an array: `([0]="x" [1]="y")`.
    func arrayLiteral(_ name: String) -> String {
        "(" + elements(of: name).map { "[\($0.index)]=\"\(Self.escapedForDoubleQuotes($0.value))\"" }.joined(separator: " ") + ")"
    }

    // MARK: Saved variables

    func savedVariable(_ name: String) -> SavedVariable {
        SavedVariable(value: variables[name], elements: arrays[name])
    }

    func restore(_ name: String, _ saved: SavedVariable) {
        variables[name] = saved.value
        arrays[name] = saved.elements
    }
}
