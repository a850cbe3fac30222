import Formatting

/// One validation problem (`field.Error`): the field path, the kind of problem and details.
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, each printed with Kubernetes' wording.
    public enum Kind: Hashable, Sendable {
        case required
        case invalid(BadValue)
        case notSupported(BadValue, supported: [String])
        case duplicate(BadValue)
        case notFound(BadValue)
        case forbidden
        case tooLong
    }

    /// A rejected value, printed as Go's `%v`/`%q`/`%#v` would print it.
    public enum BadValue: Hashable, Sendable, CustomStringConvertible {
        case string(String)
        case integer(Int64)
        case boolean(Bool)
        /// Already rendered (maps, structs).
        case rendered(String)

        public var description: String {
            switch self {
            case .string(let text): goQuoted(text)
            case .integer(let number): String(number)
            case .boolean(let flag): flag ? "true" : "false"
            case .rendered(let text): text
            }
        }

        /// `map[string]string{"app":"kubia"}`, as `%#v` prints a label map (keys sorted).
        public static func labelMap(_ labels: [String: String]?) -> BadValue {
            guard let labels else { return .rendered("map[string]string(nil)") }
            let pairs = labels.keys.sorted().map { goQuoted($0) + ":" + goQuoted(labels[$0] ?? "") }
            return .rendered("map[string]string{" + pairs.joined(separator: ", ") + "}")
        }
    }

    public var field: String
    public var kind: Kind
    public var detail: String

    public init(_ kind: Kind, _ field: String, _ detail: String = "") {
        self.kind = kind
        self.field = field
        self.detail = detail
    }

    /// `ErrorBody()`: the type, the value when it has one, then the detail.
    public var body: String {
        var text: String
        switch kind {
        case .required: text = "Required value"
        case .forbidden: text = "Forbidden"
        case .tooLong: text = "Too long"
        case .invalid(let value): text = "Invalid value: \(value)"
        case .duplicate(let value): text = "Duplicate value: \(value)"
        case .notFound(let value): text = "Not found: \(value)"
        case .notSupported(let value, let supported):
            text = "Unsupported value: \(value)"
            if !supported.isEmpty {
                return text + ": supported values: " + supported.map(goQuoted).joined(separator: ", ")
            }
        }
        if !detail.isEmpty { text += ": " + detail }
        return text
    }

    /// `field: body`.
    public var description: String { field + ": " + body }

    /// The reason string of a status cause (`FieldValueRequired` …).
    public var causeType: String {
        switch kind {
        case .required: "FieldValueRequired"
        case .forbidden: "FieldValueForbidden"
        case .tooLong: "FieldValueTooLong"
        case .invalid: "FieldValueInvalid"
        case .duplicate: "FieldValueDuplicate"
        case .notFound: "FieldValueNotFound"
        case .notSupported: "FieldValueNotSupported"
        }
    }
}
