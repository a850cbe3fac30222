import KubernetesAPI
import StructuredData

extension APIServer {
    /// Applies a JSON merge patch (RFC 7386) to the stored object and updates it.
    public func patch<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, mergePatch: JSONValue) throws(APIError) -> Object {
        let current = try get(type, namespace: namespace, name: name)
        var object: Object
        do {
            let document = try JSONValueEncoder().encode(current)
            object = try JSONValueDecoder().decode(Object.self, from: MergePatch.apply(mergePatch, to: document))
        } catch {
            throw APIError.badRequest(String(describing: error))
        }
        // A patch applies to the version it was read at unless it names one.
        if mergePatch["metadata"]?["resourceVersion"] == nil {
            object.metadata.resourceVersion = current.metadata.resourceVersion
        }
        return try update(object)
    }
}
