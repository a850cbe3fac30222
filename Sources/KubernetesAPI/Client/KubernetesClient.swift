import StructuredData

/// How kubectl, controllers, the scheduler and kubelets talk to the API server, one call per
/// REST request of the real client. Objects come back as values; nothing reaches into the store.
public protocol KubernetesClient: AnyObject {
    /// `POST`: creates the object in its `metadata.namespace` (`default` when unset).
    func create<Object: APIObject>(_ object: Object) throws(APIError) -> Object
    /// `GET` one object.
    func get<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String) throws(APIError) -> Object
    /// `GET ?export=true`: the object without what belongs to this cluster (uid, resourceVersion,
    /// timestamps, status; with `exact` false also the namespace and allocated addresses).
    func export<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, exact: Bool) throws(APIError) -> Object
    /// `GET` a collection; nil namespace lists all namespaces. Items are in name order per namespace.
    func list<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions) throws(APIError) -> ObjectList<Object>
    /// `PUT`: replaces the object; a stale `resourceVersion` gives Conflict. Status is ignored.
    func update<Object: APIObject>(_ object: Object) throws(APIError) -> Object
    /// `PUT .../status`: replaces only the status.
    func updateStatus<Object: APIObject>(_ object: Object) throws(APIError) -> Object
    /// `PATCH` with a JSON merge patch (RFC 7386).
    func patch<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, mergePatch: JSONValue) throws(APIError) -> Object
    /// `DELETE`: returns the deleted object, or its state while it terminates.
    func delete<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, options: DeleteOptions) throws(APIError) -> Object
    /// `GET ?watch=true`: events arrive on the event loop, after the current work, in revision order.
    func watch<Object: APIObject>(_ type: Object.Type, namespace: String?, options: ListOptions, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle
    /// The watch a shared informer's reflector keeps on a whole kind: the current objects as
    /// ADDED events, then each change handed over as the server commits it, not on the loop.
    func reflect<Object: APIObject>(_ type: Object.Type, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle
    /// `POST pods/<name>/binding`: assigns a pod to a node.
    func bind(pod name: String, namespace: String, to nodeName: String) throws(APIError)
    /// The server's current revision, as a list's `resourceVersion` reports it.
    var currentResourceVersion: String { get }
}

extension KubernetesClient {
    public func list<Object: APIObject>(_ type: Object.Type, namespace: String? = nil, labelSelector: Labels.Selector = .everything, fieldSelector: Fields.Selector = .everything) throws(APIError) -> ObjectList<Object> {
        try list(type, namespace: namespace, options: ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector))
    }

    @discardableResult
    public func delete<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String) throws(APIError) -> Object {
        try delete(type, namespace: namespace, name: name, options: DeleteOptions())
    }

    public func watch<Object: APIObject>(_ type: Object.Type, namespace: String? = nil, options: ListOptions = .everything, handler: @escaping (WatchEvent<Object>) -> Void) throws(APIError) -> WatchHandle {
        try watch(type, namespace: namespace, options: options, handler: handler)
    }

    /// Reads, changes and writes an object, retrying on conflicts as `RetryOnConflict` does.
    @discardableResult
    public func modify<Object: APIObject>(_ type: Object.Type, namespace: String?, name: String, status: Bool = false, _ change: (inout Object) throws(APIError) -> Void) throws(APIError) -> Object {
        var attempts = 0
        while true {
            var object = try get(type, namespace: namespace, name: name)
            try change(&object)
            do {
                return status ? try updateStatus(object) : try update(object)
            } catch where error.reason == .conflict && attempts < 5 {
                attempts += 1
            }
        }
    }
}
