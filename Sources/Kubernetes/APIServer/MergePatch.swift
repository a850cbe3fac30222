import Foundation
import StructuredData

extension APIServer {
    /// Applies a JSON merge patch (RFC 7386) to the stored object and updates it.
    public func patch<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, mergePatch: JSONValue) throws(APIError) -> Object {
        let current = try get(type, namespace: namespace, name: name)
        let patched: Object
        do {
            let data = try JSONEncoder().encode(current)
            let document = try JSONSerialization.jsonObject(with: data)
            let merged = MergePatch.apply(mergePatch.foundationValue, to: document)
            let mergedData = try JSONSerialization.data(withJSONObject: merged)
            patched = try JSONDecoder().decode(Object.self, from: mergedData)
        } catch {
            throw APIError.badRequest("the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json")
        }
        var object = patched
        // A patch applies to the version it was read at unless it names one.
        if mergePatch["metadata"]?["resourceVersion"] == nil {
            object.metadata.resourceVersion = current.metadata.resourceVersion
        }
        return try update(object)
    }
}

/// RFC 7386 merge patches on Foundation JSON values.
enum MergePatch {
    static func apply(_ patch: Any, to target: Any) -> Any {
        guard let patchObject = patch as? [String: Any] else { return patch }
        var result = target as? [String: Any] ?? [:]
        for (key, value) in patchObject {
            if value is NSNull {
                result[key] = nil
            } else {
                result[key] = apply(value, to: result[key] ?? NSNull())
            }
        }
        return result
    }
}

extension JSONValue {
    /// The value as `JSONSerialization` represents it.
    var foundationValue: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let flag): return flag
        case .string(let text): return text
        case .number:
            if let integer = integerValue { return integer }
            return doubleValue ?? 0
        case .array(let items): return items.map(\.foundationValue)
        case .object(let object):
            var dictionary: [String: Any] = [:]
            for (key, value) in object { dictionary[key] = value.foundationValue }
            return dictionary
        }
    }
}
