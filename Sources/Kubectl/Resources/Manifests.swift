import Formatting
import KubernetesAPI
import Kernel
import StructuredData

/// One object read from a manifest file (`-f`).
struct Manifest {
    /// The file as the learner named it (`kubia.yaml`, `STDIN`).
    var source: String
    var value: JSONValue
    var type: ResourceType

    func namespace(default fallback: String) -> String? {
        guard type.namespaced else { return nil }
        if let namespace = value["metadata"]?["namespace"]?.stringValue, !namespace.isEmpty { return namespace }
        return fallback
    }

    /// The typed object; with `validate`, fields the schema does not know are errors (kubectl's client-side validation).
    func decode(validate: Bool = true) throws(KubectlError) -> any APIObject {
        do {
            if validate {
                return try type.decode(value)
            }
            return try ResourceTypes.lenientDecode(type, value)
        } catch let error as UnknownFieldsError {
            // kubectl 1.8 validates against the server's OpenAPI schema (kube-openapi's errors).
            let apiVersion = value["apiVersion"]?.stringValue ?? "v1"
            let errors = error.fields.map { field in
                let path = field.parentPath.isEmpty ? type.kind : type.kind + "." + field.parentPath
                return "ValidationError(\(path)): unknown field \(goQuoted(field.name)) in \(Manifests.openAPITypeName(parentPath: field.parentPath, kind: type.kind, apiVersion: apiVersion))"
            }
            let joined = errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
            throw .message("error validating \(goQuoted(source)): error validating data: \(joined); if you choose to ignore these errors, turn validation off with --validate=false")
        } catch let error as DecodingError {
            throw .message("unable to decode \(goQuoted(source)): \(error.fieldPath): \(Manifests.describe(error))")
        } catch {
            throw .message("unable to decode \(goQuoted(source)): \(error)")
        }
    }
}

enum Manifests {
    /// Reads the objects named by `-f` and hands each to `handle`, printing the error of each
    /// one that fails and going on with the rest, as kubectl's resource visitors do. The exit
    /// status is 1 when any failed.
    static func forEach(in flags: ParsedFlags, invocation: Invocation, command: String,
                        _ handle: (Manifest, _ client: any KubernetesClient, _ validate: Bool) throws(KubectlError) -> Void) async throws -> Int32 {
        let validate = !flags.has("validate") || flags.bool("validate")
        let manifests = try await read(flags.strings("filename"), invocation: invocation, recursive: flags.bool("recursive"), validate: validate)
        let client = try invocation.client()
        var failed = false
        for manifest in manifests {
            do {
                try handle(manifest, client, validate)
            } catch {
                invocation.printError(error.text)
                failed = true
            }
        }
        if manifests.isEmpty {
            throw KubectlError.message("no objects passed to \(command)")
        }
        return failed ? 1 : 0
    }

    /// Reads every object in the files, directories or stdin (`-`) named by `-f`.
    /// With `validate` (commands that have `--validate`), an object of a kind or version the
    /// server does not serve fails schema validation before the mapper sees it.
    static func read(_ names: [String], invocation: Invocation, recursive: Bool = false, validate: Bool = false) async throws -> [Manifest] {
        var manifests: [Manifest] = []
        for name in names {
            for (source, text) in try await texts(name, invocation: invocation, recursive: recursive) {
                manifests += try parse(text, source: source, validate: validate, unserved: invocation.era.kubernetes.laterAPIVersions)
            }
        }
        return manifests
    }

    private static func texts(_ name: String, invocation: Invocation, recursive: Bool) async throws -> [(String, String)] {
        if name == "-" {
            let bytes = try await LineBuffer(invocation.context.stdin).readAll()
            return [("STDIN", String(decoding: bytes, as: UTF8.self))]
        }
        if name.hasPrefix("http://") || name.hasPrefix("https://") {
            throw KubectlError.message("unable to read URL \(goQuoted(name)), server reported 404 Not Found, status code=404")
        }
        let fileSystem = invocation.context.machine.fileSystem
        let path = invocation.context.resolve(name)
        guard fileSystem.exists(path) else {
            throw KubectlError.message("the path \(goQuoted(name)) does not exist")
        }
        if fileSystem.isDirectory(path) {
            var result: [(String, String)] = []
            let entries = (try? fileSystem.listDirectory(path, as: invocation.context.user)) ?? []
            for entry in entries {
                let child = path + "/" + entry
                let shown = name.hasSuffix("/") ? name + entry : name + "/" + entry
                if fileSystem.isDirectory(child) {
                    if recursive { result += try await texts(shown, invocation: invocation, recursive: true) }
                    continue
                }
                guard entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") || entry.hasSuffix(".json") else { continue }
                result += try await texts(shown, invocation: invocation, recursive: recursive)
            }
            return result
        }
        do {
            let bytes = try fileSystem.readFile(path, as: invocation.context.user)
            return [(name, String(decoding: bytes, as: UTF8.self))]
        } catch {
            throw KubectlError.message("open \(name): \(error.code.message.lowercased())")
        }
    }

    /// The objects of one file: YAML or JSON documents, `kind: List` expanded.
    static func parse(_ text: String, source: String, validate: Bool = false, unserved: Set<String> = []) throws(KubectlError) -> [Manifest] {
        let documents: [JSONValue]
        do {
            documents = try YAMLDocuments.parse(text)
        } catch {
            throw .message("error parsing \(source): " + error.kubectlMessage)
        }
        var manifests: [Manifest] = []
        for document in documents {
            if document["kind"]?.stringValue == "List", let items = document["items"]?.arrayValue {
                for item in items { manifests.append(try manifest(item, source: source, validate: validate, unserved: unserved)) }
            } else {
                manifests.append(try manifest(document, source: source, validate: validate, unserved: unserved))
            }
        }
        return manifests
    }

    static func manifest(_ value: JSONValue, source: String, validate: Bool = false, unserved: Set<String> = []) throws(KubectlError) -> Manifest {
        guard value.objectValue != nil else {
            throw .message("error validating \(goQuoted(source)): error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false")
        }
        let kind = value["kind"]?.stringValue ?? ""
        let apiVersion = value["apiVersion"]?.stringValue ?? ""
        guard !kind.isEmpty else {
            throw .message("error validating \(goQuoted(source)): error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false")
        }
        guard !apiVersion.isEmpty else {
            throw .message("error validating \(goQuoted(source)): error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false")
        }
        guard let type = ResourceTypes.all.first(where: { $0.kind == kind }), type.resource.apiVersions.contains(apiVersion),
              !unserved.contains(apiVersion)
        else {
            let parts = apiVersion.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let group = parts.count == 2 ? parts[0] : ""
            if validate {
                // kubectl 1.8's OpenAPI validation: `fmt.Errorf("unknown object type %#v", gvk)`.
                let version = parts.last ?? ""
                throw .message("error validating \(goQuoted(source)): error validating data: unknown object type schema.GroupVersionKind{Group:\(goQuoted(group)), Version:\(goQuoted(version)), Kind:\(goQuoted(kind))}; if you choose to ignore these errors, turn validation off with --validate=false")
            }
            // 1.8's RESTMapper reports the kind without the version it could not match.
            throw .message("unable to recognize \(goQuoted(source)): no matches for \(group)/, Kind=\(kind)")
        }
        return Manifest(source: source, value: value, type: type)
    }

    /// The Go type kubectl 1.8's validation names for the object at a path (`v1.Container`),
    /// read from the schema; the kind's own group types carry the manifest's version.
    /// The OpenAPI definition name of the object at `parentPath`: `io.k8s.api.core.v1.ServiceSpec`,
    /// `io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta`.
    static func openAPITypeName(parentPath: String, kind: String, apiVersion: String) -> String {
        let goName = goTypeName(parentPath: parentPath, kind: kind, apiVersion: apiVersion)
        let typeName = goName.split(separator: ".").last.map(String.init) ?? kind
        let parts = apiVersion.split(separator: "/").map(String.init)
        let group = parts.count == 2 ? parts[0].split(separator: ".").first.map(String.init) ?? parts[0] : "core"
        let version = parts.last ?? "v1"
        if ["ObjectMeta", "LabelSelector", "LabelSelectorRequirement", "OwnerReference", "Initializers", "Time"].contains(typeName) {
            return "io.k8s.apimachinery.pkg.apis.meta.v1." + typeName
        }
        return "io.k8s.api.\(group).\(version).\(typeName)"
    }

    static func goTypeName(parentPath: String, kind: String, apiVersion: String) -> String {
        let version = apiVersion.split(separator: "/").last.map(String.init) ?? "v1"
        let segments = parentPath.split(separator: ".").map { segment in
            segment.firstIndex(of: "[").map { String(segment[..<$0]) } ?? String(segment)
        }
        if let definition = APISchema.definition(forKind: kind)?.definition(atPath: segments) {
            let name = definition.name
            guard !name.hasPrefix("v1."), let dot = name.firstIndex(of: ".") else { return name }
            return version + name[dot...]
        }
        return version + "." + kind
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): return "expected type \(goTypeWord(type))"
        case .valueNotFound(let type, _): return "expected type \(goTypeWord(type)), got null"
        case .keyNotFound(let key, _): return "missing required field \(goQuoted(key.stringValue))"
        case .dataCorrupted(let context): return context.debugDescription
        @unknown default: return "invalid value"
        }
    }

    static func goTypeWord(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is Int32.Type: "int"
        case is String.Type: "string"
        case is Bool.Type: "bool"
        case is Double.Type: "float64"
        default: "object"
        }
    }
}

extension ResourceTypes {
    /// `--validate=false`: unknown fields are dropped, as the server's decoder does.
    static func lenientDecode(_ type: ResourceType, _ value: JSONValue) throws -> any APIObject {
        do {
            return try type.decode(value)
        } catch is UnknownFieldsError {
            return try lenient(type, value)
        }
    }

    private static func lenient(_ type: ResourceType, _ value: JSONValue) throws -> any APIObject {
        guard let kind = Kinds.declaration(forKind: type.kind) else { throw KubectlError.message("unknown kind \(type.kind)") }
        return try decodeLeniently(kind, value)
    }

    private static func decodeLeniently<Object: APIObject>(_ type: Object.Type, _ value: JSONValue) throws -> any APIObject {
        try JSONValueDecoder(rejectsUnknownFields: false).decode(type, from: value)
    }
}
