import KubernetesAPI
import StructuredData

/// The in-process transport: each call is one request to the server.
final class ServerClient: KubernetesClient {
    private let server: APIServer

    init(server: APIServer) {
        self.server = server
    }

    /// Component statuses are served for reading only: the REST API has no route that writes them.
    private func checkWritable<Object: APIObject>(_ type: Object.Type) throws(APIError) {
        if type == ComponentStatus.self { throw APIError.methodNotAllowed }
    }

    func create<Object: APIObject>(_ object: Object) throws(APIError) -> Object {
        try checkWritable(Object.self)
        return try server.create(object)
    }

    func get<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String) throws(APIError) -> Object {
        try server.get(type, namespace: type.resource.namespaced ? (namespace ?? "default") : nil, name: name)
    }

    func export<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, exact: Bool) throws(APIError) -> Object {
        try server.export(type, namespace: type.resource.namespaced ? (namespace ?? "default") : nil, name: name, exact: exact)
    }

    func list<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions) throws(APIError) -> ObjectList<Object> {
        try server.list(type, namespace: namespace, options: options)
    }

    func update<Object: APIObject>(_ object: Object) throws(APIError) -> Object {
        try checkWritable(Object.self)
        return try server.update(object)
    }

    func updateStatus<Object: APIObject>(_ object: Object) throws(APIError) -> Object {
        try checkWritable(Object.self)
        return try server.updateStatus(object)
    }

    func patch<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, mergePatch: JSONValue) throws(APIError) -> Object {
        try checkWritable(type)
        return try server.patch(type, namespace: type.resource.namespaced ? (namespace ?? "default") : nil, name: name, mergePatch: mergePatch)
    }

    func delete<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, options: DeleteOptions) throws(APIError) -> Object {
        try checkWritable(type)
        return try server.delete(type, namespace: namespace, name: name, options: options)
    }

    func watch<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try server.watch(type, namespace: namespace, options: options, handler: handler)
    }

    func reflect<Object: APIObject>(_ type: Object.Type, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try server.reflect(type, handler: handler)
    }

    func bind(pod name: String, namespace: String, to nodeName: String) throws(APIError) {
        try server.bind(pod: name, namespace: namespace, to: nodeName)
    }

    var currentResourceVersion: String { String(server.revision) }
}
