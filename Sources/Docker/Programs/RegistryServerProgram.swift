import Eras
import Foundation
import Kernel

/// The `registry` binary of the `registry:2` image: the registry HTTP API v2 on port 5000,
/// its content kept under /var/lib/registry in the container's file system.
public struct RegistryServerProgram: Program {
    /// The Go release the image's binary was built with, which its start-up line names.
    let goVersion: String

    public init(goVersion: String) {
        self.goVersion = goVersion
    }

    static let storagePath = "/var/lib/registry/docker/registry/v2/state.json"
    static let port = 5000

    /// The first product of a User-Agent (`docker/17.12.0-ce` of `docker/17.12.0-ce go/go1.9.2`), as the access log shows it.
    static func product(_ userAgent: String) -> String {
        String(userAgent.split(separator: " ").first ?? "")
    }

    public func run(_ context: ProgramContext) async throws -> Int32 {
        let arguments = Array(context.arguments.dropFirst())
        guard arguments.first == "serve" else {
            context.printError("Usage: \n  registry [flags]\n  registry [command]\n\nAvailable Commands:\n  serve           `serve` stores and distributes Docker images\n")
            return 1
        }
        let fileSystem = context.machine.fileSystem
        var state = RegistryState()
        if let saved = try? fileSystem.readFile(Self.storagePath),
           let decoded = try? JSONDecoder().decode(RegistryState.self, from: Data(saved)) {
            state = decoded
        }
        let registry = Registry(host: "localhost:\(Self.port)", state: state)
        let server = RegistryHTTPHandler(registry: registry) {
            guard let bytes = try? JSONEncoder().encode(registry.state) else { return }
            try? fileSystem.createDirectory(Paths.parent(Self.storagePath), intermediates: true)
            try? fileSystem.writeFile(Self.storagePath, Array(bytes))
        }
        let loop = context.loop
        let log = context.stderr
        let hostname = context.machine.hostname
        do {
            _ = try context.machine.networkStack.listen(port: Self.port, owner: context.process) { connection in
                loop.spawn {
                    let reader = HTTPReader(connection.input)
                    while let request = try? await reader.readRequest() {
                        let response = server.respond(to: request)
                        try? log.write("\(connection.remoteAddress) - - \"\(request.method) \(request.target) HTTP/1.1\" \(response.status) \(response.body.count) \"\" \"\(Self.product(request.headers["User-Agent"] ?? ""))\"\n")
                        try? connection.output.write(response.serialized)
                    }
                    connection.close()
                }
            }
        } catch {
            context.printError("time=\"\" level=fatal msg=\"listen tcp :\(Self.port): bind: address already in use\"\n")
            return 1
        }
        context.printError("time=\"\" level=info msg=\"listening on [::]:\(Self.port)\" go.version=\(goVersion) instance.id=\(hostname)\n")
        try await Wakeup().wait()
        return 0
    }
}

/// Answers registry API v2 requests from a `Registry`.
final class RegistryHTTPHandler: @unchecked Sendable {
    let registry: Registry
    let saved: () -> Void

    init(registry: Registry, saved: @escaping () -> Void) {
        self.registry = registry
        self.saved = saved
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let target = request.target.split(separator: "?", maxSplits: 1)
        let path = target.first.map(String.init) ?? "/"
        let query = target.count > 1 ? String(target[1]) : ""
        let components = path.split(separator: "/").map(String.init)
        guard components.first == "v2" else { return json(404, "404 page not found\n", raw: true) }
        if components.count == 1 { return json(200, "{}") }
        if components == ["v2", "_catalog"] {
            return json(200, "{\"repositories\":[" + registry.repositoryPaths.map { "\"\($0)\"" }.joined(separator: ",") + "]}")
        }
        let body = Array(components.dropFirst())
        if body.count >= 3, body[body.count - 2] == "tags", body.last == "list" {
            let name = body.dropLast(2).joined(separator: "/")
            guard registry.repositoryExists(name) else { return nameUnknown(name) }
            return json(200, "{\"name\":\"\(name)\",\"tags\":[" + registry.tags(of: name).map { "\"\($0)\"" }.joined(separator: ",") + "]}")
        }
        if body.count >= 3, body[body.count - 2] == "manifests", let reference = body.last {
            let name = body.dropLast(2).joined(separator: "/")
            if request.method == "PUT" { return putManifest(name, reference, request.body) }
            guard let manifest = registry.manifest(name, tag: reference) else {
                return error(404, "MANIFEST_UNKNOWN", "manifest unknown", detail: "{\"Tag\":\"\(reference)\"}")
            }
            var headers = HTTPHeaders()
            headers.add("Content-Type", Manifest.mediaType)
            headers.add("Docker-Content-Digest", manifest.digest)
            headers.add("Content-Length", String(manifest.bytes.count))
            return HTTPResponse(status: 200, headers: headers, body: request.method == "HEAD" ? [] : manifest.bytes)
        }
        if request.method == "POST", body.count >= 3, body[body.count - 2] == "blobs", body.last == "uploads" {
            let digest = query.split(separator: "&").first { $0.hasPrefix("digest=") }.map { String($0.dropFirst(7)) } ?? ""
            if let layer = BlobCoding.decodeLayer(request.body), layer.digest == digest {
                registry.putLayer(layer)
            } else if let config = BlobCoding.decodeConfig(request.body), config.digest == digest {
                registry.storeConfig(config)
            } else {
                return error(400, "DIGEST_INVALID", "provided digest did not match uploaded content", detail: "{}")
            }
            saved()
            var headers = HTTPHeaders()
            headers.add("Location", "/v2/\(body.dropLast(2).joined(separator: "/"))/blobs/\(digest)")
            headers.add("Docker-Content-Digest", digest)
            headers.add("Content-Length", "0")
            return HTTPResponse(status: 201, headers: headers)
        }
        if body.count >= 3, body[body.count - 2] == "blobs", let digest = body.last {
            let bytes: [UInt8]? = registry.layer(digest).map(BlobCoding.encode) ?? registry.config(digest)?.canonicalBytes
            guard let bytes else { return error(404, "BLOB_UNKNOWN", "blob unknown to registry", detail: "\"\(digest)\"") }
            var headers = HTTPHeaders()
            headers.add("Docker-Content-Digest", digest)
            headers.add("Content-Length", String(bytes.count))
            return HTTPResponse(status: 200, headers: headers, body: request.method == "HEAD" ? [] : bytes)
        }
        return error(404, "UNSUPPORTED", "The operation is unsupported.", detail: "{}")
    }

    private func putManifest(_ name: String, _ tag: String, _ body: [UInt8]) -> HTTPResponse {
        guard let manifest = BlobCoding.decodeManifest(body), let config = registry.config(manifest.config.digest) else {
            return error(400, "MANIFEST_INVALID", "manifest invalid", detail: "{}")
        }
        let layers = manifest.layers.compactMap { registry.layer($0.digest) }
        guard layers.count == manifest.layers.count else {
            return error(400, "MANIFEST_BLOB_UNKNOWN", "blob unknown to registry", detail: "{}")
        }
        let stored = registry.putImage(name, tag: tag, config: config, layers: layers)
        saved()
        var headers = HTTPHeaders()
        headers.add("Docker-Content-Digest", stored.digest)
        headers.add("Location", "/v2/\(name)/manifests/\(stored.digest)")
        headers.add("Content-Length", "0")
        return HTTPResponse(status: 201, headers: headers)
    }

    private func nameUnknown(_ name: String) -> HTTPResponse {
        error(404, "NAME_UNKNOWN", "repository name not known to registry", detail: "{\"name\":\"\(name)\"}")
    }

    private func error(_ status: Int, _ code: String, _ message: String, detail: String) -> HTTPResponse {
        json(status, "{\"errors\":[{\"code\":\"\(code)\",\"message\":\"\(message)\",\"detail\":\(detail)}]}")
    }

    private func json(_ status: Int, _ text: String, raw: Bool = false) -> HTTPResponse {
        let bytes = Array((raw ? text : text + "\n").utf8)
        var headers = HTTPHeaders()
        headers.add("Content-Type", raw ? "text/plain; charset=utf-8" : "application/json; charset=utf-8")
        headers.add("Docker-Distribution-Api-Version", "registry/2.0")
        headers.add("Content-Length", String(bytes.count))
        return HTTPResponse(status: status, headers: headers, body: bytes)
    }
}

/// Registers the programs of the images this module defines (the `registry:2` server).
public enum DockerPrograms {
    public static func register(in registry: ProgramRegistry, era: Era) {
        registry.register("registry", RegistryServerProgram(goVersion: era.docker.registryGoVersion))
    }
}
