/// A content descriptor inside a manifest: media type, size and digest of a blob.
public struct BlobDescriptor: Codable, Hashable, Sendable {
    public var mediaType: String
    public var size: Int
    public var digest: String
}

/// An image manifest (schema 2): the config blob and the layer blobs of one tagged image.
public struct Manifest: Codable, Hashable, Sendable {
    public var config: BlobDescriptor
    public var layers: [BlobDescriptor]

    public static let mediaType = "application/vnd.docker.distribution.manifest.v2+json"
    static let configMediaType = "application/vnd.docker.container.image.v1+json"
    static let layerMediaType = "application/vnd.docker.image.rootfs.diff.tar.gzip"

    public init(config: ImageConfig, layers: [Layer]) {
        self.config = BlobDescriptor(mediaType: Self.configMediaType, size: config.canonicalBytes.count, digest: config.digest)
        self.layers = layers.map { BlobDescriptor(mediaType: Self.layerMediaType, size: $0.size, digest: $0.digest) }
    }

    /// The document as the registry stores it (docker indents with three spaces).
    public var bytes: [UInt8] {
        func descriptor(_ blob: BlobDescriptor, indent: String) -> String {
            "\(indent){\n\(indent)   \"mediaType\": \"\(blob.mediaType)\",\n\(indent)   \"size\": \(blob.size),\n\(indent)   \"digest\": \"\(blob.digest)\"\n\(indent)}"
        }
        var text = "{\n   \"schemaVersion\": 2,\n   \"mediaType\": \"\(Self.mediaType)\",\n   \"config\": "
        text += String(descriptor(config, indent: "   ").dropFirst(3))
        text += ",\n   \"layers\": [\n"
        text += layers.map { descriptor($0, indent: "      ") }.joined(separator: ",\n")
        text += "\n   ]\n}"
        return Array(text.utf8)
    }

    /// `sha256:` of `bytes`: what `Digest:` and `RepoDigests` show.
    public var digest: String { ContentDigest.sha256(bytes) }
}
