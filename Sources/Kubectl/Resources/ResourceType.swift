import KubernetesAPI
import StructuredData

/// One kind kubectl can work with, its REST calls erased to `any APIObject` so that commands
/// can handle whatever type the learner names.
// @unchecked: the closures only capture the metatype.
struct ResourceType: @unchecked Sendable {
    let resource: APIResource
    /// The kind's declaration: capabilities, categories, table columns.
    let declaration: any KindDeclaration.Type
    let get: (any KubernetesClient, String?, String) throws(APIError) -> any APIObject
    /// `get --export` of one object (exact: false, as kubectl 1.8 asked).
    let export: (any KubernetesClient, String?, String) throws(APIError) -> any APIObject
    let list: (any KubernetesClient, String?, ListOptions) throws(APIError) -> [any APIObject]
    let delete: (any KubernetesClient, String?, String, DeleteOptions) throws(APIError) -> any APIObject
    let create: (any KubernetesClient, any APIObject) throws(APIError) -> any APIObject
    let update: (any KubernetesClient, any APIObject) throws(APIError) -> any APIObject
    let patch: (any KubernetesClient, String?, String, JSONValue) throws(APIError) -> any APIObject
    let watch: (any KubernetesClient, String?, ListOptions, @escaping (String, any APIObject) -> Void) throws(APIError) -> WatchHandle
    /// Reads an object of this kind from manifest data; unknown fields are errors.
    let decode: (JSONValue) throws -> any APIObject

    static func of<Object: KindDeclaration>(_ type: Object.Type) -> ResourceType {
        ResourceType(
            resource: type.resource,
            declaration: type,
            get: { client, namespace, name throws(APIError) in try client.get(type, namespace: namespace, name: name) },
            export: { client, namespace, name throws(APIError) in
                try client.export(type, namespace: namespace, name: name, exact: false)
            },
            list: { client, namespace, options throws(APIError) in try client.list(type, namespace: namespace, options: options).items },
            delete: { client, namespace, name, options throws(APIError) in
                try client.delete(type, namespace: namespace, name: name, options: options)
            },
            create: { client, object throws(APIError) in
                guard let typed = object as? Object else { throw APIError.badRequest("the object is not a \(type.resource.kind)") }
                return try client.create(typed)
            },
            update: { client, object throws(APIError) in
                guard let typed = object as? Object else { throw APIError.badRequest("the object is not a \(type.resource.kind)") }
                return try client.update(typed)
            },
            patch: { client, namespace, name, patch throws(APIError) in
                try client.patch(type, namespace: namespace, name: name, mergePatch: patch)
            },
            watch: { client, namespace, options, handler throws(APIError) in
                try client.watch(type, namespace: namespace, options: options) { event in
                    handler(event.type.rawValue, event.object)
                }
            },
            decode: { value in try JSONValueDecoder(rejectsUnknownFields: true).decode(type, from: value) })
    }

    var name: String { resource.name }
    var kind: String { resource.kind }
    var namespaced: Bool { resource.namespaced }
    var capabilities: KindCapabilities { declaration.capabilities }
}

/// The kinds the simulated server serves, and how kubectl's RESTMapper resolves the names learners type.
enum ResourceTypes {
    static let all: [ResourceType] = Kinds.all.map { ResourceType.of($0) }

    /// `po`, `pod`, `pods`, `Pod`, `deployments.apps`, `deploy.extensions` …
    static func resolve(_ text: String) -> ResourceType? {
        guard let declaration = Kinds.declaration(forResource: text) else { return nil }
        return all.first { $0.kind == declaration.resource.kind }
    }

    /// Every spelling a learner may type, for suggestions and completion.
    static var spellings: [String] {
        all.flatMap { [$0.resource.name, $0.resource.singularName] + $0.resource.shortNames }
    }

    static func type(of object: any APIObject) -> ResourceType? {
        let kind = Swift.type(of: object).resource.kind
        return all.first { $0.kind == kind }
    }
}

extension APIObject {
    /// The object as JSON, fields in Go struct order.
    var jsonValue: JSONValue {
        (try? JSONValueEncoder().encode(self)) ?? .null
    }
}
