import Foundation

/// How layers and configs travel as registry blobs between the engine and `registry:2`.
enum BlobCoding {
    static func encode(_ layer: Layer) -> [UInt8] {
        (try? Array(JSONEncoder().encode(layer))) ?? []
    }

    static func decodeLayer(_ bytes: [UInt8]) -> Layer? {
        guard let decoded = try? JSONDecoder().decode(Layer.self, from: Data(bytes)) else { return nil }
        // Recompute the digest from the entries: a blob cannot lie about its name.
        return Layer(entries: decoded.entries, nominalSize: decoded.nominalSize)
    }

    static func decodeConfig(_ bytes: [UInt8]) -> ImageConfig? {
        try? JSONDecoder().decode(ImageConfig.self, from: Data(bytes))
    }

    static func decodeManifest(_ bytes: [UInt8]) -> Manifest? {
        try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }
}
