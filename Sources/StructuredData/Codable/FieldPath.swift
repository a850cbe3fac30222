/// Renders a coding path the way Kubernetes names fields: `spec.containers[0].image`.
public func fieldPath(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
        if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(index) {
            text += "[\(index)]"
        } else {
            text += text.isEmpty ? key.stringValue : "." + key.stringValue
        }
    }
    return text
}

/// A coding key built at run time: an object member name or an array position.
struct DynamicKey: CodingKey, Hashable {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    init(index: Int) { self.init(intValue: index) }
}

extension DecodingError {
    /// Where the failure happened, as `spec.containers[0].ports[0].containerPort`.
    public var fieldPath: String {
        switch self {
        case .keyNotFound(let key, let context): return StructuredData.fieldPath(context.codingPath + [key])
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return StructuredData.fieldPath(context.codingPath)
        @unknown default: return ""
        }
    }
}
