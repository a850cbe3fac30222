import Yams

/// Yams' node tree → `JSONValue`, typed as go-yaml v2 reads it and converted as ghodss/yaml does.
struct YAMLNodeConverter {
    struct Failure: Error { let message: String }

    /// Plain untagged scalars get this tag, so they can be told apart from explicitly tagged ones.
    static let plainTag = Tag.Name(rawValue: "tag:kubelab,2024:plain")

    var remainingNodes: Int

    mutating func convert(_ node: Node) throws -> JSONValue {
        remainingNodes -= 1
        guard remainingNodes >= 0 else { throw Failure(message: "yaml: document contains excessive aliasing") }
        switch node {
        case .scalar(let scalar):
            return try convert(scalar)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for element in sequence { elements.append(try convert(element)) }
            return .array(elements)
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                if case .scalar(let keyScalar) = key, keyScalar.string == "<<", isPlainUntagged(keyScalar) {
                    try merge(value, into: &object)
                    continue
                }
                object[try keyText(key)] = try convert(value)
            }
            return .object(object)
        case .alias:
            throw Failure(message: "yaml: unknown anchor referenced")
        }
    }

    private mutating func convert(_ scalar: Node.Scalar) throws -> JSONValue {
        let text = scalar.string
        let tag = isPlainUntagged(scalar) ? Self.plainTag : Tag.Name(rawValue: scalar.tag.rawValue)
        switch tag {
        case Self.plainTag: return try value(of: GoYAMLScalar.resolve(text, recognizesTimestamps: false), text: text)
        case .int, .float, .bool, .null:
            let resolved = GoYAMLScalar.resolve(text, recognizesTimestamps: false)
            let matches = switch (tag, resolved) {
            case (.int, .integer), (.int, .unsignedInteger), (.float, .float), (.float, .integer), (.bool, .bool), (.null, .null): true
            default: false
            }
            guard matches else {
                throw Failure(message: "yaml: cannot decode !!str `\(text)` as a !!\(shortTag(tag))")
            }
            return try value(of: resolved, text: text)
        default:
            return .string(text)
        }
    }

    /// Yams resolves implicit tags lazily, so an untagged plain scalar shows either no tag or ours.
    private func isPlainUntagged(_ scalar: Node.Scalar) -> Bool {
        let raw = scalar.tag.rawValue
        return scalar.style == .plain && (raw.isEmpty || raw == Self.plainTag.rawValue)
    }

    private func shortTag(_ name: Tag.Name) -> String {
        let prefix = "tag:yaml.org,2002:"
        return name.rawValue.hasPrefix(prefix) ? String(name.rawValue.dropFirst(prefix.count)) : name.rawValue
    }

    private func value(of resolved: GoYAMLScalar, text: String) throws -> JSONValue {
        switch resolved {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .integer(let integer): return .number(.integer(integer))
        case .unsignedInteger(let integer): return .number(.double(Double(integer)))
        case .float(let float):
            guard float.isFinite else {
                throw Failure(message: "json: unsupported value: \(float.isNaN ? "NaN" : (float < 0 ? "-Inf" : "+Inf"))")
            }
            return .number(.double(float))
        case .timestamp, .string: return .string(text)
        }
    }

    /// ghodss turns non-string keys into strings: `1` → "1", `true`/`yes` → "true", `1.5` → "1.5".
    private mutating func keyText(_ key: Node) throws -> String {
        guard case .scalar(let scalar) = key else {
            throw Failure(message: "error converting YAML to JSON: unsupported map key \(key)")
        }
        switch try convert(scalar) {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.jsonText
        case .null: return "null"
        case .array, .object: return scalar.string
        }
    }

    /// `<<: *base` or `<<: [*a, *b]`: merged keys are set in order (later explicit keys override them);
    /// in a list the earlier maps win, as in go-yaml v2.
    private mutating func merge(_ node: Node, into object: inout JSONObject) throws {
        switch node {
        case .mapping:
            guard case .object(let merged) = try convert(node) else { return }
            for (key, value) in merged { object[key] = value }
        case .sequence(let sequence):
            for element in sequence.reversed() {
                guard case .mapping = element else {
                    throw Failure(message: "yaml: map merge requires map or sequence of maps as the value")
                }
                try merge(element, into: &object)
            }
        default:
            throw Failure(message: "yaml: map merge requires map or sequence of maps as the value")
        }
    }
}
