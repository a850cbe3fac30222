import KubernetesAPI
import StructuredData

/// A strategic merge patch applied to an object (`strategicpatch.StrategicMergePatch`): objects
/// merge and `null` removes, as in a JSON merge patch, but lists with a merge key (containers
/// by `name`, ports by `containerPort` …) merge element by element; `$patch: delete` in such an
/// element removes it, `$patch: replace` in an object replaces it whole.
enum StrategicMergePatch {
    /// Deep enough for any object; deeper patches are refused rather than recursed into.
    static let maximumDepth = 100

    struct TooDeep: Error {}

    static func apply(_ patch: JSONValue, to target: JSONValue) throws(TooDeep) -> JSONValue {
        try merge(patch, into: target, listName: nil, depth: 0)
    }

    private static func merge(_ patch: JSONValue, into target: JSONValue, listName: String?, depth: Int) throws(TooDeep) -> JSONValue {
        guard depth < maximumDepth else { throw TooDeep() }
        guard case .object(var patchObject) = patch else { return patch }
        if patchObject["$patch"]?.stringValue == "replace" {
            patchObject["$patch"] = nil
            return .object(patchObject)
        }
        var result = target.objectValue ?? JSONObject()
        for (key, value) in patchObject {
            if key == "$patch" { continue }
            switch value {
            case .null:
                result[key] = nil
            case .object:
                result[key] = try merge(value, into: result[key] ?? .object(JSONObject()), listName: key, depth: depth + 1)
            case .array(let elements):
                result[key] = .array(try mergeList(key, elements, into: result[key]?.arrayValue ?? [], depth: depth + 1))
            default:
                result[key] = value
            }
        }
        return .object(result)
    }

    private static func mergeList(_ name: String, _ elements: [JSONValue], into existing: [JSONValue], depth: Int) throws(TooDeep) -> [JSONValue] {
        guard let first = elements.first, let key = ApplyPatch.mergeKey(name, first) else { return elements }
        var result = existing
        for element in elements {
            guard let value = element[key] else {
                result.append(element)
                continue
            }
            let index = result.firstIndex { ApplyPatch.matches(value, $0[key]) }
            if element["$patch"]?.stringValue == "delete" {
                if let index { result.remove(at: index) }
                continue
            }
            if let index {
                result[index] = try merge(element, into: result[index], listName: name, depth: depth + 1)
            } else {
                var added = element.objectValue ?? JSONObject()
                added["$patch"] = nil
                result.append(.object(added))
            }
        }
        return result
    }
}

/// A JSON patch (RFC 6902) as the API server of 1.8 applied it (evanphx/json-patch): a list of
/// `add`, `remove`, `replace`, `move`, `copy` and `test` operations on JSON pointers.
enum JSONPatch {
    struct Failure: Error {
        let message: String
    }

    static func apply(_ operations: JSONValue, to target: JSONValue) throws(Failure) -> JSONValue {
        guard case .array(let list) = operations else {
            throw Failure(message: "json: cannot unmarshal object into Go value of type jsonpatch.Patch")
        }
        var document = target
        for operation in list {
            let op = operation["op"]?.stringValue ?? ""
            let path = operation["path"]?.stringValue ?? ""
            // A pointer deeper than any object is missing anyway; refuse it before walking it.
            guard tokens(path).count <= StrategicMergePatch.maximumDepth else {
                throw Failure(message: "jsonpatch \(op) operation does not apply: doc is missing path: \(path)")
            }
            switch op {
            case "add":
                document = try set(document, path, operation["value"] ?? .null, op: "add", mustExist: false)
            case "replace":
                guard get(document, path) != nil else { throw Failure(message: "jsonpatch replace operation does not apply: doc is missing key: \(path)") }
                document = try set(document, path, operation["value"] ?? .null, op: "replace", mustExist: true)
            case "remove":
                guard get(document, path) != nil else { throw Failure(message: "Unable to remove nonexistent key: \(lastToken(path)): missing value") }
                document = try remove(document, path)
            case "move", "copy":
                let from = operation["from"]?.stringValue ?? ""
                guard let value = get(document, from) else { throw Failure(message: "jsonpatch \(op) operation does not apply: doc is missing from path: \(from)") }
                if op == "move" { document = try remove(document, from) }
                document = try set(document, path, value, op: op, mustExist: false)
            case "test":
                guard let value = get(document, path), value == (operation["value"] ?? .null) else {
                    throw Failure(message: "Testing value \(path) failed")
                }
            default:
                throw Failure(message: "Unexpected kind: \(op)")
            }
        }
        return document
    }

    static func tokens(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func lastToken(_ path: String) -> String { tokens(path).last ?? "" }

    static func get(_ document: JSONValue, _ path: String) -> JSONValue? {
        var current = document
        for token in tokens(path) {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(token), array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }

    private static func set(_ document: JSONValue, _ path: String, _ value: JSONValue, op: String, mustExist: Bool) throws(Failure) -> JSONValue {
        let parts = tokens(path)
        guard !parts.isEmpty else { return value }
        return try update(document, parts[...], path: path) { (container: JSONValue, last: String) throws(Failure) -> JSONValue in
            switch container {
            case .object(var object):
                object[last] = value
                return .object(object)
            case .array(var array):
                if last == "-", !mustExist {
                    array.append(value)
                } else if let index = Int(last), index >= 0, mustExist ? index < array.count : index <= array.count {
                    if mustExist { array[index] = value } else { array.insert(value, at: index) }
                } else {
                    throw Failure(message: "jsonpatch \(op) operation does not apply: doc is missing path: \(path)")
                }
                return .array(array)
            default:
                throw Failure(message: "jsonpatch \(op) operation does not apply: doc is missing path: \(path)")
            }
        }
    }

    private static func remove(_ document: JSONValue, _ path: String) throws(Failure) -> JSONValue {
        let parts = tokens(path)
        return try update(document, parts[...], path: path) { (container: JSONValue, last: String) throws(Failure) -> JSONValue in
            switch container {
            case .object(var object):
                object[last] = nil
                return .object(object)
            case .array(var array):
                guard let index = Int(last), array.indices.contains(index) else { throw Failure(message: "Unable to remove nonexistent key: \(last): missing value") }
                array.remove(at: index)
                return .array(array)
            default:
                throw Failure(message: "Unable to remove nonexistent key: \(last): missing value")
            }
        }
    }

    /// Walks to the parent of the last token and rebuilds the document around the change.
    private static func update(_ document: JSONValue, _ parts: ArraySlice<String>, path: String,
                               _ change: (JSONValue, String) throws(Failure) -> JSONValue) throws(Failure) -> JSONValue {
        guard let first = parts.first else { return document }
        if parts.count == 1 { return try change(document, first) }
        switch document {
        case .object(var object):
            guard let child = object[first] else { throw Failure(message: "jsonpatch add operation does not apply: doc is missing path: \(path)") }
            object[first] = try update(child, parts.dropFirst(), path: path, change)
            return .object(object)
        case .array(var array):
            guard let index = Int(first), array.indices.contains(index) else { throw Failure(message: "jsonpatch add operation does not apply: doc is missing path: \(path)") }
            array[index] = try update(array[index], parts.dropFirst(), path: path, change)
            return .array(array)
        default:
            throw Failure(message: "jsonpatch add operation does not apply: doc is missing path: \(path)")
        }
    }
}
