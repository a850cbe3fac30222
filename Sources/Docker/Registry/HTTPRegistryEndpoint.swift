import Foundation
import Kernel

/// A registry reached over the simulated network with the registry HTTP API v2
/// (`localhost:5000` served by a `registry:2` container).
public final class HTTPRegistryEndpoint: RegistryEndpoint {
    public let host: String
    let stack: NetworkStack
    /// What the engine calls itself in requests (`docker/17.12.0-ce go/go1.9.2`).
    let userAgent: String

    public init(host: String, stack: NetworkStack, userAgent: String) {
        self.host = host
        self.stack = stack
        self.userAgent = userAgent
    }

    public var isDockerHub: Bool { false }

    private var address: (name: String, port: Int) {
        let parts = host.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        return (parts.first ?? host, parts.count > 1 ? Int(parts[1]) ?? 80 : 80)
    }

    /// One request on a fresh connection.
    private func send(_ method: String, _ target: String, body: [UInt8] = []) async throws(DockerError) -> HTTPResponse {
        let (name, port) = address
        let connection: Connection
        do {
            connection = try await stack.connect(host: name, port: port)
        } catch {
            let resolved = stack.resolve(name).first ?? name
            switch error {
            case .hostNotFound:
                throw .other("Get http://\(host)/v2/: dial tcp: lookup \(name): no such host")
            case .system(let code):
                let reason = code == .ECONNREFUSED ? "getsockopt: connection refused" : code.message.lowercased()
                throw .other("Get http://\(host)/v2/: dial tcp \(resolved):\(port): \(reason)")
            }
        }
        var headers = HTTPHeaders()
        headers.add("Host", host)
        headers.add("User-Agent", userAgent)
        if !body.isEmpty || method == "PUT" || method == "POST" { headers.add("Content-Length", String(body.count)) }
        do {
            try connection.output.write(HTTPRequest(method: method, target: target, headers: headers, body: body).serialized)
            let response = try await HTTPReader(connection.input).readResponse(bodyless: method == "HEAD")
            connection.close()
            guard let response else { throw DockerError.other("received unexpected HTTP status: 500 Internal Server Error") }
            return response
        } catch let error as DockerError {
            throw error
        } catch {
            connection.close()
            throw .other("Get http://\(host)/v2/: EOF")
        }
    }

    public func fetchManifest(_ path: String, tag: String) async throws(DockerError) -> Manifest? {
        let response = try await send("GET", "/v2/\(path)/manifests/\(tag)")
        return response.status == 200 ? BlobCoding.decodeManifest(response.body) : nil
    }

    public func containsRepository(_ path: String) async throws(DockerError) -> Bool {
        try await send("GET", "/v2/\(path)/tags/list").status == 200
    }

    private func tags(of path: String) async throws(DockerError) -> [String] {
        let response = try await send("GET", "/v2/\(path)/tags/list")
        guard response.status == 200,
              let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else { return [] }
        return object["tags"] as? [String] ?? []
    }

    public func fetchConfig(_ digest: String, in path: String) async throws(DockerError) -> ImageConfig? {
        let response = try await send("GET", "/v2/\(path)/blobs/\(digest)")
        return response.status == 200 ? BlobCoding.decodeConfig(response.body) : nil
    }

    public func fetchLayer(_ digest: String, in path: String) async throws(DockerError) -> Layer? {
        let response = try await send("GET", "/v2/\(path)/blobs/\(digest)")
        return response.status == 200 ? BlobCoding.decodeLayer(response.body) : nil
    }

    public func containsLayer(_ digest: String, in path: String) async throws(DockerError) -> Bool {
        try await send("HEAD", "/v2/\(path)/blobs/\(digest)").status == 200
    }

    public func layerDigests(of path: String) async throws(DockerError) -> Set<String> {
        var digests: Set<String> = []
        for tag in try await tags(of: path) {
            if let manifest = try await fetchManifest(path, tag: tag) { digests.formUnion(manifest.layers.map(\.digest)) }
        }
        return digests
    }

    public func mountSource(for digest: String) async throws(DockerError) -> String? { nil }

    public func uploadLayer(_ layer: Layer, into path: String) async throws(DockerError) {
        let response = try await send("POST", "/v2/\(path)/blobs/uploads/?digest=\(layer.digest)", body: BlobCoding.encode(layer))
        guard response.status == 201 else { throw .other("received unexpected HTTP status: \(response.statusLine.dropFirst(9))") }
    }

    public func uploadImage(_ path: String, tag: String, config: ImageConfig, layers: [Layer]) async throws(DockerError) -> Manifest {
        let upload = try await send("POST", "/v2/\(path)/blobs/uploads/?digest=\(config.digest)", body: config.canonicalBytes)
        guard upload.status == 201 else { throw .other("received unexpected HTTP status: \(upload.statusLine.dropFirst(9))") }
        let manifest = Manifest(config: config, layers: layers)
        let response = try await send("PUT", "/v2/\(path)/manifests/\(tag)", body: manifest.bytes)
        guard response.status == 201 else { throw .other("received unexpected HTTP status: \(response.statusLine.dropFirst(9))") }
        return manifest
    }

    public func allowsPush(to path: String, by user: String?) -> Bool { true }
}
