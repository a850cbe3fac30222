import Formatting
import StructuredData

/// The label selector of API objects (`metav1.LabelSelector`): `matchLabels` and `matchExpressions`.
public struct LabelSelector: Hashable, Sendable {
    public var matchLabels: [String: String]
    public var matchExpressions: [LabelSelectorRequirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelSelectorRequirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    /// `metav1.LabelSelectorAsSelector`: labels first (sorted by key), then the expressions, all re-sorted by key.
    public func selector() throws(Labels.SelectorError) -> Labels.Selector {
        if matchLabels.isEmpty && matchExpressions.isEmpty { return .everything }
        var requirements: [Labels.Requirement] = []
        for key in matchLabels.keys.sorted(by: goStringLess) {
            requirements.append(try Labels.Requirement(key: key, operator: .equals, values: [matchLabels[key] ?? ""]))
        }
        for expression in matchExpressions {
            let op: Labels.Operator
            switch expression.operator {
            case LabelSelectorRequirement.inOperator: op = .in
            case LabelSelectorRequirement.notInOperator: op = .notIn
            case LabelSelectorRequirement.existsOperator: op = .exists
            case LabelSelectorRequirement.doesNotExistOperator: op = .doesNotExist
            default: throw Labels.SelectorError("\(goQuoted(expression.operator)) is not a valid pod selector operator")
            }
            requirements.append(try Labels.Requirement(key: expression.key, operator: op, values: expression.values))
        }
        return Labels.Selector(requirements)
    }

    /// A nil selector selects nothing; an empty one selects everything.
    public static func selector(for labelSelector: LabelSelector?) throws(Labels.SelectorError) -> Labels.Selector {
        guard let labelSelector else { return .nothing }
        return try labelSelector.selector()
    }

    /// `metav1.FormatLabelSelector`, as `kubectl describe` and wide tables print it.
    public static func format(_ labelSelector: LabelSelector?) -> String {
        guard let selector = try? selector(for: labelSelector) else { return "<error>" }
        let text = selector.description
        return text.isEmpty ? "<none>" : text
    }
}

/// One entry of `matchExpressions`; the operator is kept as written so bad ones reach validation.
public struct LabelSelectorRequirement: Hashable, Sendable {
    public static let inOperator = "In"
    public static let notInOperator = "NotIn"
    public static let existsOperator = "Exists"
    public static let doesNotExistOperator = "DoesNotExist"

    public var key: String
    public var `operator`: String
    public var values: [String]

    public init(key: String, operator: String, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }
}

extension LabelSelector {
    /// Reads the JSON form; nil when the shape is wrong (a non-string label value, a missing key …).
    public init?(json: JSONValue) {
        guard let object = json.objectValue else { return nil }
        var labels: [String: String] = [:]
        if let match = object["matchLabels"], !match.isNull {
            guard let pairs = match.objectValue else { return nil }
            for (key, value) in pairs {
                guard let text = value.stringValue else { return nil }
                labels[key] = text
            }
        }
        var expressions: [LabelSelectorRequirement] = []
        if let match = object["matchExpressions"], !match.isNull {
            guard let entries = match.arrayValue else { return nil }
            for entry in entries {
                guard let key = entry["key"]?.stringValue, let op = entry["operator"]?.stringValue else { return nil }
                var values: [String] = []
                if let list = entry["values"], !list.isNull {
                    guard let items = list.arrayValue else { return nil }
                    for item in items {
                        guard let text = item.stringValue else { return nil }
                        values.append(text)
                    }
                }
                expressions.append(LabelSelectorRequirement(key: key, operator: op, values: values))
            }
        }
        self.init(matchLabels: labels, matchExpressions: expressions)
    }

    /// The JSON form, fields in Go struct order, empty parts omitted as `omitempty` does.
    public var json: JSONValue {
        var object = JSONObject()
        if !matchLabels.isEmpty {
            var labels = JSONObject()
            for key in matchLabels.keys.sorted(by: goStringLess) { labels[key] = .string(matchLabels[key] ?? "") }
            object["matchLabels"] = .object(labels)
        }
        if !matchExpressions.isEmpty {
            object["matchExpressions"] = .array(matchExpressions.map { expression in
                var entry = JSONObject()
                entry["key"] = .string(expression.key)
                entry["operator"] = .string(expression.operator)
                if !expression.values.isEmpty { entry["values"] = .array(expression.values.map(JSONValue.string)) }
                return .object(entry)
            })
        }
        return .object(object)
    }
}

extension LabelSelector {
    /// `NodeSelectorRequirementsAsSelector`: node affinity terms, which also allow `Gt` and `Lt`.
    public static func nodeSelector(_ expressions: [LabelSelectorRequirement]) throws(Labels.SelectorError)
        -> Labels.Selector
    {
        if expressions.isEmpty { return .nothing }
        var requirements: [Labels.Requirement] = []
        for expression in expressions {
            let op: Labels.Operator
            switch expression.operator {
            case LabelSelectorRequirement.inOperator: op = .in
            case LabelSelectorRequirement.notInOperator: op = .notIn
            case LabelSelectorRequirement.existsOperator: op = .exists
            case LabelSelectorRequirement.doesNotExistOperator: op = .doesNotExist
            case "Gt": op = .greaterThan
            case "Lt": op = .lessThan
            default: throw Labels.SelectorError("\(goQuoted(expression.operator)) is not a valid node selector operator")
            }
            requirements.append(try Labels.Requirement(key: expression.key, operator: op, values: expression.values))
        }
        return Labels.Selector(requirements)
    }
}
