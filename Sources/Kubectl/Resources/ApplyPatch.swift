import KubernetesAPI
import StructuredData

/// The patch `kubectl apply` computes from three versions of an object: what was last applied
/// (the annotation), what is applied now, and what the server holds. Fields the manifest sets
/// that differ on the server are patched; fields dropped from the manifest since the last apply
/// are removed; everything else (defaults, status, other writers' fields) is left alone. An
/// empty patch means the object is `unchanged`.
///
/// The server takes JSON merge patches, which replace lists whole, so a changed list is sent
/// merged element by element (by the list's merge key, as strategic merge patches do), keeping
/// what the server filled into each element.
enum ApplyPatch {
    static func threeWay(original: JSONObject?, modified: JSONObject, current: JSONObject) -> JSONObject {
        var patch = JSONObject()
        for (key, value) in modified {
            let live = current[key]
            switch (value, live) {
            case (.object(let wanted), .object(let existing)?):
                let nested = threeWay(original: original?[key]?.objectValue, modified: wanted, current: existing)
                if !nested.isEmpty { patch[key] = .object(nested) }
            case (.array(let wanted), .array(let existing)?):
                let previous = original?[key]?.arrayValue ?? []
                if !listMatches(key, wanted: wanted, existing: existing, previous: previous) {
                    patch[key] = .array(mergedList(key, wanted: wanted, existing: existing, previous: previous))
                }
            default:
                if !matches(value, live) { patch[key] = value }
            }
        }
        for (key, _) in original ?? JSONObject() where modified[key] == nil && current[key] != nil {
            patch[key] = .null
        }
        return patch
    }

    /// Whether the live value already says everything `wanted` says (null meaning absent).
    static func matches(_ wanted: JSONValue, _ live: JSONValue?) -> Bool {
        switch (wanted, live) {
        case (.null, nil), (.null, .null?):
            return true
        case (.object(let object), .object(let existing)?):
            return object.allSatisfy { key, value in matches(value, existing[key]) }
        case (.array(let elements), .array(let existing)?):
            return elements.count == existing.count && zip(elements, existing).allSatisfy { matches($0, $1) }
        case (.number(let number), .number(let other)?):
            return JSONValue.number(number).doubleValue == JSONValue.number(other).doubleValue
        default:
            return live == wanted
        }
    }

    /// The key strategic merge patches match list elements by, for the lists the kinds have.
    static func mergeKey(_ list: String, _ element: JSONValue) -> String? {
        guard case .object(let object) = element else { return nil }
        let candidates: [String] = switch list {
        case "containers", "initContainers", "env", "volumes", "imagePullSecrets": ["name"]
        case "ports": ["containerPort", "port"]
        case "volumeMounts": ["mountPath"]
        case "ownerReferences": ["uid"]
        case "conditions", "addresses": ["type"]
        default: []
        }
        return candidates.first { object[$0] != nil }
    }

    private static func counterpart(of element: JSONValue, in list: [JSONValue], named listName: String) -> JSONValue? {
        guard let key = mergeKey(listName, element), let value = element[key] else { return nil }
        return list.first { matches(value, $0[key]) && mergeKey(listName, $0) == key }
    }

    private static func listMatches(_ name: String, wanted: [JSONValue], existing: [JSONValue], previous: [JSONValue]) -> Bool {
        guard let first = wanted.first ?? previous.first, mergeKey(name, first) != nil else {
            return matches(.array(wanted), .array(existing))
        }
        let kept = wanted.allSatisfy { element in counterpart(of: element, in: existing, named: name).map { matches(element, $0) } ?? false }
        let removed = previous.contains { old in
            counterpart(of: old, in: wanted, named: name) == nil && counterpart(of: old, in: existing, named: name) != nil
        }
        return kept && !removed
    }

    private static func mergedList(_ name: String, wanted: [JSONValue], existing: [JSONValue], previous: [JSONValue]) -> [JSONValue] {
        guard let first = wanted.first, mergeKey(name, first) != nil else { return wanted }
        var result: [JSONValue] = wanted.map { element in
            guard let live = counterpart(of: element, in: existing, named: name),
                  case .object(let wantedObject) = element, case .object(let liveObject) = live else { return element }
            let old = counterpart(of: element, in: previous, named: name)?.objectValue
            return MergePatch.apply(.object(threeWay(original: old, modified: wantedObject, current: liveObject)), to: live)
        }
        // Elements someone else added (never part of an applied manifest) stay.
        for live in existing where counterpart(of: live, in: wanted, named: name) == nil && counterpart(of: live, in: previous, named: name) == nil {
            result.append(live)
        }
        return result
    }
}
