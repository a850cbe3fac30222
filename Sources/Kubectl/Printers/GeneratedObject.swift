import KubernetesAPI
import StructuredData

/// What kubectl prints for an object it generated and has not sent (`--dry-run -o yaml|json`):
/// Go's encoder writes struct fields that are not pointers even when empty, so the generators'
/// objects show `resources: {}`, `strategy: {}` and `status: {}` (an RC's status has its
/// `replicas: 0`), which the server would otherwise fill in.
enum GeneratedObject {
    static func document(_ object: any APIObject) -> JSONValue {
        let document = ObjectOutput.withTypeMeta(object)
        let empty = JSONValue.object(JSONObject())
        switch document["kind"]?.stringValue {
        case "Pod":
            let spec = withEmptyResources(document["spec"])
            return setting(setting(document, "spec", spec), "status", document["status"] ?? empty)
        case "Deployment", "ReplicationController":
            let spec = document["spec"] ?? empty
            let template = spec["template"] ?? empty
            var newSpec = setting(spec, "template", setting(template, "spec", withEmptyResources(template["spec"])))
            var status = document["status"] ?? empty
            if document["kind"]?.stringValue == "Deployment" {
                newSpec = setting(newSpec, "strategy", spec["strategy"] ?? empty)
            } else if document["status"] == nil {
                status = .object(JSONObject(pairs: [("replicas", .number(.integer(0)))]))
            }
            return setting(setting(document, "spec", newSpec), "status", status)
        case "Namespace":
            return setting(setting(document, "spec", document["spec"] ?? empty), "status", document["status"] ?? empty)
        default:
            return document
        }
    }

    /// `value` with `key` set (or removed for nil).
    private static func setting(_ value: JSONValue, _ key: String, _ member: JSONValue?) -> JSONValue {
        var copy = value
        copy[key] = member
        return copy
    }

    private static func withEmptyResources(_ spec: JSONValue?) -> JSONValue? {
        guard var spec, let containers = spec["containers"]?.arrayValue else { return spec }
        spec["containers"] = .array(containers.map { container in
            var copy = container
            copy["resources"] = container["resources"] ?? .object(JSONObject())
            return copy
        })
        return spec
    }

    /// The text `--dry-run` prints: the object with `-o`, else `kind "name" created (dry run)`.
    static func print(_ object: any APIObject, output: ObjectOutput, invocation: Invocation) throws(KubectlError) {
        switch output {
        case .table:
            invocation.print(Messages.operation(object, "created (dry run)"))
        case .name, .customColumns:
            invocation.print(try output.render([object], asList: false, invocation: invocation))
        default:
            invocation.print(try output.render(document: document(object), invocation: invocation))
        }
    }
}
