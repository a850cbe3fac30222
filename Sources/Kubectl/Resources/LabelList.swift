/// The `key1=value1,key2=value2` form of `--labels` and expose's `--selector`.
enum LabelList {
    /// The labels of `text`; a pair without `=` is the era's `invalid label spec` error.
    static func parse(_ text: String) throws(KubectlError) -> [String: String] {
        var labels: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .message("invalid label spec: \(pair)") }
            labels[String(parts[0])] = String(parts[1])
        }
        return labels
    }
}
