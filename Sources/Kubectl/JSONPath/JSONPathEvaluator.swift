import StructuredData

/// Walks a parsed template over a value the way client-go's `JSONPath.FindResults` does,
/// including its `range`/`end` bookkeeping.
struct JSONPathEvaluator {
    let nodes: [JSONPathNode]
    let allowsMissingKeys: Bool

    private var beginRange = 0
    private var inRange = 0
    private var endRange = 0
    /// Index of the `{end}` that closed the most recent range body.
    private var lastEndNode: Int?

    init(nodes: [JSONPathNode], allowsMissingKeys: Bool) {
        self.nodes = nodes
        self.allowsMissingKeys = allowsMissingKeys
    }

    /// One result list per top-level node evaluated (ranges contribute one per iteration and node).
    mutating func findResults(_ data: JSONValue, from first: Int = 0) throws(JSONPathError) -> [[JSONValue]] {
        var fullResult: [[JSONValue]] = []
        var index = first
        while index < nodes.count {
            let results = try walk([data], nodes[index])
            // An `{end}` closes the range body being evaluated.
            if endRange > 0 && endRange <= inRange {
                endRange -= 1
                lastEndNode = index
                break
            }
            if beginRange > 0 {
                beginRange -= 1
                inRange += 1
                if results.isEmpty {
                    // Still walk the body so the matching `{end}` is found.
                    _ = try findResults(.null, from: index + 1)
                } else {
                    for value in results {
                        fullResult += try findResults(value, from: index + 1)
                    }
                }
                inRange -= 1
                if let end = lastEndNode, end > index { index = end }
                index += 1
                continue
            }
            fullResult.append(results)
            index += 1
        }
        return fullResult
    }

    private mutating func walk(_ input: [JSONValue], _ node: JSONPathNode) throws(JSONPathError) -> [JSONValue] {
        switch node {
        case .list(let steps): return try evaluateList(input, steps)
        case .text(let text): return [.string(text)]
        case .field(let name): return try evaluateField(input, name)
        case .array(let parameters): return try evaluateArray(input, parameters)
        case .filter(let left, let right, let op): return try evaluateFilter(input, left, right, op)
        case .integer(let value): return input.map { _ in .number(.integer(Int64(value))) }
        case .float(let value): return input.map { _ in .number(.double(value)) }
        case .bool(let value): return input.map { _ in .bool(value) }
        case .wildcard: return input.flatMap(children)
        case .recursive: return evaluateRecursive(input)
        case .union(let alternatives):
            var result: [JSONValue] = []
            for alternative in alternatives { result += try evaluateList(input, alternative) }
            return result
        case .identifier(let name): return try evaluateIdentifier(input, name)
        }
    }

    private mutating func evaluateList(_ input: [JSONValue], _ steps: [JSONPathNode]) throws(JSONPathError) -> [JSONValue] {
        var current = input
        for step in steps { current = try walk(current, step) }
        return current
    }

    private mutating func evaluateIdentifier(_ input: [JSONValue], _ name: String) throws(JSONPathError) -> [JSONValue] {
        switch name {
        case "range":
            beginRange += 1
            return input
        case "end":
            guard inRange > 0 else { throw JSONPathError("not in range, nothing to end") }
            endRange += 1
            return []
        default:
            throw JSONPathError("unrecognized identifier \(name)")
        }
    }

    private func evaluateField(_ input: [JSONValue], _ name: String) throws(JSONPathError) -> [JSONValue] {
        guard !input.isEmpty else { return [] }
        let results = input.compactMap { $0.objectValue?[name] }
        if results.isEmpty && !allowsMissingKeys { throw JSONPathError("\(name) is not found") }
        return results
    }

    private func evaluateArray(_ input: [JSONValue], _ node: [SliceParameter]) throws(JSONPathError) -> [JSONValue] {
        var result: [JSONValue] = []
        for value in input where !value.isNull {
            guard let items = value.arrayValue else {
                throw JSONPathError("\(GoValueFormatting.typeName(value)) is not array or slice")
            }
            var parameters = node
            let length = items.count
            if !parameters[0].isKnown { parameters[0].value = 0 }
            if parameters[0].value < 0 { parameters[0].value &+= length }
            if !parameters[1].isKnown { parameters[1].value = length }
            if parameters[1].value < 0 || (parameters[1].value == 0 && parameters[1].isDerived) {
                parameters[1].value &+= length
            }
            let (start, end) = (parameters[0].value, parameters[1].value)
            // Asking for no elements ends the whole step, as in client-go.
            guard end != start else { return result }
            if start >= length || start < 0 {
                throw JSONPathError("array index out of bounds: index \(start), length \(length)")
            }
            if end > length || end < 0 {
                throw JSONPathError("array index out of bounds: index \(end &- 1), length \(length)")
            }
            if start > end {
                throw JSONPathError("starting index \(start) is greater than ending index \(end)")
            }
            var step = 1
            if parameters[2].isKnown {
                guard parameters[2].value > 0 else { throw JSONPathError("step must be > 0") }
                step = parameters[2].value
            }
            result += stride(from: start, to: end, by: step).map { items[$0] }
        }
        return result
    }

    /// The members of a map (in sorted key order), the elements of a list, the bytes of a string.
    private func children(_ value: JSONValue) -> [JSONValue] {
        switch value {
        case .object(let object): return GoValueFormatting.sortedKeys(object).compactMap { object[$0] }
        case .array(let items): return items
        case .string(let text): return text.utf8.map { .number(.integer(Int64($0))) }
        default: return []
        }
    }

    /// Every value with children, followed depth-first by its descendants.
    private func evaluateRecursive(_ input: [JSONValue]) -> [JSONValue] {
        var result: [JSONValue] = []
        for value in input {
            let members = children(value)
            if !members.isEmpty {
                result.append(value)
                result += evaluateRecursive(members)
            }
        }
        return result
    }

    private mutating func evaluateFilter(
        _ input: [JSONValue], _ left: [JSONPathNode], _ right: [JSONPathNode], _ op: String
    ) throws(JSONPathError) -> [JSONValue] {
        var results: [JSONValue] = []
        for value in input {
            guard let items = value.arrayValue else {
                throw JSONPathError("\(GoValueFormatting.plain(value)) is not array or slice and cannot be filtered")
            }
            for item in items {
                if op == "exists" {
                    if let lefts = try? evaluateList([item], left), !lefts.isEmpty { results.append(item) }
                    continue
                }
                let lefts = try evaluateList([item], left)
                if lefts.isEmpty { continue }
                guard lefts.count == 1 else { throw JSONPathError("can only compare one element at a time") }
                let rights = try evaluateList([item], right)
                if rights.isEmpty { continue }
                guard rights.count == 1 else { throw JSONPathError("can only compare one element at a time") }
                if try TemplateComparison.compare(lefts[0], op, rights[0]) { results.append(item) }
            }
        }
        return results
    }
}
