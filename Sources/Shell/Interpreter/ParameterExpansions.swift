import Kernel

/// `$name` and the `${…}` forms: scalars, array elements, and the lists `$@`, `$*`, `${a[@]}`
/// and `${a[*]}`, whose operations apply to each element.
extension Shell {
    func expandParameterPart(_ expansion: ParameterExpansion, into builder: inout FieldBuilder, quoted: Bool) async throws {
        if expansion.isList, expansion.operation != .length {
            try await expandList(expansion, into: &builder, quoted: quoted)
            return
        }
        // The word of `${v:-word}` and `${v:+word}` expands in place, so that its quoted parts
        // stay one field when the expansion is unquoted (`${v:-"a b" c}` is two words).
        switch expansion.operation {
        case .useDefault(let word, let nullCounts), .useAlternative(let word, let nullCounts):
            let value = try await scalarValue(expansion)
            let isNull = value == nil || (nullCounts && (value ?? "").isEmpty)
            let usesWord: Bool
            if case .useDefault = expansion.operation { usesWord = isNull } else { usesWord = !isNull }
            if usesWord {
                try await expandOperand(word, into: &builder, quoted: quoted)
            } else if case .useDefault = expansion.operation, let value {
                try emit(value, into: &builder, quoted: quoted)
            }
            return
        default:
            break
        }
        try emit(try await expandParameter(expansion, quoted: quoted), into: &builder, quoted: quoted)
    }

    private func emit(_ text: String, into builder: inout FieldBuilder, quoted: Bool) throws {
        try reserve(text, in: builder)
        if quoted { builder.append(text, quoted: true) } else { builder.appendSplitting(text) }
    }

    private func expandOperand(_ word: Word, into builder: inout FieldBuilder, quoted: Bool) async throws {
        let word = quoted ? word : word.markingTildes(afterColons: false)
        for part in word.parts {
            // Unquoted text of the word is an expansion's result here, so it is split.
            if !quoted, case .literal(let text) = part {
                builder.appendSplitting(text)
            } else {
                try await expand(part, into: &builder, quoted: quoted)
            }
        }
    }

    /// The name as bash's messages show it: `a`, `a[3]`, `a[@]`.
    func displayName(_ expansion: ParameterExpansion) -> String {
        switch expansion.arrayIndex {
        case nil: return expansion.name
        case .all(let joined): return expansion.name + (joined ? "[*]" : "[@]")
        case .index(let parts): return expansion.name + "[" + ShellSyntaxPrinter.source(of: parts) + "]"
        }
    }

    /// The value of a scalar parameter or one array element; nil when unset.
    func scalarValue(_ expansion: ParameterExpansion) async throws -> String? {
        guard case .index(let parts) = expansion.arrayIndex else { return parameterValue(expansion.name) }
        let index = try await subscriptValue(parts)
        guard resolvedIndex(index, of: expansion.name) != nil else { throw fail("\(expansion.name): bad array subscript") }
        return element(expansion.name, at: index)
    }

    /// The value of a parameter, nil when unset.
    func parameterValue(_ parameter: String) -> String? {
        switch parameter {
        case "?": return String(lastStatus)
        case "$": return String(shellPID)
        case "#": return String(positionalParameters.count)
        case "!": return lastBackgroundPID.map(String.init)
        case "-": return optionLetters
        case "0": return scriptName
        case "RANDOM" where variables["RANDOM"] == nil: return String(machine.loop.random.integer(in: 0...32767))
        case "LINENO": return String(currentLine)
        case "@", "*": return positionalParameters.joined(separator: " ")
        default:
            if let first = parameter.first, first.isASCIIDigit, let index = Int(parameter) {
                return index >= 1 && index <= positionalParameters.count ? positionalParameters[index - 1] : nil
            }
            return variables[parameter]
        }
    }

    func expandParameter(_ expansion: ParameterExpansion, quoted: Bool) async throws -> String {
        let name = expansion.name
        var value = try await scalarValue(expansion)
        if expansion.operation == .indirect {
            let target = value ?? ""
            if let (array, arrayIndex) = Self.splitElementReference(target) {
                value = element(array, at: try evaluateArithmetic(arrayIndex))
            } else if Self.isValidName(target) || target.allSatisfy(\.isASCIIDigit) || "@*#?$!-".contains(target), !target.isEmpty {
                value = parameterValue(target)
            } else {
                throw fail("\(target): bad substitution")
            }
        }
        func isNullOrUnset(_ nullCounts: Bool) -> Bool {
            guard let value else { return true }
            return nullCounts && value.isEmpty
        }
        switch expansion.operation {
        case .useDefault, .useAlternative, .assignDefault, .errorIfUnset:
            break
        default:
            if value == nil, options.failOnUnset { throw fail("\(displayName(expansion)): unbound variable") }
        }
        switch expansion.operation {
        case .value, .indirect, .indices:
            return value ?? ""
        case .length:
            if name == "@" || name == "*", expansion.arrayIndex == nil { return String(positionalParameters.count) }
            if case .all = expansion.arrayIndex { return String(elements(of: name).count) }
            return String((value ?? "").count)
        case .useDefault(let word, let nullCounts):
            return isNullOrUnset(nullCounts) ? try await expandToString(quoted ? word : word.markingTildes(afterColons: false)) : value ?? ""
        case .assignDefault(let word, let nullCounts):
            guard isNullOrUnset(nullCounts) else { return value ?? "" }
            let assigned = try await expandToString(quoted ? word : word.markingTildes(afterColons: false))
            guard let first = name.first, first.isNameStart else { throw fail("$\(name): cannot assign in this way") }
            if case .index(let parts) = expansion.arrayIndex {
                try setElement(name, at: try await subscriptValue(parts), assigned)
            } else {
                try assignChecked(name, assigned)
            }
            return assigned
        case .errorIfUnset(let word, let nullCounts):
            guard isNullOrUnset(nullCounts) else { return value ?? "" }
            let message = try await expandToString(word)
            throw fail("\(displayName(expansion)): \(message.isEmpty ? "parameter null or not set" : message)")
        case .useAlternative(let word, let nullCounts):
            return isNullOrUnset(nullCounts) ? "" : try await expandToString(quoted ? word : word.markingTildes(afterColons: false))
        case .removePrefix, .removeSuffix, .replace, .uppercase, .lowercase:
            return try await transform(value ?? "", expansion.operation)
        case .substring(let offsetParts, let lengthParts):
            let text = Array(value ?? "")
            var offset = try evaluateArithmetic(try await expandText(offsetParts))
            if offset < 0 { offset = max(0, text.count + offset) }
            offset = min(offset, text.count)
            var end = text.count
            if let lengthParts {
                let length = try evaluateArithmetic(try await expandText(lengthParts))
                end = length < 0 ? max(offset, text.count + length) : min(text.count, offset + length)
            }
            return String(text[offset..<end])
        }
    }

    /// The pattern and case operations, which `$@` and `${a[@]}` apply to each element.
    func transform(_ text: String, _ operation: ParameterExpansion.Operation) async throws -> String {
        switch operation {
        case .removePrefix(let word, let longest):
            let pattern = try await expandToPattern(word)
            let characters = Array(text)
            let lengths = longest ? Array((0...characters.count).reversed()) : Array(0...characters.count)
            for length in lengths where pattern.matches(characters[..<length]) {
                return String(characters[length...])
            }
            return text
        case .removeSuffix(let word, let longest):
            let pattern = try await expandToPattern(word)
            let characters = Array(text)
            let starts = longest ? Array(0...characters.count) : Array((0...characters.count).reversed())
            for start in starts where pattern.matches(characters[start...]) {
                return String(characters[..<start])
            }
            return text
        case .replace(var patternWord, let replacementWord, let all):
            let text = Array(text)
            // `${v/#p/r}` and `${v/%p/r}`: the pattern must match at the start or at the end.
            var anchor: Character?
            if !all, case .literal(let first)? = patternWord.parts.first, let mark = first.first, mark == "#" || mark == "%" {
                anchor = mark
                patternWord.parts[0] = .literal(String(first.dropFirst()))
            }
            let pattern = try await expandToPattern(patternWord)
            let replacement = try await expandToString(replacementWord)
            if anchor == "#" {
                for end in (0...text.count).reversed() where pattern.matches(text[..<end]) {
                    return replacement + String(text[end...])
                }
                return String(text)
            }
            if anchor == "%" {
                for start in 0...text.count where pattern.matches(text[start...]) {
                    return String(text[..<start]) + replacement
                }
                return String(text)
            }
            guard !pattern.elements.isEmpty else { return String(text) }
            var result = ""
            var index = 0
            var replaced = false
            let fixedLength = pattern.fixedLength
            while index < text.count {
                // The longest match at `index`; a pattern without `*` has only one length to try.
                let ends = fixedLength.map { index + $0 <= text.count ? [index + $0] : [] } ?? Array((index...text.count).reversed())
                if !replaced || all, let length = ends.first(where: { end in
                    end > index && pattern.matches(text[index..<end])
                }).map({ $0 - index }) {
                    result += replacement
                    index += length
                    replaced = true
                } else {
                    result.append(text[index])
                    index += 1
                }
            }
            return result
        case .uppercase(let all):
            return all ? text.uppercased() : text.prefix(1).uppercased() + text.dropFirst()
        case .lowercase(let all):
            return all ? text.lowercased() : text.prefix(1).lowercased() + text.dropFirst()
        default:
            return text
        }
    }

    // MARK: Lists

    /// The elements a list expansion starts from: the positional parameters or an array's.
    private func listItems(_ expansion: ParameterExpansion) -> [String] {
        expansion.arrayIndex == nil ? positionalParameters : elements(of: expansion.name).map(\.value)
    }

    /// Whether a list expansion whose operation keeps the number of words has none.
    func isEmptyList(_ expansion: ParameterExpansion) async throws -> Bool {
        guard expansion.isList, !expansion.joinsList else { return false }
        switch expansion.operation {
        case .value, .indices, .removePrefix, .removeSuffix, .replace, .uppercase, .lowercase:
            return listItems(expansion).isEmpty
        case .substring(let offset, let length):
            return try await slice(expansion, offset: offset, length: length).isEmpty
        default:
            return false
        }
    }

    /// `${@:offset:length}` (where `$0` is position 0) and `${a[@]:offset:length}` (elements
    /// from index `offset` on).
    private func slice(_ expansion: ParameterExpansion, offset offsetParts: [WordPart], length lengthParts: [WordPart]?) async throws -> [String] {
        var offset = try evaluateArithmetic(try await expandText(offsetParts))
        var length: Int?
        if let lengthParts {
            let lengthText = try await expandText(lengthParts)
            let value = try evaluateArithmetic(lengthText)
            guard value >= 0 else { throw fail("\(lengthText.trimmingCharacters(in: " ")): substring expression < 0") }
            length = value
        }
        var items: [String]
        if expansion.arrayIndex == nil {
            items = [scriptName] + positionalParameters
            if offset < 0 { offset += items.count }
            guard offset >= 0, offset < items.count else { return [] }
            items = Array(items[offset...])
        } else {
            let all = elements(of: expansion.name)
            if offset < 0 { offset += (all.last?.index ?? -1) + 1 }
            guard offset >= 0 else { return [] }
            items = all.filter { $0.index >= offset }.map(\.value)
        }
        if let length { items = Array(items.prefix(length)) }
        return items
    }

    private func expandList(_ expansion: ParameterExpansion, into builder: inout FieldBuilder, quoted: Bool) async throws {
        var items = listItems(expansion)
        let isNull: (Bool) -> Bool = { nullCounts in items.isEmpty || (nullCounts && items.joined(separator: " ").isEmpty) }
        switch expansion.operation {
        case .value, .length, .indirect:
            break
        case .indices:
            items = elements(of: expansion.name).map { String($0.index) }
        case .useDefault(let word, let nullCounts):
            if isNull(nullCounts) {
                try await expandOperand(word, into: &builder, quoted: quoted)
                return
            }
        case .useAlternative(let word, let nullCounts):
            if !isNull(nullCounts) { try await expandOperand(word, into: &builder, quoted: quoted) }
            return
        case .assignDefault(_, let nullCounts):
            if isNull(nullCounts) {
                throw fail(expansion.arrayIndex == nil ? "$\(expansion.name): cannot assign in this way"
                                                      : "\(displayName(expansion)): bad array subscript")
            }
        case .errorIfUnset(let word, let nullCounts):
            if isNull(nullCounts) {
                let message = try await expandToString(word)
                throw fail("\(displayName(expansion)): \(message.isEmpty ? "parameter null or not set" : message)")
            }
        case .removePrefix, .removeSuffix, .replace, .uppercase, .lowercase:
            var transformed: [String] = []
            for item in items { transformed.append(try await transform(item, expansion.operation)) }
            items = transformed
        case .substring(let offset, let length):
            items = try await slice(expansion, offset: offset, length: length)
        }
        if quoted, expansion.joinsList {
            let separator = (variables["IFS"] ?? " ").first.map(String.init) ?? ""
            try emit(items.joined(separator: separator), into: &builder, quoted: true)
            return
        }
        for (index, item) in items.enumerated() {
            try reserve(item, in: builder)
            if quoted {
                if index > 0 { builder.breakField() }
                builder.append(item, quoted: true)
            } else {
                if index > 0 { builder.pendingSplit = builder.splits }
                builder.appendSplitting(item)
                if !builder.splits, index < items.count - 1 { builder.append(" ", quoted: false) }
            }
        }
    }
}
