import Crypto

/// Content digests in the `sha256:<64 hex>` form images, layers and manifests are named by.
public enum ContentDigest {
    /// `sha256:` followed by the hex SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> String {
        "sha256:" + hex(bytes)
    }

    public static func sha256(_ text: String) -> String {
        sha256(Array(text.utf8))
    }

    /// The 64 hex digits alone.
    public static func hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
    }

    /// The hex part of a digest, without the algorithm.
    public static func hexPart(_ digest: String) -> String {
        digest.hasPrefix("sha256:") ? String(digest.dropFirst(7)) : digest
    }

    /// The 12-digit short form docker prints.
    public static func short(_ digest: String) -> String {
        String(hexPart(digest).prefix(12))
    }
}
