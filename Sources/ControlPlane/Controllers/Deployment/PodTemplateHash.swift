import KubernetesAPI
import StructuredData

/// The `pod-template-hash` label of a deployment's replica sets (≈1.8): the FNV-32a hash of the
/// template, its decimal digits mapped through the name alphabet (`rand.SafeEncodeString`), so
/// hashes only contain `4-9`, `b`, `c`, `d`, `f`.
enum PodTemplateHash {
    static let label = "pod-template-hash"

    static func compute(_ template: PodTemplateSpec?, collisionCount: Int?) -> String {
        var hash: UInt32 = 2_166_136_261
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt32(byte)
                hash = hash &* 16_777_619
            }
        }
        let text = (try? JSONValueEncoder().encode(template))?.jsonText() ?? ""
        mix(text.utf8)
        if let collisionCount { mix(String(collisionCount).utf8) }
        return safeEncode(String(hash))
    }

    static func safeEncode(_ text: String) -> String {
        let alphabet = Identifiers.nameAlphabet
        return String(text.unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
    }

    /// The template without the hash label, to compare a replica set's template with a deployment's.
    static func stripped(_ template: PodTemplateSpec?) -> PodTemplateSpec? {
        var copy = template
        copy?.metadata?.labels?[label] = nil
        if copy?.metadata?.labels?.isEmpty == true { copy?.metadata?.labels = nil }
        return copy
    }
}
